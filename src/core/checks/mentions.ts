/**
 * Figures as mentions in context (issue #12): each number the prose gives, with its unit, the words that say
 * what it counts, and its qualifier — this year's result, new, cumulative, existing, part of a whole, per
 * village, a target, last year's value or a change. Two figures are the same figure only when these agree,
 * so the indicator rules never compare "新培育42名" with "达到168名", or a plan's "不少于4次" with a result.
 * Rates and ratios are read here too: "化解率98%", "占比90%", "比例为", "满意度", "九成", "百分之九十五".
 */
import { CHINESE_DIGIT_VALUE, parseNumber } from '../text/numerals';
import { allMatches } from './context';

// Figures are read by the one home of Chinese numerals (src/core/text/numerals.ts).
export { parseNumber };

/** A number as written: Arabic (with 万), or Chinese numerals. */
export const NUM = '(\\d+(?:\\.\\d+)?万?|[一二两三四五六七八九十百千万零〇]+)';
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a figure is: this year's result, or something a reader must not compare with it. Listed in the
 * order they are tested: the first that applies wins.
 */
export type Qualifier =
  'target' | 'previous' | 'change' | 'perUnit' | 'part' | 'new' | 'cumulative' | 'existing' | 'result';

const QUALIFIER_WORDS: Array<[Exclude<Qualifier, 'result'>, RegExp]> = [
  [
    'target',
    /不少于|不低于|不超过|不高于|力争|争取|计划|目标|预计|拟[^定]|确保|至少|下一步|明年|来年|将要?(?:开展|组织|举办|召开|完成|培育|培养|实现)/,
  ],
  ['previous', /上年|去年|上一年|前一年|往年|同期/],
  ['change', /(?:增加|增长|减少|下降|提高|提升|上升|多|少)了?$/],
  ['perUnit', /每|平均|人均|村均|户均|分别|各(?:村|社区|单位|部门|站|所)均/],
  ['part', /其中/],
  [
    'new',
    /新增|新培育|新培养|新建|新聘|新招|新创建|新创|新评|新发展|新认定|新选聘|新录|新纳入|新配备|新吸纳|新成立|新设立|本年新|今年新|当年新/,
  ],
  ['cumulative', /累计|总数|总量|达到|已达|历年|至今|目前|截至|截止|共计达/],
  ['existing', /现有|共有|已有|拥有|在册|在编|全[镇乡街区县]有/],
];

/** Where a clause starts: the figure's qualifier and subject are in its own clause. */
const CLAUSE_MARKS = new Set([...'，,；;。：:、！？!?'].map((c) => c.charCodeAt(0)));

export function clauseStart(text: string, at: number): number {
  let i = at;
  // Compared as character codes, not a regex test per character: this runs for every figure.
  while (i > 0 && !CLAUSE_MARKS.has(text.charCodeAt(i - 1))) i--;
  return i;
}

/** The qualifier from the words that lead to the figure in its clause, and where the text stands. */
export function qualifierOf(lead: string, inPlans: boolean): Qualifier {
  if (inPlans) return 'target';
  for (const [q, re] of QUALIFIER_WORDS) if (re.test(lead)) return q;
  return 'result';
}

/** Words after a figure that make it a bound, not a count: "500人以上". */
const APPROX_AFTER = /^(?:以上|以下|左右|上下|之多|有余)/;
const APPROX_AT = new RegExp(APPROX_AFTER.source.slice(1), 'y');

/** APPROX_AFTER at offset `at` of `text`, without slicing the rest of the line. */
export function approximateAt(text: string, at: number): boolean {
  APPROX_AT.lastIndex = at;
  return APPROX_AT.test(text);
}

/** Units a count is given in (longest first, so "人次" wins over "人" and "场次" over "场"). */
export const COUNT_UNITS = [
  '人次',
  '场次',
  '批次',
  '万元',
  '件',
  '起',
  '个',
  '名',
  '人',
  '次',
  '项',
  '条',
  '户',
  '场',
  '期',
  '份',
  '册',
  '元',
  '家',
  '卷',
  '篇',
  '处',
  '所',
  '座',
  '部',
];

export interface Count {
  value: number;
  unit: string;
  /** "余/多/以上": a rounded figure, never compared exactly. */
  approximate: boolean;
  /** Offset of the number in the text, and the end of its unit. */
  index: number;
  end: number;
  /** The clause's words before the number: what it counts and how. */
  lead: string;
  qualifier: Qualifier;
}

/**
 * Chinese numerals inside words: "一起" (together), "无一起被撤销", "一次性", "统一", "进一步". A count in
 * Chinese numerals is taken only where nothing makes it one of these.
 */
