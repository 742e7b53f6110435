/**
 * The export's page geometry in numbers, shared by the .docx writer (docx.ts), the computed pages of the
 * preview (paginate.ts) and the web text, without the docx library. packageSource.ts explains the grid arithmetic.
 */

/**
 * Twips. 天头 37 mm, 订口 28 mm; right and bottom make the 版心 156 × 225 mm (Word itself writes left 1587).
 * footer: the page number's line ends 25.4 mm above the paper's edge, so its 一字线 lies 7 mm under the 版心
 * (7.5, measured in LibreOffice by render.test.ts; at 20 mm it lay 12 mm under).
 */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: 2098,
  bottom: 1984,
  left: 1588,
  right: 1474,
  footer: 1440,
  header: 851,
};
/** Line pitch of body text, twips: 22 lines on the 12756-twip 版心. */
export const LINE_TWIPS = 579;
/** Word's grid value for 28 characters of 16 pt on the 442.2 pt line (see the head of packageSource.ts). */
export const GRID_CHAR_SPACE = -849;
/** Narrowing of every body character, in twentieths of a point: 16 pt → 15.7 pt. */
export const CHAR_SPACING = -6;
/** One character of body text, twips: 15.7 pt. Indents in characters are multiples of it. */
export const CHAR_TWIPS = 314;
/** 2号 title lines: 35 pt, the usual 公文 title pitch. */
export const TITLE_LINE_TWIPS = 700;
/** One character of body text in points, for drawing the preview. */
export const CHAR_POINTS = CHAR_TWIPS / 20;

/** The 版心 width in points (156 mm = 8844 twips). */
export const TEXT_WIDTH_POINTS = (PAGE.width - PAGE.left - PAGE.right) / 20;

/**
 * Advance widths of printable ASCII (0x20–0x7e) in Times New Roman, 1/1000 em (the Times metrics that
 * Times New Roman and LibreOffice's Liberation Serif share). Word sets ASCII in the Latin font even with
 * w:hint="eastAsia", so "," is a quarter of a character and "m" three quarters.
 */
const LATIN_WIDTHS = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
  722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500,
  444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480,
  200, 480, 541,
];

/**
 * How much of a body line one character takes, in body characters (15.7 pt): 1 for Chinese characters
 * and marks (in the Chinese font, “” — … included), less for Latin letters, digits and ASCII marks, which
 * are narrowed by the same 0.3 pt.
 */
export function advanceChars(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code > 0x7e) return 1;
  return ((LATIN_WIDTHS[code - 0x20]! / 1000) * 16 + CHAR_SPACING / 20) / CHAR_POINTS;
}

/** How far short of the measure LibreOffice stops filling a line (see SLACK in paginate.ts). */
export const LINE_FIT_SHORTFALL_POINTS = 1.45;

/**
 * How a line's width builds up beyond the characters' advances, as LibreOffice sets our export (measured by
 * scripts/measure-layout.ts; render.test.ts and paginate.test.ts hold the page to it):
 * - Text falls into portions of one script: ASCII is Latin; Chinese characters and CJK marks (，。（）《》)
 *   are Asian; other marks (“”‘’—…) take the script before them, so the ” in “12345” is a Latin one,
 *   and so is a “ opening a paragraph.
 * - The 0.3 pt narrowing is not applied after the last character of a portion (nor of a run).
 * - Between a Chinese character and a Latin letter or digit (年2, 2年) there is a 3.2 pt gap: the
 *   autospace of 自动调整中文与西文/数字的间距 (w:autoSpaceDE/DN, Word's default, on in the export).
 */
export const PORTION_END_CHARS = -CHAR_SPACING / 20 / CHAR_POINTS;
export const AUTOSPACE_CHARS = 3.2 / CHAR_POINTS;

export type Script = 'asian' | 'latin';

const HAN = /\p{Script=Han}/u;
/** A Latin letter or digit: what the autospace gap and some line-break rules turn on. */
export const LATIN_ALNUM = /[0-9A-Za-z]/;
/** CJK marks and full-width forms: Asian whatever surrounds them. */
const ASIAN_MARK = /[\u3000-\u303f\uff00-\uffef\ufe30-\ufe4f]/;
/** Times New Roman advances (1/1000 em) of the marks that may be set as Latin: “”‘’—…. */
const LATIN_MARK_WIDTHS: Record<string, number> = {
  '\u201c': 444,
  '\u201d': 444,
  '\u2018': 333,
  '\u2019': 333,
  '\u2014': 1000,
  '\u2026': 1000,
  '\u00b7': 250,
};

