/**
 * Indicators (checks.md, indicators.md): the figures a report gives, found in the prose and in the form,
 * and the sanity rules they must meet — rates within 100%, parts within their whole, stated rates that
 * match their numbers, one value per figure.
 */
import * as z from 'zod';
import indicatorsJson from '../../../templates/indicators.json';
import type { TextLine } from '../model/plainText';
import { at, bodyLines, cachedPerLine, perLine, sentences, type CheckContext, type RawFinding } from './context';
import type { IndicatorSummary } from './types';

/** The indicator list's contract; the bundled file is checked against it by the tests, not at every start. */
export const IndicatorsSchema = z.object({
  schemaVersion: z.literal(1),
  indicators: z.array(z.object({ id: z.string(), name: z.string(), units: z.array(z.string()), keywords: z.array(z.string()) })),
});
export const INDICATORS: z.infer<typeof IndicatorsSchema>['indicators'] = indicatorsJson.indicators;

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "228" → 228, "2124.9" → 2124.9, "两万" → 20000, "三百" → 300, "十二" → 12, "1.5万" → 15000. */
export function parseNumber(text: string): number | undefined {
  const t = text.replace(/,/g, '');
  const wan = /^(.+?)万$/.exec(t);
  if (wan) {
    const base = parseNumber(wan[1]!);
    return base === undefined ? undefined : base * 10000;
  }
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  let total = 0;
  let digit = 0;
  for (const ch of t) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!;
    else if (ch in CN_UNITS) {
      total += (digit || 1) * CN_UNITS[ch]!;
      digit = 0;
    } else return undefined;
  }
  return total + digit;
}

const NUM = '(\\d+(?:\\.\\d+)?万?|[一二两三四五六七八九十百千万零〇]+)';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface IndicatorPattern {
  id: string;
  keyword: string;
  re: RegExp;
}

/** Longest units first, so "场次" wins over "次" and "人次" over "次". */
function unitAlternation(units: readonly string[]): string {
  return [...units].sort((a, b) => b.length - a.length).map((u) => (u === '%' ? '[%％]' : escape(u))).join('|');
}

const PATTERNS: IndicatorPattern[] = INDICATORS.flatMap((ind) =>
  ind.keywords.map((keyword) => ({
    id: ind.id,
    keyword,
    re: new RegExp(`${escape(keyword)}[^。；！？\\d一二两三四五六七八九十百千]{0,10}?${NUM}(余|多)?\\s*(${unitAlternation(ind.units)})`, 'g'),
  })),
);

/** "全年无应诉", "未发生行政复议" count as 0. */
const NONE_PATTERNS: Array<{ id: string; re: RegExp }> = [
  { id: 'litigation', re: /(全年|本年度)?(无|未发生|没有)(行政)?(应诉|诉讼)(案件)?/g },
  { id: 'reconsideration', re: /(全年|本年度)?(无|未发生|没有)(行政)?复议(案件)?/g },
];

export interface FoundIndicator {
  id: string;
  value: number;
  unit: string;
  text: string;
  start: number;
  end: number;
  keyword: string;
  approximate: boolean;
}

