/**
 * Plain text of a real report → the report model. Real reports come from web pages and Word files:
 * page chrome around them, titles on several lines or none, every heading form, parts named in a
 * dozen ways. Nothing of the report's own text is dropped: what maps to no part is kept, in order,
 * as an extra section; lines before the title that are not known chrome go to the opening; only web-page
 * chrome, an exact repeat of the title, and Word artifacts are removed, and each removal is listed in
 * the warnings.
 */
import {
  OPENING_PART,
  emptyReport,
  newSectionKey,
  type Block,
  type ReportDocument,
  type Section,
} from '../model/report';
import { defaultRegistry, type TemplateRegistry } from '../templates/registry';
import type { Template } from '../templates/schema';
import {
  isChrome,
  isLinkBlockHead,
  isLinkTitle,
  isMetaKeyAlone,
  isNavigation,
  looksLikeMetaValue,
  metadataDate,
  metadataSource,
} from './chrome';
import { isAddresseeLine, isStaffLine } from '../text/conventions';
import { foldTraditional, traditionalCount, unfolder } from '../text/traditional';
import {
  formatHeadingNumber,
  headingNumber as anyHeadingNumber,
  isStandaloneHeading,
  stripHeadingNumber,
  type HeadingLevel,
} from '../text/numbering';
import { dropPageFurniture, isBlank, isPageNumber, joinHardWraps, splitLines } from './lines';
import { withTables } from './docxTables';
import { findTextTables } from './textTables';
import { chineseValue, CN_YEAR_CHARS } from '../text/numerals';
import { classifyHeading, mapParts, numberUnnumberedParts, PLANNING_WORDS } from './mapParts';
import {
  countyTemplate,
  detectTemplate,
  parseDateLine,
  reportUnit,
  reportYear,
  unitFromAuthor,
  unitKind,
  yearInTitle,
} from './meta';
import {
  BOLD_HINT,
  MAX_BOLD_HEADING,
  RUN_IN_BOLD,
  runInBoldTitle,
  TABLE_CELL,
  type ImportOptions,
  type ImportResult,
  type PartMapping,
} from './types';

export { detectTemplate } from './meta';

/** Heading numbers as a file is read: "一，" and "1，" start sentences, not headings. */
const headingNumber = (text: string) => anyHeadingNumber(text, true);

/** Far beyond any report (the longest real ones are ~60,000 characters); refusing keeps the app responsive. */
export const MAX_TEXT_CHARS = 2_000_000;

