/**
 * The app never flags its own template text (issue #14): a report made from each built-in template, its
 * parts and sub-headings as the template gives them and a neutral sentence of the clerk's under each,
 * draws no finding on the template's headings, title or sub-headings, and none about their wording.
 */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../checks/index';
import { createReportFromTemplate } from '../model/fromTemplate';
import { toPlainText } from '../model/plainText';
import { defaultRegistry } from './registry';

/** Rules about text still to be written, not about the words already there. */
const ABOUT_MISSING_TEXT = new Set([
  'section.empty',
  'section.thin',
  'section.no-causes',
  'indicator.missing',
  'signature.missing',
]);

describe.each(defaultRegistry.list().map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it.each([2019, 2025, 2031])('a fresh %i report draws no finding on the template’s own words', (year) => {
    const doc = createReportFromTemplate(template, { unit: '青石镇', year, date: `${year + 1}年1月15日` });
    for (const section of doc.sections)
      for (const block of section.blocks)
        if (block.kind === 'paragraph') block.text = '按照要求认真落实各项工作，取得了较好效果。';
    const plain = toPlainText(doc);
    const templateLines = plain.lines.filter((l) => ['title', 'heading', 'subheading'].includes(l.kind));
    const findings = checkReport(doc).findings.filter((f) => !ABOUT_MISSING_TEXT.has(f.rule));
    const onTemplate = findings.filter((f) =>
      templateLines.some(
        (l) => f.start !== null && f.start >= l.start && f.start < l.start + Math.max(l.text.length, 1),
      ),
    );
    expect(onTemplate.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    expect(findings.filter((f) => f.rule === 'year.plans').map((f) => f.message)).toEqual([]);
  });
});

it('a plans heading of the clerk’s own that names no year is still asked for one', () => {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025 });
  const plans = doc.sections.find((s) => s.part === 'plans')!;
  plans.heading = plans.heading.replace('下一年度主要安排', '下一步工作打算');
  plans.blocks = [{ kind: 'paragraph', text: '继续加强执法队伍建设，深化普法宣传。' }];
  expect(
    checkReport(doc)
      .findings.filter((f) => f.rule === 'year.plans')
      .map((f) => f.message),
  ).toEqual(['“下一步工作打算”没有写明年度。请写明是2026年的安排，例如标题写作“2026年工作打算”。']);
});