function indicatorsOfLine(line: TextLine): FoundIndicator[] {
  const found: FoundIndicator[] = [];
  const taken = new Set<number>();
  for (const { id, keyword, re } of PATTERNS) {
    // A plain substring test first: most lines mention few of the ~90 keywords.
    if (!line.text.includes(keyword)) continue;
    for (const m of line.text.matchAll(re)) {
      const value = parseNumber(m[1]!);
      if (value === undefined) continue;
      const numberAt = m.index + m[0].lastIndexOf(m[1]!, m[0].length - m[3]!.length);
      if (taken.has(numberAt)) continue;
      taken.add(numberAt);
      const unit = m[3] === '％' ? '%' : m[3]!;
      found.push({ id, value, unit, text: m[0], start: line.start + m.index, end: line.start + m.index + m[0].length, keyword, approximate: !!m[2] });
    }
  }
  if (/无|未发生|没有/.test(line.text)) {
    for (const { id, re } of NONE_PATTERNS) {
      for (const m of line.text.matchAll(re)) {
        found.push({ id, value: 0, unit: '件', text: m[0], start: line.start + m.index, end: line.start + m.index + m[0].length, keyword: m[0], approximate: false });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const shiftFound = (f: FoundIndicator, by: number): FoundIndicator => ({ ...f, start: f.start + by, end: f.end + by });

/** Every figure the prose gives, in document order. */
export function findIndicators(ctx: CheckContext): FoundIndicator[] {
  const found: FoundIndicator[] = [];
  for (const line of bodyLines(ctx)) {
    if (line.kind === 'heading') continue;
    for (const f of cachedPerLine('indicators', line, indicatorsOfLine, shiftFound)) found.push(f);
  }
  return found;
}

export function summariseIndicators(ctx: CheckContext, found: FoundIndicator[]): IndicatorSummary[] {
  return INDICATORS.map((ind) => {
    const first = found.find((f) => f.id === ind.id);
    const form = ctx.doc.indicators[ind.id];
    if (first) return { id: ind.id, found: true, text: first.text, value: first.value, unit: first.unit };
    if (form && form.value !== null) return { id: ind.id, found: true, value: form.value, ...(form.unit ? { unit: form.unit } : {}) };
    return { id: ind.id, found: false };
  });
}

const HAS_RATE = /率[^。；]*[%％]/;
const HAS_WHOLE = /排查|受理|收到|发现|共有|现有|登记|开庭|办理|接收/;
const WHOLE = new RegExp(`(排查|受理|收到|发现|共有|现有|登记|开庭|办理|接收)[^。；，,\\d]{0,10}?${NUM}(余|多)?\\s*(件|起|个|名|人次|人|次|项|条|户)`, 'g');
const PART = new RegExp(`(化解|办结|解决|整改|纠错|持证|出庭|调解成功|成功调解|调处成功|答复)[^。；，,\\d]{0,6}?${NUM}(余|多)?\\s*(件|起|个|名|人次|人|次|项|条|户)`, 'g');

const RATE_AFTER = /[^。；，,\d]{0,6}?(\d+(?:\.\d+)?)\s*[%％]/y;

/** "化解率达100%": each 率 with the CJK words before it and the percentage after it. */
function ratesIn(text: string, offset: number): Array<{ name: string; value: number; index: number; length: number }> {
  const rates: Array<{ name: string; value: number; index: number; length: number }> = [];
  for (let i = text.indexOf('率'); i >= 0; i = text.indexOf('率', i + 1)) {
    RATE_AFTER.lastIndex = i + 1;
    const m = RATE_AFTER.exec(text);
    if (!m) continue;
    let from = i;
    while (from > 0 && i - from < 6 && /[\u4e00-\u9fa5]/.test(text[from - 1]!)) from--;
    rates.push({ name: text.slice(from, i + 1), value: Number(m[1]), index: offset + from, length: RATE_AFTER.lastIndex - from });
  }
  return rates;
}

function figuresOfLine(line: TextLine): RawFinding[] {
  const findings: RawFinding[] = [];
  {
    const hasRate = HAS_RATE.test(line.text);
    if (!hasRate && !HAS_WHOLE.test(line.text)) return [];
    for (const s of sentences(line.text)) {
      // indicator.rate-range
      const rates = hasRate && s.text.includes('率') ? ratesIn(s.text, s.from) : [];
      for (const r of rates) {
        if (r.value > 100) findings.push(at('indicator.rate-range', 'error', `“${r.name}”为 ${r.value}%，比率不能超过 100%，请核对数字。`, line, r.index, r.index + r.length));
      }
      // indicator.ratio and indicator.rate-mismatch within one sentence
      if (!HAS_WHOLE.test(s.text)) continue;
      const wholes = [...s.text.matchAll(WHOLE)].map((m) => ({ verb: m[1]!, value: parseNumber(m[2]!), approx: !!m[3], unit: m[4]! }));
      const parts = [...s.text.matchAll(PART)].map((m) => ({ verb: m[1]!, value: parseNumber(m[2]!), approx: !!m[3], unit: m[4]!, index: s.from + m.index, length: m[0].length }));
      const whole = wholes[0];
      if (!whole || whole.value === undefined) continue;
      for (const part of parts) {
        if (part.value === undefined || part.unit !== whole.unit) continue;
        if (part.value > whole.value && !whole.approx) {
          findings.push(
            at('indicator.ratio', 'error', `“${part.verb}${part.value}${part.unit}”超过了“${whole.verb}${whole.value}${whole.unit}”，部分不能大于总数，请核对。`, line, part.index, part.index + part.length),
          );
          continue;
        }
        const rate = rates.find((r) => r.name.startsWith(part.verb.slice(0, 2)) || r.name.length <= 3);
        if (rate && rate.value <= 100 && whole.value > 0 && !whole.approx && !part.approx) {
          const actual = (part.value / whole.value) * 100;
          const decimals = (String(rate.value).split('.')[1] ?? '').length;
          const tolerance = Math.max(0.5 * 10 ** -decimals, 0.05) + 0.5;
          if (Math.abs(actual - rate.value) > tolerance) {
            findings.push(
              at('indicator.rate-mismatch', 'warning', `${part.verb}${part.value}${part.unit}、${whole.verb}${whole.value}${whole.unit}，比率应约为 ${actual.toFixed(1)}%，但写的是 ${rate.value}%。`, line, rate.index, rate.index + rate.length),
            );
          }
        }
      }
    }
  }
  return findings;
}

export function checkIndicators(ctx: CheckContext, found: FoundIndicator[]): RawFinding[] {
  const findings = perLine('figures', bodyLines(ctx), figuresOfLine);

  // indicator.mismatch: the form against the prose, and one figure given twice with two values.
  for (const [id, entry] of Object.entries(ctx.doc.indicators)) {
    if (entry.value === null) continue;
    const prose = found.find((f) => f.id === id && (!entry.unit || f.unit === entry.unit));
    if (prose && !prose.approximate && prose.value !== entry.value) {
      const name = INDICATORS.find((i) => i.id === id)?.name ?? id;
      const line = ctx.plain.lines.find((l) => prose.start >= l.start && prose.start <= l.start + l.text.length) ?? null;
      findings.push(
        at('indicator.mismatch', 'error', `“${name}”表格中填的是 ${entry.value}${entry.unit ?? ''}，正文中写的是“${prose.text}”，请统一。`, line, line ? prose.start - line.start : 0, line ? prose.end - line.start : 0),
      );
    }
  }
  const byPhrase = new Map<string, FoundIndicator>();
  for (const f of found) {
    if (f.keyword.length < 4 || f.approximate) continue;
    const key = `${f.keyword}|${f.unit}`;
    const first = byPhrase.get(key);
    if (!first) byPhrase.set(key, f);
    else if (first.value !== f.value) {
      const line = ctx.plain.lines.find((l) => f.start >= l.start && f.start <= l.start + l.text.length) ?? null;
      findings.push(
        at('indicator.mismatch', 'error', `同一个数字前后不一致：前面写“${first.text}”，这里写“${f.text}”。`, line, line ? f.start - line.start : 0, line ? f.end - line.start : 0),
      );
    }
  }

  // indicator.missing: the figures a present part is expected to give.
  for (const part of ctx.parts) {
    if (!ctx.doc.sections.some((s) => s.part === part.id)) continue;
    for (const id of part.indicators) {
      const form = ctx.doc.indicators[id];
      if (found.some((f) => f.id === id) || (form && form.value !== null)) continue;
      const name = INDICATORS.find((i) => i.id === id)?.name ?? id;
      findings.push({ ...at('indicator.missing', 'warning', `“${part.title}”中没有找到“${name}”的数字。审核时常因“数据少、泛泛而谈”退回，请补充具体次数或件数。`, null), section: part.id });
    }
  }
  return findings;
}
