/**
 * .docx → text lines → the text importer. mammoth reads the paragraphs (with or without heading
 * styles: LibreOffice-made files have none); the heading numbers are literal text in real reports, so
 * the text importer's heading rules apply unchanged.
 */
import mammoth from 'mammoth';
import { importText } from './text';
import type { ImportOptions, ImportResult } from './types';

export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : all;
    }
    return ENTITIES[code.toLowerCase()] ?? all;
  });
}

/** mammoth's HTML → one line per paragraph, heading, list item or table cell. */
export function htmlToLines(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|h[1-6]|li|td|th|tr|table)>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function importDocx(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  if (bytes.length > MAX_DOCX_BYTES) {
    return { ok: false, error: `文件过大（约 ${Math.round(bytes.length / 1024 / 1024)} MB），不像是一份报告，未导入。` };
  }
  if (!isZip(bytes)) {
    return { ok: false, error: '这不是有效的 Word 文件（.docx）。如果是旧版 .doc 文件，请先在 Word 或 WPS 中另存为 .docx。' };
  }
  let html: string;
  try {
    // mammoth's unzip accepts any binary JSZip reads, Uint8Array included.
    const result = await mammoth.convertToHtml({ buffer: bytes } as unknown as { buffer: Buffer });
    html = result.value;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/word\/document\.xml|find file|main document/i.test(message)) {
      return { ok: false, error: '这个文件是压缩包，但不是 Word 文件（.docx），无法导入。' };
    }
    return { ok: false, error: 'Word 文件已损坏或不完整，无法读取。请在 Word 或 WPS 中打开并重新保存后再导入。' };
  }
  const text = htmlToLines(html);
  if (!text.trim()) return { ok: false, error: 'Word 文件中没有文字内容，无法导入。' };
  return importText(text, options);
}
