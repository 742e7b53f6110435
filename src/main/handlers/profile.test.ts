/** The county's profile over IPC, in Node: imported once and remembered, a bad file refused by line, removed, used by the reviewer's desk. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createHandlers, type Dialogs } from './index';

const none = async () => null;

function setup() {
  const folder = mkdtempSync(join(tmpdir(), '县里的配置 处理-'));
  const reports = join(folder, '各镇报告');
  const choice = { profile: null as string | null, workbook: null as string | null };
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
  const make = () =>
    createHandlers({
      dialogs,
      userDataDir: join(folder, 'userData'),
      profileDialogs: { openProfile: async () => choice.profile },
      reviewDialogs: { saveWorkbook: async () => choice.workbook, commentsFolder: async () => join(folder, '批注') },
    });
  return { folder, reports, choice, handlers: make(), restart: make };
}

const PROFILE = JSON.stringify(
  { version: 1, 审核单位: '青山县司法局', 占位符: ['待填写'], 关闭规则: ['privacy.phone'] },
  null,
  2,
);

describe('the county profile handlers', () => {
  it('imports a profile once, remembers it across a restart, and removes it', async () => {
    const { folder, choice, handlers, restart } = setup();
    expect(await handlers['profile:get']({})).toEqual({ ok: true, value: null });
    expect(await handlers['profile:import']({})).toEqual({ ok: true, value: null }); // cancelled

    choice.profile = join(folder, '青山县配置.json');
    writeFileSync(choice.profile, PROFILE);
    const imported = await handlers['profile:import']({});
    expect(imported).toMatchObject({
      ok: true,
      value: {
        name: '青山县司法局',
        profile: { reviewer: '青山县司法局', placeholders: ['待填写'], off: ['privacy.phone'] },
      },
    });

    // The county's file may move or change: the app keeps its own copy.
    writeFileSync(choice.profile, '{}');
    expect(await restart()['profile:get']({})).toMatchObject({ ok: true, value: { name: '青山县司法局' } });

    expect(await handlers['profile:remove']({})).toEqual({ ok: true, value: null });
    expect(await restart()['profile:get']({})).toEqual({ ok: true, value: null });
  });

  it('refuses a file with a mistake by its line, and keeps the profile already in use', async () => {
    const { folder, choice, handlers } = setup();
    choice.profile = join(folder, '好的.json');
    writeFileSync(choice.profile, PROFILE);
    await handlers['profile:import']({});
    const kept = readdirSync(join(folder, 'userData'));

    choice.profile = join(folder, '有错.json');
    writeFileSync(choice.profile, '{\n  "version": 1,\n  "关闭规则": ["section.thinn"]\n}');
    const refused = await handlers['profile:import']({});
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/有错\.json.*第 3 行.*section\.thinn/);
    expect(readdirSync(join(folder, 'userData'))).toEqual(kept);
    expect(await handlers['profile:get']({})).toMatchObject({ ok: true, value: { name: '青山县司法局' } });
  });

  it('says so when the kept copy was written by a newer version, instead of using it', async () => {
    const { folder, handlers } = setup();
    const userData = join(folder, 'userData');
    await import('node:fs/promises').then((fs) => fs.mkdir(userData, { recursive: true }));
    writeFileSync(join(userData, 'county-profile.json'), '{"version": 3}');
    const answer = await handlers['profile:get']({});
    expect(!answer.ok && answer.error).toMatch(/第 3 版.*升级/);
  });

  it('the reviewer’s desk checks with the profile and signs the comments with its 审核单位', async () => {
    const { folder, reports, choice, handlers } = setup();
    await import('node:fs/promises').then((fs) => fs.mkdir(reports, { recursive: true }));
    writeFileSync(
      join(reports, '白沙镇.txt'),
      '白沙镇2025年度法治政府建设情况报告\n一、主要举措和成效\n全年排查矛盾纠纷待填写件，联系电话13912345678。',
    );
    const chosen = await handlers['review:chooseFolder']({});
    const files = chosen.ok ? chosen.value!.files : [];
    const before = await handlers['review:report']({ file: files[0]! });
    expect(before.ok && before.value.findings.some((f) => f.rule === 'privacy.phone')).toBe(true);
    expect(before.ok && before.value.findings.some((f) => f.rule === 'placeholder')).toBe(false);

    choice.profile = join(folder, '青山县.json');
    writeFileSync(choice.profile, PROFILE);
    await handlers['profile:import']({});
    const after = await handlers['review:report']({ file: files[0]! });
    expect(after.ok && after.value.findings.some((f) => f.rule === 'privacy.phone')).toBe(false);
    expect(after.ok && after.value.findings.some((f) => f.rule === 'placeholder')).toBe(true);

    expect(await handlers['review:writeComments']({ files })).toMatchObject({ ok: true, value: { written: 1 } });
    const docx = join(folder, '批注', '白沙镇（审核意见）.docx');
    expect(existsSync(docx)).toBe(true);
    const comments = await (await JSZip.loadAsync(readFileSync(docx))).file('word/comments.xml')!.async('string');
    expect(comments).toContain('w:author="青山县司法局"');
  });

  it('the reviewer’s desk reads the county’s own figure and writes it into the workbook’s 主要数据', async () => {
    const { folder, reports, choice, handlers } = setup();
    await import('node:fs/promises').then((fs) => fs.mkdir(reports, { recursive: true }));
    writeFileSync(
      join(reports, '白沙镇.txt'),
      '白沙镇2025年度法治政府建设情况报告\n一、主要举措和成效\n全年新建法治文化长廊4处，组织集体学法6次。',
    );
    choice.profile = join(folder, '青山县.json');
    writeFileSync(
      choice.profile,
      JSON.stringify({ version: 2, 数据项: [{ 名称: '法治文化长廊', 单位: ['处'], 关键词: ['法治文化长廊'] }] }),
    );
    expect(await handlers['profile:import']({})).toMatchObject({ ok: true });
    const chosen = await handlers['review:chooseFolder']({});
    const files = chosen.ok ? chosen.value!.files : [];
    const report = await handlers['review:report']({ file: files[0]! });
    expect(report.ok && report.value.figures['法治文化长廊']).toEqual({ value: 4, unit: '处' });

    choice.workbook = join(folder, '汇总.xlsx');
    expect(await handlers['review:exportWorkbook']({ files, suggestedName: '汇总' })).toMatchObject({ ok: true });
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(choice.workbook) as unknown as ArrayBuffer);
    const names: string[] = [];
    workbook.getWorksheet('主要数据')!.eachRow((row) => names.push(String((row.values as unknown[])[1])));
    expect(names).toContain('法治文化长廊');
  }, 60_000);
});
