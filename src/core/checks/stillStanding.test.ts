import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../model/fromTemplate';
import { toPlainText } from '../model/plainText';
import type { ReportDocument } from '../model/report';
import { defaultRegistry } from '../templates/registry';
import { checkReport } from './index';
import { mapRange, stillStanding } from './stillStanding';
import type { Finding } from './types';

function report(measures: string[]): ReportDocument {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青山乡', year: 2025 });
  const section = doc.sections.find((s) => s.part === 'measures')!;
  section.blocks = measures.map((text) => ({ kind: 'paragraph' as const, text }));
  return doc;
}

/** The check and the plain text of a report, as the panel holds them. */
function checked(doc: ReportDocument) {
  return { findings: checkReport(doc).findings, text: toPlainText(doc).text };
}

const confusable = (findings: Finding[]) => findings.filter((f) => f.fix?.label === '改为“其他”');

describe('a range of the text before an edit, in the text after it', () => {
  it('stays before the change, moves after it, and is lost where the change touches it', () => {
    const before = '甲乙丙丁戊己';
    // 丙 removed: 甲乙 stays, 戊己 moves back by one, 丙丁 is touched.
    expect(mapRange(before, '甲乙丁戊己', 0, 2)).toEqual([0, 2]);
    expect(mapRange(before, '甲乙丁戊己', 4, 6)).toEqual([3, 5]);
    expect(mapRange(before, '甲乙丁戊己', 2, 4)).toBeNull();
    // Two characters typed right before a range: it moves; right after it: it stays.
    expect(mapRange(before, '甲乙子丑丙丁戊己', 2, 4)).toEqual([4, 6]);
    expect(mapRange(before, '甲乙丙丁子丑戊己', 2, 4)).toEqual([2, 4]);
    // A word replaced by one of the same length, inside the range: touched.
    expect(mapRange(before, '甲乙丙癸戊己', 2, 4)).toBeNull();
    expect(mapRange(before, before, 1, 3)).toEqual([1, 3]);
    // Repeated characters: any reading of the change gives the same text, so the same place.
    expect(mapRange('啊啊啊好', '啊啊好', 3, 4)).toEqual([2, 3]);
  });
});

describe('which clicked fixes still stand after the text changed', () => {
  it('finds the same finding at its new place when text was typed before it', () => {
    const old = checked(report(['其它工作按计划推进。']));
    const clicked = confusable(old.findings);
    expect(clicked).toHaveLength(1);
    const now = checked(report(['全乡', '其它工作按计划推进。']));
    const standing = stillStanding(clicked, old.text, now.findings, now.text);
    expect(standing).toHaveLength(1);
    expect(now.text.slice(standing[0]!.fix!.start, standing[0]!.fix!.end)).toBe('其它');
    expect(standing[0]!.fix!.start).toBeGreaterThan(clicked[0]!.fix!.start);
  });

  it('leaves out a finding the edit removed (Ctrl+Z took the word away), and one whose words were retyped', () => {
    const old = checked(report(['调解纠纷12件，其它事项3件。']));
    const clicked = confusable(old.findings);
    const undone = checked(report(['调解纠纷12件。']));
    expect(stillStanding(clicked, old.text, undone.findings, undone.text)).toEqual([]);
    // 其它 changed by hand to 其余 before the check ran: nothing to fix there any more.
    const retyped = checked(report(['调解纠纷12件，其余事项3件。']));
    expect(stillStanding(clicked, old.text, retyped.findings, retyped.text)).toEqual([]);
  });

  it('全部改正 keeps those of its findings the edit left alone, each at its place now', () => {
    const old = checked(report(['其它村居已完成。', '其它科室配合。', '对其它问题建立台账。']));
    const clicked = confusable(old.findings);
    expect(clicked).toHaveLength(3);
    // The second paragraph was edited where its 其它 is; the others stand (the third moved).
    const now = checked(report(['其它村居已完成。', '各科室配合。', '对其它问题建立台账。']));
    const standing = stillStanding(clicked, old.text, now.findings, now.text);
    expect(standing.map((f) => now.text.slice(f.fix!.start, f.fix!.end + 2))).toEqual(['其它村居', '其它问题']);
  });

  it('when nothing changed, gives the clicked findings back as they are', () => {
    const old = checked(report(['其它工作按计划推进。']));
    const clicked = confusable(old.findings);
    expect(stillStanding(clicked, old.text, old.findings, old.text)).toEqual(clicked);
  });
});
