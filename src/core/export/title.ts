/**
 * GB/T 9704 7.3.1 标题: a long title is set on two or three lines "回行时，要做到词意完整，排列对称，长短适宜，
 * 间距恰当，标题排列应当使用梯形或菱形". Lines break only at word boundaries we know.
 */

/** Characters of 2号 (22 pt) per title line: 20 fit the 442 pt line, but renderers add space between Chinese and digits. */
export const TITLE_LINE_CHARS = 18;

/** Places a title may break: after these words, or before these. */
const BREAK_AFTER = [
  '人民政府',
  '委员会',
  '办事处',
  '年度',
  '年',
  '镇',
  '乡',
  '街道',
  '局',
  '书记',
  '镇长',
  '乡长',
  '主任',
];
const BREAK_BEFORE = [
  '关于',
  '法治政府建设',
  '法治建设',
  '履行',
  '第一责任人',
  '述职报告',
  '工作情况',
  '情况的报告',
  '的报告',
  '工作报告',
  '年度报告',
];
/** Words a break may never split, whatever the lists above allow ("某某乡|人民政府", "推进|法治建设"). */
const NEVER_SPLIT = [
  '人民政府',
  '委员会',
  '办事处',
  '街道办',
  '党委书记',
  '推进法治建设',
  '法治政府建设',
  '第一责任人',
  '述职报告',
  '工作报告',
  '年度报告',
];

/** Words a line may not start with: they belong to the place before them ("某某乡|人民政府"). */
const NEVER_FIRST = ['人民政府', '委员会', '办事处', '党委', '党工委'];

function splitsAWord(title: string, p: number): boolean {
  if (NEVER_FIRST.some((w) => title.startsWith(w, p))) return true;
  for (const w of NEVER_SPLIT)
    for (let i = title.indexOf(w); i >= 0; i = title.indexOf(w, i + 1)) if (i < p && p < i + w.length) return true;
  return false;
}

function breakPoints(title: string): number[] {
  const points = new Set<number>();
  for (const w of BREAK_AFTER)
    for (let i = title.indexOf(w); i >= 0; i = title.indexOf(w, i + 1)) points.add(i + w.length);
  for (const w of BREAK_BEFORE) for (let i = title.indexOf(w); i >= 0; i = title.indexOf(w, i + 1)) points.add(i);
  // Never inside a year ("2025年" and "年度" stay whole) and never at the ends.
  return [...points]
    .filter(
      (p) =>
        p > 0 &&
        p < title.length &&
        !/[\d〇零一二三四五六七八九]{2}/.test(title[p - 1]! + title[p]!) &&
        title.slice(p - 1, p + 1) !== '年度' &&
        !splitsAWord(title, p),
    )
    .sort((a, b) => a - b);
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

/** Lines of the title: the clerk's own breaks when given, else the most balanced trapezoid/diamond. */
export function balanceTitle(title: string): string[] {
  const given = title
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (given.length > 1) return given;
  const t = given[0] ?? '';
  if (width(t) <= TITLE_LINE_CHARS) return t ? [t] : [];
  const points = breakPoints(t);
  let best: { lines: string[]; score: number } | undefined;
  const consider = (lines: string[]) => {
    const widths = lines.map(width);
    if (widths.some((w) => w > TITLE_LINE_CHARS)) return;
    const spread = Math.max(...widths) - Math.min(...widths);
    // Prefer 梯形 (upper line not longer) for two lines, 菱形 (middle longest) for three.
    const shape =
      lines.length === 2
        ? widths[0]! > widths[1]!
          ? 2
          : 0
        : widths[1]! >= widths[0]! && widths[1]! >= widths[2]!
          ? 0
          : 2;
    // Three lines only when two cannot be balanced: a title is read better in fewer lines.
    const score = spread + shape + (lines.length - 2) * 8;
    if (!best || score < best.score) best = { lines, score };
  };
  for (const a of points) {
    consider([t.slice(0, a), t.slice(a)]);
    for (const b of points) if (b > a) consider([t.slice(0, a), t.slice(a, b), t.slice(b)]);
  }
  if (best) return best.lines;
  // No known boundary fits: fall back to even chunks rather than overflow the line.
  const lines: string[] = [];
  const n = Math.ceil(width(t) / TITLE_LINE_CHARS);
  const size = Math.ceil(t.length / n);
  for (let i = 0; i < t.length; i += size) lines.push(t.slice(i, i + size));
  return lines;
}