const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,16}[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号$/;
const CLOSING = /^(特此|专此)(报告|汇报)|^以上(报告|汇报)|^(妥否|当否)[，,]?\s*请|^请(审阅|审议|批示)/;
const NOTE_LINE = /^[（(][^（()）]{2,30}[)）]$/;
const TITLE_END = /(报告|情况|总结|汇报|述职|述法|工作要点)([（(][^()（）]{1,12}[)）])?$/;
const SIGNATURE_END =
  /(人民政府|委员会|管委会|办事处|政府|党委|党工委|党组|镇|乡|街道|局|委|办|办公室|中心|所|院|队|站)$/;

interface Head {
  docNumber: string;
  title: string[];
  addressee: string;
  /** A 成文日期 written under the title. */
  date: string;
  /** Lines of the head that are none of the above: kept in the opening. */
  kept: string[];
  /** Lines after the title such as a 述职 report's "XX镇党委书记 张三": kept, and read for the unit. */
  afterTitle: string[];
  next: number;
}

/** Short, no sentence, no heading number: could be a title line, a 文号, a date or an author line. */
function isHeadLike(line: string): boolean {
  return line.length <= 60 && !/[。；;，,！？]/.test(line) && !headingNumber(line);
}

function titleScore(lines: readonly string[]): number {
  const t = lines.join('');
  return (
    (/法治|述职|述法/.test(t) ? 4 : 0) +
    (/报告|总结/.test(t) ? 2 : 0) +
    (yearInTitle(t) ? 1 : 0) +
    (t.length >= 8 ? 1 : 0)
  );
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** A line under a title naming its author: "花园镇党委书记 刘 军", "中共XX镇委员会". */
function isAuthorLine(line: string): boolean {
  return (
    line.length <= 30 && (/书记|镇长|乡长|主任|局长|县长|区长|市长|负责人/.test(line) || unitFromAuthor(line) !== '')
  );
}

/** A line that can stand above a title's last line: an author, or a first half ("…关于2024年度"). */
function isTitleLead(line: string): boolean {
  return unitFromAuthor(line) !== '' || new RegExp(`关于|(\\d{4}|[${CN_YEAR_CHARS}]{4})\\s*年`).test(line);
}

function readHead(lines: readonly string[], warnings: string[]): Head {
  const head: Head = { docNumber: '', title: [], addressee: '', date: '', kept: [], afterTitle: [], next: 0 };
  let scanEnd = 0;
  while (scanEnd < lines.length && scanEnd < 12 && isHeadLike(lines[scanEnd]!) && !/[：:]$/.test(lines[scanEnd]!))
    scanEnd++;
  const region = lines.slice(0, scanEnd);

  // Title candidates: runs of up to four lines ending in 报告/情况/总结…; the best scored, the last on a tie.
  const runs: Array<{ from: number; to: number }> = [];
  let from = 0;
  region.forEach((line, i) => {
    if (DOC_NUMBER.test(squash(line)) || parseDateLine(line)) {
      from = i + 1;
    } else if (TITLE_END.test(squash(line))) {
      // Lines above belong to the title when they are its authors or its first half.
      const fragment = /^(关于|法治|年度|的|工作|建设|情况|述职|述法|报告|履行)/.test(squash(line));
      let start = i;
      // A site name above a title that already names it ("青石镇人民政府" over "青石镇人民政府关于…") is not a second author.
      const named = (lead: string) => squash(line).includes(squash(lead));
      while (
        start > from &&
        i - start < 3 &&
        (fragment || isTitleLead(region[start - 1]!)) &&
        !named(region[start - 1]!)
      )
        start--;
      runs.push({ from: start, to: i + 1 });
      from = i + 1;
    }
  });
  let chosen: { from: number; to: number } | undefined;
  for (const run of runs) {
    if (!chosen || titleScore(region.slice(run.from, run.to)) >= titleScore(region.slice(chosen.from, chosen.to)))
      chosen = run;
  }
  // No line ends like a title: a first line naming the report still is one ("XX镇法治政府建设年度报告（2023）").
  if (!chosen && region.length && /法治|述职|述法/.test(region[0]!) && /报告|总结|情况/.test(region[0]!))
    chosen = { from: 0, to: 1 };

  let duplicates = 0;
  let end = 0;
  if (chosen) {
    head.title = region.slice(chosen.from, chosen.to);
    const titleKey = squash(head.title.join(''));
    const isRepeat = (s: string) => s.length >= 6 && (titleKey === s || titleKey.includes(s));
    for (let i = 0; i < chosen.from; i++) {
      const line = region[i]!;
      if (!head.docNumber && DOC_NUMBER.test(squash(line))) head.docNumber = line;
      else if (isRepeat(squash(line))) duplicates++;
      else head.kept.push(line);
    }
    // After the title: 文号, a date, the author, a repeat of the title; anything else is the body.
    end = chosen.to;
    for (; end < region.length; end++) {
      const line = region[end]!;
      if (!head.docNumber && DOC_NUMBER.test(squash(line))) head.docNumber = line;
      else if (!head.date && parseDateLine(line)) head.date = parseDateLine(line)!.text;
      else if (squash(line) === titleKey) duplicates++;
      else if (isAuthorLine(line)) head.afterTitle.push(line);
      else break;
    }
  } else {
    while (end < region.length && DOC_NUMBER.test(squash(region[end]!)) && !head.docNumber)
      head.docNumber = region[end++]!;
  }
  const candidate = lines[end];
  if (candidate && isAddresseeLine(candidate) && !headingNumber(candidate)) {
    head.addressee = candidate;
    end++;
  }
  head.next = end;
  if (duplicates) warnings.push(`已去掉网页上重复的标题 ${duplicates} 行。`);
  if (head.kept.length)
    warnings.push(
      `标题前有 ${head.kept.length} 行文字无法识别（如“${head.kept[0]!.slice(0, 20)}”），已放在开头部分，请检查是否需要删除。`,
    );
  return head;
}

interface Tail {
  closing: string[];
  signature: string[];
  date: string;
  written?: Date;
  attachments: string[];
  /** Index of the first tail line: the body ends before it. */
  start: number;
  /** An attachment set after the 成文日期 (附表 and its table): its lines, kept at the end of the body. */
  appendix: string[];
}

/** The first line of an attachment set after the date: "附表", "附件2", "附表：主要数据". */
const APPENDIX_HEAD = /^附\s*[表件]\s*[0-9０-９一二三四五六七八九十]{0,2}\s*(?:[:：]\s*\S.{0,40})?$/;

function isSignatureLine(line: string): boolean {
  const t = squash(line);
  return t.length <= 30 && SIGNATURE_END.test(t) && !headingNumber(line) && !/[。，,：:；]/.test(t);
}

/** Common surnames: a 述职 report is signed by its author, "刘 军", "欧阳明", "述职人：张华". */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);
const COMPOUND_SURNAME = /^(欧阳|司马|上官|诸葛|东方|皇甫|令狐|慕容|尉迟|公孙|长孙|宇文|司徒|夏侯|端木|独孤|南宫|西门)/;

/** A person signing: a name of two to four characters, or "镇党委书记 刘军", "述职人：刘军". */
function isPersonSignature(line: string): boolean {
  const t = squash(line);
  if (CLOSING.test(t) || /报告|汇报|此致|敬礼|附件/.test(t)) return false;
  const m =
    /^(.{2,24}?(?:书记|镇长|乡长|主任|局长|县长|区长|主席|部长|所长|站长|队长|负责人)|(?:述职人|述法人|报告人|汇报人)[:：])?([\u4e00-\u9fa5]{2,4})$/.exec(
      t,
    );
  const name = m?.[2];
  if (!name || SIGNATURE_END.test(name)) return false;
  // A bare line of four characters is a phrase ("全面推进") unless the surname is a compound one.
  if (COMPOUND_SURNAME.test(name)) return true;
  return SURNAMES.has(name[0]!) && (m[1] !== undefined || name.length <= 3 || /\s/.test(line.trim()));
}

function readTail(lines: readonly string[], from: number): Tail {
  let end = lines.length;
  const tail: Tail = { closing: [], signature: [], date: '', attachments: [], start: end, appendix: [] };
  // GB/T 9704 sets an attachment after the 成文日期: the tail is read above it. Only right after a date
  // line, so the 附件说明 before the signature ("附件：1.…") is never taken for one.
  for (let k = end - 1; k > from; k--) {
    if (!APPENDIX_HEAD.test(lines[k]!) || !parseDateLine(lines[k - 1]!)) continue;
    tail.appendix = lines.slice(k, end);
    end = k;
    break;
  }
  const after: string[] = [];
  // Staff lines and notes such as （此件公开发布） after the date; staff lines stay (the checker flags them).
  const isNote = (l: string) => isStaffLine(l) || (NOTE_LINE.test(l) && !parseDateLine(l));
  while (end > from && isNote(lines[end - 1]!)) after.unshift(lines[--end]!);
  let dated = end > from ? parseDateLine(lines[end - 1]!) : undefined;
  // "青石镇人民政府    2025年1月20日" on one line.
  const joined =
    !dated && end > from
      ? new RegExp(`^(\\S.{1,30}?)\\s+((?:\\d{4}|[${CN_YEAR_CHARS}]{4})\\s*年.{1,12}日)$`).exec(lines[end - 1]!)
      : null;
  if (joined && isSignatureLine(joined[1]!) && parseDateLine(joined[2]!)) {
    dated = parseDateLine(joined[2]!);
    tail.signature.push(joined[1]!);
  }
  if (dated) {
    tail.date = dated.text;
    tail.written = dated.date;
    end--;
    // A person above the date (述职), possibly below the unit's line.
    if (end > from && isPersonSignature(lines[end - 1]!)) tail.signature.unshift(lines[--end]!);
    while (end > from && tail.signature.length < 3 && isSignatureLine(lines[end - 1]!))
      tail.signature.unshift(lines[--end]!);
  } else if (end > from && isSignatureLine(lines[end - 1]!) && unitFromAuthor(lines[end - 1]!)) {
    // A signature without a date: only after 特此报告 or a finished sentence, so a short last heading is not taken.
    let k = end;
    const sig: string[] = [];
    while (k > from && sig.length < 3 && isSignatureLine(lines[k - 1]!) && unitFromAuthor(lines[k - 1]!))
      sig.unshift(lines[--k]!);
    const before = lines[k - 1] ?? '';
    if (k > from && (CLOSING.test(before) || /[。！]$/.test(before))) {
      tail.signature = sig;
      end = k;
    }
  }
  while (end > from && CLOSING.test(lines[end - 1]!) && lines[end - 1]!.length <= 30)
    tail.closing.unshift(lines[--end]!);
  // 附件说明 (GB/T 9704: after the body, before the signature).
  for (let k = end - 1; k >= from && k >= end - 8; k--) {
    const m = /^附件\s*[:：]\s*(.*)$/.exec(lines[k]!);
    if (!m) continue;
    const items = lines.slice(k + 1, end);
    if (lines[k]!.length <= 80 && items.every((l) => l.length <= 80 && !/[。；]$/.test(l))) {
      tail.attachments = [m[1]!.trim(), ...items].filter((a) => a !== '');
      end = k;
    }
    break;
  }
  while (end > from && CLOSING.test(lines[end - 1]!) && lines[end - 1]!.length <= 30)
    tail.closing.unshift(lines[--end]!);
  tail.closing.push(...after);
  tail.start = end;
  return tail;
}

/** The heading level that divides the report into parts: 一、 normally, （一） when a report has no 一、. */
function chooseTopLevel(lines: readonly string[], template: Template, year: number | null): HeadingLevel {
  const counts = new Map<HeadingLevel, number>();
  let namesPart = false;
  for (const text of lines) {
    const n = headingNumber(text);
    if (!n || !isPartHeadingShape(text)) continue;
    counts.set(n.level, (counts.get(n.level) ?? 0) + 1);
    if (n.level === 1 && classifyHeading(text, template, year)?.confidence === 'alias') namesPart = true;
  }
  // 第一部分…第五部分 divide a report whenever there are two of them; 一、 then numbers areas inside a part.
  for (const level of [0, 1, 2, 3, 4] as const)
    if ((counts.get(level) ?? 0) >= 2 || (level === 1 && counts.get(1) === 1 && namesPart)) return level;
  return 1;
}

/** A part heading stands alone: short, no sentence inside (a final 。 is tolerated). */
function isPartHeadingShape(text: string): boolean {
  const body = stripHeadingNumber(text);
  return body.length > 0 && body.length <= 80 && !/[。；;！？]/.test(body.replace(/[。；;]$/, ''));
}

/** "一、存在的问题。我镇……" → heading "一、存在的问题。" and the paragraph, when the lead names a part. */
function splitRunIn(text: string, template: Template, year: number | null): [string, string] | undefined {
  const n = headingNumber(text)!;
  const rest = text.slice(n.end);
  const m = /^([^。；：:！？]{2,30}[。；：:！？])\s*(\S.*)$/.exec(rest);
  if (!m) return undefined;
  const words = m[1]!.replace(/[。；：:！？]$/, '');
  const guess = classifyHeading(words, template, year);
  return guess?.confidence === 'alias' || namesNextYearPlans(words, guess, year)
    ? [n.number + m[1]!, m[2]!]
    : undefined;
}

/** A line opening with an ordinal word: "一是", "第一，", "第二、", "其三，". */
const ORDINAL_LEAD =
  /^(?:第([一二三四五六七八九十])\s*[，,、：:]|([一二三四五六七八九十])是|其([一二三四五六七八九十])[，,、])\s*/;

/**
 * Parts written as ordinal lines where a report has no numbered parts: "一是主要举措和成效。乡政府…" (the
 * part's name run into its paragraph) or "第一，履行第一责任人职责情况" on a line of its own. Two at least,
 * counting 1, 2, 3… from the first, and two naming a part of the outline: each becomes a part heading
 * "一、…" (the paragraph after the name stays, on its own line). Ordinal sentences inside a part
 * ("一是加强领导。…") name no part, and a report with 一、 parts is left alone. Returns the lines and how many changed.
 */
function ordinalParts(
  lines: readonly string[],
  template: Template,
  year: number | null,
): { lines: string[]; changed: number } {
  const unchanged = { lines: [...lines], changed: 0 };
  if (lines.filter((t) => (headingNumber(t)?.level ?? 9) <= 1 && isPartHeadingShape(t)).length >= 2) return unchanged;
  const found: Array<{ at: number; value: number; words: string; rest: string; names: boolean }> = [];
  lines.forEach((t, at) => {
    const m = ORDINAL_LEAD.exec(t);
    if (!m) return;
    const value = chineseValue(m[1] ?? m[2] ?? m[3]!);
    const after = t.slice(m[0].length);
    const alone = /^([^。；;！？!?]{2,40}?)[。：:]?$/.exec(after);
    const runIn = alone ? null : /^([^。；;：:！？!?，,]{2,30})[。：:]\s*(\S.*)$/.exec(after);
    const words = (alone ?? runIn)?.[1];
    if (!words) return;
    const guess = classifyHeading(words, template, year);
    const names = guess?.confidence === 'alias' || namesNextYearPlans(words, guess, year);
    // A run-in sentence is a part only when its lead names one; a line alone may be an area of the work.
    if (runIn && !names) return;
    found.push({ at, value, words, rest: runIn?.[2] ?? '', names });
  });
  const run = found.filter((f, i) => f.value === i + 1 && found.slice(0, i).every((g, k) => g.value === k + 1));
  if (run.length < 2 || run.filter((f) => f.names).length < 2) return unchanged;
  const out = [...lines];
  for (const f of [...run].reverse())
    out.splice(f.at, 1, `${formatHeadingNumber(1, f.value)}${f.words}`, ...(f.rest ? [f.rest] : []));
  return { lines: out, changed: run.length };
}

/**
 * An unnumbered line that is a part heading by its wording alone ("存在的问题"), also with the full stop or
 * colon some units end their headings with ("存在的不足和原因。"). Such a line that names the part it
 * already stands in is that part's text ("无其他需要报告的情况。" under 其他需要报告的情况), not a heading.
 */
function isUnnumberedPartHeading(
  text: string,
  template: Template,
  year: number | null,
  currentHeading: string,
): boolean {
  const body = text.replace(/[。：:]$/, '');
  if (body.length > 30 || /[，,。；;：:！？、]/.test(body)) return false;
  const guess = classifyHeading(body, template, year);
  if (
    body !== text &&
    (!guess || (currentHeading && classifyHeading(currentHeading, template, year)?.part.id === guess.part.id))
  )
    return false;
  if (guess?.confidence === 'alias') return true;
  // With a full stop, only a heading that ends in its planning word ("2026年主要安排。"): "2026年计划招录
  // 法律专业人员2名。" is a sentence.
  if (body !== text && !/(安排|打算|计划|思路|重点)$/.test(body)) return false;
  // "2026年工作安排" in the 2025 report (a heading whose number Word kept, lost by an old .doc): the next
  // year opening it and a planning word name the plans as surely as a usual wording does.
  return namesNextYearPlans(body, guess, year);
}

/** "2026年工作安排" in the 2025 report: the next year opening it and a planning word name the plans part. */
function namesNextYearPlans(body: string, guess: ReturnType<typeof classifyHeading>, year: number | null): boolean {
  return (
    guess?.part.yearScope === 'next' &&
    year !== null &&
    new RegExp(`^${year + 1}\\s*年`).test(body) &&
    PLANNING_WORDS.test(body)
  );
}

/**
 * A wholly bold, unnumbered paragraph is a part heading when it reads like one: short, no sentence in it,
 * and its wording names a template part ("存在的问题、不足及原因"). A bold title ("…报告") is the title, and
 * bold emphasis inside a part ("全年办理执法案件12件") names no part.
 */
function isBoldPartHeading(
  text: string,
  template: Template,
  year: number | null,
  context: { numberedParts: boolean; currentHeading: string },
): boolean {
  const body = text.replace(/[。：:]$/, '');
  if (body.length > MAX_BOLD_HEADING || /[。；;！？，,：:]/.test(body) || /报告$/.test(body)) return false;
  const guess = classifyHeading(body, template, year);
  if (!guess || guess.weak) return false;
  if (guess.confidence === 'alias') return true;
  // A telling word alone ("落实第一责任人职责", "特色做法") is as likely a bold sub-point: it heads a part only
  // where the parts themselves are unnumbered, and not when it names the part it already stands in.
  if (context.numberedParts) return false;
  return !context.currentHeading || classifyHeading(context.currentHeading, template, year)?.part.id !== guess.part.id;
}

/**
 * A wholly bold line that reads as a sub-point's title: short, no figure, no sentence in it ("加强组织领导",
 * "一是抓制度建设", "依法决策、规范执法："). A bold line ending in 。 is an emphasised sentence, and one with a
 * figure ("全年办理执法案件12件") is emphasis of a result: both stay paragraphs.
 */
function isBoldSubPoint(text: string): boolean {
  const body = text.replace(/[：:]$/, '');
  return (
    body.length >= 2 && body.length <= 25 && !/[，,。；;！？!?\d０-９%％]/.test(body) && !/(报告|汇报|总结)$/.test(body)
  );
}

/** Word heading styles by paragraph text (1 = Heading 1): a hint for headings numbered by Word itself. */
export type StyledHeadings = ReadonlyMap<string, number>;

/**
 * An unnumbered line in a usual wording of a part of any outline ("存在的不足和原因", "其他需要报告的情况。"):
 * a heading however wide, never joined to the paragraph under it when a hard-wrapped file is put together.
 */
function namesAPart(line: string, registry: TemplateRegistry): boolean {
  const body = line.replace(/[。：:]$/, '');
  if (body.length > 30 || /[，,。；;！？、]/.test(body)) return false;
  return registry.list().some((t) => classifyHeading(body, t, null)?.confidence === 'alias');
}

/** Whether `next` finishes the heading `line`: together a usual wording, and `line` alone not, or `next` a stub of its part. */
function splitHeading(line: string, next: string, template: Template, year: number | null): boolean {
  const whole = classifyHeading(line + next, template, year);
  if (whole?.confidence !== 'alias') return false;
  const first = classifyHeading(line, template, year);
  if (first?.confidence !== 'alias') return true;
  const rest = classifyHeading(next, template, year);
  return rest?.confidence === 'alias' && rest.part.id === whole.part.id;
}

/**
 * One heading line out of two: "第一部分" or "一、" alone on a line with its words on the next, or a heading
 * split over two lines as a PDF copy or a narrow column gives it ("二、党政主要负责人履行推进法治建设第一责任人"
 * over "职责情况"): joined when the whole names a part in its usual wording (splitHeading).
 */
function joinSplitHeadings(
  lines: readonly string[],
  template: Template,
  year: number | null,
  styled: StyledHeadings,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const n = headingNumber(line);
    const next = lines[i + 1];
    if (
      n &&
      n.end === line.length &&
      next !== undefined &&
      !headingNumber(next) &&
      isPartHeadingShape(`一、${next}`) &&
      next.length <= 40
    ) {
      out.push(`${line}${n.level === 0 ? ' ' : ''}${next}`);
      i++;
    } else if (
      n &&
      next !== undefined &&
      // A table cell, a text box or a styled paragraph is a line of its own in the file.
      !styled.has(line) &&
      !styled.has(next) &&
      next.length <= 20 &&
      !headingNumber(next) &&
      !/[，,。；;：:！？、]/.test(next) &&
      !/[。；;：:]$/.test(line) &&
      isPartHeadingShape(line) &&
      splitHeading(line, next, template, year)
    ) {
      out.push(line + next);
      i++;
    } else {
      out.push(line);
    }
  }
  return out;
}

