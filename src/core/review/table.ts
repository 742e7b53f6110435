/**
 * The county reviewer's table: one row per report of a folder — unit, year, missing parts, error and
 * warning counts, ready or not — and its CSV for Excel/WPS.
 */
import type { CheckResult } from '../checks/types';
import type { TemplateRegistry } from '../templates/registry';
import { findingText, maskPrivate } from './annotate';

export interface ReviewRow {
  file: string;
  unit: string;
  year: number | null;
  template: string;
  /** Titles of the required parts that are missing. */
  missing: string[];
  errors: number;
  warnings: number;
  ready: boolean;
  /** Why the file could not be used at all (then the other fields are empty). */
  problem?: string;
  /** 成文日期 as written in the report ("" when none). */
  date?: string;
  /** Each required part of the report's template, in order, and whether it is there. */
  parts?: Array<{ title: string; present: boolean }>;
}

/** One finding as the reviewer's list shows it: private details masked. */
export interface FindingRow {
  part: string;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  text: string;
}

/** Everything the reviewer's desk shows of one report: its row, its findings, its figures. */
export interface ReviewedReport {
  row: ReviewRow;
  findings: FindingRow[];
  /** Figure id → value and unit, for the figures the report gives. */
  figures: Record<string, { value: number; unit: string }>;
}

export function reviewedReport(
  file: string,
  result: CheckResult,
  plain: string,
  date: string,
  registry: TemplateRegistry,
): ReviewedReport {
  const template = registry.getOrDefault(result.template);
  const partTitle = (id: string | null) => (id ? (template.parts.find((p) => p.id === id)?.title ?? id) : '全文');
  const figures: ReviewedReport['figures'] = {};
  for (const i of result.indicators)
    if (i.found && i.value !== undefined) figures[i.id] = { value: i.value, unit: i.unit ?? '' };
  return {
    row: {
      ...reviewRow(file, result, registry),
      date,
      parts: result.sections.map((s) => ({ title: partTitle(s.id), present: s.present })),
    },
    findings: result.findings.map((f) => {
      const text = findingText(f, plain) ?? '';
      const masked = maskPrivate(f.rule, text);
      // Messages quote what they are about: the private words are masked there too.
      const message = maskPrivate(f.rule, text && masked !== text ? f.message.split(text).join(masked) : f.message);
      return { part: partTitle(f.section), rule: f.rule, severity: f.severity, message, text: masked.slice(0, 200) };
    }),
    figures,
  };
}

/** A town's name in the workbook's columns and the app's chart: its unit, or its file name when the unit was not recognised. */
export function townName(report: ReviewedReport): string {
  return report.row.unit || report.row.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/**
 * Last year's reports by town, for the workbook's 主要数据 and the chart: matched by unit (townName), the
 * unreadable ones left out. A town met twice last year keeps the later file (as a resubmitted report is).
 */
export function lastYearByTown(lastYear: readonly ReviewedReport[]): Map<string, ReviewedReport> {
  return new Map(lastYear.filter((r) => !r.row.problem).map((r) => [townName(r), r]));
}

export function verdict(row: ReviewRow): '无法读取' | '可以提交' | '需修改' {
  return row.problem ? '无法读取' : row.ready ? '可以提交' : '需修改';
}

export function reviewRow(file: string, result: CheckResult, registry: TemplateRegistry): ReviewRow {
  const template = registry.getOrDefault(result.template);
  return {
    file,
    unit: result.unit,
    year: result.year,
    template: template.name,
    missing: result.sections
      .filter((s) => !s.present)
      .map((s) => template.parts.find((p) => p.id === s.id)?.title ?? s.id),
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    ready: result.ready,
  };
}

export function problemRow(file: string, problem: string): ReviewRow {
  return { file, unit: '', year: null, template: '', missing: [], errors: 0, warnings: 0, ready: false, problem };
}

const HEADER = ['文件', '单位', '年度', '报告类型', '缺少的部分', '错误', '警告', '能否提交', '说明'];

/**
 * One CSV cell. Text that Excel or WPS would run as a formula (a file named "=HYPERLINK(…)", "+1", "@x")
 * gets a leading apostrophe, which both show as plain text (OWASP's CSV injection advice); numbers stay numbers.
 */
function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a BOM and CRLF, which Excel and WPS open as UTF-8 without asking. */
export function reviewCsv(rows: readonly ReviewRow[]): string {
  const lines = [
    HEADER,
    ...rows.map((r) => [
      r.file,
      r.unit,
      r.year,
      r.template,
      r.missing.join('、'),
      r.errors,
      r.warnings,
      r.problem ? '无法检查' : r.ready ? '可以提交' : '需修改',
      r.problem ?? '',
    ]),
  ];
  return '\uFEFF' + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n';
}
