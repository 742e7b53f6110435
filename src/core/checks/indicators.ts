/**
 * Indicators (checks.md, indicators.md): the figures a report gives, found in the prose and in the form,
 * and the sanity rules they must meet — rates within 100%, parts within their whole, stated rates that
 * match their numbers, one value per figure.
 */
import indicatorsJson from '../../../templates/indicators.json';
import type { TextLine } from '../model/plainText';
import {
  allMatches,
  at,
  bodyLines,
  cachedPerLine,
  perLine,
  sentences,
  partName,
  type CheckContext,
  type RawFinding,
} from './context';
import {
  approximateAt,
  clauseStart,
  COUNT_UNITS,
  countsIn,
  escapeRe,
  notACount,
  NUM,
  parseNumber,
  qualifierOf,
  ratesIn,
  type Count,
  type Qualifier,
} from './mentions';
import { severityOf } from './catalogue';
import { answerStart } from '../text/conventions';
import type { IndicatorSummary } from './types';
import type { Indicator } from './listSchemas';

export { IndicatorsSchema, type Indicator } from './listSchemas';
/** The built-in figures; a county's profile adds to them and rewords them (countyLists.ts merges). */
export const INDICATORS: readonly Indicator[] = indicatorsJson.indicators;

export { parseNumber } from './mentions';

interface IndicatorPattern {
  id: string;
  keyword: string;
  /** Longer words that contain the keyword but mean something else ("协调解决" is not 调解). */
  exclude: readonly string[];
  /** Keyword, then the figure: "排查矛盾纠纷228件". */
  after: RegExp;
  /** The figure, then the keyword: "配备1名法律顾问", "16件行政处罚案件". */
  before: RegExp;
}

/**
 * One list of figures with what finding them needs, compiled once: the patterns, one scan for all keywords,
 * and `key`, which names the list in the line cache so that two lists never share cached figures.
 */
export interface IndicatorSet {
  readonly key: string;
  readonly list: readonly Indicator[];
  readonly patterns: readonly IndicatorPattern[];
  readonly anyKeyword: RegExp | null;
  readonly keywordsByFirst: ReadonlyMap<string, readonly string[]>;
  readonly names: ReadonlyMap<string, string>;
}

/** The units a table cell or label may give: every count unit and the percent sign. */
const COUNT_UNITS_AND_RATE: readonly string[] = [...COUNT_UNITS, '%'];

/**
 * Longest units first, so "场次" wins over "次" and "人次" over "次"; and a unit is read whole: where a count
 * unit goes on from it ("人" in "人次", "场" in "场次"), "210人次" is no figure of an indicator counted in 人.
 */
function unitAlternation(units: readonly string[]): string {
  return [...units]
    .sort((a, b) => b.length - a.length)
    .map((u) => {
      if (u === '%') return '[%％]';
      const goesOn = COUNT_UNITS.filter((c) => c.length > u.length && c.startsWith(u)).map((c) =>
        escapeRe(c.slice(u.length)),
      );
      return goesOn.length ? `${escapeRe(u)}(?!${goesOn.join('|')})` : escapeRe(u);
    })
    .join('|');
}

export function compileIndicators(list: readonly Indicator[], key: string): IndicatorSet {
  const patterns: IndicatorPattern[] = list.flatMap((ind) =>
    ind.keywords.map((keyword) => ({
      id: ind.id,
      keyword,
      exclude: ind.exclude ?? [],
      after: new RegExp(
        `${escapeRe(keyword)}([^。；！？\\d一二两三四五六七八九十百千]{0,10}?)${NUM}(余|多)?\\s*(${unitAlternation(ind.units)})`,
        'g',
      ),
      before: new RegExp(
        `(?<![\\d.第])${NUM}(余|多)?\\s*(${unitAlternation(ind.units.filter((u) => u !== '%'))})([^\\d，,。；：:、！？“”（）()村社区户]{0,2}?)${escapeRe(keyword)}`,
        'g',
      ),
    })),
  );
  // Which patterns' keywords a line holds comes from one scan of the line (patternsIn).
  const keywords = [...new Set(patterns.map((p) => p.keyword))];
  const anyKeyword =
    keywords.length > 0 && keywords.every((k) => k.length > 0)
      ? new RegExp(keywords.map(escapeRe).join('|'), 'g')
      : null;
  const keywordsByFirst = new Map<string, string[]>();
  for (const k of keywords) if (k) keywordsByFirst.set(k[0]!, [...(keywordsByFirst.get(k[0]!) ?? []), k]);
  return { key, list, patterns, anyKeyword, keywordsByFirst, names: new Map(list.map((i) => [i.id, i.name])) };
}

/** The built-in list, compiled once at load. */
export const BUILTIN_INDICATORS: IndicatorSet = compileIndicators(INDICATORS, 'builtin');

/**
 * Which patterns' keywords a line holds, in pattern order, from one scan of the line instead of one search
 * per keyword: every place where some keyword starts is visited (the scan resumes one character after each
 * match), and there every keyword with that first character is tried, so keywords inside others are found.
 */
