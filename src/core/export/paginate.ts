/**
 * The export's pages, computed: the same lines, breaks and pages the .docx gives, for the app's print
 * preview and its PDF. Deterministic because the export uses exact line heights (paragraphs.ts): 22 body lines
 * of 579 twips on the 12756-twip 版心, 28 characters of 314 twips (15.7 pt) on the 8844-twip line.
 */
import { printedBlocks } from '../checks/emptyHeadings';
import type { ReportDocument } from '../model/report';
import { addresseeLine } from '../text/conventions';
import {
  attachmentLines,
  blankLinesBeforeSignature,
  charWidth,
  TABLE_FOOT_TWIPS,
  TABLE_LINE_TWIPS,
  TABLE_ROW_RULE_TWIPS,
  tableCellChars,
  tableCellMeasure,
  tableColumnWidths,
  LATIN_ALNUM,
  LINE_FIT_SHORTFALL_POINTS,
  paragraphAdvances,
  CHAR_POINTS,
  signatureIndents,
  LINE_TWIPS,
  TEXT_WIDTH_POINTS,
  TITLE_LINE_TWIPS,
} from './layout';
import { splitRunInHeading } from './runIn';
import { balanceTitle, TITLE_LINE_CHARS } from './title';

/** 版心 height in twips (GB/T 9704 5.2.1: 225 mm). */
export const TEXT_HEIGHT_TWIPS = 12756;
export const CHARS_PER_LINE = 28;
export const LINES_PER_PAGE = Math.floor(TEXT_HEIGHT_TWIPS / LINE_TWIPS);

export type PreviewStyle = 'title' | 'addressee' | 'h1' | 'h2' | 'h3' | 'h4' | 'body' | 'signature' | 'date' | 'blank';

export interface PreviewRun {
  text: string;
  style: PreviewStyle;
}

export interface PreviewLine {
  runs: PreviewRun[];
  /** Characters of indent from the left, or from the right when right-aligned. */
  indent: number;
  align: 'left' | 'center' | 'right';
  /** Line height in twips. */
  height: number;
  /** A heading's line: on the same page as the line after it (w:keepNext and w:keepLines in the .docx). */
  keepWithNext?: boolean;
  /** A table row instead of a line of text: `height` is its lines' height. */
  row?: PreviewTableRow;
}

/** One row of a table (docx: tableXml), never split across pages; the header row is repeated on each page. */
export interface PreviewTableRow {
  /** Which table of the document it belongs to. */
  table: number;
  header: boolean;
  /** Column widths as fractions of the line. */
  widths: number[];
  /** Each cell's lines, and whether it is centred (it fits one line) or justified. */
  cells: { lines: string[]; align: 'center' | 'left' }[];
}

export type PreviewPage = PreviewLine[];

/** Marks that may not begin a line (避头) and hang past the margin at the end of the line before. */
const HANGING = '，。、；：？！,.;:?!';
/**
 * Marks that may not begin a line and may not hang either: the character before them goes down with
 * them, and the line keeps one character less. This is what LibreOffice does (render.test.ts sees it).
 */
const PULL_DOWN = '”’）》」』〕】)%％';

/** Which font each style is set in (packageSource.ts): a change of font starts a new portion. */
const FONT_OF_STYLE: Record<PreviewStyle, string> = {
  title: 'title',
  addressee: 'body',
  h1: 'heading1',
  h2: 'heading2',
  h3: 'body',
  h4: 'body',
  body: 'body',
  signature: 'body',
  date: 'body',
  blank: 'body',
};

/** Marks that may not end a line (避尾): they go down with the character after them. */
const OPENING = '“‘（《〈「『【〔(';

/**
 * Whether LibreOffice may end a line after `before` (preceded by `earlier`) and start the next with `after`
 * (followed by `later`), beyond what the breaking above decides. Found by rendering (scripts/measure-layout.ts):
 * 。QQ and ，12 may part after a Chinese character, not after Latin text (96%。QQ, 96%，12, nor 96%。“12”),
 * and ）12 or ”12 never.
 */
