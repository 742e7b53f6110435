import { describe, expect, it } from 'vitest';
import { promiseLine, promisePrefix, yearLabel } from './conventions';

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
