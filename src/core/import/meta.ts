/**
 * Unit, year and template of an imported report, read the way a person reads them: the title first,
 * then the author line, the signature, the opening, the dates.
 *
 * Unit convention: a township or street is named as people name it ("垫江县曹回镇人民政府" → "曹回镇",
 * "XX街道办事处" → "XX街道"), without the county and without the organ suffix, because the same
 * report is signed by the Party committee and the government; a department keeps its full name with its
 * county ("XX县司法局"), because "司法局" alone names no one.
 */
import type { Template } from '../templates/schema';
import type { TemplateRegistry } from '../templates/registry';
import { CN_YEAR_CHARS, chineseValue, chineseYearDigits, halfWidthDigits } from '../text/numerals';

const CN_YEAR = new RegExp(`([${CN_YEAR_CHARS}]{4})\\s*年`);

const validDay = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

/** "二〇二三年" → 2023. */
function chineseYear(text: string): number | undefined {
  const m = CN_YEAR.exec(text);
  const n = m ? chineseYearDigits(m[1]!) : undefined;
  return n !== undefined && n >= 1990 && n <= 2100 ? n : undefined;
}

const plausible = (n: number) => n >= 1990 && n <= 2100;

/** The year a title speaks of: "2023年度", "二〇二三年", "（2023）", or the end of a range "2021—2023年". */
export function yearInTitle(title: string): number | undefined {
  const t = halfWidthDigits(title).replace(/\s+/g, '');
  const range = /(\d{4})年?[-—–~至到](\d{4})年/.exec(t);
  if (range && plausible(Number(range[2]))) return Number(range[2]);
  const m = /(\d{4})年/.exec(t);
  if (m && plausible(Number(m[1]))) return Number(m[1]);
  // "法治政府建设年度报告（2025）": the year in brackets after the title's words.
  const bracketed = /[（(](\d{4})(?:年度?)?[)）]/.exec(t);
  if (bracketed && plausible(Number(bracketed[1]))) return Number(bracketed[1]);
  return chineseYear(t);
}

/**
 * A 成文日期 line: "2024年1月12日", "2024 年 01 月 12 日", "二〇二四年一月十二日", "２０２４年１月１２日", optionally in
 * brackets; also "2024-01-12", "2024.1.12" or "2024/1/12", which some units type: kept as written, so that
 * date.format offers "2024年1月12日" instead of the signature and the date being taken for body text.
 */
export function parseDateLine(line: string): { text: string; date: Date } | undefined {
  const t = halfWidthDigits(line)
    .replace(/\s+/g, '')
    .replace(/^[（(]/, '')
    .replace(/[)）]$/, '');
  const written = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  const typed = written ? null : /^(\d{4})([-./])(\d{1,2})\2(\d{1,2})$/.exec(t);
  const ymd = written ? [written[1], written[2], written[3]] : typed ? [typed[1], typed[3], typed[4]] : undefined;
  if (ymd) {
    const [y, month, day] = ymd.map(Number) as [number, number, number];
    return validDay(month, day) ? { text: line.replace(/\s+/g, ''), date: new Date(y, month - 1, day) } : undefined;
  }
  const m = new RegExp(
    `^([${CN_YEAR_CHARS}]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$`,
  ).exec(t);
  if (m) {
    const y = chineseYear(`${m[1]}年`);
    const month = chineseValue(m[2]!);
    const day = chineseValue(m[3]!);
    if (y && validDay(month, day)) return { text: line.replace(/\s+/g, ''), date: new Date(y, month - 1, day) };
  }
  return undefined;
}

export interface YearClues {
  title: string;
  opening: string;
  /** Top-level headings, for "一、2023年推进法治政府建设的主要举措" or "三、2024年工作计划". */
  headings: readonly string[];
  /** 成文日期 at the end of the report. */
  written?: Date;
  /** A date from the web page's metadata (publication, or 成文日期 of the page). */
  published?: Date;
}

/**
 * The year reported on. A report dated Jan–Oct of year Y is about Y−1 (reports are written after the
 * year ends; a few units write theirs in November or December of the year itself); a page published in
 * year Y is about Y−1.
 */
