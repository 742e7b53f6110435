/** `--profile` with a county's own calendar entries and figures: check and review use the merged lists. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckJson } from './main';
import { runCli as run } from '../../test/support/cli';
import { writeProfile, type CountyProfileFile } from '../../test/support/countyFixtures';

/** A township report on 2026 written for these tests: a plenum the built-in calendar does not know, a county figure. */
function townReport(unit: string, corners: number | null): string {
  return [
    `${unit}关于2026年度法治政府建设情况的报告`,
    '县委、县政府：',
    `2026年，${unit}深入学习贯彻党的二十届五中全会精神，推进法治政府建设。现将有关情况报告如下：`,
    '一、主要举措和成效',
    `全年组织集体学法8次，对镇政府合同开展合法性审查11次。${corners === null ? '' : `全镇建成法治文化阵地${corners}处。`}`,
    '二、存在的不足和原因',
    '基层法治力量不足，主要原因是专职人员少。',
    '三、党政主要负责人履行推进法治建设第一责任人职责情况',
    '镇党委书记带头学法，主持专题研究法治建设3次。',
    '四、2027年工作打算',
    '继续开展法治培训，完善合法性审查机制。',
    `${unit}人民政府`,
    '2027年1月15日',
  ].join('\n');
}

const PROFILE: CountyProfileFile = {
  version: 2,
  审核单位: '石门县司法局',
  时间表: { 全会: [{ 届次: 20, 第几次全会: 5, 日期: '2026-10-20' }] },
  数据项: [{ 名称: '法治文化阵地', 单位: ['处', '个'], 关键词: ['法治文化阵地', '法治长廊'], 必需: true }],
};

let dir: string;
let profile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), '县里的时间表-'));
  profile = writeProfile(dir, PROFILE, '石门县.json');
});

describe('--profile with 时间表 and 数据项', () => {
  it('check: the county’s plenum is known, its figure is read and required', async () => {
    const report = join(dir, '溪口镇.txt');
    writeFileSync(report, townReport('溪口镇', 6));
    const plain = (JSON.parse((await run(['check', report, '--json'])).out) as CheckJson[])[0]!;
    expect(plain.findings.some((f) => f.rule === 'era.congress' && f.message.includes('五中全会'))).toBe(true);
    expect(plain.indicators.some((i) => i.id === '法治文化阵地')).toBe(false);

    const county = (JSON.parse((await run(['check', report, '--json', '--profile', profile])).out) as CheckJson[])[0]!;
    expect(county.findings.filter((f) => f.rule === 'era.congress')).toEqual([]);
    expect(county.indicators.find((i) => i.id === '法治文化阵地')).toMatchObject({ found: true, value: 6, unit: '处' });

    const without = join(dir, '云岭乡.txt');
    writeFileSync(without, townReport('云岭乡', null));
    const missing = (
      JSON.parse((await run(['check', without, '--json', '--profile', profile])).out) as CheckJson[]
    )[0]!;
    expect(missing.findings.some((f) => f.rule === 'indicator.missing' && f.message.includes('法治文化阵地'))).toBe(
      true,
    );
  });

  it('review --xlsx: the county’s figure has its row in 主要数据, by town', async () => {
    const folder = join(dir, '各镇');
    mkdirSync(folder);
    writeFileSync(join(folder, '溪口镇.txt'), townReport('溪口镇', 6));
    writeFileSync(join(folder, '云岭乡.txt'), townReport('云岭乡', 9));
    const xlsx = join(dir, '汇总.xlsx');
    const { code, err } = await run(['review', folder, '--xlsx', xlsx, '--profile', profile]);
    expect(err).not.toMatch(/无法|错误/);
    expect(code).toBeLessThan(2);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook
      .getWorksheet('主要数据')!
      .eachRow((row) =>
        rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
      );
    expect(rows[0]).toEqual(['指标', '溪口镇', '云岭乡']);
    expect(rows.find((r) => r[0] === '法治文化阵地')).toEqual(['法治文化阵地', '6', '9']);

    // Without the profile the workbook has no such row: the figure is the county's alone.
    const plainXlsx = join(dir, '通用.xlsx');
    await run(['review', folder, '--xlsx', plainXlsx]);
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(readFileSync(plainXlsx) as unknown as ArrayBuffer);
    const names: string[] = [];
    plain.getWorksheet('主要数据')!.eachRow((row) => names.push(String((row.values as unknown[])[1])));
    expect(names).not.toContain('法治文化阵地');
    expect(names).toContain('合法性审查');
  }, 60_000);
});
