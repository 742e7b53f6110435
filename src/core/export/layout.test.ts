import { describe, expect, it } from 'vitest';
import { attachmentLines, attachmentName, charWidth, signatureIndents, textWidth } from './layout';

describe('署名 and 成文日期 indents (GB/T 9704 7.3.5.2)', () => {
  // "2026年1月15日" as set: 3 Chinese characters, 7 digits of 7.7 pt and 5 gaps of 3.2 pt between digits and
  // Chinese characters: 7.55 characters.
  it('measures the date as it is set, gaps between digits and 年月日 included', () => {
    expect(textWidth('2026年1月15日')).toBeCloseTo(7.55, 2);
    expect(textWidth('青石镇人民政府')).toBe(7);
  });

  it('puts a long 署名 two characters from the right, the date starting two characters right of it', () => {
    // 15-character 署名: the date ends 15 − 2 − 7.55 = 5.45 characters left of the 署名's end.
    const { signature, date } = signatureIndents(['中共青石镇委员会青石镇人民政府'], '2026年1月15日');
    expect(signature).toEqual([2]);
    expect(date).toBeCloseTo(7.45, 2);
  });

  it('keeps the date two characters from the right when it would pass that, moving the 署名 left', () => {
    const { signature, date } = signatureIndents(['青石镇人民政府'], '2026年1月15日');
    expect(date).toBe(2);
    expect(signature[0]).toBeCloseTo(4.55, 2);
  });

  it('centres shorter co-signers under the widest and sets a date alone two characters in', () => {
    const { signature } = signatureIndents(['中共青石镇委员会', '青石镇人民政府'], '2026年1月15日');
    expect(signature[0]).toBeCloseTo(3.55, 2);
    expect(signature[1]! - signature[0]!).toBe(0.5);
    expect(signatureIndents([], '2026年1月15日')).toEqual({ signature: [], date: 2 });
  });
});

describe('署名 and 成文日期 of a sealed report (GB/T 9704 7.3.5.1)', () => {
  it('puts the date four characters from the right and centres each 署名 over it', () => {
    const date = '2026年1月15日';
    const { signature, date: right } = signatureIndents(['中共青石镇委员会', '青石镇人民政府'], date, true);
    expect(right).toBe(4);
    // Centre of each 署名 = centre of the date, measured from the right margin.
    for (const [i, line] of ['中共青石镇委员会', '青石镇人民政府'].entries()) {
      expect(signature[i]! + textWidth(line) / 2).toBeCloseTo(4 + textWidth(date) / 2, 6);
    }
  });

  it('never pushes a 署名 longer than the date past the right margin', () => {
    const { signature } = signatureIndents(['中共青石县白河乡委员会青石县白河乡人民政府'], '2026年1月15日', true);
    expect(signature[0]).toBe(0);
  });
});

describe('附件说明 lines (7.3.4)', () => {
  it('labels the first, numbers several, and hangs every name under its first character', () => {
    expect(attachmentLines(['统计表'])).toEqual([{ text: '附件：统计表', first: 2, rest: 5 }]);
    expect(attachmentLines(['统计表', '目录'])).toEqual([
      { text: '附件：1. 统计表', first: 2, rest: 6.5 },
      { text: '2. 目录', first: 5, rest: 6.5 },
    ]);
  });

  it('numbers names that already carry a number once, whatever form the number took', () => {
    expect(attachmentLines(['1.执法统计表', '2、重大行政决策目录', '（3）培训名单']).map((l) => l.text)).toEqual([
      '附件：1. 执法统计表',
      '2. 重大行政决策目录',
      '3. 培训名单',
    ]);
    // A single attachment takes no number (7.3.4), even when the clerk typed one.
    expect(attachmentLines(['1．执法统计表'])[0]!.text).toBe('附件：执法统计表');
    for (const name of ['2025年度执法统计表', '1.5万元以上项目清单', '12345热线办理情况'])
      expect(attachmentName(name)).toBe(name);
    expect(attachmentName('(2) 合同审查台账')).toBe('合同审查台账');
    expect(attachmentName('③普法清单')).toBe('普法清单');
  });
});

describe('character widths', () => {
  it('counts Latin letters and digits as half a character', () => {
    expect(charWidth('2026年1月15日')).toBe(6.5);
  });
});
