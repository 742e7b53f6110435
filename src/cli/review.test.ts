/** `nianbao review`: a county's folder checked, each town's file commented, one workbook. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../core/export/docx';
import { importText } from '../core/import/index';
import { entryText, readZipEntries } from '../core/review/zipEntries';
import { runCli as run } from '../../test/support/cli';

/** Two short township reports written for these tests. */
function townReport(unit: string, disputes: number, extra = ''): string {
  return [
    `${unit}关于2025年度法治政府建设情况的报告`,
    '县委、县政府：',
    `2025年，${unit}坚持依法行政，扎实推进法治政府建设。现将有关情况报告如下：`,
    '一、主要举措和成效',
    `全年排查矛盾纠纷${disputes}件，对镇政府合同开展合法性审查9次。${extra}`,
    '二、存在的不足和原因',
    '基层法治力量不足，主要原因是专职人员少。',
    '三、党政主要负责人履行推进法治建设第一责任人职责情况',
    '镇党委书记带头学法，主持专题研究法治建设2次。',
    '四、2026年工作打算',
    '继续开展法治培训，完善合法性审查机制。',
    `${unit}人民政府`,
    '2026年1月20日',
  ].join('\n');
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), '县级审核-'));
});

async function cells(ws: ExcelJS.Worksheet): Promise<string[][]> {
  const rows: string[][] = [];
  ws.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}