function buildSections(
  lines: readonly string[],
  template: Template,
  year: number | null,
  styled: StyledHeadings,
): Section[] {
  const body = joinSplitHeadings(lines, template, year, styled);
  const topLevel = chooseTopLevel(body, template, year);
  // Parts headed by literal or Word numbers: a bold unnumbered line among them is more likely a sub-point.
  const numberedParts =
    body.filter((t) => headingNumber(t)?.level === topLevel && isPartHeadingShape(t) && styled.get(t) !== TABLE_CELL)
      .length >= 2;
  // Short bold lines used as the sub-points of parts ("加强组织领导"), two at least: sub-headings, as （一） are.
  const boldSubPoints =
    body.filter(
      (t) =>
        styled.get(t) === BOLD_HINT &&
        !headingNumber(t) &&
        isBoldSubPoint(t) &&
        classifyHeading(t, template, year)?.confidence !== 'alias',
    ).length >= 2;
  const sections: Section[] = [];
  let current: Section = { key: 'opening', part: OPENING_PART, heading: '', blocks: [] };
  sections.push(current);
  let key = 1;
  let lastValue = 0;
  const open = (heading: string) => {
    current = { key: `s${key++}`, part: null, heading, blocks: [] };
    sections.push(current);
  };
  for (const t of body) {
    // A table cell is never a heading, numbered or not: the table keeps its lines together.
    if (styled.get(t) === TABLE_CELL) {
      current.blocks.push({ kind: 'paragraph', text: t });
      continue;
    }
    const n = headingNumber(t);
    if (n && n.level === topLevel) {
      const inSequence =
        n.value > lastValue || (classifyHeading(t, template, year)?.confidence === 'alias' && n.value === 1);
      // "五、其他事项：无。": the heading and its one-word answer on one line.
      const split = inSequence ? splitRunIn(t, template, year) : undefined;
      if (split) {
        open(split[0]);
        current.blocks.push({ kind: 'paragraph', text: split[1] });
        lastValue = n.value;
        continue;
      }
      if (inSequence && isPartHeadingShape(t)) {
        open(t);
        lastValue = n.value;
        continue;
      }
    }
    if (n && n.level < topLevel && isPartHeadingShape(t)) {
      open(t);
      continue;
    }
    if (n && n.level > topLevel && isStandaloneHeading(t)) {
      // The model keeps the numbering form (2 = （一）, 3 = 1., 4 = （1）): the export sets fonts by it.
      // Under 第N部分 the forms shift down one: 一、 is the first sub-level.
      const level = (topLevel === 0 ? Math.min(4, n.level + 1) : Math.max(2, n.level)) as 2 | 3 | 4;
      current.blocks.push({ kind: 'subheading', level, text: t } satisfies Block);
      continue;
    }
    const style = n ? undefined : styled.get(t);
    if (style === RUN_IN_BOLD) {
      // A paragraph as written; splitRunInPoints makes sub-points of a part's run-in titles.
    } else if (style === BOLD_HINT) {
      if (isBoldPartHeading(t, template, year, { numberedParts, currentHeading: current.heading })) {
        open(t);
        continue;
      }
      if (boldSubPoints && current.heading && isBoldSubPoint(t)) {
        // Under （一） sub-headings of its own part, a bold line is one level deeper.
        const deeper = current.blocks.some((b) => b.kind === 'subheading' && b.level === 2 && headingNumber(b.text));
        current.blocks.push({ kind: 'subheading', level: deeper ? 3 : 2, text: t });
        continue;
      }
    } else if (style !== undefined && t.length <= 80) {
      if (style <= 1) open(t);
      else current.blocks.push({ kind: 'subheading', level: Math.min(4, style) as 2 | 3 | 4, text: t });
      continue;
    }
    if (!n && current.part === OPENING_PART && sections.length === 1 && current.blocks.length === 0) {
      // Nothing yet: the opening paragraph, even when short.
    } else if (!n && isUnnumberedPartHeading(t, template, year, current.heading)) {
      open(t);
      continue;
    }
    current.blocks.push({ kind: 'paragraph', text: t });
  }
  if (sections[0]!.blocks.length === 0 && sections.length > 1) sections.shift();
  for (const section of sections) if (section.heading) splitRunInPoints(section, styled);
  for (const section of sections) if (section.heading) numberedTitlePoints(section, topLevel);
  return sections;
}

