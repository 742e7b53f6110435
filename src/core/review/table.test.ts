import { describe, expect, it } from 'vitest';
import { checkReport } from '../checks/index';
import { createReportFromTemplate } from '../model/fromTemplate';
import { defaultRegistry } from '../templates/registry';
import { problemRow, reviewCsv, reviewRow } from './table';

describe('the reviewer’s table', () => {
  it('has one row per report with unit, year, missing parts and counts, and opens in Excel as UTF-8', () => {
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025 });
    doc.sections = doc.sections.filter((s) => s.part !== 'leadership');
    const row = reviewRow('青石镇.docx', checkReport(doc), defaultRegistry);
    expect(row).toMatchObject({
      unit: '青石镇',
      year: 2025,
      missing: ['党政主要负责人履行推进法治建设第一责任人职责情况'],
      ready: false,
    });
    expect(row.errors).toBeGreaterThan(0);
    const csv = reviewCsv([row, problemRow('坏文件, "旧".docx', '文件已损坏')]);
    expect(csv.startsWith('\uFEFF文件,单位,年度')).toBe(true);
    expect(csv).toContain(
      '青石镇.docx,青石镇,2025,乡镇（街道）法治政府建设年度报告,党政主要负责人履行推进法治建设第一责任人职责情况,',
    );
    expect(csv).toContain('"坏文件, ""旧"".docx",,,,,0,0,无法检查,文件已损坏\r\n');
  });

  it('keeps file names and units that start like a formula as text in Excel and WPS', () => {
    const names = ['=HYPERLINK("http://x.example").docx', '+86报告.txt', '-2025.docx', '@SUM(A1).docx'];
    const csv = reviewCsv(names.map((n) => problemRow(n, '=1+1')));
    const cells = csv
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',')[0]);
    expect(cells).toEqual([
      '"\'=HYPERLINK(""http://x.example"").docx"',
      "'+86报告.txt",
      "'-2025.docx",
      "'@SUM(A1).docx",
    ]);
    expect(csv).toContain(",'=1+1\r\n");
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
  });
});
