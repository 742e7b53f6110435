/** The reviewer's desk handlers in Node: granted files only, copies beside never over the originals, a workbook. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createHandlers, type Dialogs } from './index';

const none = async () => null;

function setup(
  reviewDialogs: { saveWorkbook: string | null; commentsFolder: string | null; lastYearFolder?: string | null } | null,
) {
  const folder = mkdtempSync(join(tmpdir(), '审核 处理-'));
  const reports = join(folder, '各镇报告');
  mkdirSync(join(reports, '东片'), { recursive: true });
  writeFileSync(
    join(reports, '青石镇.txt'),
    '青石镇2025年度法治政府建设情况报告\n一、主要举措和成效\n全年排查矛盾纠纷20件，联系电话13912345678。',
  );
  writeFileSync(join(reports, '东片', '白沙镇.docx'), 'not a zip');
  const dialogs: Dialogs = {
    openReport: none,
    saveReport: none,
    importDocument: none,
    exportDocx: none,
    exportPdf: none,
    exportWeb: none,
    openFolder: async () => reports,
    saveTable: none,
  };
  const handlers = createHandlers({
    dialogs,
    userDataDir: join(folder, 'userData'),
    ...(reviewDialogs
      ? {
          reviewDialogs: {
            saveWorkbook: async () => reviewDialogs.saveWorkbook,
            commentsFolder: async () => reviewDialogs.commentsFolder,
            lastYearFolder: async () => reviewDialogs.lastYearFolder ?? null,
          },
        }
      : {}),
  });
  return { folder, reports, handlers };
}

describe('the reviewer’s desk handlers', () => {
  it('checks granted files, opens one read-only, writes commented copies and a workbook, and leaves the folder as it was', async () => {
    const answers = { saveWorkbook: null as string | null, commentsFolder: null as string | null };
    const { folder, reports, handlers } = setup(answers);
    const chosen = await handlers['review:chooseFolder']({});
    const files = chosen.ok ? chosen.value!.files : [];
    const reviewed = await Promise.all(files.map((file) => handlers['review:report']({ file })));
    const qingshi = reviewed.find((r) => r.ok && r.value.row.unit === '青石镇');
    expect(qingshi?.ok && qingshi.value.findings.find((f) => f.rule === 'privacy.phone')?.text).toBe('139****5678');
    expect(reviewed.some((r) => r.ok && r.value.row.problem)).toBe(true);
    const opened = await handlers['review:open']({ file: files.find((f) => f.name === '青石镇.txt')! });
    expect(opened.ok && opened.value.doc.meta.unit).toBe('青石镇');

    answers.commentsFolder = join(folder, '批注');
    const written = await handlers['review:writeComments']({ files, author: '某县司法局' });
    expect(written).toMatchObject({ ok: true, value: { folder: '批注', written: 1 } });
    expect(written.ok && written.value!.failed[0]).toContain('白沙镇.docx');
    expect(readdirSync(join(folder, '批注'))).toEqual(['青石镇（审核意见）.docx']);
    expect(readdirSync(reports).sort()).toEqual(['东片', '青石镇.txt']);

    answers.saveWorkbook = join(folder, '汇总');
    expect(await handlers['review:exportWorkbook']({ files, suggestedName: '各镇报告审核结果' })).toEqual({
      ok: true,
      value: { name: '汇总.xlsx' },
    });
    expect(readFileSync(join(folder, '汇总.xlsx')).subarray(0, 2).toString()).toBe('PK');
  }, 60_000);

  it('refuses files no dialog granted, and says so when the dialogs are missing', async () => {
    const { handlers } = setup(null);
    const forged = { id: 'forged', name: '../../etc/passwd' };
    expect(await handlers['review:report']({ file: forged })).toMatchObject({ ok: false });
    expect(await handlers['review:open']({ file: forged })).toMatchObject({ ok: false });
    expect(await handlers['review:writeComments']({ files: [forged] })).toMatchObject({ ok: false });
    expect(await handlers['review:exportWorkbook']({ files: [], suggestedName: 'x' })).toMatchObject({
      ok: false,
      error: '这里不能导出工作簿。',
    });
  });

  it('takes last year’s folder for the workbook: last year’s figures and the change beside this year’s', async () => {
    const answers = {
      saveWorkbook: null as string | null,
      commentsFolder: null,
      lastYearFolder: null as string | null,
    };
    const { folder, handlers } = setup(answers);
    const lastYearDir = join(folder, '去年的报告');
    mkdirSync(lastYearDir);
    writeFileSync(
      join(lastYearDir, '青石镇2024.txt'),
      '青石镇2024年度法治政府建设情况报告\n一、主要举措和成效\n全年排查矛盾纠纷12件。',
    );
    // Cancelled: nothing chosen, nothing asked.
    expect(await handlers['review:chooseLastYear']({})).toEqual({ ok: true, value: null });
    answers.lastYearFolder = lastYearDir;
    const last = await handlers['review:chooseLastYear']({});
    expect(last.ok && last.value).toMatchObject({ folder: '去年的报告', files: [{ name: '青石镇2024.txt' }] });
    const lastFiles = last.ok ? last.value!.files : [];
    const chosen = await handlers['review:chooseFolder']({});
    const files = chosen.ok ? chosen.value!.files : [];

    answers.saveWorkbook = join(folder, '对比.xlsx');
    const forged = { id: 'forged', name: '去年.txt' };
    expect(await handlers['review:exportWorkbook']({ files, suggestedName: 'x', lastYear: [forged] })).toMatchObject({
      ok: false,
    });
    expect(await handlers['review:exportWorkbook']({ files, suggestedName: 'x', lastYear: lastFiles })).toEqual({
      ok: true,
      value: { name: '对比.xlsx' },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(folder, '对比.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('主要数据')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '指标',
      '青石镇 2025',
      '青石镇 上一年',
      '青石镇 增减',
    ]);
    const disputes = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(disputes).toEqual([expect.stringContaining('矛盾纠纷'), 20, 12, 8]);
  }, 60_000);

  it('says so when the app cannot ask for last year’s folder', async () => {
    const { handlers } = setup(null);
    expect(await handlers['review:chooseLastYear']({})).toMatchObject({ ok: false, code: 'unavailable' });
  });
});
