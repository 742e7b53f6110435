/**
 * year.stale (checks.md "Years and currency"): the report is read on the portal months later, so 今年,
 * 去年, 明年, 近期, 日前 say no date (advice, with the year as a fix where it is unambiguous); and two signs
 * of sentences copied from last year's report (warnings): "今年" with events dated to another year, and
 * last year's year in a 本年度 figure. Quotations, document titles and fixed phrases (近期目标) are left alone.
 */
import type { TextLine } from '../model/plainText';
import { at, sentences, type RawFinding } from './context';
import { severityOf } from './catalogue';
import { inSpans, quotedSpans } from './quoted';
import { WORD_LISTS } from './wordLists';

const RULE = 'year.stale';
const { words: WORDS, notAfter: NOT_AFTER, onlyAfter: ONLY_AFTER, fixed: FIXED } = WORD_LISTS.relativeTime;
const ANY_WORD = new RegExp(WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
const WORD_RE = new RegExp(WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
/** A clause starts here: nothing, a mark or a space before the word. */
const CLAUSE_START = /[\s，。；：、！？（）“”‘’《》【】—…,.;:!?()]/;
/** Words that put another year into a sentence on purpose: comparisons, history, carry-overs. */
const ON_PURPOSE = /比|较|相比|同比|环比|增长|下降|减少|增加|上升|以来|至今|成果|基础|延续|结转|遗留|跨年|自\d{4}年|起/;

function relativeOccurrences(text: string): Array<{ word: string; index: number }> {
  if (!ANY_WORD.test(text)) return [];
  const quoted = quotedSpans(text);
  const fixed: Array<[number, number]> = [];
  for (const phrase of FIXED)
    for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) fixed.push([i, i + phrase.length]);
  const out: Array<{ word: string; index: number }> = [];
  for (const m of text.matchAll(WORD_RE)) {
    const word = m[0];
    const end = m.index + word.length;
    if (inSpans(quoted, m.index, end) || fixed.some(([s, e]) => s <= m.index && end <= e)) continue;
    const prev = text[m.index - 1];
    if (prev !== undefined && NOT_AFTER[word]?.includes(prev)) continue;
    const only = ONLY_AFTER[word];
    if (only !== undefined && prev !== undefined && !CLAUSE_START.test(prev) && !only.includes(prev)) continue;
    out.push({ word, index: m.index });
  }
  return out;
}

/** The year a relative word names in a report on `year`, where that is beyond doubt. */
function meant(word: string, year: number, part: string | null | undefined): number | null {
  // In the plans part, written early next year, 今年 and 去年 may mean either year.
  if (part === 'plans') return word === '明年' ? year + 1 : null;
  if (word === '今年') return year;
  if (word === '去年') return year - 1;
  if (word === '明年') return year + 1;
  return null;
}

/** year.stale on one line of a report on `year` (null: unknown, then no year is suggested). */
export function relativeTimeOfLine(line: TextLine, year: number | null): RawFinding[] {
  const text = line.text;
  const findings: RawFinding[] = [];
  const found = relativeOccurrences(text);
  for (const { word, index } of found) {
    const y = year === null ? null : meant(word, year, line.part);
    const message = `“${word}”没有写明时间，报告在网站上公开后数月才有人读到，请写明具体年份或日期${y ? `（这里应是${y}年）` : ''}。`;
    findings.push(
      at(
        RULE,
        severityOf(RULE, 'relative'),
        message,
        line,
        index,
        index + word.length,
        y ? { label: `改为“${y}年”`, replacement: `${y}年` } : undefined,
      ),
    );
  }
  // Only a sentence with 今年, or with 本年/全年 and a figure, can be copied from last year's report.
  if (year === null || line.part === 'plans' || !(found.some((f) => f.word === '今年') || /本年|全年/.test(text)))
    return findings;
  for (const s of sentences(text)) {
    const years = [...s.text.matchAll(/((?:19|20)\d{2})\s*年/g)];
    if (years.length === 0 || ON_PURPOSE.test(s.text)) continue;
    const others = years.filter((m) => Number(m[1]) !== year);
    if (others.length === 0 || others.length !== years.length) continue;
    const other = others[0]!;
    const from = s.from + other.index;
    const today = found.find((f) => f.word === '今年' && f.index >= s.from && f.index < s.from + s.text.length);
    if (today && Number(other[1]) !== year + 1 && /^\s*年\d{1,2}月/.test(s.text.slice(other.index + 4))) {
      findings.push(
        at(
          RULE,
          severityOf(RULE),
          `这句说“今年”，事情却发生在${other[1]}年，与${year}年度的报告不符，可能照搬了往年的报告，请核对。`,
          line,
          from,
          from + 4,
        ),
      );
    } else if (
      Number(other[1]) === year - 1 &&
      /本年度?|全年/.test(s.text) &&
      /\d+(?:\.\d+)?\s*[件次人个项名场户家份元%％]/.test(s.text)
    ) {
      findings.push(
        at(
          RULE,
          severityOf(RULE),
          `这句是本年度的数字，却写着${other[1]}年，可能照搬了往年的报告，请核对。`,
          line,
          from,
          from + 4,
        ),
      );
    }
  }
  return findings;
}
