import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import indicatorsJson from '../../../templates/indicators.json';
import { IndicatorsSchema } from '../checks/indicators';
import { BUILTIN_TEMPLATES, TemplateRegistry, chineseNumeral, parseTemplate } from './registry';

const templatesDir = join(__dirname, '../../../templates');
const outlineFiles = readdirSync(templatesDir).filter(
  (f) =>
    f.endsWith('.json') &&
    !['indicators.json', 'era-calendar.json', 'wording.json', 'county-profile.example.json'].includes(f),
);

describe('outline templates', () => {
  it.each(outlineFiles)('%s parses against the schema', (file) => {
    const parsed = parseTemplate(JSON.parse(readFileSync(join(templatesDir, file), 'utf8')), file);
    expect(parsed.ok ? '' : parsed.error).toBe('');
  });

  it('built in, is used as written: parsing changes nothing, every default is in the file', () => {
    for (const template of BUILTIN_TEMPLATES) {
      const parsed = parseTemplate(structuredClone(template), template.id);
      expect(parsed.ok && parsed.template).toEqual(template);
    }
  });

  it('indicators.json, used as written, meets its schema', () => {
    expect(IndicatorsSchema.parse(structuredClone(indicatorsJson))).toEqual(indicatorsJson);
  });

  it('has the three kinds of report the spec names', () => {
    expect(BUILTIN_TEMPLATES.map((t) => t.id).sort()).toEqual(['department', 'duty', 'township']);
  });

  it.each(['township', 'department'])('%s requires the five items of the rules', (id) => {
    const t = new TemplateRegistry().get(id)!;
    expect(
      t.parts
        .filter((p) => p.required)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['leadership', 'measures', 'other', 'plans', 'shortcomings']);
    expect(t.parts.find((p) => p.id === 'measures')!.minChars).toBeGreaterThanOrEqual(800);
    expect(t.parts.find((p) => p.id === 'plans')!.yearScope).toBe('next');
  });

  it('township 举措和成效 follows the nine task areas of the 纲要', () => {
    const measures = new TemplateRegistry().get('township')!.parts.find((p) => p.id === 'measures')!;
    expect(measures.subsections).toHaveLength(9);
    expect(measures.subsections[3]!.title).toBe('健全行政执法工作体系');
  });

  it('every indicator a template expects is defined in indicators.json', () => {
    const known = new Set(indicatorsJson.indicators.map((i) => i.id));
    for (const t of BUILTIN_TEMPLATES) {
      for (const p of t.parts) {
        for (const id of [...p.indicators, ...p.subsections.flatMap((s) => s.indicators)]) {
          expect(known.has(id), `${t.id}/${p.id} expects unknown indicator ${id}`).toBe(true);
        }
      }
    }
  });

  it('refuses a county template with a missing field, naming it in Chinese', () => {
    const broken = { ...BUILTIN_TEMPLATES[0], parts: [{ id: 'measures' }] };
    const parsed = parseTemplate(broken, '县模板');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^县模板格式不正确：parts\.0\./);
  });

  it('still reads a county template written with the fields no longer used (basis, detect, opening.sample, sub-heading hints)', () => {
    const t = BUILTIN_TEMPLATES[0]!;
    const older = {
      ...t,
      basis: '《某规定》',
      detect: { titleWords: ['镇'], bodyWords: ['我镇'] },
      opening: { ...t.opening, sample: '{year}年，{unit}……现将有关情况报告如下：' },
      parts: t.parts.map((p) => ({ ...p, subsections: p.subsections.map((s) => ({ ...s, hint: '写法提示。' })) })),
    };
    const parsed = parseTemplate(older, '县模板');
    expect(parsed.ok && parsed.template).toEqual(t);
  });

  it('refuses duplicated part ids', () => {
    const t = BUILTIN_TEMPLATES[0]!;
    const parsed = parseTemplate({ ...t, parts: [t.parts[0], t.parts[0]] });
    expect(parsed.ok).toBe(false);
  });

  it('a county template added at run time replaces the built-in one', () => {
    const registry = new TemplateRegistry();
    const custom = { ...BUILTIN_TEMPLATES[0]!, name: '某县乡镇报告（县定提纲）' };
    registry.add(custom);
    expect(registry.get('township')!.name).toBe('某县乡镇报告（县定提纲）');
    expect(registry.getOrDefault('nope').id).toBe('township');
  });
});

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [5, '五'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [23, '二十三'],
  ])('%i → %s', (n, s) => expect(chineseNumeral(n)).toBe(s));
});
