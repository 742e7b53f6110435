import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../../core/model/fromTemplate';
import { toPlainText } from '../../core/model/plainText';
import { defaultRegistry } from '../../core/templates/registry';
import { countChars, findMatches } from './find';

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
    expect(matches.map((m) => [m.sectionKey, m.blockIndex, m.start])).toEqual([
      ['shortcomings', 0, 0],
      ['shortcomings', 0, 6],
      ['plans', 0, 2],
    ]);
    expect(findMatches(toPlainText(report()), '')).toEqual([]);
  });

  it('counts characters without spaces, the title and headings included', () => {
    const plain = toPlainText(report());
    const all = plain.lines.map((l) => l.text).join('');
    expect(countChars(plain)).toBe(all.replace(/[\s\u3000]/g, '').length);
    expect(countChars(plain)).toBeGreaterThan(100);
  });
});