function patternsIn(set: IndicatorSet, text: string): IndicatorPattern[] {
  const re = set.anyKeyword;
  if (!re) return set.patterns.filter((p) => text.includes(p.keyword));
  let held: Set<string> | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (const k of set.keywordsByFirst.get(text[m.index]!)!)
      if (text.startsWith(k, m.index)) (held ??= new Set()).add(k);
    re.lastIndex = m.index + 1;
  }
  const found = held;
  return found ? set.patterns.filter((p) => found.has(p.keyword)) : [];
}

/**
 * Between a keyword and its figure, another counted thing means the figure counts that thing:
 * "法律顾问参与解决问题5个" counts 问题. Right after the keyword it is a compound ("信访问题12件").
 */
const OTHER_COUNTED = /问题|意见|建议|隐患|事项|难题|诉求|线索|风险|漏洞|村|社区|单位|部门/;

/**
 * Things counted in their own right, never a form of another indicator's subject: "学法考试2次" counts
 * exams, not collective study; "执法人员参加考试合格率100%" is an exam's pass rate, not the staff. Where
 * one stands between a keyword and its figure (or right after the keyword, before which the figure stands:
 * "2次学法考试"), the figure is not the keyword's, unless the word is the indicator's own vocabulary.
 */
const OTHER_EVENT =
  /考试|考核|测试|测评|竞赛|比赛|答题|评比|评选|评议|抽查|检查|督查|观摩|演练|比武|培训班|座谈会|听证会|问卷/g;

/** The words each indicator of a set names itself with: its name and keywords (made once per set). */
const OWN_WORDS = new WeakMap<IndicatorSet, ReadonlyMap<string, string>>();
function ownWords(set: IndicatorSet): ReadonlyMap<string, string> {
  let words = OWN_WORDS.get(set);
  if (!words) {
    words = new Map(set.list.map((ind) => [ind.id, [ind.name, ...ind.keywords].join('|')]));
    OWN_WORDS.set(set, words);
  }
  return words;
}

/**
 * Whether the words between a keyword and its figure name another subject: a counted thing that is not the
 * indicator's own, or another indicator's keyword ("合法性审查培训2次" is a training, the nearer keyword).
 */
function otherSubject(set: IndicatorSet, id: string, keyword: string, gap: string): boolean {
  if (!gap) return false;
  const own = ownWords(set).get(id) ?? '';
  for (const m of gap.matchAll(OTHER_EVENT)) if (!own.includes(m[0])) return true;
  for (const p of patternsIn(set, gap))
    if (p.id !== id && !keyword.includes(p.keyword) && !own.includes(p.keyword)) return true;
  return false;
}

/**
 * A figure after a clause break counts what its own clause names: "依法实施行政处罚，受理治安案件1386起" counts
 * the police's cases, not penalties. Only a clause of fillers ("行政处罚，共计38起") still gives the keyword's figure.
 */
const CLAUSE_IN_GAP = /[，,、]([^，,、]*)$/;
const FILLER_CLAUSE = /^(?:全年|年内|本年度?|其中|共|共计|合计|总计|累计|计|达到?|为|约|近|有|分别)*$/;
function newClause(gap: string): boolean {
  const clause = CLAUSE_IN_GAP.exec(gap);
  return !!clause && !FILLER_CLAUSE.test(clause[1]!);
}

/** Keywords that are verb phrases ("排查矛盾纠纷", "审查合同"): a figure follows them, never precedes. */
const VERB_FIRST =
  /^(?:研究|学习|审查|审核|查处|排查|化解|调处|调解|接访|接待|受理|主动|公开|依申请|发放|召开|组织|开展|培训|宣传)/;

/**
 * "全年无应诉", "未发生行政复议案件" count as 0 — but only when what is negated is exactly the indicator's
 * subject: "无行政复议和行政诉讼被纠错案件", "未发生行政诉讼败诉案件" deny another quantity (cases corrected,
 * cases lost) and say nothing of the cases received. The negated phrase runs to the clause's end; each of its
 * conjuncts (和、及、与) must be one of these nouns, with only a measure or 案件 around it.
 */
const NONE_NOUNS: ReadonlyMap<string, string> = new Map([
  ['行政复议', 'reconsideration'],
  ['复议', 'reconsideration'],
  ['行政诉讼应诉', 'litigation'],
  ['行政应诉', 'litigation'],
  ['行政诉讼', 'litigation'],
  ['应诉', 'litigation'],
  ['诉讼', 'litigation'],
]);
const NONE_AT = /(?:全年|本年度|年内)?(?:无|未发生|未出现|没有发生|没有出现|没有)/g;
/** The negated phrase: up to the clause's end (a list's 、 stays inside it). */
const NONE_PHRASE = /^[^，,；;。：:！？!?（(）)\s]{1,30}/;
const NONE_TAIL = /(?:的)?(?:情况|现象|问题)?(?:发生|出现)?$/;
const NONE_CONJUNCT = /^(?:新增|新发生|发生|出现|任何|一起|一件|1起|1件)*(.*?)(?:案件|案)?$/;

