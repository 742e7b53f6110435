/**
 * .docx → text lines → the text importer. mammoth reads the paragraphs (with or without heading
 * styles: LibreOffice-made files have none); the heading numbers are literal text in real reports, so
 * the text importer's heading rules apply unchanged. Word heading styles, when present, are passed on as
 * hints so that a heading whose number is Word's automatic numbering (not text) is still a heading.
 */
import { docxComments } from './docxComments';
import { resolvedInWordKeys } from '../model/reviewComments';
import { docxTables, withTables } from './docxTables';
import type Mammoth from 'mammoth';
import { fastDocxText, NOTE_PREFIX } from './docxFast';
import { importWithTextTables } from './text';
import {
  BOLD_HINT,
  MAX_BOLD_HEADING,
  RUN_IN_BOLD,
  TABLE_CELL,
  runInBoldTitle,
  type DocxText,
  type ImportOptions,
  type ImportResult,
} from './types';

/** Real reports are well under 5 MB even with photos; a bigger file is not a report. */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (all, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : all;
    }
    return ENTITIES[code.toLowerCase()] ?? all;
  });
}

export type { DocxText } from './types';

/** The HTML split into what lies outside every table and what lies inside one (nested ones included). */
function splitTables(html: string): { outside: string; inside: string } {
  let depth = 0;
  let outside = '';
  let inside = '';
  let at = 0;
  for (const m of html.matchAll(/<(\/?)table\b[^>]*>/gi)) {
    if (m[1]) {
      if (depth > 0 && --depth === 0) {
        inside += html.slice(at, m.index);
        at = m.index + m[0].length;
      }
    } else if (depth++ === 0) {
      outside += html.slice(at, m.index);
      at = m.index + m[0].length;
    }
  }
  if (depth === 0) outside += html.slice(at);
  else inside += html.slice(at);
  return { outside, inside };
}

/** mammoth's HTML → one line per paragraph, heading, list item or table cell. */
export function htmlToText(html: string): DocxText {
  const styledHeadings = new Map<string, number>();
  const cleaned = html
    // Footnote back-links ("↑") are mammoth's, not the document's.
    .replace(/<a href="#[^"]*-ref-[^"]*">[^<]*<\/a>/g, '')
    .replace(/<img[^>]*>/gi, '');
  for (const m of cleaned.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/gi)) {
    const text = decodeEntities(m[2]!.replace(/<[^>]+>/g, '')).trim();
    if (text && !styledHeadings.has(text)) styledHeadings.set(text, Number(m[1]));
  }
  // A paragraph that is wholly bold (mammoth: <strong> runs only), outside tables: a hint the text importer weighs by wording.
  const { outside, inside } = splitTables(cleaned);
  for (const m of outside.matchAll(/<p>([\s\S]*?)<\/p>/gi)) {
    const inner = m[1]!;
    if (
      !/<strong>/i.test(inner) ||
      /\S/.test(inner.replace(/<strong>[\s\S]*?<\/strong>/gi, '').replace(/<[^>]+>/g, ''))
    )
      continue;
    const text = decodeEntities(inner.replace(/<[^>]+>/g, '')).trim();
    if (text && text.length <= MAX_BOLD_HEADING && !styledHeadings.has(text)) styledHeadings.set(text, BOLD_HINT);
  }
  // A paragraph opening with a bold title through its first 。 or ：, the rest not bold: a run-in sub-point.
  for (const m of outside.matchAll(/<p>\s*<strong>([\s\S]*?)<\/strong>([\s\S]*?)<\/p>/gi)) {
    if (/<strong>/i.test(m[2]!)) continue;
    const title = decodeEntities(m[1]!.replace(/<[^>]+>/g, '')).trim();
    const text = decodeEntities((m[1]! + m[2]!).replace(/<[^>]+>/g, '')).trim();
    if (text && runInBoldTitle(text) === title && !styledHeadings.has(text)) styledHeadings.set(text, RUN_IN_BOLD);
  }
  // Table cells are never part headings (a header cell "存在的问题" heads a column), unless the same text is also a paragraph outside.
  const outsideTexts = new Set(
    [...outside.matchAll(/<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>/gi)].map((m) =>
      decodeEntities(m[2]!.replace(/<[^>]+>/g, '')).trim(),
    ),
  );
  for (const m of inside.matchAll(/<(p|td|th)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
    const text = decodeEntities(m[2]!.replace(/<[^>]+>/g, '')).trim();
    if (text && !styledHeadings.has(text) && !outsideTexts.has(text)) styledHeadings.set(text, TABLE_CELL);
  }
  const text = decodeEntities(
    cleaned
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|h[1-6]|li|td|th|tr|table)>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  );
  return { text, styledHeadings };
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

