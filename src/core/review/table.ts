/**
 * The county reviewer's table: one row per report of a folder — unit, year, missing parts, error and
 * warning counts, ready or not — and its CSV for Excel/WPS.
 */
import type { CheckResult } from '../checks/types';
import type { TemplateRegistry } from '../templates/registry';

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
}

export function reviewRow(file: string, result: CheckResult, registry: TemplateRegistry): ReviewRow {
  const template = registry.getOrDefault(result.template);
  return {
    file,
    unit: result.unit,
    year: result.year,
    template: template.name,
    missing: result.sections.filter((s) => !s.present).map((s) => template.parts.find((p) => p.id === s.id)?.title ?? s.id),
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
  const lines = [HEADER, ...rows.map((r) => [r.file, r.unit, r.year, r.template, r.missing.join('、'), r.errors, r.warnings, r.problem ? '无法检查' : r.ready ? '可以提交' : '需修改', r.problem ?? ''])];
  return '\uFEFF' + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n';
}
