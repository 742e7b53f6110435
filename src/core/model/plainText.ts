/**
 * The document's plain text, one line per title/heading/paragraph, with a map from every line back to
 * where it lives in the model. Checks report character offsets into this text (shared/spec/cli.md), and
 * the editor turns them back into a section and an offset with `locate`.
 */
import type { ReportDocument } from './report';

export type LineKind =
  | 'docNumber'
  | 'title'
  | 'addressee'
  | 'heading'
  | 'subheading'
  | 'paragraph'
  /** A table: its cells separated by tabs, its rows by line breaks (tableText). */
  | 'table'
  | 'closing'
  | 'attachment'
  | 'signature'
  | 'date';

export interface TextLine {
  kind: LineKind;
  text: string;
  /** Offset of the line's first character in the plain text. */
  start: number;
  /** Section key for heading/subheading/paragraph lines. */
  sectionKey?: string;
  /** Template part of that section (null for extra sections). */
  part?: string | null;
  /** Index in the section's blocks, for subheading/paragraph lines. */
  blockIndex?: number;
  /** Sub-heading level (2–4), or 1 for part headings. */
  level?: number;
}

export interface PlainText {
  text: string;
  lines: TextLine[];
}

/** Lines are joined by "\n"; a multi-line title is kept as separate title lines. */
export function toPlainText(doc: ReportDocument): PlainText {
  const lines: TextLine[] = [];
  let offset = 0;
  const push = (line: Omit<TextLine, 'start'>): void => {
    lines.push({ ...line, start: offset });
    offset += line.text.length + 1;
  };
  const { meta } = doc;
  if (meta.docNumber) push({ kind: 'docNumber', text: meta.docNumber });
  for (const t of meta.title.split('\n')) if (t.trim()) push({ kind: 'title', text: t });
  if (meta.addressee) push({ kind: 'addressee', text: meta.addressee });
  for (const section of doc.sections) {
    if (section.heading) {
      push({ kind: 'heading', text: section.heading, sectionKey: section.key, part: section.part, level: 1 });
    }
    section.blocks.forEach((block, blockIndex) => {
      push({
        kind: block.kind,
        text: block.text,
        sectionKey: section.key,
        part: section.part,
        blockIndex,
        ...(block.kind === 'subheading' ? { level: block.level } : {}),
      });
    });
  }
  for (const c of doc.closing) push({ kind: 'closing', text: c });
  meta.attachments.forEach((a, i) => push({ kind: 'attachment', text: i === 0 ? `附件：${a}` : a }));
  for (const s of meta.signature) push({ kind: 'signature', text: s });
  if (meta.date) push({ kind: 'date', text: meta.date });
  const text = lines.map((l) => l.text).join('\n');
  return { text, lines };
}

/** The line that contains plain-text offset `at` (binary search), or undefined past the end. */
export function lineAt(plain: PlainText, at: number): TextLine | undefined {
  let lo = 0;
  let hi = plain.lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const line = plain.lines[mid]!;
    if (at < line.start) hi = mid - 1;
    else if (at > line.start + line.text.length) lo = mid + 1;
    else return line;
  }
  return undefined;
}

/** Where a plain-text offset lands: the line and the offset inside that line's text. */
export function locate(plain: PlainText, at: number): { line: TextLine; offset: number } | undefined {
  const line = lineAt(plain, at);
  return line ? { line, offset: at - line.start } : undefined;
}
