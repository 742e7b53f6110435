/**
 * .doc (Word 97–2003) and .wps (WPS Office's own, the same compound-file layout) → text → the text
 * importer. Many clerks still hold last year's report in these formats. word-extractor (pure JavaScript,
 * offline) reads the body; it runs only where Node's Buffer exists (the app's main process and the CLI).
 */
import { compoundStreamHead } from './cfb';
import { importText } from './text';
import type { ImportOptions, ImportResult } from './types';

/** Old Word files with photos stay far below this; a bigger file is not a report. */
export const MAX_DOC_BYTES = 50 * 1024 * 1024;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOleFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && OLE.every((b, i) => bytes[i] === b);
}

/** A directory entry name of a compound file, as its UTF-16LE bytes. */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** Text that a garbled reading gives: few Chinese characters, many control or private-use characters. */
function looksGarbled(text: string): boolean {
  const sample = text.slice(0, 20000);
  let strange = 0;
  for (const c of sample) {
    const code = c.charCodeAt(0);
    if (
      (code < 32 && code !== 9 && code !== 10 && code !== 13) ||
      (code >= 0xe000 && code <= 0xf8ff) ||
      code === 0xfffd
    )
      strange++;
  }
  const han = (sample.match(/[\u4e00-\u9fa5]/g) ?? []).length;
  return strange > sample.length / 20 || han < sample.replace(/\s/g, '').length / 10;
}

/**
 * Whether a Word 97 file defines automatic numbering (its FIB's PlfLfo is not empty): word-extractor gives
 * the text without the numbers Word shows, so the clerk is told where headings may have lost theirs.
 */
export function definesListNumbering(bytes: Uint8Array): boolean {
  const fib = compoundStreamHead(bytes, 'WordDocument', 1024);
  if (!fib || fib[0] !== 0xec || fib[1] !== 0xa5) return false;
  const view = new DataView(fib.buffer, fib.byteOffset, fib.byteLength);
  // FibBase (32) + csw + FibRgW97 (28) + cslw + FibRgLw97 (88) = 152: cbRgFcLcb, then the fc/lcb pairs; PlfLfo is pair 74.
  return view.getUint16(152, true) > 74 && view.getUint32(154 + 74 * 8 + 4, true) > 0;
}

/** Whether a Word 97 file holds comments (批注): its FIB's PlcfandRef, the comments' references, is not empty. */
export function hasComments(bytes: Uint8Array): boolean {
  const fib = compoundStreamHead(bytes, 'WordDocument', 1024);
  if (!fib || fib[0] !== 0xec || fib[1] !== 0xa5) return false;
  const view = new DataView(fib.buffer, fib.byteOffset, fib.byteLength);
  // The fc/lcb pairs start at 154 (see definesListNumbering); PlcfandRef is pair 4.
  return view.getUint16(152, true) > 4 && view.getUint32(154 + 4 * 8 + 4, true) > 0;
}

const UNREADABLE =
  '无法读取这个旧版 Word/WPS 文件（.doc/.wps），文件可能已损坏或加了密码。请在 Word 或 WPS 中打开，另存为 .docx 后再导入。';

export async function importDoc(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  if (bytes.length > MAX_DOC_BYTES) {
    return {
      ok: false,
      error: `文件过大（约 ${Math.round(bytes.length / 1024 / 1024)} MB），不像是一份报告，未导入。`,
    };
  }
  if (!isOleFile(bytes))
    return {
      ok: false,
      error:
        '这不是有效的旧版 Word/WPS 文件（.doc/.wps），无法导入。如能在 Word 或 WPS 中打开，请另存为 .docx 后再导入。',
    };
  // A password-protected .docx is stored as a compound file holding an encrypted package.
  if (hasStream(bytes, 'EncryptedPackage'))
    return { ok: false, error: '这个文件设置了打开密码，无法导入。请在 Word 或 WPS 中取消密码后另存为 .docx 再导入。' };
  if (!hasStream(bytes, 'WordDocument'))
    return {
      ok: false,
      error: '无法读取这个文件：它不是 Word/WPS 文字文件（可能是 Excel 表格等其他 Office 文件），或已损坏。',
    };
  const NodeBuffer = (globalThis as { Buffer?: { from(bytes: Uint8Array): unknown } }).Buffer;
  if (!NodeBuffer) return { ok: false, error: '此处无法读取旧版 Word/WPS 文件，请另存为 .docx 后再导入。' };
  let text: string;
  let asides = 0;
  let commented = false;
  try {
    const WordExtractor =
      ((await import('word-extractor')) as { default?: unknown }).default ?? (await import('word-extractor'));
    type Extracted = {
      getBody(): string;
      getFootnotes(): string;
      getEndnotes(): string;
      getTextboxes(options: { includeHeadersAndFooters: boolean }): string;
      getAnnotations(): string;
    };
    const extracted = await new (WordExtractor as new () => { extract(source: unknown): Promise<Extracted> })().extract(
      NodeBuffer.from(bytes),
    );
    text = extracted.getBody();
    asides = [
      extracted.getFootnotes(),
      extracted.getEndnotes(),
      extracted.getTextboxes({ includeHeadersAndFooters: false }),
    ]
      .join('')
      .replace(/\s/g, '').length;
    commented = extracted.getAnnotations().trim() !== '' || hasComments(bytes);
  } catch {
    return { ok: false, error: UNREADABLE };
  }
  if (!text.trim()) return { ok: false, error: 'Word/WPS 文件中没有文字内容，无法导入。' };
  if (looksGarbled(text)) return { ok: false, error: UNREADABLE };
  const result = importText(text, options);
  if (!result.ok) return result;
  // What the old format keeps apart from the body, without where it stood: said, not guessed.
  if (asides > 0)
    result.warnings.push(
      `文件中有脚注、尾注或文本框（共 ${asides} 字），旧版 .doc/.wps 文件读不出它们在正文中的位置，未导入。如需保留，请在 Word 或 WPS 中另存为 .docx 后再导入。`,
    );
  // The county's 批注 are read from .docx only: an old file's comments have no words or author we could trust.
  if (commented)
    result.warnings.push(
      '文件中有批注（审核意见）：旧版 .doc/.wps 文件的批注不能导入，开始编辑后不会列出。如需逐条处理县里的审核意见，请在 Word 或 WPS 中另存为 .docx 后再导入。',
    );
  if (definesListNumbering(bytes))
    result.warnings.push(
      '文件中有 Word 自动编号：旧版 .doc/.wps 文件读不出自动编号的序号（如“一、”“（一）”），用自动编号的标题导入后没有序号，分部可能不准，请核对；另存为 .docx 后再导入可读出序号。',
    );
  return result;
}
