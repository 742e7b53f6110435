/**
 * Bytes → text for imported .txt files: UTF-8 (with or without BOM), UTF-16 with BOM (Notepad's
 * "Unicode"), and GB18030, which older Windows tools write. Binary and oversized input is refused with
 * a message the clerk can act on.
 */

/** No report comes near this; refusing early keeps a 50 MB paste from freezing the app. */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

export type Encoding = 'utf-8' | 'utf-16' | 'gb18030' | 'big5';

/**
 * Characters every report is full of, in simplified and traditional forms: a file read in the right
 * legacy encoding is dense with them, read in the wrong one it is not.
 */
const COMMON = new Set(
  [
    ...'的一是在了和有不为中年工作法治政府建设依行报告镇乡人民县区街道会议开展加强推进全面情况主要问题执法规范制度机制组织领导责任群众服务审查调解',
  ].concat([...'為會議開展加強進問題執規範領導責任眾務審調解報設鎮鄉縣區並與說']),
);

function commonScore(text: string): number {
  let n = 0;
  for (const c of text.slice(0, 20000)) if (COMMON.has(c)) n++;
  return n;
}

export type DecodeResult = { ok: true; text: string; encoding: Encoding } | { ok: false; error: string };

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > sample.length / 50;
}

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_TEXT_BYTES) {
    return {
      ok: false,
      error: `文件过大（约 ${Math.round(bytes.length / 1024 / 1024)} MB），不像是一份报告，未导入。`,
    };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    return finish(text, 'utf-16');
  }
  if (looksBinary(bytes)) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return finish(new TextDecoder(utf16).decode(bytes), 'utf-16');
    return { ok: false, error: '这不是文本文件（可能是图片、压缩包或其他程序的文件），无法导入。' };
  }
  let text: string;
  let encoding: Encoding = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // A UTF-8 file cut mid-character (or with one stray byte) is still UTF-8: GB18030 would garble all of it.
    const loose = new TextDecoder('utf-8').decode(bytes);
    const bad = countReplacements(loose);
    if (bad <= Math.max(2, loose.length / 5000) && /[\u4e00-\u9fa5]/.test(loose)) {
      text = loose;
    } else {
      // GB18030 (mainland Windows) or Big5 (Taiwan, Hong Kong, old traditional-Chinese tools): the reading
      // dense with everyday characters wins; GB18030 on a tie, as the more common here.
      const gb = new TextDecoder('gb18030').decode(bytes);
      const big5 = new TextDecoder('big5').decode(bytes);
      if (commonScore(big5) > commonScore(gb) * 2 && countReplacements(big5) <= Math.max(2, big5.length / 100)) {
        encoding = 'big5';
        text = big5;
      } else {
        encoding = 'gb18030';
        text = gb;
      }
    }
  }
  return finish(text, encoding);
}

/** Characters of a report: ASCII, CJK, their punctuation, full-width forms, circled numbers. */
function plausible(c: number): boolean {
  return (
    c === 9 ||
    c === 10 ||
    c === 13 ||
    (c >= 0x20 && c < 0x7f) ||
    (c >= 0xa0 && c <= 0xff) ||
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x2460 && c <= 0x24ff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xff00 && c <= 0xffef)
  );
}

/**
 * UTF-16 saved without its BOM (some exporters do): its zero or control bytes make it look binary, but
 * read as UTF-16 nearly every character is one a report uses. Random binary never reads so.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  if (sample.length < 4) return undefined;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = new TextDecoder(encoding).decode(sample);
    let good = 0;
    for (let i = 0; i < text.length; i++) if (plausible(text.charCodeAt(i))) good++;
    if (good >= text.length * 0.95) return encoding;
  }
  return undefined;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function finish(text: string, encoding: Encoding): DecodeResult {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return { ok: false, error: '文件是空的，没有可导入的内容。' };
  const replaced = countReplacements(clean);
  if (replaced > Math.max(2, clean.length / 100)) {
    return {
      ok: false,
      error:
        '无法识别文件的文字编码（不是 UTF-8、UTF-16、GB18030，也不是 Big5），请在记事本或 WPS 中另存为 UTF-8 后再导入。',
    };
  }
  return { ok: true, text: clean, encoding };
}