type MammothInput = Parameters<typeof Mammoth.convertToHtml>[0];

/**
 * mammoth reads `buffer` in Node and `arrayBuffer` in its browser build: give it both. A Uint8Array
 * serves as the buffer (its unzip accepts any binary JSZip reads), so no Node global is needed.
 */
function mammothInput(bytes: Uint8Array): MammothInput {
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { buffer: new Uint8Array(arrayBuffer), arrayBuffer } as unknown as MammothInput;
}

/** A paragraph's text as mammoth holds it (its document tree), spaces left out for matching. */
interface MammothElement {
  type: string;
  value?: string;
  children?: MammothElement[];
  numbering?: unknown;
  noteType?: string;
  noteId?: string;
  comments?: unknown[];
  notes?: { resolve(reference: MammothElement): { body: MammothElement[] } | undefined };
}

function firstText(element: MammothElement): MammothElement | undefined {
  for (const c of element.children ?? []) {
    if (c.type === 'text' && c.value) return c;
    const inner = c.type === 'paragraph' ? undefined : firstText(c);
    if (inner) return inner;
  }
  return undefined;
}

function plainText(element: MammothElement): string {
  return (element.children ?? [])
    .map((c) => (c.type === 'text' ? (c.value ?? '') : c.type === 'paragraph' ? '' : plainText(c)))
    .join('');
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * Word's automatic numbers put into mammoth's paragraphs: each numbered paragraph the fast reader saw is
 * matched, in order, with the next mammoth paragraph of the same text (a few paragraphs ahead at most:
 * the two readers differ only where mammoth reads a symbol or moved text the fast one declines).
 */
function numberParagraphs(numbered: ReadonlyArray<{ label: string; text: string }>) {
  let next = 0;
  const paragraph = (p: MammothElement): MammothElement => {
    const text = squeeze(plainText(p));
    if (!text) return p;
    for (let k = next; k < Math.min(numbered.length, next + 20); k++) {
      if (squeeze(numbered[k]!.text) !== text) continue;
      const first = firstText(p);
      if (!first) return p;
      first.value = numbered[k]!.label + first.value!;
      next = k + 1;
      // The number is now text: mammoth need not make a list of it.
      return { ...p, numbering: null };
    }
    return p;
  };
  return paragraph;
}

/** A transform of every paragraph of mammoth's tree, a text box's before the paragraph it is anchored in (the order Word counts them). */
function eachParagraph(transform: (p: MammothElement) => MammothElement) {
  const walk = (element: MammothElement): MammothElement => {
    const mapped = element.children ? { ...element, children: element.children.map(walk) } : element;
    return mapped.type === 'paragraph' ? transform(mapped) : mapped;
  };
  return walk;
}

/** The element without its note references, and the references it held, in order. */
function takeReferences(element: MammothElement, found: MammothElement[]): MammothElement {
  if (!element.children) return element;
  const children: MammothElement[] = [];
  for (const c of element.children) {
    if (c.type === 'noteReference') found.push(c);
    else children.push(takeReferences(c, found));
  }
  return { ...element, children };
}

/**
 * Footnotes and endnotes as the fast reader places them (see docxFast.ts): a "注：…" paragraph right after
 * the paragraph or table that refers to each, instead of mammoth's list after the 成文日期.
 */
function notesInPlace(document: MammothElement): MammothElement {
  if (!document.children || !document.notes) return document;
  const children: MammothElement[] = [];
  for (const c of document.children) {
    const references: MammothElement[] = [];
    children.push(takeReferences(c, references));
    for (const reference of references) {
      const text = (document.notes.resolve(reference)?.body ?? []).map(plainText).join(' ').replace(/\s+/g, ' ').trim();
      if (text)
        children.push({
          type: 'paragraph',
          children: [{ type: 'run', children: [{ type: 'text', value: NOTE_PREFIX + text }] }],
          numbering: null,
        });
    }
  }
  return { ...document, children };
}

/** The reference reading: mammoth's HTML, as lines; `numbered` (the fast reader's) gives Word's automatic numbers. */
export async function mammothText(
  bytes: Uint8Array,
  numbered: ReadonlyArray<{ label: string; text: string }> = [],
): Promise<DocxText | { error: string }> {
  try {
    // Loaded only when the fast reader declines a file: mammoth costs ~50 ms to load, which every CLI run paid.
    const mammoth =
      ((await import('mammoth')) as { default?: typeof Mammoth }).default ??
      ((await import('mammoth')) as unknown as typeof Mammoth);
    let comments = 0;
    const result = await mammoth.convertToHtml(mammothInput(bytes), {
      // Photos are not report text; converting them to data URLs only costs time.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      transformDocument: (document: MammothElement) => {
        // mammoth reads the comments part even from a zip the comments reader cannot open: counted, to say they were lost.
        comments = document.comments?.length ?? 0;
        return notesInPlace(numbered.length ? eachParagraph(numberParagraphs(numbered))(document) : document);
      },
    });
    return { ...htmlToText(result.value), comments };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/main document part|body element|word\/document\.xml/i.test(message)) {
      return { error: '这个文件是压缩包，但不是 Word 文件（.docx），无法导入。' };
    }
    return { error: 'Word 文件已损坏或不完整，无法读取。请在 Word 或 WPS 中打开并重新保存后再导入。' };
  }
}