/** The script LibreOffice gives `ch`, after a character of script `before`. */
export function scriptOf(ch: string, before: Script | undefined): Script {
  const code = ch.charCodeAt(0);
  if (code >= 0x20 && code <= 0x7e) return 'latin';
  if (HAN.test(ch) || ASIAN_MARK.test(ch)) return 'asian';
  // A mark opening a paragraph has no script before it: LibreOffice sets it as Latin.
  return before ?? 'latin';
}

/** Whether an autospace gap separates `before` and `ch` (in either order: 年2, 2年). */
export function autospaceBetween(before: string | undefined, ch: string): boolean {
  if (before === undefined) return false;
  return (HAN.test(before) && LATIN_ALNUM.test(ch)) || (LATIN_ALNUM.test(before) && HAN.test(ch));
}

/** A character's advance in body characters, set in `script`: a Latin “” is Times New Roman's. */
export function advanceIn(ch: string, script: Script): number {
  const mark = LATIN_MARK_WIDTHS[ch];
  if (script === 'latin' && mark !== undefined) return ((mark / 1000) * 16 + CHAR_SPACING / 20) / CHAR_POINTS;
  return advanceChars(ch);
}

/** One character's share of a line: its advance, and the autospace gap before it (none at a line start). */
export interface Advance {
  width: number;
  gap: number;
  /** The part of `width` that ends a portion: a line that ends with this character need not hold it. */
  end: number;
}

/**
 * The advance of every character of a paragraph, in body characters, with the portion and autospace
 * additions above; `runs` are the paragraph's runs (a run-in heading and its body are two).
 */
export function paragraphAdvances(runs: readonly string[]): Advance[] {
  const chars: { ch: string; run: number; script: Script }[] = [];
  let script: Script | undefined;
  runs.forEach((text, run) => {
    for (const ch of text) {
      script = scriptOf(ch, script);
      chars.push({ ch, run, script });
    }
  });
  return chars.map((c, i) => {
    const next = chars[i + 1];
    const end = !next || next.script !== c.script || next.run !== c.run ? PORTION_END_CHARS : 0;
    return {
      width: advanceIn(c.ch, c.script) + end,
      gap: autospaceBetween(chars[i - 1]?.ch, c.ch) ? AUTOSPACE_CHARS : 0,
      end,
    };
  });
}

/** The width a one-line text takes from its first glyph to its last, in body characters (a 署名, the 成文日期). */
export function textWidth(text: string): number {
  const advances = paragraphAdvances([text]);
  return advances.reduce((sum, a) => sum + a.width + a.gap, 0) - (advances.at(-1)?.end ?? 0);
}

/** Width in characters as 9704 counts them: Latin letters and digits are half a character. */
export function charWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

/**
 * An attachment's name without the order number a clerk typed or an imported file carried ("1.", "2、",
 * "（3）", "(4)", "⑤"): attachmentLines numbers the names itself, so a number kept in the name would be
 * doubled ("附件：1. 1.统计表") and grow by one at every export → import → export. A name that only
 * begins with a figure ("2025年度执法统计表", "1.5万元以上项目清单") keeps it.
 */
export function attachmentName(item: string): string {
  return item.replace(/^\s*(?:\d{1,2}\s*[.．、](?![0-9])|[（(]\d{1,2}[）)]|[\u2460-\u2473])\s*/, '').trim();
}

/** The text of each 附件说明 line and its indents in characters: first line, and lines after it. */
export function attachmentLines(items: readonly string[]): { text: string; first: number; rest: number }[] {
  const label = '附件：';
  return items.map(attachmentName).map((item, i) => {
    const number = items.length > 1 ? `${i + 1}. ` : '';
    // Every line of a name starts under the first character of the name (7.3.4: 与上一行附件名称的首字对齐).
    const nameStart = 2 + charWidth(label) + charWidth(number);
    return {
      text: `${i === 0 ? label : ''}${number}${item}`,
      first: i === 0 ? 2 : 2 + charWidth(label),
      rest: nameStart,
    };
  });
}

/**
 * Blank lines between the body (or 附件说明) and the 署名. 7.3.5.2 (unsealed): 空一行. 7.3.5.1 (sealed): the
 * seal's top lies within one line of the body and the 署名 and date sit below its centre (居印章中心偏下);
 * a township's seal is 42 mm across, four 10.2 mm lines, so its centre falls about two lines under its top:
 * two blank lines put the 署名 on the third line, just under the centre, and the date on the fourth.
 */
export function blankLinesBeforeSignature(sealed: boolean): number {
  return sealed ? 2 : 1;
}