function noneFigures(text: string): Array<{ ids: string[]; at: number; end: number }> {
  const out: Array<{ ids: string[]; at: number; end: number }> = [];
  for (const m of text.matchAll(NONE_AT)) {
    const from = m.index + m[0].length;
    const phrase = NONE_PHRASE.exec(text.slice(from))?.[0];
    if (!phrase) continue;
    const ids: string[] = [];
    for (const part of phrase.replace(NONE_TAIL, '').split(/以及|和|及|与|或|、/)) {
      const id = NONE_NOUNS.get(NONE_CONJUNCT.exec(part)![1]!);
      if (!id) {
        ids.length = 0;
        break;
      }
      if (!ids.includes(id)) ids.push(id);
    }
    if (ids.length) out.push({ ids, at: m.index, end: from + phrase.length });
  }
  return out;
}

export interface FoundIndicator {
  id: string;
  value: number;
  unit: string;
  text: string;
  start: number;
  end: number;
  keyword: string;
  approximate: boolean;
  /** What the figure is: this year's result, new, cumulative, a target… (mentions.ts). */
  qualifier: Qualifier;
  /** The clause's words before the figure, numbers and fillers dropped: two figures with the same lead say the same thing. */
  lead: string;
  /** Template part of its line. */
  part: string | null;
  /** What must agree for two mentions to be the same figure, and their exact wording: built once per line. */
  sameKey: string;
  /** Part and sentence up to the figure, fillers dropped; '' when the sentence does not speak of the whole unit's year. */
  wording: string;
}

/** The few characters right after a keyword, up to punctuation: the rest of its noun phrase. */
function leadingWord(text: string, from: number): string {
  const m = /^[^\d，,。；：:、！？“”（）()\s]{0,4}/.exec(text.slice(from, from + 4));
  return m ? m[0] : '';
}

function excluded(text: string, at: number, keyword: string, exclude: readonly string[]): boolean {
  return exclude.some((word) => {
    for (let p = word.indexOf(keyword); p >= 0; p = word.indexOf(keyword, p + 1))
      if (text.startsWith(word, at - p)) return true;
    return false;
  });
}

/** Time words and fillers that do not change what a figure counts. */
const LEAD_FILLER =
  /^(?:全年|本年度?|今年|年内|[0-9]{4}年(?:度|以来)?|共计?|总共|一共|先后|累计|全镇|全乡|全街道|我镇|我乡|我街道|我局|我单位)+|(?:共计?|达到?|为|了|约|近)+$/g;
const normaliseLead = (lead: string) => lead.replace(/\d+(?:\.\d+)?/g, '#').replace(LEAD_FILLER, '');
/** Words that make a sentence speak of the whole unit's year, not of one village or one office. */
const WHOLE_SCOPE =
  /全年|本年度|今年|年内|[0-9]{4}年|全镇|全乡|全街道|全区|全县|全局|全系统|我镇|我乡|我街道|我局|我委|我办/;

/**
 * The exact wording of a figure: its sentence up to the number. Only a sentence about the whole unit's
 * year can make two different values certainly one figure given twice ("东村：开展…5场次" and "西村：开展…8场次"
 * are two figures even where the words after the colon agree).
 */
const SENTENCE_CODES = new Set([...'。；！？;!?'].map((c) => c.charCodeAt(0)));

function wordingOf(text: string, numberAt: number, part: string | null): string {
  let from = numberAt;
  while (from > 0 && !SENTENCE_CODES.has(text.charCodeAt(from - 1))) from--;
  const sentence = text.slice(from, numberAt);
  return WHOLE_SCOPE.test(sentence)
    ? `${part ?? ''}|${normaliseLead(sentence.replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]/, ''))}`
    : '';
}

/** "持证率达到100%" is this year's rate: 达到 and 现有 make a count cumulative or existing, not a rate. */
const rateQualifier = (unit: string, q: Qualifier): Qualifier =>
  (unit === '%' || unit === '％') && (q === 'cumulative' || q === 'existing') ? 'result' : q;

