/** Find and replace over the report's body text (every part's paragraphs and sub-headings). */
import type { PlainText } from '../../core/model/plainText';

export interface Match {
  sectionKey: string;
  blockIndex: number;
  start: number;
  end: number;
}

export function findMatches(plain: PlainText, needle: string): Match[] {
  if (!needle) return [];
  const out: Match[] = [];
  for (const line of plain.lines) {
    if (line.sectionKey === undefined || line.blockIndex === undefined) continue;
    for (let at = line.text.indexOf(needle); at >= 0; at = line.text.indexOf(needle, at + needle.length)) {
      out.push({ sectionKey: line.sectionKey, blockIndex: line.blockIndex, start: at, end: at + needle.length });
    }
  }
  return out;
}

/** Characters of the report as Word's 字数 counts Chinese text: every character but spaces and line breaks. */
export function countChars(plain: PlainText): number {
  let n = 0;
  for (const line of plain.lines) n += line.text.replace(/[\s\u3000]/g, '').length;
  return n;
}