/**
 * Right indents, in characters, of each 署名 line and of the 成文日期, per 7.3.5.2 不加盖印章的公文: 署名 右空
 * 二字; the date on the next line, 首字比署名首字右移二字; 如成文日期长于署名, the date keeps 右空二字 and the
 * 署名 moves left accordingly (相应增加署名右空字数). Several 署名 (联合行文) are stacked, each shorter one
 * centred under the widest.
 *
 * With `sealed`, 7.3.5.1 加盖印章的公文 instead (版式设置 offers both): 成文日期右空四字, and each 署名
 * centred over the date (以成文日期为准居中编排), never past the right margin. Several 署名 are stacked, each
 * centred, not set side by side as 7.3.5.1 has joint senders' seals.
 */
export function signatureIndents(
  signature: readonly string[],
  date: string,
  sealed = false,
): { signature: number[]; date: number } {
  // Widths as set, gaps between Chinese and digits included: "2026年1月15日" takes 7.55 characters, not 6.5.
  const widest = Math.max(0, ...signature.map(textWidth));
  const dateWidth = textWidth(date);
  if (sealed && date.trim())
    return { signature: signature.map((line) => Math.max(0, 4 + (dateWidth - textWidth(line)) / 2)), date: 4 };
  let signatureRight = 2;
  let dateRight = signatureRight + widest - 2 - dateWidth;
  if (!signature.length || dateRight < 2) {
    dateRight = 2;
    if (signature.length) signatureRight = dateRight + dateWidth + 2 - widest;
  }
  return { signature: signature.map((line) => signatureRight + (widest - textWidth(line)) / 2), date: dateRight };
}

/** Table text: 4号 (14 pt), which GB/T 9704 allows for tables (issue #16: 仿宋 3号 or 4号), half-points. */
export const TABLE_TEXT_SIZE = 28;
/** Exact line pitch of table text, twips: 20 pt, room above and below 14 pt characters. */
export const TABLE_LINE_TWIPS = 400;
/** Left and right cell margins, twips (Word's own default, stated so LibreOffice uses the same). */
export const TABLE_CELL_MARGIN = 108;

/** The rules of a table, all round and between cells: single, 0.5 pt (w:sz in eighths of a point). */
export const TABLE_BORDER_EIGHTHS = 4;
/**
 * What a row's rule adds to its height, twips: LibreOffice sets each row 0.5 pt taller than its lines
 * (rows 20.5 pt apart, measured with pdftotext -bbox), the rule between it and the next.
 */
export const TABLE_ROW_RULE_TWIPS = (TABLE_BORDER_EIGHTHS * 20) / 8;
/**
 * Room LibreOffice wants left under a row for the row to stay on the page, twips: a row went to the next
 * page with 20 twips or less to spare and stayed with 29 or more (rendered tables with 1 to 30 rows on
 * the page; the closing rule is part of it).
 */
export const TABLE_FOOT_TWIPS = 25;

/** How many whole 14 pt characters a cell `width` twips wide holds on a line (a short cell is centred). */
export function tableCellChars(width: number): number {
  return Math.max(1, Math.floor((width - 2 * TABLE_CELL_MARGIN) / (TABLE_TEXT_SIZE * 10)));
}

/**
 * The measure of a cell's line in 14 pt characters, as LibreOffice fills it: the cell less its margins and
 * the 1.45 pt a line of the body also keeps short (LINE_FIT_SHORTFALL_POINTS); a fraction, so "R12" or
 * "98.5%" fits where its advances do.
 */
export function tableCellMeasure(width: number): number {
  return ((width - 2 * TABLE_CELL_MARGIN) / 20 - LINE_FIT_SHORTFALL_POINTS) / (TABLE_TEXT_SIZE / 2);
}

/**
 * Column widths of a table, twips, summing to the 版心's width: each column as wide as its longest cell
 * needs (in characters as 9704 counts them), the wide ones sharing what is left when all do not fit,
 * none narrower than two characters.
 */
export function tableColumnWidths(rows: readonly (readonly string[])[]): number[] {
  const total = PAGE.width - PAGE.left - PAGE.right;
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const char = TABLE_TEXT_SIZE * 10;
  const need = Array.from(
    { length: columns },
    (_, c) => Math.max(2, ...rows.map((r) => Math.ceil(charWidth(r[c] ?? '')))) * char + 2 * TABLE_CELL_MARGIN,
  );
  const sum = need.reduce((a, b) => a + b, 0);
  const widths = need.map((w) =>
    sum <= total ? (w * total) / sum : Math.max(2 * char + 2 * TABLE_CELL_MARGIN, (w * total) / sum),
  );
  // Rounded to whole twips, the last column taking the rounding so the table spans the line exactly.
  const rounded = widths.map((w) => Math.floor((w * total) / widths.reduce((a, b) => a + b, 0)));
  rounded[columns - 1]! += total - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}