function indicatorsOfLine(line: TextLine, planParts: ReadonlySet<string>, set: IndicatorSet): FoundIndicator[] {
  const found: FoundIndicator[] = [];
  const taken = new Set<number>();
  const text = line.text;
  const inPlans = !!line.part && planParts.has(line.part);
  // A draft's checklist line "2026年计划：…年内培训200人次。　完成情况：…": the plan half gives targets.
  const targetUntil = answerStart(text) ?? 0;
  const add = (
    p: IndicatorPattern,
    raw: string,
    at: number,
    numberAt: number,
    unitEnd: number,
    unit: string,
    approx: boolean,
  ) => {
    if (notACount(text, numberAt, raw, unitEnd)) return;
    const value = parseNumber(raw);
    if (value === undefined || taken.has(numberAt)) return;
    taken.add(numberAt);
    const lead = text.slice(clauseStart(text, Math.min(at, numberAt)), numberAt);
    const qualifier = rateQualifier(unit, qualifierOf(lead, inPlans || numberAt < targetUntil));
    const normalised = normaliseLead(lead);
    const u = unit === '％' ? '%' : unit;
    found.push({
      id: p.id,
      value,
      unit: u,
      text: text.slice(at, Math.max(unitEnd, at)),
      start: line.start + at,
      end: line.start + Math.max(unitEnd, at),
      keyword: p.keyword,
      approximate: approx || approximateAt(text, unitEnd),
      qualifier,
      lead: normalised,
      part: line.part ?? null,
      sameKey: `${p.id}|${p.keyword}|${u}|${qualifier}`,
      wording: wordingOf(text, numberAt, line.part ?? null),
    });
  };
  // "16件行政处罚案件、5件行政强制案件": a figure right before its keyword belongs to it, so these forms are
  // read first; then "keyword … figure".
  const present = patternsIn(set, text); // most lines hold few of the ~70 keywords
  for (const p of present) {
    // "4次研究法治建设": a figure before a verb phrase counts what came before it, not the phrase.
    if (VERB_FIRST.test(p.keyword)) continue;
    for (const m of allMatches(p.before, text)) {
      const keywordAt = m.index + m[0].length - p.keyword.length;
      if (excluded(text, keywordAt, p.keyword, p.exclude)) continue;
      // "2次学法考试": the figure counts what the keyword's phrase ends in.
      if (otherSubject(set, p.id, p.keyword, leadingWord(text, keywordAt + p.keyword.length))) continue;
      add(p, m[1]!, m.index, m.index, m.index + m[0].length, m[3]!, !!m[2]);
    }
  }
  for (const p of present) {
    p.after.lastIndex = 0;
    for (let m = p.after.exec(text); m; m = p.after.exec(text)) {
      if (excluded(text, m.index, p.keyword, p.exclude)) {
        // "人民调解委员会调解纠纷30件": the keyword may come again inside this match.
        p.after.lastIndex = m.index + 1;
        continue;
      }
      const gap = m[1]!;
      const other = OTHER_COUNTED.exec(gap);
      if (other && other.index > 0) continue;
      if (otherSubject(set, p.id, p.keyword, gap)) continue;
      if (newClause(gap)) continue;
      const numberAt = m.index + p.keyword.length + gap.length;
      add(p, m[2]!, m.index, numberAt, m.index + m[0].length, m[4]!, !!m[3]);
    }
  }
  if (/无|未发生|未出现|没有/.test(text)) {
    for (const { ids, at, end } of noneFigures(text)) {
      for (const id of ids) {
        found.push({
          id,
          value: 0,
          unit: '件',
          text: text.slice(at, end),
          start: line.start + at,
          end: line.start + end,
          keyword: text.slice(at, end),
          approximate: false,
          qualifier: inPlans || at < targetUntil ? 'target' : 'result',
          lead: '',
          part: line.part ?? null,
          sameKey: '',
          wording: '',
        });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A cell that is one figure: "12", "12件", "约300人次", "86（件）"; nothing else in it. */
const FIGURE_CELL = new RegExp(`^(?:约|近|共)?\\s*${NUM}\\s*(余|多)?\\s*[（(]?\\s*([^\\d\\s（()）]{0,3})\\s*[）)]?$`);
/** A header that names the unit column: "单位", "计量单位". */
const UNIT_HEADER = /^(?:计量)?单位$/;
/** Columns whose figures say nothing about the row's subject. */
const NOTE_HEADER = /备注|说明|序号|编号|电话|联系|号码|日期|时间/;
/** A unit in a label: "（件）", "(场次)", or the "件数" / "人次数" of a header. */
const LABEL_UNIT = new RegExp(
  `[（(]\\s*(${unitAlternation(COUNT_UNITS_AND_RATE)})\\s*[）)]|(${unitAlternation(COUNT_UNITS_AND_RATE)})数`,
);
/** A year in a label ("2024年", "2025年度"): compared with the report's year. */
const LABEL_YEAR = /((?:19|20)\d{2})\s*年?度?/;
/**
 * Words of a table's labels that do not narrow what a figure counts: with them taken away (and the
 * subject's own words, the year and the unit), what is left names a village, an office or another slice.
 */
const GENERIC_LABEL =
  /项目|指标|名称|内容|类别|类型|事项|统计|数据|数量|数值|数目|数|合计|总计|全年|本年度?|今年|年度|年|情况|完成|实际|全镇|全乡|全街道|本镇|本乡|我镇|我乡|单位|计量|[件次人个名起场项]|[（()）:：、\s/／]/g;

/**
 * Which indicator a label names, with its keyword; null when none, or when it names two. A keyword right
 * after another indicator's, and part of that indicator's own words, says what was done with its subject: a
 * row "矛盾纠纷调解" counts the disputes mediated (调解矛盾纠纷), as "矛盾纠纷化解" does, not 人民调解.
 */
function subjectOf(set: IndicatorSet, label: string): IndicatorPattern | null {
  const candidates: Array<{ p: IndicatorPattern; at: number }> = [];
  for (const p of patternsIn(set, label)) {
    const at = label.indexOf(p.keyword);
    if (excluded(label, at, p.keyword, p.exclude)) continue;
    const rest = label.slice(at + p.keyword.length);
    // "法律顾问参与解决问题": the label counts 问题, not the keyword's subject.
    const other = OTHER_COUNTED.exec(rest);
    if ((other && other.index > 0) || otherSubject(set, p.id, p.keyword, leadingWord(label, at + p.keyword.length)))
      continue;
    candidates.push({ p, at });
  }
  const own = ownWords(set);
  let found: IndicatorPattern | null = null;
  for (const { p, at } of candidates) {
    const actsOn = candidates.some(
      (c) => c.p.id !== p.id && c.at + c.p.keyword.length === at && (own.get(c.p.id) ?? '').includes(p.keyword),
    );
    if (actsOn) continue;
    if (found && found.id !== p.id) return null;
    if (!found || p.keyword.length > found.keyword.length) found = p;
  }
  return found;
}

/**
 * The figures of a table (a line of kind 'table': cells split by tabs, rows by line breaks), read as a
 * sentence of row label + column label + cell: "行政复议案件 | 3 | 件" under "项目 | 2025年 | 单位" is
 * "2025年行政复议案件3件"; "人民调解（件）" over "86" is "人民调解86件". A cell is read only when it is one figure,
 * exactly one of its labels names an indicator, its unit (the cell's, the unit column's, the label's, or
 * the indicator's own) is one the indicator is counted in, and no label makes it another year, a change or a
 * slice of the whole (a village's row): such figures are kept, but never compared with this year's result.
 */
function indicatorsOfTable(
  line: TextLine,
  planParts: ReadonlySet<string>,
  set: IndicatorSet,
  year: number | null,
): FoundIndicator[] {
  const found: FoundIndicator[] = [];
  const inPlans = !!line.part && planParts.has(line.part);
  // Each cell with its offset in the line.
  let offset = 0;
  const rows = line.text.split('\n').map((row) =>
    row.split('\t').map((text) => {
      const cell = { text, at: offset };
      offset += text.length + 1;
      return cell;
    }),
  );
  const header = rows[0] ?? [];
  const isFigure = (text: string) => FIGURE_CELL.test(text.trim());
  const unitWord = (text: string) => COUNT_UNITS_AND_RATE.includes(text.trim().replace('％', '%'));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const unitCell = row.find(
      (cell, c) => c > 0 && (UNIT_HEADER.test(header[c]?.text.trim() ?? '') || unitWord(cell.text)),
    );
    for (let c = 0; c < row.length; c++) {
      if (r === 0 && rows.length > 1) continue;
      const cell = row[c]!;
      const m = FIGURE_CELL.exec(cell.text.trim());
      if (!m) continue;
      const columnLabel = r > 0 ? (header[c]?.text.trim() ?? '') : '';
      if (NOTE_HEADER.test(columnLabel) || UNIT_HEADER.test(columnLabel)) continue;
      // The row's label: its words left of the figure (not other figures or the unit).
      const rowLabel = row
        .slice(0, c)
        .map((other) => other.text.trim())
        .filter((text) => text && !isFigure(text) && !unitWord(text))
        .join('');
      const byRow = subjectOf(set, rowLabel);
      const byColumn = subjectOf(set, columnLabel);
      if (byRow && byColumn && byRow.id !== byColumn.id) continue;
      const p = byRow ?? byColumn;
      if (!p) continue;
      const subject = byRow ? rowLabel : columnLabel;
      const context = byRow && !byColumn ? columnLabel : byColumn && !byRow ? rowLabel : '';
      const raw = m[1]!;
      // A phone number or a code is no count.
      if (/^0\d|^\d{7,}$/.test(raw)) continue;
      const value = parseNumber(raw);
      if (value === undefined) continue;
      const ind = set.list.find((i) => i.id === p.id);
      const norm = (u: string | undefined) => (u ? u.replace('％', '%') : undefined);
      const labelUnit = (label: string) => {
        const u = LABEL_UNIT.exec(label);
        return u ? (u[1] ?? u[2]) : undefined;
      };
      let unit = norm(m[3] || undefined);
      if (m[3] && !unit) continue;
      unit ??= norm(unitCell?.text.trim() || undefined) ?? norm(labelUnit(columnLabel) ?? labelUnit(rowLabel));
      unit ??= ind?.units.find((u) => u !== '%');
      if (!unit || !ind?.units.includes(unit)) continue;
      // What the figure is: from the labels' words, then their year against the report's.
      let qualifier = rateQualifier(unit, qualifierOf(`${context}${subject}`, inPlans));
      const stated = LABEL_YEAR.exec(context) ?? LABEL_YEAR.exec(subject);
      if (stated && qualifier === 'result') {
        const y = Number(stated[1]);
        qualifier = year === null ? 'perUnit' : y < year ? 'previous' : y > year ? 'target' : 'result';
      }
      const rest = context.replace(LABEL_YEAR, '').replace(GENERIC_LABEL, '');
      if (qualifier === 'result' && rest) qualifier = 'perUnit';
      const numberAt = cell.at + cell.text.indexOf(raw);
      const end = cell.at + cell.text.trimEnd().length;
      const lead = normaliseLead(subject.replace(/[（(][^）)]*[）)]/g, ''));
      found.push({
        id: p.id,
        value,
        unit,
        text: `${lead}${cell.text.trim()}${m[3] ? '' : unit}`,
        start: line.start + numberAt,
        end: line.start + Math.max(end, numberAt),
        keyword: p.keyword,
        approximate: !!m[2] || /^(?:约|近)/.test(cell.text.trim()),
        qualifier,
        lead,
        part: line.part ?? null,
        sameKey: `${p.id}|${p.keyword}|${unit}|${qualifier}`,
        // Never certainly the same sentence as another figure: a table and the prose are compared only as similar.
        wording: '',
      });
    }
  }
  return found;
}

const shiftFound = (f: FoundIndicator, by: number): FoundIndicator => ({ ...f, start: f.start + by, end: f.end + by });

const planPartsOf = (ctx: CheckContext) => new Set(ctx.parts.filter((p) => p.yearScope === 'next').map((p) => p.id));

/** Every figure the prose gives, in document order, each with its qualifier. */
export function findIndicators(ctx: CheckContext): FoundIndicator[] {
  const found: FoundIndicator[] = [];
  const planParts = planPartsOf(ctx);
  const set = ctx.indicators;
  const cacheName = `indicators|${set.key}|${[...planParts].join(',')}`;
  const compute = (line: TextLine) => indicatorsOfLine(line, planParts, set);
  for (const line of bodyLines(ctx)) {
    if (line.kind === 'heading') continue;
    for (const f of cachedPerLine(cacheName, line, compute, shiftFound)) found.push(f);
  }
  // Tables: each figure cell read with its row's and column's labels, in document order among the prose.
  const tables = ctx.plain.lines.filter((line) => line.kind === 'table');
  if (tables.length === 0) return found;
  const tableCache = `${cacheName}|table|${ctx.year ?? ''}`;
  const readTable = (line: TextLine) => indicatorsOfTable(line, planParts, set, ctx.year);
  for (const line of tables) for (const f of cachedPerLine(tableCache, line, readTable, shiftFound)) found.push(f);
  return found.sort((a, b) => a.start - b.start);
}

/** Figures that say what the report year achieved or holds, not targets, per-village or last year's values. */
const COMPARABLE: ReadonlySet<Qualifier> = new Set(['result', 'new', 'cumulative', 'existing']);

export function summariseIndicators(ctx: CheckContext, found: FoundIndicator[]): IndicatorSummary[] {
  // The panel shows this year's result; a new or cumulative figure, or a per-village one, only when no
  // result is given, and never a target. One pass over the figures, best rank kept per indicator.
  const rank = (f: FoundIndicator) =>
    f.qualifier === 'result' ? 0 : COMPARABLE.has(f.qualifier) ? 1 : f.qualifier === 'target' ? 3 : 2;
  const best = new Map<string, FoundIndicator>();
  for (const f of found) {
    const current = best.get(f.id);
    if (!current || rank(f) < rank(current)) best.set(f.id, f);
  }
  return ctx.indicators.list.map((ind) => {
    const mention = best.get(ind.id);
    const first = mention && rank(mention) < 3 ? mention : undefined;
    const form = ctx.doc.indicators[ind.id];
    if (first) return { id: ind.id, found: true, text: first.text, value: first.value, unit: first.unit };
    if (form && form.value !== null)
      return { id: ind.id, found: true, value: form.value, ...(form.unit ? { unit: form.unit } : {}) };
    return { id: ind.id, found: false };
  });
}

/** Verbs that give a whole and the verbs that give a part of it, for "化解 ≤ 排查". */
const WHOLE_VERB = /排查|受理|收到|发现|共有|现有|登记|开庭|办理|接收|调处|调解|接待|审查|评查|执法人员/;
const PART_VERB = /化解|办结|解决|整改|纠错|持证|持有|出庭|调解成功|成功调解|调处成功|成功|答复|结案|其中/;
const PART_WORDS = new RegExp(PART_VERB.source, 'g');

/**
 * A named part refers to the whole before it when it names nothing else ("化解118件", "按期答复15件") or
 * names the same thing ("持证执法人员", "化解矛盾纠纷"); "解决群众诉求30件" after "办理案件12件" does not.
 */
function tiedTo(partLead: string, wholeLead: string): boolean {
  const rest = partLead.replace(PART_WORDS, '').replace(/[均已全部了共计的为]/g, '');
  if (rest.length <= 2) return true;
  for (let i = 0; i + 2 <= rest.length; i++) if (wholeLead.includes(rest.slice(i, i + 2))) return true;
  return false;
}

const HAS_FIGURES = /\d|[一二两三四五六七八九十]成|百分之/;

/** The tolerance of a stated rate: its own rounding, and half a point for writers who truncate. */
function rateTolerance(rate: { value: number; approximate: boolean }, decimals: number): number {
  return rate.approximate ? 5 : Math.max(0.5 * 10 ** -decimals, 0.05) + 0.5;
}

/** "调解成功率" → the verb that makes a count its numerator: "成功"; "化解率" → "化解"; "纠错比例" → "纠错". */
function rateStem(name: string): string | null {
  const m = /([\u4e00-\u9fa5]{2})(?:率|比例|比重|占比)$/.exec(name);
  return m ? m[1]! : null;
}

function figuresOfLine(line: TextLine, planParts: ReadonlySet<string>): RawFinding[] {
  const findings: RawFinding[] = [];
  if (!HAS_FIGURES.test(line.text)) return findings;
  const inPlans = !!line.part && planParts.has(line.part);
  const targetUntil = answerStart(line.text) ?? 0;
  for (const s of sentences(line.text)) {
    const rates = ratesIn(s.text);
    // indicator.rate-range: a share above 100%. Plans and growth figures are not shares of a whole.
    for (const r of rates) {
      if (r.bounded && r.value > 100) {
        const label = r.name || '这个比率';
        findings.push(
          at(
            'indicator.rate-range',
            severityOf('indicator.rate-range'),
            `“${label}”为 ${r.value}%，比率不能超过 100%，请核对数字。`,
            line,
            s.from + r.index,
            s.from + r.end,
          ),
        );
      }
    }
    const counts = countsIn(s.text, inPlans, targetUntil - s.from);
    if (counts.length < 2) continue;
    // indicator.ratio: a part larger than its whole — certain only where the wording ties them.
    for (let i = 1; i < counts.length; i++) {
      const part = counts[i]!;
      if (part.approximate || !PART_VERB.test(part.lead)) continue;
      const before = counts.slice(0, i).filter((c) => c.unit === part.unit && !PART_VERB.test(c.lead));
      if (!before.length || before.some((c) => c.approximate)) continue;
      // "其中" is a part of everything of its unit said before it; a named pair is a part of the nearest whole.
      const isOf = /其中/.test(part.lead);
      const wholes = isOf
        ? before
        : before.filter((c) => WHOLE_VERB.test(c.lead) && tiedTo(part.lead, c.lead)).slice(-1);
      if (!wholes.length || wholes.some((w) => w.qualifier !== part.qualifier && !(isOf && part.qualifier === 'part')))
        continue;
      const total = wholes.reduce((sum, w) => sum + w.value, 0);
      if (part.value > total) {
        const whole = wholes[wholes.length - 1]!;
        const wholeText = s.text.slice(clauseStart(s.text, whole.index), whole.end);
        const partText = s.text.slice(clauseStart(s.text, part.index), part.end);
        findings.push(
          at(
            'indicator.ratio',
            severityOf('indicator.ratio'),
            `“${partText}”超过了“${wholeText}”，部分不能大于总数，请核对。`,
            line,
            s.from + clauseStart(s.text, part.index),
            s.from + part.end,
          ),
        );
      }
    }
    // indicator.rate-mismatch: a stated rate against the counts it is computed from, in the same sentence.
    for (const r of rates) {
      if (r.value > 100) continue;
      const numerator = numeratorOf(r, counts);
      if (!numerator) continue;
      const whole = counts
        .slice(0, counts.indexOf(numerator))
        .find((c) => c.unit === numerator.unit && !PART_VERB.test(c.lead));
      if (
        !whole ||
        whole.value <= 0 ||
        whole.approximate ||
        numerator.approximate ||
        whole.qualifier !== numerator.qualifier
      )
        continue;
      if (numerator.value > whole.value) continue; // indicator.ratio says it
      const actual = (numerator.value / whole.value) * 100;
      const decimals = (String(r.value).split('.')[1] ?? '').length;
      const off =
        r.approximate && /以上/.test(s.text.slice(r.end, r.end + 2)) ? r.value - actual : Math.abs(actual - r.value);
      if (off > rateTolerance(r, decimals)) {
        const wholeText = s.text.slice(clauseStart(s.text, whole.index), whole.end);
        const partText = s.text.slice(clauseStart(s.text, numerator.index), numerator.end);
        findings.push(
          at(
            'indicator.rate-mismatch',
            severityOf('indicator.rate-mismatch'),
            `${wholeText}、${partText}，比率应约为 ${actual.toFixed(1)}%，但写的是 ${r.value}%，请核对。`,
            line,
            s.from + r.index,
            s.from + r.end,
          ),
        );
      }
    }
  }
  return findings;
}

/** The count a rate is computed from: for "化解率", the count led by 化解; for "占比", the count just before it. */
function numeratorOf(r: ReturnType<typeof ratesIn>[number], counts: Count[]): Count | undefined {
  const before = counts.filter((c) => c.end <= r.index);
  if (before.length < 2) return undefined;
  const stem = rateStem(r.name);
  if (stem) {
    for (let i = before.length - 1; i > 0; i--) if (before[i]!.lead.includes(stem)) return before[i];
    return undefined;
  }
  if (/^(?:占比|比例|比重|占[^，,；。]{0,12}的)$/.test(r.name)) {
    const last = before[before.length - 1]!;
    return PART_VERB.test(last.lead) ? last : undefined;
  }
  return undefined;
}

const lineOf = (ctx: CheckContext, f: FoundIndicator) =>
  ctx.plain.lines.find((l) => f.start >= l.start && f.start <= l.start + l.text.length) ?? null;
const QUALIFIER_NAME: Record<Qualifier, string> = {
  result: '',
  new: '新增',
  cumulative: '累计',
  existing: '现有',
  part: '其中',
  perUnit: '平均或每个单位',
  target: '目标',
  previous: '上年',
  change: '增减',
};

export function checkIndicators(ctx: CheckContext, found: FoundIndicator[]): RawFinding[] {
  const planParts = planPartsOf(ctx);
  const findings = perLine(`figures|${[...planParts].join(',')}`, bodyLines(ctx), (line) =>
    figuresOfLine(line, planParts),
  );

  // indicator.mismatch, form against prose: an error when this year's result differs, a warning when only
  // a new, cumulative or existing figure does (the form may hold either), nothing for targets and the like.
  for (const [id, entry] of Object.entries(ctx.doc.indicators)) {
    if (entry.value === null) continue;
    const mine = found.filter(
      (f) => f.id === id && COMPARABLE.has(f.qualifier) && (!entry.unit || f.unit === entry.unit),
    );
    if (!mine.length || mine.some((f) => f.value === entry.value || f.approximate)) continue;
    const results = mine.filter((f) => f.qualifier === 'result');
    // Certain only when the prose gives one value for this year's result: with two ("镇聘2名", "村级14名")
    // the form may hold either, or their sum.
    const certain = new Set(results.map((f) => f.value)).size === 1 && new Set(mine.map((f) => f.unit)).size === 1;
    const prose = results[0] ?? mine[0]!;
    const name = ctx.indicators.names.get(id) ?? id;
    const line = lineOf(ctx, prose);
    const what = prose.qualifier === 'result' ? '' : `（正文中是${QUALIFIER_NAME[prose.qualifier]}数）`;
    findings.push(
      at(
        'indicator.mismatch',
        severityOf('indicator.mismatch', certain ? undefined : 'uncertain'),
        `“${name}”表格中填的是 ${entry.value}${entry.unit ?? ''}，正文中写的是“${prose.text}”${what}，请统一。`,
        line,
        line ? prose.start - line.start : 0,
        line ? prose.end - line.start : 0,
      ),
    );
  }

  // indicator.mismatch, prose against prose: the same thing with the same qualifier and unit given twice.
  // An error when the sentence says exactly the same about the whole unit's year in the same part; a
  // warning when only the clause's words agree ("东村：开展…5场次" and "西村：开展…8场次"); nothing when the
  // words differ ("党委专题会议4次" and "政府专题会议5次" are two kinds of meeting).
  // Per key: the values seen, and the first mention of each wording, so that the check stays linear.
  const seen = new Map<
    string,
    { values: Set<number>; byWording: Map<string, FoundIndicator>; byLead: Map<string, FoundIndicator> }
  >();
  for (const f of found) {
    if (f.approximate || !COMPARABLE.has(f.qualifier)) continue;
    let entry = seen.get(f.sameKey);
    if (!entry) seen.set(f.sameKey, (entry = { values: new Set(), byWording: new Map(), byLead: new Map() }));
    const known = entry.values.has(f.value);
    entry.values.add(f.value);
    const same = f.wording ? entry.byWording.get(f.wording) : undefined;
    if (!same && f.wording) entry.byWording.set(f.wording, f);
    const similar = f.lead ? entry.byLead.get(f.lead) : undefined;
    if (!similar && f.lead) entry.byLead.set(f.lead, f);
    const first = same ?? similar;
    if (known || !first || first.value === f.value) continue;
    const line = lineOf(ctx, f);
    findings.push(
      at(
        'indicator.mismatch',
        severityOf('indicator.mismatch', same ? undefined : 'uncertain'),
        same
          ? `同一个数字前后不一致：前面写“${first.text}”，这里写“${f.text}”，请统一。`
          : `前面写“${first.text}”，这里写“${f.text}”。如果说的是同一件事，数字应当一致；如果不是，请写清楚各指什么。`,
        line,
        line ? f.start - line.start : 0,
        line ? f.end - line.start : 0,
      ),
    );
  }

  // indicator.missing: the figures a present part is expected to give.
  for (const part of ctx.parts) {
    if (!ctx.doc.sections.some((s) => s.part === part.id)) continue;
    for (const id of part.indicators) {
      const form = ctx.doc.indicators[id];
      if (found.some((f) => f.id === id && f.qualifier !== 'target') || (form && form.value !== null)) continue;
      const name = ctx.indicators.names.get(id) ?? id;
      findings.push({
        ...at(
          'indicator.missing',
          severityOf('indicator.missing'),
          `“${partName(ctx, part)}”中没有找到“${name}”的数字。审核时常因“数据少、泛泛而谈”退回，请补充具体次数或件数。`,
          null,
        ),
        section: part.id,
      });
    }
  }
  return findings;
}
