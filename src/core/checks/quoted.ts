/**
 * Spans of a line that quote someone else's words: “…”, ‘…’, 「…」 and titles 《…》. Proofreading rules on
 * wording and relative time leave them alone: a document's title or a quoted slogan is not ours to change.
 */
const OPEN_TO_CLOSE: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '「': '」', '〈': '〉' };
const OPENING = /[“‘《「〈]/g;

/** [start, end) spans, marks included; an unclosed mark quotes to the end of the line. */
export function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // The next opening mark by one regex search, not a table lookup per character.
  OPENING.lastIndex = 0;
  for (let m = OPENING.exec(text); m; m = OPENING.exec(text)) {
    const i = m.index;
    const end = text.indexOf(OPEN_TO_CLOSE[m[0]]!, i + 1);
    const to = end < 0 ? text.length : end + 1;
    spans.push([i, to]);
    OPENING.lastIndex = to;
  }
  return spans;
}

export function inSpans(spans: ReadonlyArray<[number, number]>, from: number, to = from + 1): boolean {
  return spans.some(([s, e]) => from < e && to > s);
}

/** Titles only (《…》): a repealed law named in a title is a citation, elsewhere it may be history. */
export function titleSpans(text: string): Array<[number, number]> {
  return quotedSpans(text).filter(([s]) => text[s] === '《');
}
