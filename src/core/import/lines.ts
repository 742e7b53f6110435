/**
 * Raw text → trimmed, non-empty lines. Word artifacts are removed here (and counted); a paragraph that a
 * web page or a converter glued onto the previous one ("…体系。    （三）持续加强…") is split back, so
 * its heading is seen. Only whitespace and artifacts are ever lost at this stage.
 */
import { HEADING_NUMBER_SOURCE, headingNumber, isStandaloneHeading } from '../text/numbering';

/** Bookmarks and similar marks that converters leave in the text: never the report's own words. */
const ARTIFACTS = /\[bookmark:[^\]\n]{0,200}\]|\[\s*_GoBack\s*\]|\[\]\{#[A-Za-z_][\w-]{0,100}\}|\{#_GoBack\}/g;

/** Runs of 2+ spaces after a sentence end and before a heading number mark a lost line break. */
const GLUED = new RegExp(`([。！？；：”」』）)])[\\s\\u3000]{2,}(?=${HEADING_NUMBER_SOURCE})`, 'g');

/** Invisible characters that make a line look non-empty. */
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/g;

export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

export interface SplitLines {
  lines: string[];
  artifacts: number;
}

export function splitLines(text: string): SplitLines {
  let artifacts = 0;
  const lines: string[] = [];
  for (const raw of text.split(/\r\n|[\r\n\u2028\u2029\v\f\x85]/)) {
    const cleaned = raw.replace(ARTIFACTS, () => {
      artifacts++;
      return '';
    });
    for (const piece of cleaned.replace(GLUED, '$1\n').split('\n')) {
      const t = piece.trim();
      if (!isBlank(t)) lines.push(t);
    }
  }
  return { lines, artifacts };
}

/** How wide a line is drawn: a Chinese character or full-width mark as two columns, ASCII as one. */
function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += ch <= '\u007e' ? 1 : 2;
  return w;
}

/** A line that ends a paragraph: a sentence end, a colon before a list, optionally closed by a quote or bracket. */
const PARAGRAPH_END = /[。！？；：…!?;:][”’」』）)】]*$/;
/** A line can never begin with these: it continues the line before. */
const CONTINUATION_START = /^[，。、；：！？）】》”’」』,.;:!?)]/;
const TITLE_END = /(报告|汇报|总结|述职|述法)$/;
const INDENT = /^(?:[ \t]{2,}|\u3000)/;

/**
 * Plain text saved with a line break every N columns (copied from a PDF or an e-mail, or kept by Notepad's
 * word wrap) → one line per paragraph again. Without this, every wrapped piece became a paragraph, a figure
 * broken over two lines went unread, and a sentence cut after "现" opened the report.
 *
 * A file counts as wrapped only on clear evidence: most of its widest lines (the wrap width is where the
 * widest tenth of the lines end) stop in mid-sentence. In a file written one paragraph per line the widest
 * lines are whole paragraphs, which end with 。, so nothing there is joined; headings are narrower than the
 * wrap width and stay lines of their own. A wrapped line is joined to the next unless that one is blank,
 * indented (where the file indents its paragraphs), starts with a heading number, or either is `kept` (a
 * table cell, a styled heading, page chrome); a line that is a `heading` is never continued.
 */