describe('nianbao review', () => {
  it('comments every readable report into a copy, leaves the originals alone, and files one workbook', async () => {
    const folder = join(dir, '各镇报告');
    mkdirSync(join(folder, '第二批'), { recursive: true });
    writeFileSync(join(folder, '溪口镇.txt'), townReport('溪口镇', 64, '值班电话13912345678。'));
    const imported = importText(townReport('云岭乡', 30));
    if (!imported.ok) throw new Error(imported.error);
    const docxReport = imported.doc;
    const docxBytes = await exportDocx(docxReport);
    writeFileSync(join(folder, '第二批', '云岭乡.docx'), docxBytes);
    writeFileSync(join(folder, '第二批', '损坏.docx'), 'PK 不是压缩包');
    const lastYear = join(dir, '去年');
    mkdirSync(lastYear);
    writeFileSync(
      join(lastYear, '溪口镇2024.txt'),
      townReport('溪口镇', 50).replace(/2025/g, '2024').replace(/2026/g, '2025'),
    );
    const before = readdirSync(folder, { recursive: true }).map(String).sort();

    const out = join(dir, '批注');
    const xlsx = join(dir, '审核汇总.xlsx');
    const {
      code,
      out: stdout,
      err,
    } = await run(['review', folder, '--comments', out, '--xlsx', xlsx, '--last-year', lastYear]);
    expect(code).toBe(2);
    expect(stdout).toContain('无法读取');
    expect(stdout).toMatch(/合计 3 份：可以提交 \d 份，需修改 \d 份，无法读取 1 份。/);
    expect(err).toContain('损坏.docx');

    // Originals untouched, and nothing added beside them.
    expect(readdirSync(folder, { recursive: true }).map(String).sort()).toEqual(before);
    expect(Buffer.from(readFileSync(join(folder, '第二批', '云岭乡.docx'))).equals(Buffer.from(docxBytes))).toBe(true);
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(
      ['溪口镇（审核意见）.docx', '第二批', join('第二批', '云岭乡（审核意见）.docx')].sort(),
    );

    const commented = readZipEntries(new Uint8Array(readFileSync(join(out, '溪口镇（审核意见）.docx'))));
    const comments = await entryText(commented.find((e) => e.name === 'word/comments.xml')!);
    expect(comments).toContain('w:author="县司法局审核"');
    expect(comments).toContain('审核意见：需修改后再报');
    expect(comments).toMatch(/【错误】[^<]*手机号码/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '问题清单', '主要数据']);
    const summary = await cells(workbook.getWorksheet('汇总')!);
    expect(summary[0]!.slice(0, 5)).toEqual(['文件', '单位', '报告类型', '年度', '成文日期']);
    expect(workbook.getWorksheet('汇总')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const xikou = summary.find((r) => r[1] === '溪口镇')!;
    expect(xikou).toContain('2026年1月20日');
    expect(xikou).toContain('✓');
    expect(xikou).toContain('需修改');
    expect(summary.find((r) => r[0]!.endsWith('损坏.docx'))).toContain('无法读取');
    expect(summary.at(-1)![0]).toMatch(/^合计 3 份/);

    // The phone number is named in the list but never written out whole.
    const findings = await cells(workbook.getWorksheet('问题清单')!);
    const phone = findings.find((r) => r[3] === 'privacy.phone')!;
    expect(phone[6]).toBe('139****5678');
    expect(JSON.stringify(findings)).not.toContain('13912345678');

    const figures = await cells(workbook.getWorksheet('主要数据')!);
    expect(figures[0]).toEqual([
      '指标',
      '溪口镇 2025',
      '溪口镇 上一年',
      '溪口镇 增减',
      '云岭乡 2025',
      '云岭乡 上一年',
      '云岭乡 增减',
    ]);
    const disputes = figures.find((r) => r[1] === '64')!;
    expect(disputes.slice(1, 5)).toEqual(['64', '50', '14', '30']);
  }, 60_000);

  it('gives the same lines, comments and workbook from the installed command, which reviews in worker threads', async () => {
    // Enough reports for the command to start its workers; .docx and .txt, a broken one, one in a sub-folder.
    const folder = join(dir, '全县');
    mkdirSync(join(folder, '片区'), { recursive: true });
    const towns = ['溪口镇', '云岭乡', '白沙镇', '东坪镇', '梅山镇', '石门乡', '龙泉镇', '桃源镇', '柳塘镇', '青石镇'];
    for (const [n, town] of towns.entries()) {
      const text = townReport(town, 20 + n * 7, n % 3 ? '' : `联系电话1391234${String(5678 + n).padStart(4, '0')}。`);
      const path = join(folder, n === 4 ? '片区' : '', `${town}.${n % 2 ? 'txt' : 'docx'}`);
      if (n % 2) writeFileSync(path, text);
      else {
        const imported = importText(text);
        if (!imported.ok) throw new Error(imported.error);
        writeFileSync(path, await exportDocx(imported.doc));
      }
    }
    writeFileSync(join(folder, '损坏.docx'), 'PK 不是压缩包');
    const date = /w:date="[^"]*"/g;
    const outputs = async (name: string) => {
      const files = readdirSync(join(dir, name), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.docx'))
        .sort();
      const parts: string[] = [];
      for (const f of files) {
        for (const e of readZipEntries(new Uint8Array(readFileSync(join(dir, name, f))))) {
          if (e.name !== 'docProps/core.xml') parts.push(`${f} ${e.name} ${(await entryText(e)).replace(date, '')}`);
        }
      }
      return parts;
    };

    const inProcess = await run([
      'review',
      folder,
      '--comments',
      join(dir, '甲'),
      '--xlsx',
      join(dir, '甲.xlsx'),
      '--author',
      '某县司法局',
    ]);
    const bin = join(__dirname, '../../bin/nianbao.cjs');
    const installed = spawnSync(
      process.execPath,
      [bin, 'review', folder, '--comments', join(dir, '乙'), '--xlsx', join(dir, '乙.xlsx'), '--author', '某县司法局'],
      { encoding: 'utf8' },
    );
    expect(installed.status).toBe(inProcess.code);
    expect(installed.stdout.trimEnd()).toBe(inProcess.out);
    expect(installed.stdout).toMatch(/合计 11 份：可以提交 \d+ 份，需修改 \d+ 份，无法读取 1 份。/);
    expect(installed.stderr).toContain('损坏.docx');
    const mine = await outputs('甲');
    expect(mine.filter((p) => p.split(' ')[1] === 'word/comments.xml').length).toBe(10);
    expect(await outputs('乙')).toEqual(mine);
    const sheets = async (file: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(join(dir, file)) as unknown as ArrayBuffer);
      return Promise.all(workbook.worksheets.map((w) => cells(w)));
    };
    expect(await sheets('乙.xlsx')).toEqual(await sheets('甲.xlsx'));
  }, 180_000);

  it('gives every file met a line and a row (a broken link too), and keeps the reviewer’s own folders out of the workbook', async () => {
    const folder = join(dir, '各镇报告');
    mkdirSync(join(folder, '第二批'), { recursive: true });
    writeFileSync(join(folder, '溪口镇.txt'), townReport('溪口镇', 64));
    writeFileSync(join(folder, '第二批', '云岭乡.txt'), townReport('云岭乡', 30));
    symlinkSync(join(dir, '已删除.docx'), join(folder, '第二批', '梅岭镇.docx'));
    const xlsx = join(dir, '汇总.xlsx');
    const result = await run(['review', folder, '--xlsx', xlsx]);
    expect(result.code).toBe(2);
    const lines = result.out.split('\n');
    expect(lines.filter((l) => l.startsWith('无法读取')).map((l) => l.split('\t')[1])).toEqual([
      join(folder, '第二批', '梅岭镇.docx'),
    ]);
    expect(lines.at(-1)).toBe('合计 3 份：可以提交 0 份，需修改 2 份，无法读取 1 份。');
    // A photo beside the reports is named but fails nothing, as in check: the status is the findings'.
    rmSync(join(folder, '第二批', '梅岭镇.docx'));
    writeFileSync(join(folder, '第二批', '现场照片.jpg'), new Uint8Array([0xff, 0xd8, 0xff]));
    const withPhoto = await run(['review', folder]);
    expect(withPhoto.code).toBe(1);
    expect(withPhoto.err).toContain('现场照片.jpg');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const text = JSON.stringify(await Promise.all(workbook.worksheets.map((w) => cells(w))));
    // The files as the folder names them, never the reviewer's absolute path (user name, machine layout).
    expect(text).toContain(JSON.stringify(join('各镇报告', '第二批', '梅岭镇.docx')).slice(1, -1));
    expect(text).toContain(JSON.stringify(join('各镇报告', '溪口镇.txt')).slice(1, -1));
    expect(text).not.toContain(dir);
  });

  it('wants --xlsx with --last-year, and a folder', async () => {
    expect((await run(['review', dir, '--last-year', dir])).err).toContain('请同时给出 --xlsx');
    expect((await run(['review'])).code).toBe(2);
  });
});
