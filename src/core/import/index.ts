/** Importing a report from any file a clerk or reviewer has: .docx, .txt, or the app's own .nianbao. */
import { parseReportFile } from '../model/file';
import { isEncryptedOoxml } from './cfb';
import { defaultRegistry } from '../templates/registry';
import { decodeText } from './decode';
import { importDoc, isOleFile } from './doc';
import { importDocx } from './docx';
import { withTables } from './docxTables';
import { pageText } from './html';
import { importStructuredText, importText } from './text';
import type { ImportOptions, ImportResult } from './types';

export { decodeText } from './decode';
export { importDocx } from './docx';
export { importText, MAX_TEXT_CHARS } from './text';
export { detectTemplate, reportUnit, reportYear, unitFromAuthor } from './meta';
export type { ImportOptions, ImportResult, PartMapping } from './types';

function extensionOf(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** A saved web page: parsed, its navigation removed and listed, its <title> kept aside for a report without one. */
async function importHtml(html: string, options: ImportOptions): Promise<ImportResult> {
  const page = await pageText(html);
  // A bold line (or bold run-in title) is weighed as in Word: sub-points where the report has two or more.
  const result = importStructuredText(page.text, options, page.styled, page);
  return result.ok ? { ...result, doc: withTables(result.doc, page.tables) } : result;
}

/**
 * Any file a clerk or reviewer may hand us, dispatched by content first (a .txt that is really a Word
 * file still imports) and by extension second. Never throws: every failure is a Chinese message.
 */
export async function importFile(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const ext = extensionOf(fileName);
  const opts = { ...options, fileName: options.fileName ?? fileName };
  if (bytes.length === 0) return { ok: false, error: '文件是空的，没有可导入的内容。' };
  if (isEncryptedOoxml(bytes)) {
    return {
      ok: false,
      error: '这个 Word 文件设置了打开密码（已加密），无法读取。请在 Word 或 WPS 中取消密码，另存为 .docx 后再导入。',
    };
  }
  if (ext === 'doc' || ext === 'wps' || isOleFile(bytes)) return importDoc(bytes, opts);
  if (ext === 'pdf' || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    return { ok: false, error: '暂不支持导入 PDF 文件，请使用 Word（.docx）或文本（.txt）文件。' };
  }
  if (ext === 'docx' || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const refused = await options.zipGuard?.(bytes);
    return refused ? { ok: false, error: refused } : importDocx(bytes, opts);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const head = decoded.text.slice(0, 300);
  if (ext === 'nianbao' || /^\s*\{[\s\S]*"format"\s*:\s*"nianbao-report"/.test(head)) {
    const parsed = parseReportFile(decoded.text);
    if (!parsed.ok) return parsed;
    const registry = options.registry ?? defaultRegistry;
    const doc = options.templateId
      ? { ...parsed.doc, meta: { ...parsed.doc.meta, templateId: options.templateId } }
      : parsed.doc;
    const mapping = doc.sections
      .filter((s) => s.heading)
      .map((s) => ({
        sectionKey: s.key,
        heading: s.heading,
        part: s.part,
        confidence: (s.part ? 'alias' : 'none') as 'alias' | 'none',
      }));
    return {
      ok: true,
      doc,
      mapping,
      warnings: parsed.readOnly ? [parsed.notice] : [],
      template: registry.getOrDefault(doc.meta.templateId).id,
    };
  }
  const result =
    ext === 'html' || ext === 'htm' || /^\s*(<!doctype html|<html)/i.test(head)
      ? await importHtml(decoded.text, opts)
      : importText(decoded.text, opts);
  if (result.ok && decoded.encoding === 'big5') {
    result.warnings.unshift(
      '文件是繁体中文 Big5 编码，已按 Big5 读取。检查规则按简体中文编写，繁体字的内容可能有识别不到的地方。',
    );
  }
  return result;
}
