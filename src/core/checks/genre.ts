/**
 * The genre of a 报告 (checks.md "Language").
 * genre.request: a 报告 does not ask for approval (妥否，请批示 / 请予审批 / 特此请示): that belongs in a 请示.
 * basis.repealed: a repealed basis cited as current (《国家行政机关公文处理办法》, replaced by 《党政机关公文处理
 * 工作条例》 in 2012; the laws the 民法典 replaced in 2021). Both lists are data in templates/wording.json.
 * genre.closing (advice): the closing formula 特此报告 placed before more body text, or written twice. A report
 * without any closing formula is common and acceptable, and 特此汇报 is left as its writer chose.
 */
import type { TextLine } from '../model/plainText';
import { at, sentences, type RawFinding } from './context';
import { severityOf } from './catalogue';
import { inSpans, quotedSpans, titleSpans } from './quoted';
import { WORD_LISTS } from './wordLists';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A comma in a listed request matches either width and none: 妥否，请批示 / 妥否,请批示 / 妥否请批示. */
const REQUESTS = WORD_LISTS.requests.map((r) => ({
  ...r,
  re: new RegExp(escape(r.text).replace(/[，,]/g, '[，,]?\\s*'), 'g'),
}));
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
      findings.push(
        at(
          'genre.request',
          severityOf('genre.request'),
          message,
          line,
          m.index,
          m.index + m[0].length,
          r.replacement ? { label: `改为“${r.replacement}”`, replacement: r.replacement } : undefined,
        ),
      );
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
        at(
          'basis.repealed',
          severityOf('basis.repealed'),
          `“${text.slice(from, to)}”自${r.since}年起已不再施行，现行依据是《${r.replacedBy}》，请改正。`,
          line,
          from,
          to,
          fixable ? { label: `改为“${replacement}”`, replacement } : undefined,
        ),
      );
    }
  }
  return findings;
}

/** 特此报告 as a closing; "特此报告如下：" opens a report and is not one. */
const CLOSING_FORMULA = /特此(?:报告|汇报)|专此报告/g;
const NOT_CLOSING_AFTER = /^\s*(?:如下|[：:])/;
/** Where the body ends even if the importer left the rest in it: an attachment or a 成文日期 of its own. */
const BODY_END =
  /^\s*附件|^\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年[\d〇○零一二三四五六七八九十]{1,3}月[\d〇○零一二三四五六七八九十]{1,3}日\s*$/;
const BODY_KINDS = new Set(['heading', 'subheading', 'paragraph', 'table', 'closing']);

/** Body text a reviewer would count as more report: a heading, or a sentence of some length (not a signature). */
function isMoreBody(text: string, kind: string): boolean {
  if (kind === 'heading' || kind === 'subheading') return text.trim().length > 0;
  return /[。；！？]/.test(text) && (text.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 10;
}

/** genre.closing over the body and closing lines of a whole report (a rule across lines, so not per line). */
export function closingOf(lines: readonly TextLine[]): RawFinding[] {
  const body = lines.filter((l) => BODY_KINDS.has(l.kind));
  const hits: Array<{ line: TextLine; index: number; from: number; to: number }> = [];
  body.forEach((line, index) => {
    if (!/此(?:报告|汇报)/.test(line.text)) return;
    const quoted = quotedSpans(line.text);
    for (const m of line.text.matchAll(CLOSING_FORMULA)) {
      const to = m.index + m[0].length;
      if (inSpans(quoted, m.index, to) || NOT_CLOSING_AFTER.test(line.text.slice(to))) continue;
      hits.push({ line, index, from: m.index, to });
    }
  });
  if (hits.length === 0) return [];
  const findings: RawFinding[] = [];
  hits.forEach((hit, i) => {
    const { line, from, to } = hit;
    const formula = line.text.slice(from, to);
    // Body after the formula: the rest of its own line, then the following lines up to an attachment or a date.
    let more = line.kind !== 'closing' && isMoreBody(line.text.slice(to).replace(/^[。！.，,\s]+/, ''), 'paragraph');
    for (let k = hit.index + 1; !more && k < body.length; k++) {
      const next = body[k]!;
      if (BODY_END.test(next.text)) break;
      if (next.kind !== 'closing') more = isMoreBody(next.text, next.kind);
    }
    if (more) {
      findings.push(
        at(
          'genre.closing',
          severityOf('genre.closing'),
          `“${formula}”是报告的结束语，应放在正文最后；它后面还有正文内容，请把它移到正文末尾。`,
          line,
          from,
          to,
        ),
      );
    } else if (i < hits.length - 1) {
      findings.push(
        at(
          'genre.closing',
          severityOf('genre.closing'),
          `结束语“${formula}”重复出现，只在正文最后保留一处即可，请删去这一处。`,
          line,
          from,
          to,
        ),
      );
    }
  });
  return findings;
}

/** genre.request and basis.repealed on one line of a report on `year` (null: unknown, then no basis is judged). */
export function genreOfLine(line: TextLine, year: number | null): RawFinding[] {
  const findings = requestOfLine(line);
  if (year !== null) findings.push(...repealedOfLine(line, year));
  return findings;
}