/**
 * Numbered sub-point titles closed with a 。 ("1.加强组织领导。", Word's numbering or typed), each on its own
 * line with its text in the paragraphs under it: the habit of the run-in form, where the title ends in 。.
 * The 。 made them read as list items of body text; where a part has two at least, each followed by an
 * unnumbered paragraph, they are its sub-headings, as run-in bold titles are. A list of short sentences
 * ("1.强化学习、培训。" straight after "2.加强宣传。") has no paragraph between its items and stays as written.
 */
function numberedTitlePoints(section: Section, topLevel: HeadingLevel): void {
  const isTitle = (b: Block, next: Block | undefined) => {
    if (b.kind !== 'paragraph' || next?.kind !== 'paragraph' || headingNumber(next.text)) return undefined;
    const n = headingNumber(b.text);
    if (!n || n.level <= topLevel || !b.text.endsWith('。')) return undefined;
    return isBoldSubPoint(b.text.slice(n.end, -1)) ? n : undefined;
  };
  const titles = section.blocks.map((b, i) => isTitle(b, section.blocks[i + 1]));
  if (titles.filter(Boolean).length < 2) return;
  section.blocks = section.blocks.map((b, i) => {
    const n = titles[i];
    if (!n) return b;
    // As numbered sub-headings are read above: under 第N部分 the forms shift down one.
    const level = (topLevel === 0 ? Math.min(4, n.level + 1) : Math.max(2, n.level)) as 2 | 3 | 4;
    return { kind: 'subheading', level, text: b.text } satisfies Block;
  });
}

