/**
 * The draft's checklist of last year's plans (issue #14): the draft never trips the checker's own rules,
 * the reminder follows the line in either form, and an unanswered line blocks 可以提交 and is never printed.
 * Our own texts.
 */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../checks/index';
import { toWebText } from '../export/webText';
import { importText } from '../import/index';
import { toPlainText } from '../model/plainText';
import type { ReportDocument } from '../model/report';
import { draftNextYear } from './nextYear';

const LAST_YEAR = [
  '桐溪乡2025年度法治政府建设情况报告',
  '县委、县政府：',
  '2025年，我乡认真落实法治政府建设各项任务。现将有关情况报告如下：',
  '一、主要举措和成效',
  '全年开展法治讲座5场次，调解矛盾纠纷40件。',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '乡党委书记主持专题会议研究法治建设3次。',
  '三、存在的不足和原因',
  '执法人员专业能力不足，主要原因是培训机会少。',
  '四、2026年工作安排',
  '2026年，我乡将重点做好以下工作：',
  '1.健全乡村两级公共法律服务体系。',
  '2.推动行政执法“三项制度”全面落地。',
  '3.开展“法律明白人”培养工程。',
  '桐溪乡人民政府',
  '2026年1月18日',
].join('\n');

function draft(): ReportDocument {
  const imported = importText(LAST_YEAR);
  if (!imported.ok) throw new Error(imported.error);
  return draftNextYear(imported.doc, { date: '2027年1月15日' });
}

const measures = (doc: ReportDocument) => doc.sections.find((s) => s.part === 'measures')!;
const unanswered = (doc: ReportDocument) => checkReport(doc).findings.filter((f) => f.rule === 'previous.unanswered');

describe('the checklist of last year’s plans', () => {
  it('names the year the plans were made for (this report’s), so the checker flags none of the draft’s own words', () => {
    const doc = draft();
    const lines = measures(doc)
      .blocks.slice(0, 3)
      .map((b) => b.text);
    expect(lines).toEqual([
      '2026年计划：健全乡村两级公共法律服务体系。　完成情况：',
      '2026年计划：推动行政执法“三项制度”全面落地。　完成情况：',
      '2026年计划：开展“法律明白人”培养工程。　完成情况：',
    ]);
    const checklist = toPlainText(doc).lines.filter((l) => lines.includes(l.text));
    expect(checklist).toHaveLength(3);
    const onChecklist = checkReport(doc).findings.filter(
      (f) =>
        f.rule !== 'previous.unanswered' &&
        checklist.some((l) => f.start !== null && f.start >= l.start && f.start <= l.start + l.text.length),
    );
    expect(onChecklist).toEqual([]);
    expect(
      checkReport(doc)
        .findings.map((f) => f.message)
        .join('\n'),
    ).not.toMatch(/“去年”/);
  });

  it('reminds of each missing answer (a warning: the bare line is never printed) and leads to its line', () => {
    const doc = draft();
    const found = unanswered(doc);
    expect(found).toHaveLength(3);
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
    expect(found[0]!.message).toContain('不会打印和导出');
    expect(found[0]!.message).toContain('健全乡村两级公共法律服务体系');
    const line = toPlainText(doc).lines.find((l) => l.text.startsWith('2026年计划：健全'))!;
    expect(found[0]!.start).toBe(line.start);
    // Not an error: it does not keep the report from 可以提交 on its own.
    expect(checkReport(doc).findings.filter((f) => f.severity === 'error' && f.rule === 'previous.unanswered')).toEqual(
      [],
    );
  });

  it('recognises the line in the older "去年计划：" form too, and lets go of it once answered', () => {
    const doc = draft();
    const blocks = measures(doc).blocks;
    blocks[0]!.text = blocks[0]!.text.replace('2026年计划：', '去年计划：');
    expect(unanswered(doc)).toHaveLength(3);
    blocks[0]!.text += '已在12个村设立法律服务点。';
    blocks[1]!.text += '已完成，公示执法信息86条。';
    expect(unanswered(doc)).toHaveLength(1);
  });

  it('never takes a clerk’s own sentence for a checklist line', () => {
    const doc = draft();
    measures(doc).blocks.splice(0, 3, { kind: 'paragraph', text: '2026年计划：完成普法任务，全年完成情况：良好。' });
    measures(doc).blocks.push(
      { kind: 'paragraph', text: '年度重点任务完成情况：' },
      { kind: 'paragraph', text: '2026年计划建设的法治广场已完工。' },
    );
    expect(unanswered(doc)).toEqual([]);
  });

  it('prints no bare "完成情况：" line, but prints an answered one', () => {
    const doc = draft();
    measures(doc).blocks[0]!.text += '已在12个村设立法律服务点。';
    const text = toWebText(doc);
    expect(text).toContain('健全乡村两级公共法律服务体系。　完成情况：已在12个村设立法律服务点。');
    expect(text).not.toContain('三项制度');
    expect(text).not.toMatch(/完成情况：\s*(\n|$)/);
  });
});
