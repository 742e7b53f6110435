/** Paragraphs that begin with their own heading ("1.强化学习。正文……"): where the heading ends. */

const RUN_IN = /^([一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）])/;

export interface RunInHeading {
  level: 1 | 2 | 3 | 4;
  /** Number and title, through the first 。 */
  heading: string;
  rest: string;
}

export function splitRunInHeading(text: string): RunInHeading | undefined {
  const m = RUN_IN.exec(text);
  if (!m) return undefined;
  const end = text.indexOf('。');
  // Only a short title runs in; a long first sentence is body text that happens to start with a number.
  if (end < 0 || end > 40 || end === text.length - 1) return undefined;
  const number = m[1]!;
  const level = /^[一二三四五六七八九十]/.test(number) ? 1 : /^[（(][一二三四五六七八九十]/.test(number) ? 2 : /^\d/.test(number) ? 3 : 4;
  return { level, heading: text.slice(0, end + 1), rest: text.slice(end + 1) };
}
