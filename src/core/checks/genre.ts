/**
 * The genre of a 报告 (checks.md "Language").
 * genre.request: a 报告 does not ask for approval (妥否，请批示 / 请予审批 / 特此请示): that belongs in a 请示.
 * basis.repealed: a repealed basis cited as current (《国家行政机关公文处理办法》, replaced by 《党政机关公文处理
 * 工作条例》 in 2012; the laws the 民法典 replaced in 2021). Both lists are data in templates/wording.json.
 */
import type { TextLine } from '../model/plainText';
import { at, sentences, type RawFinding } from './context';
import { inSpans, quotedSpans, titleSpans } from './quoted';
import { WORD_LISTS } from './wordLists';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A comma in a listed request matches either width and none: 妥否，请批示 / 妥否,请批示 / 妥否请批示. */
const REQUESTS = WORD_LISTS.requests.map((r) => ({ ...r, re: new RegExp(escape(r.text).replace(/[，,]/g, '[，,]?\\s*'), 'g') }));
const REPEALED = WORD_LISTS.repealed
  .flatMap((r) => r.names.map((name) => ({ ...r, name })))
  .sort((a, b) => b.name.length - a.name.length);
const ANY_REPEALED = new RegExp(REPEALED.map((r) => escape(r.name)).join('|'));
/** The sentence says the basis is no longer in force, or speaks of its time: history, not a citation. */
const HISTORY = /废止|失效|取代|替代|代替|此前|原《|原来|曾经|修订前|施行前|不再|同时废|改为/;

function requestOfLine(line: TextLine): RawFinding[] {
  const text = line.text;
  if (!/请|特此/.test(text)) return [];
  const quoted = quotedSpans(text);
  const findings: RawFinding[] = [];
  for (const r of REQUESTS) {
    for (const m of text.matchAll(r.re)) {
      if (inSpans(quoted, m.index, m.index + m[0].length)) continue;
      const message = `“${m[0]}”是请示的用语：报告只汇报情况，不提请批准事项。需要上级批准的事项请另行请示${r.replacement ? `；结尾应为“${r.replacement}”` : ''}。`;
      findings.push(at('genre.request', 'warning', message, line, m.index, m.index + m[0].length, r.replacement ? { label: `改为“${r.replacement}”`, replacement: r.replacement } : undefined));
    }
  }
  return findings;
}

function repealedOfLine(line: TextLine, year: number): RawFinding[] {
  const text = line.text;
  if (!ANY_REPEALED.test(text)) return [];
  const titles = titleSpans(text);
  const taken: Array<[number, number]> = [];
  const findings: RawFinding[] = [];
  for (const r of REPEALED) {
    if (year < r.since) continue;
    for (let i = text.indexOf(r.name); i >= 0; i = text.indexOf(r.name, i + 1)) {
      const end = i + r.name.length;
      // A law's short name is a citation only as a whole title: 《合同法》, not 合同法律顾问.
      const title = titles.find(([s, e]) => s === i - 1 && e === end + 1);
      if (!title && !r.bare) continue;
      if (inSpans(taken, i, end)) continue;
      const sentence = sentences(text).find((s) => i >= s.from && i < s.from + s.text.length)?.text ?? '';
      if (HISTORY.test(sentence)) continue;
      const from = title ? i - 1 : i;
      const to = title ? end + 1 : end;
      taken.push([from, to]);
      // An article number (《合同法》第五十二条) has no counterpart to swap in mechanically.
      const fixable = !/^\s*第/.test(text.slice(to));
      const replacement = title ? `《${r.replacedBy}》` : r.replacedBy;
      findings.push(
        at('basis.repealed', 'warning', `“${text.slice(from, to)}”自${r.since}年起已不再施行，现行依据是《${r.replacedBy}》，请改正。`, line, from, to, fixable ? { label: `改为“${replacement}”`, replacement } : undefined),
      );
    }
  }
  return findings;
}

/** Both rules of this file on one line of a report on `year` (null: unknown, then no basis is judged). */
export function genreOfLine(line: TextLine, year: number | null): RawFinding[] {
  const findings = requestOfLine(line);
  if (year !== null) findings.push(...repealedOfLine(line, year));
  return findings;
}