/** The import's word for a file whose comments part could not be read: said, never silently lost. */
export const COMMENTS_LOST =
  '文件中有批注（审核意见），但批注部分无法读取，未导入。请在 Word 或 WPS 中打开这个文件，另存为 .docx 后再导入；或对照原文件逐条处理批注。';

export async function importDocx(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  if (bytes.length === 0) return { ok: false, error: '文件是空的，没有可导入的内容。' };
  if (bytes.length > MAX_DOCX_BYTES) {
    return {
      ok: false,
      error: `文件过大（约 ${Math.round(bytes.length / 1024 / 1024)} MB），不像是一份报告，未导入。`,
    };
  }
  if (!isZip(bytes)) {
    return {
      ok: false,
      error: '这不是有效的 Word 文件（.docx）。如果是旧版 .doc 文件，请先在 Word 或 WPS 中另存为 .docx。',
    };
  }
  const fast = await fastDocxText(bytes);
  // mammoth is the reader only for what the fast one declines (moved text, symbols, embedded objects or
  // documents, a zip it cannot read, a malformed body). It sees no outline levels and no automatic
  // numbering: take both from the fast reader where it can still scan the file.
  const hints = fast ? undefined : await fastDocxText(bytes, true);
  const read = fast ?? (await mammothText(bytes, hints?.numbered));
  if ('error' in read) return { ok: false, error: read.error };
  for (const [text, level] of hints?.styledHeadings ?? [])
    if (!read.styledHeadings.has(text)) read.styledHeadings.set(text, level);
  if (!read.text.trim()) return { ok: false, error: 'Word 文件中没有文字内容，无法导入。' };
  const result = importWithTextTables(read.text, options, read.styledHeadings);
  if (!result.ok) return result;
  // The county's comments (审核意见) come along, kept apart from the text: never exported. Those the
  // reviewer marked 已解决 in Word come in as 已处理.
  const { comments: reviewComments, status } = await docxComments(bytes);
  const lost = status === 'unread' || (status === 'unknown' && (read.comments ?? 0) > 0);
  if (lost) result.warnings.push(COMMENTS_LOST);
  const doc = withTables(result.doc, await docxTables(bytes));
  if (!reviewComments.length) return { ...result, doc };
  const resolved = resolvedInWordKeys(reviewComments).filter((k) => !doc.ignoredFindings.includes(k));
  return {
    ...result,
    doc: { ...doc, reviewComments, ignoredFindings: [...doc.ignoredFindings, ...resolved] },
  };
}
