import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../../core/model/fromTemplate';
import { toPlainText } from '../../core/model/plainText';
import { defaultRegistry } from '../../core/templates/registry';
import { countChars, countDocumentChars, findMatches } from './find';

function report() {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '柳河镇', year: 2025 });
  doc.sections.find((s) => s.part === 'shortcomings')!.blocks = [
    { kind: 'paragraph', text: '巡查人员少，巡查车辆旧。' },
  ];
  doc.sections.find((s) => s.part === 'plans')!.blocks = [{ kind: 'paragraph', text: '加强巡查　队伍建设。' }];
  return doc;
}

describe('find and 字数', () => {
  it('finds every occurrence in the body, in order, with block and offsets', () => {
    const matches = findMatches(toPlainText(report()), '巡查');
    expect(matches.map((m) => [m.sectionKey, m.blockIndex, m.from])).toEqual([
      ['shortcomings', 0, 0],
      ['shortcomings', 0, 6],
      ['plans', 0, 2],
    ]);
    expect(findMatches(toPlainText(report()), '')).toEqual([]);
  });

  it('finds in the title, part headings, closing lines, 署名 and 成文日期 too, at their plain-text offsets', () => {
    const doc = report();
    doc.meta.title = '柳河镇人民政府\n关于2025年度法治政府建设情况的报告';
    doc.meta.signature = ['柳河镇人民政府'];
    doc.meta.date = '2026年1月5日';
    doc.closing = ['（联系人：柳河镇党政办）'];
    doc.sections.find((s) => s.part === 'plans')!.heading = '四、柳河镇2026年工作打算';
    const plain = toPlainText(doc);
    const matches = findMatches(plain, '柳河镇');
    expect(matches.map((m) => m.kind)).toEqual(['title', 'heading', 'closing', 'signature']);
    for (const m of matches) expect(plain.text.slice(m.start, m.end)).toBe('柳河镇');
    expect(findMatches(plain, '2026').map((m) => m.kind)).toEqual(['heading', 'date']);
  });

  it('never finds a part heading’s fixed number, only its wording', () => {
    const doc = report();
    doc.sections.find((s) => s.part === 'plans')!.heading = '四、下一年度四项安排';
    const inHeadings = findMatches(toPlainText(doc), '四').filter((m) => m.kind === 'heading');
    expect(inHeadings.map((m) => m.from)).toEqual([6]);
  });

  it('counts characters without spaces, the title and headings included', () => {
    const plain = toPlainText(report());
    const all = plain.lines.map((l) => l.text).join('');
    expect(countChars(plain)).toBe(all.replace(/[\s\u3000]/g, '').length);
    expect(countChars(plain)).toBeGreaterThan(100);
  });

  it('keeps the live 字数 equal to the whole count as parts, tables and the closing lines change', () => {
    const doc = report();
    doc.meta.title = '柳河镇人民政府\n关于2025年度法治政府建设情况的报告';
    doc.meta.date = '2026年1月15日';
    doc.closing = ['特此报告。'];
    const whole = (d: typeof doc) => countChars(toPlainText(d));
    expect(countDocumentChars(doc)).toBe(whole(doc));
    // One part edited (a new Section object), the others kept: the count follows the edit.
    const edited = {
      ...doc,
      sections: doc.sections.map((s) =>
        s.part === 'plans'
          ? {
              ...s,
              blocks: [
                ...s.blocks,
                {
                  kind: 'table' as const,
                  rows: [
                    ['项目', '件数'],
                    ['调解', '12'],
                  ],
                  text: '项目\t件数\n调解\t12',
                },
              ],
            }
          : s,
      ),
      closing: ['特此报告。', ' '],
    };
    expect(countDocumentChars(edited)).toBe(whole(edited));
    expect(countDocumentChars(edited)).toBe(countDocumentChars(doc) + '项目件数调解12'.length);
  });
});
