/**
 * The county's workbook (.xlsx) of a folder review: 汇总 (one row per file), 问题清单 (every finding) and
 * 主要数据 (each town's figures side by side, with last year's and the change when last year's folder is
 * given). Written with exceljs, which Excel and WPS open without repair; frozen header rows, set widths.
 */
import { INDICATORS } from '../checks/indicators';
import type { Indicator } from '../checks/listSchemas';
import { SEVERITY_LABEL } from './annotate';
import { lastYearByTown, townName, verdict, type ReviewedReport } from './table';

type ExcelJs = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;

/**
 * Loaded when a workbook is written, so that nothing else pays for it at start; exceljs's one-file build,
 * because its main entry requires some hundred modules (about 3 s on a busy 2-core machine, against 0.8 s).
 */
async function loadExcelJs(): Promise<ExcelJs> {
  const mod = (await import('exceljs/dist/exceljs.min.js')) as unknown as ExcelJs & { default?: ExcelJs };
  return mod.default ?? mod;
}

function sheet(
  workbook: import('exceljs').Workbook,
  name: string,
  columns: Array<[string, number]>,
  frozenColumns = 0,
): Worksheet {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }] });
  ws.columns = columns.map(([header, width]) => ({ header, width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
  return ws;
}

export async function reviewWorkbook(
  reports: readonly ReviewedReport[],
  lastYear: readonly ReviewedReport[] = [],
  /** The figures in their order: the county's merged list (checks/countyLists.ts indicatorsOf) when it has a profile. */
  indicators: readonly Pick<Indicator, 'id' | 'name'>[] = INDICATORS,
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '法治年报助手';

  // 汇总: the parts as columns, in the order the templates give them, across every kind of report met.
  const partTitles: string[] = [];
  for (const r of reports)
    for (const p of r.row.parts ?? []) if (!partTitles.includes(p.title)) partTitles.push(p.title);
  const summary = sheet(
    workbook,
    '汇总',
    [
      ['文件', 30],
      ['单位', 16],
      ['报告类型', 22],
      ['年度', 7],
      ['成文日期', 14],
      ...partTitles.map((t): [string, number] => [t, 10]),
      ['错误', 6],
      ['警告', 6],
      ['结论', 10],
      ['说明', 40],
    ],
    2,
  );
  for (const r of reports) {
    const row = r.row;
    const parts = partTitles.map((t) => {
      const part = row.parts?.find((p) => p.title === t);
      return part ? (part.present ? '✓' : '✗') : '';
    });
    summary.addRow([
      row.file,
      row.unit,
      row.template,
      row.year ?? '',
      row.date ?? '',
      ...parts,
      row.problem ? '' : row.errors,
      row.problem ? '' : row.warnings,
      verdict(row),
      row.problem ?? (row.missing.length ? `缺少：${row.missing.join('、')}` : ''),
    ]);
  }
  const ready = reports.filter((r) => !r.row.problem && r.row.ready).length;
  const unreadable = reports.filter((r) => r.row.problem).length;
  const totals = summary.addRow([
    `合计 ${reports.length} 份：可以提交 ${ready} 份，需修改 ${reports.length - ready - unreadable} 份，无法读取 ${unreadable} 份`,
  ]);
  totals.font = { bold: true };

  const findings = sheet(
    workbook,
    '问题清单',
    [
      ['文件', 30],
      ['单位', 16],
      ['部分', 24],
      ['规则', 22],
      ['级别', 6],
      ['问题', 60],
      ['原文', 40],
    ],
    1,
  );
  for (const r of reports) {
    for (const f of r.findings)
      findings.addRow([r.row.file, r.row.unit, f.part, f.rule, SEVERITY_LABEL[f.severity], f.message, f.text]);
  }

  // 主要数据: one row per figure, one column per town (three with last year: this year, last year, change).
  const towns = reports.filter((r) => !r.row.problem).sort((a, b) => townName(a).localeCompare(townName(b), 'zh-CN'));
  const previous = lastYearByTown(lastYear);
  const withLast = previous.size > 0;
  const columns: Array<[string, number]> = [['指标', 26]];
  for (const t of towns) {
    const name = townName(t);
    if (withLast) columns.push([`${name} ${t.row.year ?? '今年'}`, 12], [`${name} 上一年`, 12], [`${name} 增减`, 10]);
    else columns.push([name, 12]);
  }
  const figures = sheet(workbook, '主要数据', columns, 1);
  for (const indicator of indicators) {
    if (!towns.some((t) => t.figures[indicator.id]) && ![...previous.values()].some((t) => t.figures[indicator.id]))
      continue;
    const row = figures.addRow([indicator.name]);
    let column = 2;
    const put = (value: { value: number; unit: string } | undefined) => {
      const cell = row.getCell(column++);
      if (!value) return;
      cell.value = value.value;
      // The number stays a number (sortable, summable); the unit is shown by the cell's format.
      if (value.unit) cell.numFmt = `General"${value.unit.replace(/"/g, '')}"`;
    };
    for (const t of towns) {
      const now = t.figures[indicator.id];
      put(now);
      if (!withLast) continue;
      const before = previous.get(townName(t))?.figures[indicator.id];
      put(before);
      const change = row.getCell(column++);
      if (now && before && now.unit === before.unit) {
        change.value = Math.round((now.value - before.value) * 100) / 100;
        change.numFmt = '+General;-General;0';
      }
    }
  }
  // The one-file build answers with its own Buffer class: copied into a plain Uint8Array.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
