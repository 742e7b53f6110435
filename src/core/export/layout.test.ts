import { describe, expect, it } from 'vitest';
import { attachmentLines, charWidth, signatureIndents } from './layout';

describe('署名 and 成文日期 indents (GB/T 9704 7.3.5.2)', () => {
  it('puts a long 署名 two characters from the right, the date starting two characters right of it', () => {
    // 15-character 署名, 6.5-character date: the date ends 15 − 2 − 6.5 = 6.5 characters left of the 署名's end.
    expect(signatureIndents(['中共青石镇委员会青石镇人民政府'], '2026年1月15日')).toEqual({ signature: [2], date: 8.5 });
  });

  it('keeps the date two characters from the right when it would pass that, moving the 署名 left', () => {
    expect(signatureIndents(['青石镇人民政府'], '2026年1月15日')).toEqual({ signature: [3.5], date: 2 });
  });

  it('centres shorter co-signers under the widest and sets a date alone two characters in', () => {
    expect(signatureIndents(['中共青石镇委员会', '青石镇人民政府'], '2026年1月15日')).toEqual({ signature: [2.5, 3], date: 2 });
    expect(signatureIndents([], '2026年1月15日')).toEqual({ signature: [], date: 2 });
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
});

describe('character widths', () => {
  it('counts Latin letters and digits as half a character', () => {
    expect(charWidth('2026年1月15日')).toBe(6.5);
  });
});