function mayBreakBetween(
  earlier: string | undefined,
  before: string,
  after: string,
  later: string | undefined,
): boolean {
  if (OPENING.includes(before) || HANGING.includes(after) || PULL_DOWN.includes(after)) return false;
  if (LATIN_WORD.test(before) && LATIN_WORD.test(after)) return false;
  if (LATIN_ALNUM.test(after) && PULL_DOWN.includes(before)) return false;
  const latinAfter =
    LATIN_ALNUM.test(after) || ('“‘'.includes(after) && later !== undefined && LATIN_ALNUM.test(later));
  return !(latinAfter && HANGING.includes(before) && earlier !== undefined && /[\x21-\x7e]/.test(earlier));
}

/** Characters of a number or Latin word, which Word and WPS break only between words. */
const LATIN_WORD = /[0-9A-Za-z.%]/;

interface Piece {
  text: string;
  style: PreviewStyle;
}

/**
 * What a line holds beyond 28 whole characters, in characters. LibreOffice fills a line to 1.45 pt short of
 * the 442.2 pt measure (scripts/measure-layout.ts finds every line it set within that, and none it broke):
 * 28 Chinese characters take 439.9 pt, so full Chinese lines are the same in Word and LibreOffice; a line
 * mixing in digits may keep one character less than in Word.
 */
const SLACK = (TEXT_WIDTH_POINTS - LINE_FIT_SHORTFALL_POINTS) / CHAR_POINTS - CHARS_PER_LINE;

interface Placed {
  ch: string;
  style: PreviewStyle;
  /** Advance in body characters, and the autospace gap before the character when it does not start a line. */
  w: number;
  gap: number;
}

function runsOf(chars: readonly Placed[]): PreviewRun[] {
  const runs: PreviewRun[] = [];
  for (const { ch, style } of chars) {
    const last = runs[runs.length - 1];
    if (last && last.style === style) last.text += ch;
    else runs.push({ text: ch, style });
  }
  return runs;
}

/**
 * Break pieces of text into lines of `first` then `rest` characters, as Word breaks them: by the real
 * advance of each character (advanceChars); 。，、 and the like hang at the line end, closing quotes and
 * brackets take the character before them to the next line, numbers and Latin words go down whole.
 */
export function breakLines(pieces: readonly Piece[], first: number, rest: number, slack = SLACK): PreviewRun[][] {
  // Runs in the same font are one portion for LibreOffice: a run-in "1." heading is 仿宋 like its body.
  const runs: { text: string; font: string }[] = [];
  for (const { text, style } of pieces) {
    const font = FONT_OF_STYLE[style];
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += text;
    else runs.push({ text, font });
  }
  const advances = paragraphAdvances(runs.map((r) => r.text));
  const lines: PreviewRun[][] = [];
  let line: Placed[] = [];
  let width = 0;
  let limit = first;
  const all = pieces.flatMap((p) => [...p.text]);
  let k = 0;
  // A character starting a line has no autospace gap before it.
  const lineWidth = (placed: readonly Placed[]) => placed.reduce((sum, c, i) => sum + c.w + (i > 0 ? c.gap : 0), 0);
  for (const piece of pieces) {
    for (const ch of piece.text) {
      const { width: advance, gap, end } = advances[k++]!;
      const w = advance + (line.length > 0 ? gap : 0);
      // A mark hangs past the margin after a Chinese character; after a number ("100%。") it cannot, and
      // the number goes down with it.
      const afterLatin = line.length > 0 && LATIN_WORD.test(line[line.length - 1]!.ch);
      const hangs = HANGING.includes(ch) && width <= limit + slack && !afterLatin;
      // The last character of a line need only fit without what ends its portion (layout.ts).
      if (width + w - end > limit + slack && !hangs) {
        const carried: Placed[] = [];
        const full = line.length;
        if (LATIN_WORD.test(ch) || (HANGING.includes(ch) && afterLatin)) {
          // A number or Latin word is not broken: it goes down whole ("1500", "98.3%").
          let start = line.length;
          while (start > 0 && LATIN_WORD.test(line[start - 1]!.ch)) start--;
          if (start > 0) carried.push(...line.splice(start));
        } else if (PULL_DOWN.includes(ch)) {
          // Carry back to a character that may start a line, keeping at least one on this line.
          while (
            line.length > 1 &&
            (carried.length === 0 || PULL_DOWN.includes(carried[0]!.ch) || HANGING.includes(carried[0]!.ch))
          )
            carried.unshift(line.pop()!);
        }
        // An opening mark (“（《) may not end a line, and a closing one may not be parted from the Latin
        // letter or digit after it when it closes a bracket or follows Latin text ("96%。QQ", "）12"): back
        // to a place where the line may break. A mark that hung past the margin may always be left there.
        const hung = width > limit + slack;
        // The characters after the break: those carried down, then this one and the rest of the paragraph.
        const next = (i: number) => (i < carried.length ? carried[i]!.ch : all[k - 1 + i - carried.length]);
        const breaksHere = () =>
          mayBreakBetween(line[line.length - 2]?.ch, line[line.length - 1]!.ch, next(0)!, next(1));
        while (line.length > 1 && !hung && !breaksHere()) carried.unshift(line.pop()!);
        // No place to break on the whole line (a 60-digit number, a row of brackets): break where it is full.
        if (line.length === 1 && !hung && !breaksHere()) line.push(...carried.splice(0, full - 1));
        lines.push(runsOf(line));
        line = carried;
        width = lineWidth(carried);
        limit = rest;
      }
      line.push({ ch, style: piece.style, w: advance, gap });
      width = line.length === 1 ? advance : width + advance + gap;
    }
  }
  if (line.length || lines.length === 0) lines.push(runsOf(line));
  return lines;
}