/**
 * The run-in form of a bold sub-point ("加强组织领导。全年召开…", bold through the 。), where a part uses it
 * twice at least: the title becomes a sub-heading and the rest its paragraph. The model holds no bold, so a
 * title kept inside its paragraph would be lost to the outline, the checker and next year's draft; split at
 * the 。, no character is lost. One alone in its part is a paragraph as written.
 */
function splitRunInPoints(section: Section, styled: StyledHeadings): void {
  const titleOf = (b: Block) => {
    if (b.kind !== 'paragraph' || styled.get(b.text) !== RUN_IN_BOLD || headingNumber(b.text)) return undefined;
    const title = runInBoldTitle(b.text);
    return title && isBoldSubPoint(title.slice(0, -1)) ? title : undefined;
  };
  if (section.blocks.filter((b) => titleOf(b)).length < 2) return;
  const blocks: Block[] = [];
  for (const b of section.blocks) {
    const title = titleOf(b);
    if (!title) {
      blocks.push(b);
      continue;
    }
    // Under （一） sub-headings of its own part, a run-in title is one level deeper.
    const deeper = blocks.some((x) => x.kind === 'subheading' && x.level === 2 && headingNumber(x.text));
    blocks.push(
      { kind: 'subheading', level: deeper ? 3 : 2, text: title },
      { kind: 'paragraph', text: b.text.slice(title.length).trim() },
    );
  }
  section.blocks = blocks;
}

