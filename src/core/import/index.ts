/** Importing a report from any file a clerk or reviewer has: .docx, .txt, or the app's own .nianbao. */
import { parseReportFile } from '../model/file';
import { defaultRegistry } from '../templates/registry';
import { decodeText } from './decode';
import { importDoc, isOleFile } from './doc';
import { htmlToText, importDocx } from './docx';
import { importText } from './text';
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

/** A saved web page: scripts and styles go, block ends become line ends, tags go. */
function htmlPageToText(html: string): string {
  return htmlToText(html.replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, '').replace(/<\/div>/gi, '\n')).text;
}

/**
 * Any file a clerk or reviewer may hand us, dispatched by content first (a .txt that is really a Word
 * file still imports) and by extension second. Never throws: every failure is a Chinese message.
 */
export async function importFile(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const ext = extensionOf(fileName);
  const opts = { ...options, fileName: options.fileName ?? fileName };
  if (bytes.length === 0) return { ok: false, error: '文件是空的，没有可导入的内容。' };
  if (ext === 'doc' || ext === 'wps' || isOleFile(bytes)) return importDoc(bytes, opts);
  if (ext === 'pdf' || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    return { ok: false, error: '暂不支持导入 PDF 文件，请使用 Word（.docx）或文本（.txt）文件。' };
  }
  if (ext === 'docx' || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return importDocx(bytes, opts);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const head = decoded.text.slice(0, 300);
  if (ext === 'nianbao' || /^\s*\{[\s\S]*"format"\s*:\s*"nianbao-report"/.test(head)) {
    const parsed = parseReportFile(decoded.text);
    if (!parsed.ok) return parsed;
    const registry = options.registry ?? defaultRegistry;
    const doc = options.templateId ? { ...parsed.doc, meta: { ...parsed.doc.meta, templateId: options.templateId } } : parsed.doc;
    const mapping = doc.sections
      .filter((s) => s.heading)
      .map((s) => ({ sectionKey: s.key, heading: s.heading, part: s.part, confidence: (s.part ? 'alias' : 'none') as 'alias' | 'none' }));
    return { ok: true, doc, mapping, warnings: parsed.readOnly ? [parsed.notice] : [], template: registry.getOrDefault(doc.meta.templateId).id };
  }
  if (ext === 'html' || ext === 'htm' || /^\s*(<!doctype html|<html)/i.test(head)) return importText(htmlPageToText(decoded.text), opts);
  return importText(decoded.text, opts);
}
