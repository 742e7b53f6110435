/**
 * Heading numbers in every form real reports use, and their nesting (GB/T 9704 7.3.3): 第一部分/第一章
 * above 一、 above （一） above 1. above （1）; "一是…二是…" enumerate inside a paragraph. Import, checks,
 * draft and export all read numbers here.
 */
import { CN_NUMBER_CHARS, chineseNumeral, chineseValue } from './numerals';

/** 0 = 第一部分, 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）. */
export type HeadingLevel = 0 | 1 | 2 | 3 | 4;

export interface HeadingNumber {
  level: HeadingLevel;
  /** The number as written with the mark after it, without the spaces that follow: "（一）", "1、", "第二部分". */
  number: string;
  /** Where the heading's words begin (after the number and any spaces). */
  end: number;
  /** The value: 1 for 一/1/第一. */
  value: number;
  /** The mark after the number: "、" of "一、", "." of "1."; for （一）/（1） a stray mark after the bracket ("（一）、"). */
  mark: string;
}

const CN = CN_NUMBER_CHARS;
const FORMS: Array<{ level: HeadingLevel; re: RegExp }> = [
  { level: 0, re: new RegExp(`^第\\s*([${CN}百零〇两]{1,4}|\\d{1,2})\\s*(?:部分|章|篇)(?:\\s*([、，,．.：:]))?`) },
  { level: 1, re: new RegExp(`^([${CN}]{1,3})\\s*([、．.，,])`) },
  { level: 2, re: new RegExp(`^[（(]\\s*([${CN}]{1,3})\\s*[)）]([、，,.．：:]?)`) },
  { level: 4, re: /^[（(]\s*(\d{1,2})\s*[)）]([、，,.．：:]?)/ },
  // "1." but not "1.5万元", "1,200人" or "2023.": a digit after a point or comma means one number. After
  // 、 it does not: "4、2026年工作安排" is a heading.
  // "4.2026年工作安排" is a heading: a year of four digits after the point is no decimal.
  { level: 3, re: /^(\d{1,2})\s*(、|[.．，,](?!\d(?!\d{3}年)))/ },
];

/** The first characters FORMS can start with: most paragraphs are ruled out by one test. */
const MAY_BE_NUMBERED = new RegExp(`^[第（(\\d${CN}]`);

/**
 * The heading number at the start of `text`, in any form a writer uses (including the wrong marks the
 * checker corrects: "一．", "1、", "（一）、"). `strict` accepts only the marks that make a line a heading
 * when reading a file: a comma after 一/1 is a sentence ("一，是…"), not a number.
 */
export function headingNumber(text: string, strict = false): HeadingNumber | undefined {
  if (!MAY_BE_NUMBERED.test(text)) return undefined;
  for (const { level, re } of FORMS) {
    const m = re.exec(text);
    if (!m) continue;
    const mark = m[2] ?? '';
    if (strict && (level === 1 || level === 3) && (mark === '，' || mark === ',')) return undefined;
    const value = chineseValue(m[1]!);
    if (!Number.isFinite(value) || value < 1) return undefined;
    let end = m[0].length;
    while (end < text.length && /[\s\u3000]/.test(text[end]!)) end++;
    return { level, number: m[0], end, value, mark };
  }
  return undefined;
}

/** Heading text without its number: "（一）坚持党的领导" → "坚持党的领导", "第二部分 存在的问题" → "存在的问题". */
export function stripHeadingNumber(text: string): string {
  const n = headingNumber(text, true);
  return n ? text.slice(n.end).trim() : text.trim();
}

/** The number GB/T 9704 writes for a level and value: 一、 （一） 1. （1）; 第一部分 for level 0. */
export function formatHeadingNumber(level: HeadingLevel, value: number): string {
  switch (level) {
    case 0:
      return `第${chineseNumeral(value)}部分`;
    case 1:
      return `${chineseNumeral(value)}、`;
    case 2:
      return `（${chineseNumeral(value)}）`;
    case 3:
      return `${value}.`;
    case 4:
      return `（${value}）`;
  }
}

/**
 * A heading number at the start of a line, as a regular-expression source without anchor: for finding
 * where a converter glued a heading onto the previous paragraph.
 */
export const HEADING_NUMBER_SOURCE = `(?:第[${CN}]{1,3}部分|[${CN}]{1,3}\\s*[、．.]|[（(]\\s*[${CN}\\d]{1,3}\\s*[)）]|\\d{1,2}\\s*[.．、](?!\\d))`;

/**
 * Whether a numbered line is a heading of its own or a paragraph that begins with a run-in heading
 * ("1.强化学习。正文……"). A heading line is short and has no sentence inside it.
 */
export function isStandaloneHeading(text: string): boolean {
  // A line that ends like a sentence ("1.强化学习、培训。") is a list item of body text, not a heading.
  if (/[。；;！？!?]\s*$/.test(text)) return false;
  const body = stripHeadingNumber(text);
  return body.length > 0 && body.length <= 40 && !/[。；;！？!?]/.test(body);
}

/** Paragraphs that begin with their own heading ("1.强化学习。正文……"): the heading through its first 。 */
export function runInHeading(text: string): { level: 1 | 2 | 3 | 4; heading: string; rest: string } | undefined {
  const n = headingNumber(text, true);
  if (!n || n.level === 0 || /\s/.test(text.slice(0, n.number.length))) return undefined;
  const end = text.indexOf('。');
  // Only a short title runs in; a long first sentence is body text that happens to start with a number.
  if (end < 0 || end > 40 || end === text.length - 1) return undefined;
  return { level: n.level, heading: text.slice(0, end + 1), rest: text.slice(end + 1) };
}

const ENUMERATOR = new RegExp(`(?=[${CN}]是[^否])`);
const ENUMERATED = new RegExp(`^([${CN}]{1,3})是`);

/**
 * "一是…；二是…；三是…" inside a paragraph: the items, each without its 一是, when they count 1, 2, 3…
 * in order (two at least). "不仅是"/"但是" never start an item because the count must run from 一.
 */
export function enumeratedItems(text: string): string[] {
  const pieces = text.split(ENUMERATOR);
  const items: string[] = [];
  for (const piece of pieces) {
    const m = ENUMERATED.exec(piece);
    if (m && chineseValue(m[1]!) === items.length + 1) items.push(piece.slice(m[0].length).trim());
    else if (items.length) items[items.length - 1] += piece;
  }
  return items.length >= 2 ? items : [];
}
