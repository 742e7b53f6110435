/** Heading numbers in every form real reports use: 一、 （一） (一) 1. 1． 1、 （1）. */

export type HeadingLevel = 1 | 2 | 3 | 4;

const CN = '一二三四五六七八九十';

const PATTERNS: Array<{ level: HeadingLevel; re: RegExp }> = [
  { level: 1, re: new RegExp(`^[${CN}]{1,3}\\s*[、．.]\\s*`) },
  { level: 2, re: new RegExp(`^[（(]\\s*[${CN}]{1,3}\\s*[)）]\\s*`) },
  { level: 4, re: /^[（(]\s*\d{1,2}\s*[)）]\s*/ },
  // "1." but not "1.5万元" or "2023.": a digit after the point means a decimal.
  { level: 3, re: /^\d{1,2}\s*[.．、](?!\d)\s*/ },
];

export interface HeadingNumber {
  level: HeadingLevel;
  /** The number as written, e.g. "（一）" or "1、". */
  number: string;
  /** The value of the number: 1 for 一/1. */
  value: number;
}

function chineseValue(s: string): number {
  const digits = [...s].map((c) => CN.indexOf(c) + 1);
  if (digits.length === 1) return digits[0]!;
  if (digits.length === 2) return digits[0] === 10 ? 10 + digits[1]! : digits[0]! * 10;
  return digits[0]! * 10 + digits[2]!;
}

/** The heading number at the start of `text`, if any. */
export function headingNumber(text: string): HeadingNumber | undefined {
  for (const { level, re } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const number = m[0];
    const digits = number.match(new RegExp(`[${CN}]+|\\d+`))![0];
    const value = /\d/.test(digits) ? Number(digits) : chineseValue(digits);
    return { level, number, value };
  }
  return undefined;
}

/** Heading text without its number: "（一）坚持党的领导" → "坚持党的领导". */
export function stripHeadingNumber(text: string): string {
  const n = headingNumber(text);
  return n ? text.slice(n.number.length).trim() : text.trim();
}

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