export function reportYear(clues: YearClues): number | null {
  const fromTitle = yearInTitle(clues.title);
  const opening = halfWidthDigits(clues.opening).replace(/\s+/g, '');
  const lead = /^(?:[^。]{0,12}?)(\d{4})年(?!\d{1,2}月)/.exec(opening);
  const fromOpening = lead && plausible(Number(lead[1])) ? Number(lead[1]) : undefined;
  const fromDate =
    clues.written && (clues.written.getMonth() <= 9 ? clues.written.getFullYear() - 1 : clues.written.getFullYear());
  // A title left at last year ("二〇二三年度" over a report opening "2024年，" and dated January 2025): the
  // opening and the date agree against it, and the title is the line to correct (year.mismatch says so).
  if (fromTitle && fromOpening !== undefined && fromOpening === fromDate && fromOpening !== fromTitle)
    return fromOpening;
  if (fromTitle) return fromTitle;
  if (fromOpening !== undefined) return fromOpening;
  const headings = clues.headings.map(halfWidthDigits);
  for (const h of headings) {
    if (!/举措|措施|成效|工作情况|开展情况|主要工作|做法|履职/.test(h) || /打算|计划|安排|思路|下一/.test(h)) continue;
    const m = /(\d{4})年/.exec(h);
    if (m && plausible(Number(m[1]))) return Number(m[1]);
  }
  if (clues.written)
    return clues.written.getMonth() <= 9 ? clues.written.getFullYear() - 1 : clues.written.getFullYear();
  for (const h of headings) {
    if (!/打算|计划|安排|思路|下一/.test(h)) continue;
    const m = /(\d{4})年/.exec(h);
    if (m && plausible(Number(m[1]))) return Number(m[1]) - 1;
  }
  if (clues.published) return clues.published.getFullYear() - 1;
  return null;
}

// A street's Party organ is its 工作委员会 ("中共XX街道工作委员会"), named whole before the bare 委员会.
const ORGAN_SUFFIX = /(人民政府|政府|党委|党工委|工作委员会|委员会|办事处|管理委员会)+$/;
const TOWNSHIP = /(镇|乡|街道)$/;
const DEPARTMENT = /(局|委|办|办公室|中心|院|所|队|站|署|厅|处|委员会|管委会|分局)$/;
const COUNTY = /(县|区|市|旗|州|盟)$/;

/** "垫江县曹回镇" → "曹回镇"; "XX县新市镇" → "新市镇" (a name keeps at least two characters). */
function stripCounty(name: string): string {
  const suffix = /街道$/.test(name) ? 2 : 1;
  for (let i = name.length - suffix - 3; i >= 0; i--) {
    if ('省市县区旗州盟'.includes(name[i]!)) return name.slice(i + 1);
  }
  return name;
}

/** One author's name as the unit: see the convention at the top. */
export function unitFromAuthor(author: string): string {
  const squashed = author.replace(/\s+/g, '');
  const t = squashed.replace(/^中共/, '').replace(/^中国共产党/, '');
  if (!t || t.length > 40 || /[，。；：:,]/.test(t)) return '';
  const bare = t.replace(ORGAN_SUFFIX, '');
  if (TOWNSHIP.test(bare) && bare.length >= 2) return stripCounty(bare);
  // "中共XX县委员会" is the county's Party committee, not a department named 委员会.
  if (t !== squashed && COUNTY.test(bare) && bare.length >= 2 && bare.length <= 12) return bare;
  if (DEPARTMENT.test(t) && !TOWNSHIP.test(t)) return t;
  if (COUNTY.test(bare) && bare.length >= 2 && bare.length <= 12) return bare;
  return '';
}

/** The author part of a title: the words before 关于, or before the year, or after a leading year. */
function authorOfTitle(title: string): string[] {
  const t = title.replace(/\s+/g, '');
  let author = t.includes('关于') ? t.slice(0, t.indexOf('关于')) : '';
  if (!author) {
    const year = new RegExp(`(\\d{4}|[${CN_YEAR_CHARS}]{4})年`).exec(t);
    if (year && year.index > 0) author = t.slice(0, year.index);
    else
      author = (/^.{2,20}?(?=法治|履行|推进|年度|党政)/.exec(
        year ? t.slice(year.index + year[0].length).replace(/^度/, '') : t,
      ) ?? [''])[0];
  }
  return authorsIn(author);
}

/**
 * The organs a line names, one piece each: joint authors "中共XX镇委员会XX镇人民政府" or a 署名
 * "中共XX镇委员会　XX镇人民政府" (spaces between them).
 */
export function authorsIn(line: string): string[] {
  return line.split(/\s+|(?<=人民政府|委员会|党委|党工委|办事处)/).filter(Boolean);
}