/** A left-aligned paragraph: `indent` characters on its first line, `rest` on the lines after it. */
function paragraphLines(pieces: Piece[], indent = 2, rest = 0): PreviewLine[] {
  return breakLines(pieces, CHARS_PER_LINE - indent, CHARS_PER_LINE - rest).map((runs, i) => ({
    runs,
    indent: i === 0 ? indent : rest,
    align: 'left' as const,
    height: LINE_TWIPS,
  }));
}

const blank = (): PreviewLine => ({ runs: [], indent: 0, align: 'left', height: LINE_TWIPS });
const HEADING_STYLE = { 1: 'h1', 2: 'h2', 3: 'h3', 4: 'h4' } as const;

/**
 * A table's rows as the .docx sets them (paragraphs.ts tableXml) and LibreOffice lays them out: 14 pt text
 * on 20 pt lines, each cell broken to its column's measure (tableCellMeasure, a fraction of a character
 * included), each row 0.5 pt taller for its rule.
 */
function tableRows(rows: readonly (readonly string[])[], table: number): PreviewLine[] {
  const widths = tableColumnWidths(rows);
  const total = widths.reduce((a, b) => a + b, 0);
  return rows.map((row, r) => {
    const cells = widths.map((width, c) => {
      const text = (row[c] ?? '').trim();
      const chars = tableCellChars(width);
      const measure = tableCellMeasure(width);
      const lines = text
        ? breakLines([{ text, style: 'body' }], measure, measure, 0).map((l) => l.map((run) => run.text).join(''))
        : [''];
      return { lines, align: r === 0 || charWidth(text) <= chars ? ('center' as const) : ('left' as const) };
    });
    const height = Math.max(...cells.map((c) => c.lines.length)) * TABLE_LINE_TWIPS + TABLE_ROW_RULE_TWIPS;
    return {
      runs: [],
      indent: 0,
      align: 'left' as const,
      height,
      row: { table, header: r === 0, widths: widths.map((w) => w / total), cells },
    };
  });
}

/** A heading's lines (7.3.3), each kept with the line after it. */
function headingLines(text: string, level: 1 | 2 | 3 | 4): PreviewLine[] {
  return paragraphLines([{ text, style: HEADING_STYLE[level] }]).map((line) => ({ ...line, keepWithNext: true }));
}

