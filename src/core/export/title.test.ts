import { describe, expect, it } from 'vitest';
import { balanceTitle, TITLE_LINE_CHARS } from './title';

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);

describe('title lines (GB/T 9704 7.3.1: 词意完整, 排列对称, 梯形或菱形)', () => {
  it('keeps a title that fits on one line', () => {
    expect(balanceTitle('曹回镇2021年法治政府建设年度报告')).toEqual(['曹回镇2021年法治政府建设年度报告']);
  });

  it('breaks between the author and "关于…的报告"', () => {
    expect(balanceTitle('垫江县曹回镇人民政府关于2023年度法治政府建设情况的报告')).toEqual([
      '垫江县曹回镇人民政府',
      '关于2023年度法治政府建设情况的报告',
    ]);
    expect(balanceTitle('中共青石镇委员会青石镇人民政府关于2025年度法治政府建设情况的报告')).toEqual([
      '中共青石镇委员会青石镇人民政府',
      '关于2025年度法治政府建设情况的报告',
    ]);
  });

  it('breaks after the unit and year, upper line not longer (梯形)', () => {
    expect(balanceTitle('县司法局关于2023年度法治政府建设情况的报告')).toEqual([
      '县司法局关于2023年度',
      '法治政府建设情况的报告',
    ]);
  });

  it('never splits a word, a year or a unit from its 人民政府', () => {
    const lines = balanceTitle('某某自治县某某乡人民政府关于二〇二三年度法治政府建设工作情况的报告');
    expect(lines[0]).toBe('某某自治县某某乡人民政府');
    const shuzhi = balanceTitle('青石镇党委书记2024年度履行推进法治建设第一责任人职责情况述职报告');
    expect(shuzhi.join('|')).not.toMatch(/推进\|法治|第一\|责任人|党委\|书记|20\d*\|/);
    for (const title of [
      '白沙县青石镇人民政府关于2024年度法治政府建设情况的报告',
      '青石街道办事处2023年法治政府建设工作总结及2024年工作计划',
    ]) {
      const joined = balanceTitle(title).join('|');
      expect(joined).not.toMatch(/\d\|\d|年\|度|人民\|政府|\|人民政府|关于\|/);
    }
  });

  it('keeps every line within the measure and the text whole', () => {
    for (const title of [
      '中共青石镇委员会青石镇人民政府关于2025年度法治政府建设情况的报告',
      '青石镇党委书记2024年度履行推进法治建设第一责任人职责情况述职报告',
      '某某自治县某某乡人民政府关于二〇二三年度法治政府建设工作情况的报告',
    ]) {
      const lines = balanceTitle(title);
      expect(lines.join('')).toBe(title);
      for (const line of lines) expect(width(line)).toBeLessThanOrEqual(TITLE_LINE_CHARS);
    }
  });

  it('honours the clerk’s own line breaks', () => {
    expect(balanceTitle('中共青石镇委员会\n青石镇人民政府\n关于2025年度法治政府建设情况的报告')).toEqual([
      '中共青石镇委员会',
      '青石镇人民政府',
      '关于2025年度法治政府建设情况的报告',
    ]);
  });

  it('falls back to even pieces when no known boundary fits', () => {
    const lines = balanceTitle('甲'.repeat(40));
    expect(lines.join('')).toBe('甲'.repeat(40));
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(TITLE_LINE_CHARS);
  });
});