/** A person's line under a 述职 title: "花园镇党委书记 刘 军" → "花园镇". */
function unitOfPersonLine(line: string): string {
  const t = line.replace(/\s+/g, '').replace(new RegExp(`^(\\d{4}|[${CN_YEAR_CHARS}]{4})年度?`), '');
  const m =
    /^(?:中共)?(.{2,24}?)(党委|党工委|党组|人民政府|政府|办事处)?(书记|副书记|镇长|乡长|主任|局长|县长|区长|市长|主席|负责人|党组书记)/.exec(
      t,
    );
  return m ? unitFromAuthor(m[1]!) : '';
}

export interface UnitClues {
  title: string;
  /** Lines right after the title (a 述职 report's author line). */
  afterTitle: readonly string[];
  signature: readonly string[];
  opening: string;
}

export function reportUnit(clues: UnitClues): string {
  const fromTitle = authorOfTitle(clues.title).map(unitFromAuthor).filter(Boolean);
  const township = fromTitle.find((u) => TOWNSHIP.test(u));
  if (township ?? fromTitle[0]) return township ?? fromTitle[0]!;
  const person = unitOfPersonLine(clues.title);
  if (person) return person;
  for (const line of clues.afterTitle) {
    const u = unitOfPersonLine(line) || unitFromAuthor(line);
    if (u) return u;
  }
  const fromSignature = clues.signature.map(unitFromAuthor).filter(Boolean);
  if (fromSignature.length) return fromSignature.find((u) => TOWNSHIP.test(u)) ?? fromSignature[0]!;
  const inOpening =
    /(?:^|[，,。、])(?:中共)?([\u4e00-\u9fa5]{2,10}?(?:镇|乡|街道))(?:党委|党工委|人民政府|政府|办事处)/.exec(
      clues.opening,
    );
  return inOpening ? stripCounty(inOpening[1]!) : '';
}

/** A development zone or park, bare or as its 管委会/党工委 ("松岭经济开发区管理委员会", "龙湾高新区管委会"). */
const ZONE = /(开发区|园区|高新区|新区|试验区|示范区|保税区|工业区|合作区)(管理委员会|管委会|工作委员会|党工委)?$/;

/**
 * What kind of unit a report's unit (as unitFromAuthor gives it) is: a township or street, a department, a
 * county's government, or a development zone. A zone's 管委会 is named like a department (委员会) but governs
 * a territory with a township's duties (villages, disputes, safety): it is a kind of its own.
 */
export function unitKind(unit: string): 'township' | 'department' | 'county' | 'zone' | '' {
  if (!unit) return '';
  if (TOWNSHIP.test(unit)) return 'township';
  // A 开发区 or 园区 ends in 区 but is no county government, and its 管委会 is no department.
  if (ZONE.test(unit)) return 'zone';
  if (DEPARTMENT.test(unit)) return 'department';
  return COUNTY.test(unit) ? 'county' : '';
}

/** A county's own outline for the report of a county (district, city) government, when its templates have one. */
export function countyTemplate(registry: TemplateRegistry): Template | undefined {
  return registry
    .list()
    .find(
      (t) => t.kind === 'annual' && /[县区市](（[^）]*）)?(级)?(人民)?政府/.test(t.name) && !/乡镇|部门/.test(t.name),
    );
}

/**
 * Which template the report follows: a 述职/述法 report by its title (or, with no title, by its first
 * person 本人); a department by its unit; a county government's by a county outline where the templates have
 * one; a township otherwise.
 */
export function detectTemplate(registry: TemplateRegistry, title: string, unit: string, body: string): Template {
  const duty = registry.get('duty');
  const t = title.replace(/\s+/g, '');
  if (duty) {
    if (/述职|述法/.test(t)) return duty;
    if (/第一责任人/.test(t) && !/法治政府建设(工作)?(情况|年度|报告)/.test(t)) return duty;
    if (!/法治政府建设/.test(t) && (body.match(/本人/g) ?? []).length >= 3) return duty;
  }
  const department = registry.get('department');
  if (unitKind(unit) === 'county') return countyTemplate(registry) ?? registry.getOrDefault('township');
  // A zone's 管委会 takes the township outline (report.md: the township report is that of a unit governing a
  // territory; the department report weights a department's own 执法/审批); the import says so.
  if (department && unit && unitKind(unit) === 'department') return department;
  if (department && !unit && /我局|本局|局党组|局机关/.test(body) && !/我镇|我乡|我街道|全镇|全乡/.test(body))
    return department;
  return registry.getOrDefault('township');
}
