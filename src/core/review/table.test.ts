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

describe('what leaves the town’s file in the reviewer’s list, workbook and comments', () => {
  // A township's text with private numbers where no privacy rule is the finding's own: the 撰稿人 line
  // (privacy.staff-line) carries a landline, and an ID number with a mistyped check digit is still a person's.
  const TEXT = [
    '白沙镇2025年法治政府建设情况报告',
    '一、主要举措和成效',
    '全年开展法治宣传活动12场，受理群众来电咨询，热线0731-84561234全天值守。',
    '调解员刘某某（身份证号430102199003071235）参与调处纠纷5件。',
    '二、存在的不足和原因',
    '宣传形式单一，主要原因是人员不足。',
    '三、2026年工作打算',
    '继续开展法治宣传。',
    '白沙镇人民政府',
    '2026年1月12日',
    '撰稿人：周敏　审核人：陈刚　联系电话：0731-84569876　手机 138 0731 2468',
  ].join('\n');

  it('masks every phone and ID number, whichever rule found the line', async () => {
    const { reviewFile } = await import('./reviewFile');
    const { findingComments } = await import('./annotate');
    const { importFile } = await import('../import/index');
    const { toPlainText } = await import('../model/plainText');
    const reviewed = await reviewFile('白沙镇.txt', new TextEncoder().encode(TEXT));
    const shown = JSON.stringify(reviewed.report);
    expect(reviewed.report.findings.some((f) => f.rule === 'privacy.staff-line')).toBe(true);
    for (const secret of ['84561234', '84569876', '199003071235', '073124', '0731 2468'])
      expect(shown, secret).not.toContain(secret);
    // The reviewer still sees which number it was about (the 热线 above is a public line: no finding quotes it).
    expect(shown).toContain('073*****9876');

    const imported = await importFile('白沙镇.txt', new TextEncoder().encode(TEXT));
    if (!imported.ok) throw new Error(imported.error);
    const comments = findingComments(checkReport(imported.doc), toPlainText(imported.doc).text);
    for (const secret of ['84561234', '84569876', '199003071235'])
      expect(comments.map((c) => c.message).join('\n'), secret).not.toContain(secret);
  });
});
