/**
 * Find and replace over everything the clerk edits, as Word finds everywhere in the document: the title,
 * the 主送机关, the part headings (their fixed number excepted), the body (paragraphs, sub-headings,
 * tables), the closing lines, the 署名 and the 成文日期.
 */
import { splitPartHeading } from '../../core/model/fromTemplate';
import { toPlainText, type LineKind, type PlainText } from '../../core/model/plainText';
import type { ReportDocument, Section } from '../../core/model/report';

export interface Match {
  /** Offsets in the plain text (as a finding's): what replacing and selecting go by. */
  start: number;
  end: number;
  /** The line the match is in, and its offset inside that line. */
  kind: LineKind;
  from: number;
  /** The part and block of a heading or body line. */
  sectionKey?: string;
  blockIndex?: number;
}

/** Lines of fields the clerk types in; 文号 and 附件 are not drawn in the document. */
const SEARCHED = new Set<LineKind>([
  'title',
  'addressee',
  'heading',
  'subheading',
  'paragraph',
  'table',
  'closing',
  'signature',
  'date',
]);

export function findMatches(plain: PlainText, needle: string): Match[] {
  if (!needle) return [];
  const out: Match[] = [];
  for (const line of plain.lines) {
    if (!SEARCHED.has(line.kind)) continue;
    // A part heading's number is fixed (renumbered by the app): never found, never replaced.
    const locked = line.kind === 'heading' ? splitPartHeading(line.text).number.length : 0;
    for (let at = line.text.indexOf(needle, locked); at >= 0; at = line.text.indexOf(needle, at + needle.length)) {
      out.push({
        start: line.start + at,
        end: line.start + at + needle.length,
        kind: line.kind,
        from: at,
        ...(line.sectionKey !== undefined ? { sectionKey: line.sectionKey } : {}),
        ...(line.blockIndex !== undefined ? { blockIndex: line.blockIndex } : {}),
      });
    }
  }
  return out;
}

/** Characters of the report as Word's 字数 counts Chinese text: every character but spaces and line breaks. */
export function countChars(plain: PlainText): number {
  let n = 0;
  for (const line of plain.lines) n += visibleChars(line.text);
  return n;
}

const visibleChars = (text: string) => text.replace(/[\s\u3000]/g, '').length;

/** A part keeps its Section object while it is not edited (see DocumentSyncPlugin): its count is kept with it. */
const charsOfSection = new WeakMap<Section, number>();

/**
 * The live 字数: what `countChars(toPlainText(doc))` counts, but a keystroke counts again only the part it
 * changed, not the whole 30,000-character report (the status bar follows every keystroke).
 */
export function countDocumentChars(doc: ReportDocument): number {
  let n = countChars(toPlainText({ ...doc, sections: [] }));
  for (const section of doc.sections) {
    let count = charsOfSection.get(section);
    if (count === undefined) {
      count = visibleChars(section.heading) + section.blocks.reduce((sum, block) => sum + visibleChars(block.text), 0);
      charsOfSection.set(section, count);
    }
    n += count;
  }
  return n;
}