export function notACount(text: string, at: number, raw: string, end: number): boolean {
  if (/^\d/.test(raw)) return false;
  if (/[无没未不进统唯同逐万单第]$/.test(text.slice(Math.max(0, at - 1), at))) return true;
  if (raw !== '一') return false;
  // "一起" is mostly "together": a count only before what a 起 counts.
  if (text[end - 1] === '起' && !/^(?:案|纠纷|事件|事故|矛盾|违法|信访|群体)/.test(text.slice(end, end + 2)))
    return true;
  return /^[性样般致切道体并同律]/.test(text.slice(end, end + 1));
}

const COUNT_RE = new RegExp(`${NUM}(余|多)?\\s*(${COUNT_UNITS.join('|')})`, 'g');

/**
 * Every "number + unit" of a sentence, with its clause lead and qualifier. `targetUntil`: the figures before
 * this offset are targets wherever the text stands (the plan half of a draft's checklist line, answerStart).
 */
export function countsIn(text: string, inPlans: boolean, targetUntil = 0): Count[] {
  const out: Count[] = [];
  for (const m of allMatches(COUNT_RE, text)) {
    // "2025年" and "3月" are dates; "12个村" is fine, but "第3次" is an ordinal.
    if (m.index > 0 && text[m.index - 1] === '第') continue;
    if (/\d/.test(text[m.index - 1] ?? '')) continue;
    if (notACount(text, m.index, m[1]!, m.index + m[0].length)) continue;
    const value = parseNumber(m[1]!);
    if (value === undefined) continue;
    const end = m.index + m[0].length;
    const lead = text.slice(clauseStart(text, m.index), m.index);
    out.push({
      value,
      unit: m[3]!,
      approximate: !!m[2] || approximateAt(text, end),
      index: m.index,
      end,
      lead,
      qualifier: qualifierOf(lead, inPlans || m.index < targetUntil),
    });
  }
  return out;
}

export interface Rate {
  /** The words that name the rate: "调解成功率", "占比", "满意度"; '' when a bare percentage. */
  name: string;
  value: number;
  approximate: boolean;
  /** Start of the name (or the number), end of the figure. */
  index: number;
  end: number;
  /** Whether the name says it is a share of a whole, which cannot exceed 100%. */
  bounded: boolean;
}

const CN_NUM = '[一二两三四五六七八九十百零〇点]+';
const RATE_RE = new RegExp(
  `(\\d+(?:\\.\\d+)?)\\s*[%％]|百分之(${CN_NUM})|(?<![\\d一二两三四五六七八九十统唯])([二两三四五六七八九])成(?![员立为功果效绩本型品])`,
  'g',
);
/** Names of shares, which a percentage cannot exceed. */
const SHARE_NAME = /率|满意度|知晓度|覆盖面|比例|占比|比重|占[^，,；。]{0,12}的$/;
/** Growth, completion and the like can go past 100%. */
const UNBOUNDED =
  /增长|增加|增幅|增速|提高|提升|上升|下降|减少|同比|环比|超过|超出|超额|完成率|完成了|是上年|为上年|相当于|达上年/;
const NAME_FILLER = /(?:达到|已达|达|为|是|均达|均为|保持在?|稳定在|提升至|提高到|提高至|升至|在|了|约|近|超)+$/;

/** Every rate or share of a sentence, named by the words before it in its clause. */
export function ratesIn(text: string): Rate[] {
  const out: Rate[] = [];
  for (const m of allMatches(RATE_RE, text)) {
    const value =
      m[1] !== undefined
        ? Number(m[1])
        : m[2] !== undefined
          ? parseNumber(m[2] === '百' ? '一百' : m[2])
          : CHINESE_DIGIT_VALUE[m[3]!]! * 10;
    if (value === undefined) continue;
    const from = clauseStart(text, m.index);
    const lead = text.slice(from, m.index);
    const name = lead.replace(NAME_FILLER, '');
    // The name proper: from its last figure on ("调解74件成功率": "成功率").
    const nameStart = Math.max(0, name.search(/[^\d.%％]*$/));
    const shown = name.slice(nameStart).slice(-8);
    const end = m.index + m[0].length;
    out.push({
      name: shown,
      value,
      approximate: m[3] !== undefined || approximateAt(text, end) || /以上|左右|近|约|超$/.test(lead),
      index: from + nameStart + (name.slice(nameStart).length - shown.length),
      end,
      bounded: SHARE_NAME.test(name) && !UNBOUNDED.test(lead),
    });
  }
  return out;
}