export function joinHardWraps(
  text: string,
  kept: (line: string) => boolean = () => false,
  heading: (line: string) => boolean = () => false,
): { text: string; joined: number } {
  const raw = text.split(/\r\n|\n|\r/);
  const widths = raw.map((l) => displayWidth(l.trim()));
  const filled = widths.filter((w) => w > 0).sort((a, b) => a - b);
  if (filled.length < 8) return { text, joined: 0 };
  const wrapWidth = filled[Math.floor(filled.length * 0.9)]!;
  const full = (i: number) => widths[i]! >= wrapWidth * 0.8 && widths[i]! <= wrapWidth + 2;
  const wide = raw.filter((_, i) => full(i) && widths[i]! >= 20);
  const open = wide.filter((l) => !PARAGRAPH_END.test(l.trim()));
  if (open.length < 5 || open.length < wide.length * 0.6) return { text, joined: 0 };
  const indents = raw.some((l) => INDENT.test(l));
  // The first line is the title's place: one that ends like a title ends there, however wide it is.
  const first = raw.findIndex((l) => l.trim() !== '');
  const out: string[] = [];
  let joined = 0;
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i]!;
    // The piece last added: whether the paragraph goes on depends on where that one stopped.
    let tail = line.trim();
    while (i + 1 < raw.length) {
      const next = raw[i + 1]!;
      const t = next.trim();
      if (!t || !tail || kept(t) || kept(tail)) break;
      if (i === first && TITLE_END.test(tail)) break;
      // An unnumbered heading ends where it ends, however wide; a piece of a wrapped line that reads like one
      // ("责任人职责情况") still continues the line before it.
      if (heading(tail)) break;
      // A numbered heading goes on only while it stays a heading ("二、党政主要负责人…第一" + "责任人职责情况"):
      // a paragraph after a heading as wide as the wrap is no part of it.
      if (headingNumber(tail, true) && isStandaloneHeading(tail) && !isStandaloneHeading(tail + t)) break;
      const continues =
        CONTINUATION_START.test(t) ||
        (displayWidth(tail) >= wrapWidth * 0.8 &&
          !PARAGRAPH_END.test(tail) &&
          !(indents && INDENT.test(next)) &&
          !headingNumber(t, true));
      if (!continues) break;
      line = line.trimEnd() + t;
      tail = t;
      joined++;
      i++;
    }
    out.push(line);
  }
  return joined ? { text: out.join('\n'), joined } : { text, joined: 0 };
}

/**
 * A page number as a PDF or a printed 公文 shows it, alone on its line once the text is copied out:
 * "— 3 —", "-3-", "- 3 -", "第3页 共8页", "第 3 页", "3 / 8"-style "第3页/共8页". Never a report's own words.
 */
const PAGE_NUMBER =
  /^(?:[—–\-－‒―]{1,2}\s*\d{1,3}\s*[—–\-－‒―]{1,2}|第\s*\d{1,3}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,3}\s*页)?|共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页)$/;

export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.test(line.trim());
}

/**
 * Text copied out of a PDF keeps each page's furniture: its page number, and the running header printed at
 * the top of every page (the title, the unit's name). Page numbers are dropped wherever they stand; a line is a
 * running header when it stands next to a page number at least twice (so the copy of the title at the top of
 * the first page, which no page number touches, stays the title). Dropped before hard wraps are joined, so a
 * paragraph broken across a page joins up again.
 */
export function dropPageFurniture(text: string): { text: string; dropped: string[] } {
  if (!/[—–\-－‒―]\s*\d|第\s*\d{1,3}\s*页/.test(text)) return { text, dropped: [] };
  const raw = text.split(/\r\n|\n|\r/);
  const isNumber = raw.map(isPageNumber);
  if (!isNumber.some(Boolean)) return { text, dropped: [] };
  // The nearest non-blank line on each side.
  const neighbour = (i: number, step: number) => {
    for (let k = i + step; k >= 0 && k < raw.length; k += step) if (raw[k]!.trim()) return k;
    return -1;
  };
  const touching = new Map<string, number[]>();
  raw.forEach((line, i) => {
    const t = line.trim();
    if (!t || isNumber[i] || t.length > 60 || /[。；！？]/.test(t)) return;
    const before = neighbour(i, -1);
    const after = neighbour(i, 1);
    if ((before >= 0 && isNumber[before]) || (after >= 0 && isNumber[after]))
      touching.set(t, [...(touching.get(t) ?? []), i]);
  });
  const header = new Set<number>();
  for (const at of touching.values()) if (at.length >= 2) for (const i of at) header.add(i);
  const dropped: string[] = [];
  const kept = raw.filter((line, i) => {
    if (!isNumber[i] && !header.has(i)) return true;
    dropped.push(line.trim());
    return false;
  });
  return { text: kept.join('\n'), dropped };
}