/**
 * A required part written as the last sub-section of another part ("（四）党政主要负责人履行推进法治建设
 * 第一责任人职责情况" closing 一、工作情况; "（二）下一步打算" closing "四、存在问题和下一步打算")
 * is there for a reader: it becomes a section of its own, in place. Only the last sub-section moves, so
 * no text changes order.
 */
function promoteLastSubsections(
  sections: Section[],
  mapping: PartMapping[],
  template: Template,
  year: number | null,
): void {
  const present = new Set(sections.map((s) => s.part));
  for (const part of template.parts) {
    if (!part.required || present.has(part.id)) continue;
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i]!;
      if (!section.heading || section.part === part.id) continue;
      let k = section.blocks.length - 1;
      while (
        k >= 0 &&
        !(section.blocks[k]!.kind === 'subheading' && (section.blocks[k] as { level: number }).level === 2)
      )
        k--;
      if (k < 0 || !section.blocks.slice(0, k).some((b) => b.text.trim() !== '')) continue;
      const guess = classifyHeading(section.blocks[k]!.text, template, year);
      if (
        guess?.part.id !== part.id ||
        (guess.confidence !== 'alias' && (part.id === 'leadership' || part === template.parts[0]))
      )
        continue;
      const [heading, ...blocks] = section.blocks.splice(k);
      const promoted: Section = {
        key: newSectionKey({ sections }, 's'),
        part: part.id,
        heading: heading!.text,
        blocks,
      };
      sections.splice(i + 1, 0, promoted);
      const at = mapping.findIndex((m) => m.sectionKey === section.key);
      mapping.splice(at + 1, 0, {
        sectionKey: promoted.key,
        heading: promoted.heading,
        part: part.id,
        confidence: guess.confidence,
      });
      present.add(part.id);
      break;
    }
  }
}

export function importText(text: string, options: ImportOptions = {}): ImportResult {
  return importWithTextTables(text, options, new Map());
}

/**
 * importStructuredText, with figures pasted from a spreadsheet (tabs) or set in columns read as tables, as a
 * Word or web table is: in a .txt, and in a Word file whose clerk lined figures up with tabs.
 */
