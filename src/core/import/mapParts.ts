/**
 * Which template part each top-level section of an imported report is, by meaning rather than exact
 * wording: the year a heading names, the usual wordings (the template's aliases and ours), then telling
 * words, then position (the areas before 不足/安排 are 举措和成效 content, however many there are).
 */
import { partHeading, partNumbering } from '../model/fromTemplate';
import type { Section } from '../model/report';
import type { Part, Template } from '../templates/schema';
import { headingNumber, stripHeadingNumber } from '../text/numbering';
import type { PartMapping } from './types';

/** Heading wording without number, punctuation, spaces or years, for comparing with aliases. */
export function normaliseHeading(text: string): string {
  return stripHeadingNumber(text)
    .replace(/\d{4}\s*年(度)?/g, '')
    .replace(/[\s，,、。：:；;（）()“”"《》·—-]/g, '');
}

/**
 * Wordings seen in published reports, by part id, besides the template's own aliases (templates can be
 * replaced by a county, the importer should still read the common forms). Kept short and literal.
 */
const EXTRA_ALIASES: Record<string, readonly string[]> = {
  measures: [
    '主要举措及成效',
    '主要做法及成效',
    '工作开展情况及成效',
    '主要工作成效',
    '工作成效',
    '基本情况',
    '总体情况',
    '工作总结',
    '推进法治政府建设的主要举措和成效',
    '主要工作开展情况',
  ],
  duties: ['履职情况', '履行第一责任人职责情况', '履行法治建设第一责任人职责情况', '主要工作及成效', '工作开展情况'],
  leadership: [
    '履行推进法治建设第一责任人职责情况',
    '主要负责同志履行推进法治建设第一责任人职责情况',
    '主要负责人履职情况',
  ],
  shortcomings: [
    '存在的问题及原因',
    '存在问题及原因',
    '存在的不足及原因',
    '问题与不足',
    '不足与原因',
    '存在的短板和不足',
    '面临的困难和问题',
    '困难和问题',
  ],
  plans: [
    '下一年度工作安排',
    '下一年度工作打算',
    '下一年度工作计划',
    '下步工作打算',
    '下一步工作思路',
    '下一步工作措施',
    '今后工作打算',
    '工作展望',
    '努力方向',
    '下一步工作重点',
  ],
  other: ['其他需要报告的事项', '其他事项', '其它需要报告的情况'],
};

/** Telling words, checked in this order of parts: the later parts' words are the more specific. */
const EXTRA_KEYWORDS: Record<string, readonly string[]> = {
  other: ['其他需要', '其它需要', '需要报告'],
  leadership: ['第一责任人', '主要负责人', '主要负责同志', '主要领导履行'],
  plans: [
    '下一步',
    '下步',
    '下一年',
    '下年度',
    '明年',
    '今后',
    '打算',
    '展望',
    '努力方向',
    '工作计划',
    '工作安排',
    '工作思路',
    '主要安排',
  ],
  shortcomings: ['不足', '短板', '差距', '薄弱', '弱项', '存在问题', '困难和问题'],
  measures: ['举措', '措施', '成效', '做法', '工作情况', '开展情况', '进展', '成绩'],
  duties: ['履职', '履行', '进展', '成效', '做法', '开展'],
};
/**
 * Words that name a part only in a short heading ("三、问题与原因", "四、工作安排"), not inside a
 * measures area ("一、…解决群众反映存在的问题", "三、科学安排年度普法计划"). Template keywords that are
 * listed here are treated as weak too.
 */
const WEAK_KEYWORDS: Record<string, readonly string[]> = {
  shortcomings: ['问题', '原因', '困难', '存在的'],
  plans: ['计划', '安排', '思路'],
  other: ['其他', '其它'],
};
const SHORT_HEADING = 12;
const KEYWORD_ORDER = ['other', 'leadership', 'plans', 'shortcomings'];
export const PLANNING_WORDS = /安排|打算|计划|思路|要点|目标|展望|下一|下步|今后|明年/;

function aliasScore(name: string, aliases: readonly string[]): number {
  let best = 0;
  for (const a of aliases) {
    if (name === a) return 1000;
    if (a.length >= 4 && name.includes(a)) best = Math.max(best, a.length * 10);
    else if (name.length >= 4 && a.includes(name)) best = Math.max(best, name.length * 8);
  }
  return best;
}

/** Aliases normalised once per template: headings are compared with them line by line. */
const aliasCache = new WeakMap<Template, Map<string, string[]>>();
function normalisedAliases(template: Template): Map<string, string[]> {
  let cached = aliasCache.get(template);
  if (!cached) {
    cached = new Map(
      template.parts.map((p) => [
        p.id,
        [...p.aliases, ...(EXTRA_ALIASES[p.id] ?? [])].map(normaliseHeading).filter((a) => a !== ''),
      ]),
    );
    aliasCache.set(template, cached);
  }
  return cached;
}

function orderedParts(template: Template): Part[] {
  const rank = (p: Part) => {
    const i = KEYWORD_ORDER.indexOf(p.id);
    if (i >= 0) return i;
    return p === template.parts[0] ? 99 : 50;
  };
  return [...template.parts].sort((a, b) => rank(a) - rank(b));
}

interface KeywordRow {
  part: Part;
  words: readonly string[];
  weak: readonly string[];
}
const keywordCache = new WeakMap<Template, KeywordRow[]>();
function keywordTable(template: Template): KeywordRow[] {
  let rows = keywordCache.get(template);
  if (!rows) {
    rows = orderedParts(template).map((part) => {
      const weak = WEAK_KEYWORDS[part.id] ?? [];
      return {
        part,
        words: [...part.keywords, ...(EXTRA_KEYWORDS[part.id] ?? [])].filter((k) => !weak.includes(k)),
        weak,
      };
    });
    keywordCache.set(template, rows);
  }
  return rows;
}

export interface HeadingGuess {
  part: Part;
  confidence: 'alias' | 'keyword';
  /** Plans named only by "主要工作" with no year and no planning word: position decides. */
  weak?: boolean;
}

/** The part a heading names, if its wording says so (no position guess). */
export function classifyHeading(heading: string, template: Template, year: number | null): HeadingGuess | undefined {
  const name = normaliseHeading(heading);
  if (!name) return undefined;
  const first = template.parts[0];
  const plans = template.parts.find((p) => p.yearScope === 'next');
  const headingYear = /(\d{4})\s*年/.exec(heading);
  const named = headingYear ? Number(headingYear[1]) : null;
  if (plans && year !== null && named === year + 1 && !/其他|其它/.test(name))
    return { part: plans, confidence: 'keyword' };

  let guess: HeadingGuess | undefined;
  let best = 0;
  const aliases = normalisedAliases(template);
  for (const p of template.parts) {
    const score = aliasScore(name, aliases.get(p.id) ?? []);
    if (score > best) {
      best = score;
      guess = { part: p, confidence: 'alias' };
    }
  }
  if (!guess) {
    for (const { part, words, weak } of keywordTable(template)) {
      if (words.some((k) => name.includes(k)) || (name.length <= SHORT_HEADING && weak.some((k) => name.includes(k)))) {
        guess = { part, confidence: 'keyword' };
        break;
      }
    }
  }
  // "2023年主要工作" in the 2023 report is about this year; "2023年工作打算" is plans with a wrong year.
  if (guess && guess.part === plans && first && year !== null && named === year && !PLANNING_WORDS.test(name)) {
    return { part: first, confidence: 'keyword' };
  }
  if (guess && guess.part === plans && named === null && !PLANNING_WORDS.test(name)) return { ...guess, weak: true };
  return guess;
}

/** Parts that come after 举措和成效 in every outline; 第一责任人 may stand before or after the areas. */
function isLaterPart(part: string | null, template: Template): boolean {
  return part !== null && part !== template.parts[0]?.id && part !== 'leadership';
}

export function mapParts(sections: Section[], template: Template, year: number | null): PartMapping[] {
  const mapping: PartMapping[] = [];
  const weak = new Set<number>();
  for (const section of sections) {
    if (!section.heading) continue;
    const guess = classifyHeading(section.heading, template, year);
    if (guess?.weak) weak.add(mapping.length);
    mapping.push({
      sectionKey: section.key,
      heading: section.heading,
      part: guess?.part.id ?? null,
      confidence: guess?.confidence ?? 'none',
    });
  }
  // A later part named only by a telling word, followed by measures or by the same part in its usual
  // wording, was a measures area ("三、补齐法治力量不足的短板" before "五、存在的不足和原因").
  const first = template.parts[0];
  mapping.forEach((m, index) => {
    if (m.confidence !== 'keyword' || !isLaterPart(m.part, template)) return;
    const rest = mapping.slice(index + 1);
    if (
      rest.some(
        (r) => (r.part === m.part && r.confidence === 'alias') || (r.part === first?.id && r.confidence !== 'none'),
      )
    ) {
      m.part = null;
      m.confidence = 'none';
    }
  });
  // Unnamed parts before 不足/安排/其他 are areas of 举措和成效 ("一、深学笃用…", "二、优化营商环境").
  const firstLater = mapping.findIndex((m, index) => !weak.has(index) && isLaterPart(m.part, template));
  mapping.forEach((m, index) => {
    if (!first) return;
    const beforeLater = firstLater < 0 || index < firstLater;
    // A bare "主要工作" is this year's work unless it closes a report that has no other later part.
    const weakIsMeasures =
      weak.has(index) && (firstLater >= 0 ? index < firstLater : index === 0 || index < mapping.length - 1);
    if ((m.part === null && beforeLater) || weakIsMeasures) {
      m.part = first.id;
      m.confidence = 'position';
    }
  });
  const byKey = new Map(sections.map((s) => [s.key, s]));
  for (const m of mapping) byKey.get(m.sectionKey)!.part = m.part;
  return mapping;
}

/**
 * The parts a combined heading names: "存在的问题及下一步打算" names 不足 and 安排, "工作情况和2026年工作
 * 打算" names 举措 and 安排. Each half joined by 及/和/与/暨/以及 is read on its own; a heading that names
 * one part ("主要举措和成效", "存在的不足和原因") gives that part only.
 */
export function partsNamed(heading: string, template: Template, year: number | null): string[] {
  const parts: string[] = [];
  const whole = classifyHeading(heading, template, year);
  if (whole) parts.push(whole.part.id);
  const name = stripHeadingNumber(heading).replace(/[。：:]$/, '');
  for (const half of name.split(/以及|及|和|与|暨/)) {
    if (half.length < 2) continue;
    const guess = classifyHeading(half, template, year);
    if (guess && !guess.weak && !parts.includes(guess.part.id)) parts.push(guess.part.id);
  }
  return parts;
}

/**
 * Part headings with no written number (Word's Heading 1 "加强党的领导", a web page's <h2>) get one, so the
 * report reads as the outline does: the outline's number of the part a heading maps to ("三、存在的不足和原因"
 * where the 第一责任人 part is missing), the next number after the one before for a heading that maps to no
 * part or to a part already numbered. Where the parts stand out of the outline's order, the outline's numbers
 * would run backwards: then they are numbered in document order. Written numbers are kept and never repeated.
 * The sections and their mapping rows are changed in place; returns how many were numbered.
 */
export function numberUnnumberedParts(sections: Section[], mapping: PartMapping[], template: Template): number {
  const headed = sections.filter((s) => s.heading);
  const written = new Set(headed.map((s) => headingNumber(s.heading, true)?.value).filter((v) => v !== undefined));
  if (written.size === headed.length && headed.every((s) => headingNumber(s.heading, true))) return 0;
  const outline = new Map(template.parts.map((p, i) => [p.id, i + 1]));
  const numbers = (byOutline: boolean): { values: Array<number | undefined>; inOrder: boolean } => {
    const partTaken = new Set<string>();
    let last = 0;
    let inOrder = true;
    const values = headed.map((section) => {
      const own = headingNumber(section.heading, true)?.value;
      if (own !== undefined) {
        last = Math.max(last, own);
        return undefined;
      }
      const wanted = section.part && !partTaken.has(section.part) ? outline.get(section.part) : undefined;
      if (section.part) partTaken.add(section.part);
      if (wanted !== undefined && (wanted <= last || written.has(wanted))) inOrder = false;
      let n = byOutline && wanted !== undefined && wanted > last && !written.has(wanted) ? wanted : last + 1;
      while (written.has(n)) n++;
      last = n;
      return n;
    });
    return { values, inOrder };
  };
  const first = numbers(true);
  const { values } = first.inOrder ? first : numbers(false);
  const level = partNumbering(sections);
  const byKey = new Map(mapping.map((m) => [m.sectionKey, m]));
  let added = 0;
  headed.forEach((section, i) => {
    const n = values[i];
    if (n === undefined) return;
    section.heading = partHeading(n - 1, section.heading.trim(), level);
    const row = byKey.get(section.key);
    if (row) row.heading = section.heading;
    added++;
  });
  return added;
}