/** Every line of the exported document, in order, with its height. */
export function layoutLines(
  doc: ReportDocument,
  options: { includeAddressee?: boolean; sealed?: boolean } = {},
): PreviewLine[] {
  const { meta } = doc;
  const lines: PreviewLine[] = [];
  if (meta.docNumber.trim())
    lines.push(
      { runs: [{ text: meta.docNumber.trim(), style: 'body' }], indent: 0, align: 'center', height: LINE_TWIPS },
      blank(),
    );
  if (meta.title.trim()) {
    for (const t of balanceTitle(meta.title)) {
      // A title line longer than the measure wraps inside its own paragraph, as in Word.
      for (const runs of breakLines([{ text: t, style: 'title' }], TITLE_LINE_CHARS + 2, TITLE_LINE_CHARS + 2)) {
        lines.push({ runs, indent: 0, align: 'center', height: TITLE_LINE_TWIPS });
      }
    }
    lines.push(blank());
  }
  if ((options.includeAddressee ?? true) && meta.addressee.trim()) {
    lines.push(...paragraphLines([{ text: addresseeLine(meta.addressee), style: 'addressee' }], 0));
  }
  let tables = 0;
  for (const section of doc.sections) {
    if (section.heading.trim()) lines.push(...headingLines(section.heading, 1));
    for (const block of printedBlocks(section.blocks)) {
      if (!block.text.trim()) continue;
      if (block.kind === 'table') {
        lines.push(...tableRows(block.rows, tables++));
        continue;
      }
      if (block.kind === 'subheading') {
        lines.push(...headingLines(block.text, block.level));
        continue;
      }
      const runIn = splitRunInHeading(block.text);
      lines.push(
        ...paragraphLines(
          runIn
            ? [
                { text: runIn.heading, style: HEADING_STYLE[runIn.level] },
                { text: runIn.rest, style: 'body' },
              ]
            : [{ text: block.text, style: 'body' }],
        ),
      );
    }
  }
  for (const c of doc.closing) if (c.trim()) lines.push(...paragraphLines([{ text: c, style: 'body' }]));
  if (meta.attachments.length) {
    lines.push(blank());
    for (const line of attachmentLines(meta.attachments))
      lines.push(...paragraphLines([{ text: line.text, style: 'body' }], line.first, line.rest));
  }
  const signature = meta.signature.filter((s) => s.trim());
  if (signature.length || meta.date.trim()) {
    for (let i = 0; i < blankLinesBeforeSignature(options.sealed ?? false); i++) lines.push(blank());
    const indents = signatureIndents(signature, meta.date, options.sealed ?? false);
    signature.forEach((s, i) =>
      lines.push({
        runs: [{ text: s, style: 'signature' }],
        indent: indents.signature[i]!,
        align: 'right',
        height: LINE_TWIPS,
      }),
    );
    if (meta.date.trim())
      lines.push({
        runs: [{ text: meta.date, style: 'date' }],
        indent: indents.date,
        align: 'right',
        height: LINE_TWIPS,
      });
  }
  return lines;
}

/**
 * Lines into pages of the 版心's height. A run of kept lines (headings, one after another) goes to the
 * next page with the line after it when they do not all fit, as LibreOffice and Word move a w:keepNext
 * paragraph; with widow control off, that next line alone is enough.
 */
export function paginate(
  doc: ReportDocument,
  options: { includeAddressee?: boolean; sealed?: boolean } = {},
): PreviewPage[] {
  const pages: PreviewPage[] = [[]];
  let used = 0;
  const lines = layoutLines(doc, options);
  let header: PreviewLine | undefined;
  lines.forEach((line, i) => {
    if (line.row?.header) header = line;
    let needed = line.height;
    if (line.keepWithNext && !lines[i - 1]?.keepWithNext) {
      let k = i;
      while (lines[k + 1]?.keepWithNext) needed += lines[++k]!.height;
      needed += lines[k + 1]?.height ?? 0;
      // A chain taller than a page cannot move whole; it is set as it comes.
      if (needed > TEXT_HEIGHT_TWIPS) needed = line.height;
    }
    // A table row stays only with room to spare under it (layout.ts, TABLE_FOOT_TWIPS).
    if (line.row) needed += TABLE_FOOT_TWIPS;
    if (used + needed > TEXT_HEIGHT_TWIPS && pages[pages.length - 1]!.length > 0) {
      pages.push([]);
      used = 0;
      // A table running onto the new page starts it with its header row again (w:tblHeader).
      if (line.row && !line.row.header && header?.row?.table === line.row.table) {
        pages[pages.length - 1]!.push(header);
        used += header.height;
      }
    }
    pages[pages.length - 1]!.push(line);
    used += line.height;
  });
  return pages;
}

/** A page's text, one line per line: for tests and for the web text of a page. */
export function pageText(page: PreviewPage): string[] {
  return page.map((l) =>
    l.row ? l.row.cells.map((c) => c.lines.join('')).join('\t') : l.runs.map((r) => r.text).join(''),
  );
}