export function importWithTextTables(text: string, options: ImportOptions, known: StyledHeadings): ImportResult {
  const found = findTextTables(text, (line) => known.get(line) === TABLE_CELL);
  const styled = new Map([...known, ...[...found.cells].map((cell): [string, number] => [cell, TABLE_CELL])]);
  const result = importStructuredText(found.text, options, styled);
  if (!result.ok || !found.tables.length) return result;
  const doc = withTables(result.doc, found.tables);
  const made = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'table').length;
  if (made) result.warnings.push(`原文中用制表符或空格分列的 ${made} 处文字已读成表格，请核对。`);
  return { ...result, doc };
}

/** What a saved web page adds to its text: its <title> and the navigation already removed. */
export interface WebPage {
  pageTitle: string;
  removed: readonly string[];
  /** Cells of the page's tables of figures: kept even when one reads like a menu word. */
  cells?: ReadonlySet<string>;
}

/** importText with the heading styles a .docx carried, or with what a web page carried. */
export function importStructuredText(
  text: string,
  options: ImportOptions,
  styled: StyledHeadings,
  page?: WebPage,
): ImportResult {
  // A report in traditional characters is read on a simplified copy and given back as written.
  if (text.length <= MAX_TEXT_CHARS && traditionalCount(text) >= 20) {
    const back = unfolder(text);
    const foldedStyles = new Map([...styled].map(([k, v]) => [foldTraditional(k), v]));
    const foldedPage = page && {
      pageTitle: foldTraditional(page.pageTitle),
      removed: page.removed,
      cells: page.cells && new Set([...page.cells].map(foldTraditional)),
    };
    const result = importStructuredText(foldTraditional(text), options, foldedStyles, foldedPage);
    if (!result.ok) return result;
    const { doc } = result;
    const meta = doc.meta;
    doc.meta = {
      ...meta,
      unit: back(meta.unit),
      title: back(meta.title),
      addressee: back(meta.addressee),
      docNumber: back(meta.docNumber),
      signature: meta.signature.map(back),
      date: back(meta.date),
      attachments: meta.attachments.map(back),
    };
    doc.sections = doc.sections.map((sec) => ({
      ...sec,
      heading: back(sec.heading),
      blocks: sec.blocks.map((b) => ({ ...b, text: back(b.text) })),
    }));
    doc.closing = doc.closing.map(back);
    return { ...result, mapping: result.mapping.map((m) => ({ ...m, heading: back(m.heading) })) };
  }
  if (text.length > MAX_TEXT_CHARS) {
    return { ok: false, error: `文字内容过多（约 ${Math.round(text.length / 10000)} 万字），不像是一份报告，未导入。` };
  }
  const registry = options.registry ?? defaultRegistry;
  const warnings: string[] = [];
  // A web page's text has a blank line around every block and <br>: there, a blank line is no paragraph end.
  // Page chrome is never joined: it is dropped below, and must not take a line of the report with it.
  // A PDF's page numbers and running headers go first, so that a paragraph broken across pages joins up.
  const paged = dropPageFurniture(text);
  if (paged.dropped.length) {
    const numbers = paged.dropped.filter(isPageNumber).length;
    const headers = paged.dropped.length - numbers;
    warnings.push(
      `已去掉从 PDF 复制时带进来的页码 ${numbers} 行${headers ? `、每页页眉 ${headers} 行（如“${paged.dropped.find((l) => !isPageNumber(l))!.slice(0, 20)}”）` : ''}。`,
    );
  }
  const unwrapped = joinHardWraps(
    page ? paged.text.replace(/\n[ \t\u3000]*(?=\n)/g, '') : paged.text,
    (line) =>
      styled.has(line) || isChrome(line) || (page !== undefined && (isNavigation(line) || !!page.cells?.has(line))),
    (line) => namesAPart(line, registry),
  );
  if (unwrapped.joined)
    warnings.push(`原文在句子中间换行（每行固定字数），已把断开的 ${unwrapped.joined} 处接回同一段。`);
  const split = splitLines(unwrapped.text);
  if (split.artifacts) warnings.push(`已去掉 Word 留下的书签标记 ${split.artifacts} 处。`);

  // Web-page chrome: drop it, remembering the dates it carries.
  let published: Date | undefined;
  const dropped: string[] = [];
  const lines: string[] = [];
  const sources: string[] = [];
  for (let i = 0; i < split.lines.length; i++) {
    const line = split.lines[i]!;
    if (page && isNavigation(line) && !page.cells?.has(line)) {
      dropped.push(line);
      continue;
    }
    // "相关链接" / "附件下载" after the text: the block and its link titles are the page's.
    if (page && isLinkBlockHead(line)) {
      dropped.push(line);
      while (i + 1 < split.lines.length && isLinkTitle(split.lines[i + 1]!) && !parseDateLine(split.lines[i + 1]!))
        dropped.push(split.lines[++i]!);
      continue;
    }
    if (!isChrome(line)) {
      lines.push(line);
      continue;
    }
    dropped.push(line);
    let meta = line;
    const value = split.lines[i + 1];
    if (
      isMetaKeyAlone(line) &&
      value !== undefined &&
      looksLikeMetaValue(value) &&
      !isChrome(value) &&
      !/法治|年度/.test(value)
    ) {
      dropped.push(value);
      meta += value;
      i++;
    }
    const source = metadataSource(meta);
    if (source) sources.push(source);
    const found = metadataDate(meta);
    if (found && (!published || found.written)) published = found.date;
  }
  const removed = [...(page?.removed ?? []), ...dropped];
  if (removed.length)
    warnings.push(
      `已去掉网页的导航和附带信息 ${removed.length} 处：${removed
        .slice(0, 5)
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .map((l) => `“${l.length > 20 ? `${l.slice(0, 20)}…` : l}”`)
        .join('、')}${removed.length > 5 ? '等' : ''}。`,
    );
  if (lines.length === 0 || lines.every(isBlank)) return { ok: false, error: '文件中没有找到报告正文。' };

  // A page whose body has no title line: the page's own <title> reads like one.
  if (
    page?.pageTitle &&
    !lines
      .slice(0, 12)
      .some(
        (l) =>
          squash(l).includes(squash(page.pageTitle)) || (squash(page.pageTitle).includes(squash(l)) && l.length >= 8),
      )
  ) {
    lines.unshift(page.pageTitle);
  }
  const head = readHead(lines, warnings);
  const tail = readTail(lines, head.next);
  // The model has nothing after the 成文日期: an attachment set there ends the last part, nothing lost.
  const body = [...lines.slice(head.next, tail.start), ...tail.appendix];
  if (tail.appendix.length)
    warnings.push(`成文日期之后的“${tail.appendix[0]}”已放在最后一部分的末尾，导出时位于署名之前，请核对。`);

  // Unit and template from the title, author and signature; the year is refined once headings are known.
  const titleText = head.title.join('\n');
  const date = tail.date || head.date;
  const written = tail.written ?? (head.date ? parseDateLine(head.date)?.date : undefined);
  const lead = body.slice(0, 2).join('');
  // A file named "青石镇2024年法治政府建设报告.docx" names what an untitled text does not.
  const stem = (options.fileName ?? '').replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, '');
  // The page's breadcrumb ("首页>曹回镇>政府信息公开") names the unit of a report that has no title.
  const crumbs = dropped.filter((l) => /[>›»＞]/.test(l)).flatMap((l) => l.split(/\s*[>›»＞]\s*/));
  const unit =
    reportUnit({ title: titleText, afterTitle: head.afterTitle, signature: tail.signature, opening: lead }) ||
    crumbs.map(unitFromAuthor).find((u) => /(镇|乡|街道)$/.test(u)) ||
    sources.map(unitFromAuthor).find(Boolean) ||
    reportUnit({ title: stem, afterTitle: [], signature: [], opening: '' });
  const template = options.templateId
    ? registry.getOrDefault(options.templateId)
    : detectTemplate(registry, titleText, unit, body.join('\n'));
  if (!options.templateId) {
    // Say which outline the file's unit led to, where it is not the township outline most reports follow.
    const kind = unitKind(unit);
    if (kind === 'county' && template.id === 'township' && !countyTemplate(registry))
      warnings.push(
        `报告单位“${unit}”是县（区、市）人民政府，模板中没有县级政府的提纲，已按“${template.name}”的提纲导入，可在“按哪个提纲”中改选。`,
      );
    else if (kind === 'zone' && template.id === 'township')
      warnings.push(
        `报告单位“${unit}”是开发区（园区）的管理机构，承担辖区的社会管理职责，与乡镇（街道）相当，已按“${template.name}”的提纲导入，可在“按哪个提纲”中改选。`,
      );
    else if (kind === 'department' && template.id === 'department')
      warnings.push(`报告单位是“${unit}”，已按“${template.name}”的提纲导入，可在“按哪个提纲”中改选。`);
  }
  const provisional = reportYear({ title: titleText, opening: lead, headings: [], written, published });
  const ordinal = ordinalParts(body, template, provisional);
  if (ordinal.changed)
    warnings.push(`原文以“一是”“第一，”这样的序数分部分，已把 ${ordinal.changed} 处读成部分标题（一、二、），请核对。`);
  const sections = buildSections(ordinal.lines, template, provisional, styled);
  const opening = sections[0]?.part === OPENING_PART ? sections[0] : undefined;
  const headings = sections.filter((s) => s.heading).map((s) => s.heading);
  const year =
    reportYear({
      title: titleText,
      opening: opening?.blocks.map((b) => b.text).join('') ?? '',
      headings,
      written,
      published,
    }) ??
    yearInTitle(stem) ??
    null;

  // Unknown head lines and author lines are kept, before the opening paragraph.
  const extra = [...head.kept, ...head.afterTitle].map((t): Block => ({ kind: 'paragraph', text: t }));
  if (extra.length) {
    if (opening) opening.blocks.unshift(...extra);
    else sections.unshift({ key: 'opening', part: OPENING_PART, heading: '', blocks: extra });
  }
  const mapping = mapParts(sections, template, year);
  promoteLastSubsections(sections, mapping, template, year);
  const numbered = numberUnnumberedParts(sections, mapping, template);
  if (numbered)
    warnings.push(`原文有 ${numbered} 个部分标题没有编号（如 Word 的标题样式），已按提纲补上编号，请核对。`);

  const doc: ReportDocument = emptyReport(template.id);
  doc.meta = {
    templateId: template.id,
    unit,
    year,
    title: titleText,
    addressee: head.addressee,
    docNumber: head.docNumber,
    signature: tail.signature,
    date,
    attachments: tail.attachments,
  };
  doc.sections = sections;
  doc.closing = tail.closing;
  if (!titleText) warnings.push('没有找到报告标题，请在“标题”一栏补上。');
  if (published || sources.length) {
    const when = published ? `${published.getFullYear()}年${published.getMonth() + 1}月${published.getDate()}日` : '';
    warnings.push(
      `网页上的信息：${[when && `发布日期 ${when}`, sources[0] && `信息来源 ${sources[0]}`].filter(Boolean).join('，')}${!date && when ? '；报告没有成文日期，可参考发布日期补上' : ''}。`,
    );
  }
  if (!sections.some((s) => s.heading)) warnings.push('没有找到“一、”这样的部分标题，全文放在了开头部分，请检查。');
  return { ok: true, doc, mapping, warnings, template: template.id };
}
