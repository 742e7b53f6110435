/**
 * The real published reports in ../shared/fixtures (expected results at the end of shared/spec/checks.md),
 * untouched and with errors planted in them: each planted error is found with the right rule id, and no
 * false error appears on the originals.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeNeeding } from '../../../test/support/needs';
import { importText } from '../import/index';
import { checkReport } from './index';

const dir = join(__dirname, '../../../../shared/fixtures/reports');
const have = existsSync(dir);
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

function check(text: string) {
  const imported = importText(text);
  if (!imported.ok) throw new Error(imported.error);
  return checkReport(imported.doc);
}
const errors = (text: string) => check(text).findings.filter((f) => f.severity === 'error');

describeNeeding(['fixtures'], 'real reports', () => {
  const caohui = have ? read('000_0df16618c53cf598.txt') : '';
  const youqing = have ? read('001_f6cbd3b905036bb2.txt') : '';
  const huayuan = have ? read('003_a96ddfb8e6442cfd.txt') : '';

  it('000 曹回镇 2023: leadership and other missing, no causes, plans without a year; nothing else is an error', () => {
    const result = check(caohui);
    expect(result.year).toBe(2023);
    expect(result.unit).toBe('曹回镇');
    const missing = result.findings.filter((f) => f.rule === 'section.missing').map((f) => f.section);
    expect(missing).toEqual(['leadership', 'other']);
    expect(result.findings.map((f) => f.rule)).toContain('section.no-causes');
    expect(result.findings.find((f) => f.rule === 'year.plans')).toMatchObject({ severity: 'warning' });
    expect(result.sections.find((s) => s.id === 'plans')).toMatchObject({ present: true });
    // 228 排查 / 228 化解 / 100% is consistent; 蒋某 and 高某 are already anonymised.
    expect(result.findings.filter((f) => f.rule.startsWith('indicator.') && f.rule !== 'indicator.missing')).toEqual(
      [],
    );
    expect(result.findings.filter((f) => f.rule.startsWith('privacy.'))).toEqual([]);
    expect(errors(caohui).map((f) => f.rule)).toEqual(['section.missing', 'section.missing']);
  });

  it('001 有庆镇 2020: leadership missing, plans name 2021, the phone and the staff line; 十九大/七五/十三五 fit 2020', () => {
    const result = check(youqing);
    expect(result.year).toBe(2020);
    expect(result.sections.find((s) => s.id === 'plans')).toMatchObject({ present: true, year: 2021 });
    const rules = result.findings.map((f) => f.rule);
    expect(rules).not.toContain('year.plans');
    expect(rules).toContain('privacy.staff-line');
    expect(result.findings.find((f) => f.rule === 'privacy.phone')!.severity).toBe('error');
    expect(rules.filter((r) => r.startsWith('era.'))).toEqual([]);
    expect(
      errors(youqing)
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['privacy.phone', 'section.missing', 'section.missing']);
  });

  it('003 花园镇 述职: its own template, no year in the title, no error', () => {
    const result = check(huayuan);
    expect(result.template).toBe('duty');
    expect(result.sections.every((s) => s.present)).toBe(true);
    expect(result.findings.find((f) => f.rule === 'title.form')!.message).toContain('年度');
    expect(errors(huayuan)).toEqual([]);
  });

  describe('with errors planted', () => {
    const plant = (text: string, anchor: string, insert: string) => {
      expect(text).toContain(anchor);
      return text.replace(anchor, anchor + insert);
    };

    it.each([
      ['a phone number', '特此报告', '\n联系人：蒋某，电话13800138000', 'privacy.phone'],
      ['a rate over 100%', '化解率达100%', ',调解成功率达到120%', 'indicator.rate-range'],
      [
        '十九大 as the latest congress',
        '现将工作情况报告如下:',
        '今年我镇深入贯彻落实党的十九大精神。',
        'era.congress',
      ],
      ['a placeholder', '七、下一步工作打算', '\n全年开展培训XX次。', 'placeholder'],
    ])('000 with %s', (_what, anchor, insert, rule) => {
      const planted = errors(plant(caohui, anchor, insert)).map((f) => f.rule);
      expect(planted).toContain(rule);
    });

    it('000 with a wrong plans year', () => {
      const planted = check(caohui.replace('七、下一步工作打算', '七、2023年工作打算'));
      expect(planted.findings.find((f) => f.rule === 'year.plans')).toMatchObject({ severity: 'error' });
    });

    it('001 with a wrong plans year and a future plenum', () => {
      const wrongYear = check(
        youqing.replace('三、2021年度推进法治政府建设的主要安排', '三、2020年度推进法治政府建设的主要安排'),
      );
      expect(wrongYear.findings.find((f) => f.rule === 'year.plans')).toMatchObject({ severity: 'error' });
      const future = errors(youqing.replace('四中、五中全会精神', '四中、五中、六中全会精神')).map((f) => f.rule);
      expect(future).toContain('era.congress');
    });
  });
});
