/**
 * The `.nianbao` file: one versioned JSON document. Reading never throws; it answers with a Chinese
 * message the clerk can act on. Writing atomically is the main process's job (src/main/files.ts).
 */
import { REPORT_FORMAT, REPORT_VERSION, ReportDocumentSchema, type ReportDocument } from './report';

export const REPORT_EXTENSION = '.nianbao';
/** Larger than any real report (a 300,000-character report is ~1 MB): refuse before JSON.parse. */
export const MAX_REPORT_FILE_BYTES = 20 * 1024 * 1024;

export type ParseResult =
  | { ok: true; doc: ReportDocument; readOnly: false; migratedFrom?: number }
  | { ok: true; doc: ReportDocument; readOnly: true; notice: string }
  | { ok: false; error: string };

export function serializeReport(doc: ReportDocument): string {
  return JSON.stringify(doc, null, 1) + '\n';
}

/** Migrations from older file versions, keyed by the version they upgrade from, each with a test. */
const migrations: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 added the optional 审核意见: a version-1 report simply has none.
  1: (raw) => ({ ...raw, version: 2 }),
};

/** A report nests about six levels deep; a file nesting far deeper is hostile (validating it took seconds). */
const MAX_JSON_DEPTH = 64;

/** Bracket depth outside strings, in one pass, before anything parses or validates the text. */
function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export function parseReportFile(text: string): ParseResult {
  if (text.length > MAX_REPORT_FILE_BYTES) {
    return { ok: false, error: '文件过大，不是本软件保存的报告文件。' };
  }
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
    return { ok: false, error: '报告文件内容不完整或已损坏，无法打开。' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: '文件已损坏或不是本软件保存的报告文件（无法读取其内容）。' };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== REPORT_FORMAT) {
    return { ok: false, error: '这不是本软件保存的报告文件。' };
  }
  let obj = raw as Record<string, unknown>;
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: '报告文件的版本信息已损坏，无法打开。' };
  }
  if (version > REPORT_VERSION) {
    const attempt = ReportDocumentSchema.safeParse({ ...obj, version: REPORT_VERSION });
    if (!attempt.success) {
      return { ok: false, error: '此文件由更新版本的法治年报助手保存，当前版本无法打开，请升级软件。' };
    }
    return {
      ok: true,
      doc: attempt.data,
      readOnly: true,
      notice:
        '此文件由更新版本的法治年报助手保存，现以只读方式打开，不会覆盖原文件。如需修改，请另存为新文件或升级软件。',
    };
  }
  const from = version;
  for (let v = version; v < REPORT_VERSION; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, error: `无法升级第 ${v} 版的报告文件。` };
    obj = step(obj);
  }
  const parsed = ReportDocumentSchema.safeParse(obj);
  if (!parsed.success) {
    return { ok: false, error: '报告文件内容不完整或已损坏，无法打开。' };
  }
  return from < REPORT_VERSION
    ? { ok: true, doc: parsed.data, readOnly: false, migratedFrom: from }
    : { ok: true, doc: parsed.data, readOnly: false };
}
