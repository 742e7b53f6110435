import { describe, expect, it } from 'vitest';
import { indicatorsOf } from '../checks/countyLists';
import { parseProfile } from '../profile/schema';
import { chartFigures, figureChart } from './chart';
import { problemRow, type ReviewedReport } from './table';

function town(file: string, unit: string, figures: ReviewedReport['figures']): ReviewedReport {
  return {
    row: { file, unit, year: 2025, template: '乡镇', missing: [], errors: 0, warnings: 0, ready: true },
    findings: [],
    figures,
  };
}

const reports: ReviewedReport[] = [
  town('a.docx', '白沙镇', { disputes: { value: 41, unit: '件' }, training: { value: 3, unit: '场次' } }),
  town('b.txt', '溪口镇', { disputes: { value: 120, unit: '件' } }),
  town('二组/c.txt', '', { disputes: { value: 98.5, unit: '%' } }),
  town('d.docx', '东坪镇', {}),
  town('e.docx', '云岭镇', { disputes: { value: 41, unit: '件' } }),
  { row: problemRow('坏文件.docx', '不是有效的 Word 文件'), findings: [], figures: {} },
];

describe('the reviewer’s chart of one figure', () => {
  it('lists the figures some town gives, in the indicators’ order, with how many give each', () => {
    expect(chartFigures(reports).map((f) => [f.id, f.count])).toEqual([
      ['training', 1],
      ['disputes', 4],
    ]);
    expect(chartFigures([])).toEqual([]);
  });

  it('offers a county’s own figure, under its name, when given the profile’s list', () => {
    const withCounty = [...reports, town('f.txt', '石门镇', { 法治文化阵地: { value: 6, unit: '处' } })];
    expect(chartFigures(withCounty).some((f) => f.id === '法治文化阵地')).toBe(false);
    const parsed = parseProfile(
      '{"version": 2, "数据项": [{"名称": "法治文化阵地", "单位": ["处"], "关键词": ["法治文化阵地"]}]}',
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const county = indicatorsOf(parsed.profile).list;
    expect(chartFigures(withCounty, county).at(-1)).toEqual({ id: '法治文化阵地', name: '法治文化阵地', count: 1 });
  });

  it('sorts the towns largest first within one unit, names an unrecognised unit by its file, and lists the rest as 未填报', () => {
    const chart = figureChart(reports, 'disputes');
    expect(chart.byUnit.map((g) => g.unit)).toEqual(['件', '%']);
    // Equal figures keep a stable order: by name, as Chinese sorts (bái before yún).
    expect(chart.byUnit[0]!.bars).toEqual([
      { town: '溪口镇', value: 120 },
      { town: '白沙镇', value: 41 },
      { town: '云岭镇', value: 41 },
    ]);
    expect(chart.byUnit[1]!.bars).toEqual([{ town: 'c', value: 98.5 }]);
    // The unreadable file is not a town that left the figure out.
    expect(chart.missing).toEqual(['东坪镇']);
  });

  it('keeps two reports of the same unit apart', () => {
    const twice = [
      town('2024/青石镇.docx', '青石镇', { training: { value: 5, unit: '场次' } }),
      town('2025/青石镇.txt', '青石镇', { training: { value: 7, unit: '场次' } }),
    ];
    expect(figureChart(twice, 'training').byUnit[0]!.bars.map((b) => b.town)).toEqual([
      '青石镇（青石镇.txt）',
      '青石镇（青石镇.docx）',
    ]);
  });

  it('puts last year’s value beside each town, matched by unit, and says why a town has none', () => {
    const lastYear: ReviewedReport[] = [
      town('去年/溪口镇2024.txt', '溪口镇', { disputes: { value: 90, unit: '件' } }),
      town('去年/白沙镇2024.docx', '白沙镇', { training: { value: 2, unit: '场次' } }),
      // Given last year as a rate: no comparison with this year's count.
      town('去年/云岭镇2024.docx', '云岭镇', { disputes: { value: 97, unit: '%' } }),
      { row: problemRow('去年/东坪镇.docx', '不是有效的 Word 文件'), findings: [], figures: {} },
    ];
    const chart = figureChart(reports, 'disputes', lastYear);
    expect(chart.withLastYear).toBe(true);
    expect(chart.byUnit[0]!.bars).toEqual([
      { town: '溪口镇', value: 120, last: 90 },
      { town: '白沙镇', value: 41, last: '去年未填报' },
      { town: '云岭镇', value: 41, last: '去年单位不同' },
    ]);
    // A town whose unit was not recognised this year is matched by its file name, and has no report last year.
    expect(chart.byUnit[1]!.bars).toEqual([{ town: 'c', value: 98.5, last: '去年无报告' }]);
    expect(figureChart(reports, 'training', lastYear).byUnit[0]!.bars).toEqual([{ town: '白沙镇', value: 3, last: 2 }]);
    // Without last year's folder nothing changes; with an empty one every town says so.
    expect(figureChart(reports, 'disputes').withLastYear).toBe(false);
    expect(figureChart(reports, 'disputes', []).byUnit[0]!.bars.map((b) => b.last)).toEqual([
      '去年无报告',
      '去年无报告',
      '去年无报告',
    ]);
  });
});
