import { describe, expect, it } from 'vitest';
import { singleCharacterAt } from './index';

describe('singleCharacterAt: the character Backspace or Delete removes without measuring the caret', () => {
  it('takes one Chinese character, full-width mark, digit or Latin letter', () => {
    expect(singleCharacterAt('依法行政。', 2, true)).toBe(1);
    expect(singleCharacterAt('依法行政。', 5, true)).toBe(4);
    expect(singleCharacterAt('审查13次', 3, false)).toBe(3);
    expect(singleCharacterAt('（一）abc', 4, true)).toBe(3);
    expect(singleCharacterAt('满意度９８％', 5, false)).toBe(5);
  });

  it('leaves the edges of the text to the editor (merging paragraphs, parts)', () => {
    expect(singleCharacterAt('法治', 0, true)).toBeNull();
    expect(singleCharacterAt('法治', 2, false)).toBeNull();
  });

  it('leaves emoji, surrogate pairs and variation selectors to the browser', () => {
    expect(singleCharacterAt('好👍', 3, true)).toBeNull();
    expect(singleCharacterAt('𠀀字', 2, true)).toBeNull();
    expect(singleCharacterAt('葛\u{E0100}字', 1, false)).toBeNull();
    expect(singleCharacterAt('☺\ufe0f', 1, true)).toBeNull();
  });

  it('leaves combining marks, joiners and voicing marks to the browser', () => {
    expect(singleCharacterAt('cafe\u0301', 4, true)).toBeNull();
    expect(singleCharacterAt('e\u0301x', 1, true)).toBeNull();
    expect(singleCharacterAt('か\u3099き', 1, true)).toBeNull();
    expect(singleCharacterAt('a\u200db', 3, true)).toBeNull();
    expect(singleCharacterAt('ｶﾞ', 1, true)).toBeNull();
  });

  it('leaves Hangul, Devanagari and other scripts with clusters to the browser', () => {
    expect(singleCharacterAt('한국', 1, true)).toBeNull();
    expect(singleCharacterAt('\u1100\u1161', 2, true)).toBeNull();
    expect(singleCharacterAt('क्ष', 3, true)).toBeNull();
  });
});
