import { describe, expect, it } from 'vitest';
import { importText } from '../import/index';
import { toPlainText } from '../model/plainText';
import { draftNextYear, promisesOf } from './nextYear';

const LAST_YEAR = [
  '青石镇关于2024年度法治政府建设情况的报告',
  '县委、县政府：',
  '2024年，我镇扎实推进法治政府建设。现将有关情况报告如下：',
  '一、主要举措和成效',
  '全年开展法治培训6场次，覆盖300人次。',
  '二、存在的不足和原因',
  '法治力量不足，主要原因是人员少。',
  '三、2025年工作安排',
  '2025年，我镇将重点抓好以下工作。',
  '（一）开展法治培训。每季度至少一次。',
  '（二）完善合法性审查。',
  '青石镇人民政府',
  '2025年1月20日',
].join('\n');

describe('draftNextYear', () => {
  const imported = importText(LAST_YEAR);
  if (!imported.ok) throw new Error(imported.error);
  imported.doc.indicators = { training: { value: 6, unit: '场次' } };
  const draft = draftNextYear(imported.doc, { date: '2026年1月15日' });

  it('is next year’s report of the same unit, outline, addressee and signature', () => {
    expect(draft.meta).toMatchObject({
      year: 2025,
      unit: '青石镇',
      title: '青石镇关于2025年度法治政府建设情况的报告',
      addressee: '县委、县政府：',
      signature: ['青石镇人民政府'],
      date: '2026年1月15日',
    });
    expect(draft.sections.map((s) => s.part)).toEqual(['opening', 'measures', 'leadership', 'shortcomings', 'plans', 'other']);
  });

  it('turns last year’s plans into a checklist to answer in 举措和成效', () => {
    const measures = draft.sections.find((s) => s.part === 'measures')!;
    expect(measures.blocks.slice(0, 2)).toEqual([
      { kind: 'paragraph', text: '去年计划：开展法治培训。　完成情况：' },
      { kind: 'paragraph', text: '去年计划：完善合法性审查。　完成情况：' },
    ]);
    expect(draft.previous).toEqual({ year: 2024, indicators: { training: 6 }, plans: ['开展法治培训。', '完善合法性审查。'] });
  });

  it('copies no body text of last year’s silently', () => {
    const text = toPlainText(draft).text;
    expect(text).not.toContain('覆盖300人次');
    expect(text).not.toContain('主要原因是人员少');
  });

  it('takes every paragraph as a promise when the plans are not numbered', () => {
    expect(promisesOf([{ kind: 'paragraph', text: '加强培训。继续努力。' }])).toEqual(['加强培训。']);
  });
});
