import { describe, expect, it } from 'vitest';
import { answerStart, promiseLine, promisePrefix, yearLabel } from './conventions';

describe('yearLabel', () => {
  it('says 年度 once, whether the year is known or not', () => {
    expect(yearLabel(2025)).toBe('2025年度');
    expect(yearLabel(null)).toBe('年度未识别');
    expect(yearLabel(undefined)).toBe('年度未识别');
  });
});

describe('the checklist line of last year’s plans', () => {
  it('is labelled with the year planned for, and read back in every form', () => {
    expect(promisePrefix(2021)).toBe('2021年计划：');
    expect(promisePrefix(null)).toBe('去年计划：');
    for (const text of ['2021年计划：建成调解室。　完成情况：', '去年计划：建成调解室。　完成情况：'])
      expect(promiseLine(text)).toEqual({ promise: '建成调解室。', answer: '' });
  });
});

describe('answerStart', () => {
  it('is where the answer begins, in either form of the year, with or without spaces', () => {
    for (const text of [
      '2026年计划：年内培训200人次。　完成情况：培训180人次。',
      '  去年计划：年内培训200人次。完成情况：培训180人次。',
      '2026年计划：年内培训200人次。　完成情况：培训180人次。  ',
    ])
      expect(text.slice(answerStart(text)!).trim()).toBe('培训180人次。');
    const blank = '去年计划：建成调解室。　完成情况：';
    expect(answerStart(blank)).toBe(blank.length);
  });

  it('is null for any other line, even one that mentions 完成情况', () => {
    expect(answerStart('年内培训200人次。')).toBeNull();
    expect(answerStart('对照年初计划，完成情况：良好。')).toBeNull();
  });
});
