/**
 * Years and currency (checks.md "Years and currency"): the report year said consistently, the plans
 * naming next year, a proper 成文日期, and congresses, plenums and programmes that fit the year. The
 * calendar is data (templates/era-calendar.json).
 */
import calendarJson from '../../../templates/era-calendar.json';
import type { TextLine } from '../model/plainText';
import {
  at,
  bodyLines,
  linesOfPart,
  perLine,
  sentences,
  partName,
  writtenOn,
  type CheckContext,
  type RawFinding,
} from './context';
import { severityOf } from './catalogue';
import { stripHeadingNumber } from '../text/numbering';
import { plansYear } from './structure';
import { CN_YEAR_CHARS, chineseValue, chineseYearDigits } from '../text/numerals';
import type { EraCalendar } from './listSchemas';

export { CalendarSchema, type EraCalendar } from './listSchemas';
/** The built-in calendar; a county's profile adds or replaces entries (countyLists.ts merges). */
export const ERA_CALENDAR: EraCalendar = calendarJson as EraCalendar;

/** A calendar with the name the line cache knows it by, so that two calendars never share cached findings. */
export interface CalendarSet {
  readonly key: string;
  readonly calendar: EraCalendar;
}
export const BUILTIN_CALENDAR: CalendarSet = { key: 'builtin', calendar: ERA_CALENDAR };

const CN_SESSION: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const day = (iso: string) => new Date(`${iso}T00:00:00`);
/** 十八 to 二十九: every congress a calendar may name from the first in it on (a county may add later ones). */
const CONGRESS_NUMBER = '十[八九]|二十[一二三四五六七八九]?';
const CONGRESS = new RegExp(`(?:党的)?(${CONGRESS_NUMBER})大`, 'g');
const PLENUMS = new RegExp(`(${CONGRESS_NUMBER})届((?:[一二三四五六七八九]中(?:全会)?[、和及]?)+)全会`, 'g');
/** "…以来", "…期间", "…召开前": history, not the current guide. */
const HISTORY_AFTER = /^(以来|召开以来|期间|之前|前后|胜利召开|召开前)/;
/** Words that present a congress as the guide of the year's work. */
const GUIDE_BEFORE = /(贯彻|落实|学习|领会|践行|坚持|遵循|按照|宣传|宣讲|指引|精神)[^。；]{0,14}$/;

export function checkYears(ctx: CheckContext): RawFinding[] {
  return [
    ...checkYearConsistency(ctx),
    ...checkPlansYear(ctx),
    ...checkDate(ctx),
    ...checkEra(ctx),
    ...checkProgrammes(ctx),
  ];
}

const TITLE_YEAR = new RegExp(`(\\d{4}|[${CN_YEAR_CHARS}]{4})\\s*年`);

/** 2025 in the Chinese digits of the year it replaces, with the writer's own zero (〇, ○ or O). */
function chineseYearLike(year: number, written: string): string {
  const zero = [...written].find((c) => /[〇零○ＯOo]/.test(c)) ?? '〇';
  return [...String(year)].map((d) => (d === '0' ? zero : '〇一二三四五六七八九'[Number(d)]!)).join('');
}

function yearFix(line: TextLine, from: number, year: number) {
  return { label: `改为${year}年`, replacement: String(year), from, to: from + 4 };
}

/** Words that cite an earlier year's report rather than restate it: before the year, or after its name. */
const EARLIER_REPORT_BEFORE = /(针对|对照|根据|按照|落实|整改|上一?年度?|去年|前一?年)[^。；，]{0,6}$/;
const EARLIER_REPORT_AFTER = /^(报告)?(中|里|所|提出|指出|查找|查摆|反映|反馈|列出|明确)/;

/** year.mismatch: the title and the opening say which year the report covers; they must agree with it. */
function checkYearConsistency(ctx: CheckContext): RawFinding[] {
  if (ctx.year === null) return [];
  const year = ctx.year;
  const findings: RawFinding[] = [];
  const titleLines = ctx.plain.lines.filter((l) => l.kind === 'title');
  for (const line of titleLines) {
    // A title writes its year in Arabic or Chinese digits ("二〇二五年度", "二O二五年"): both are read.
    const m = TITLE_YEAR.exec(line.text);
    const said = m ? (/^\d/.test(m[1]!) ? Number(m[1]) : chineseYearDigits(m[1]!)) : undefined;
    if (m && said !== undefined && said >= 1990 && said !== year && !/[—-]\s*$/.test(line.text.slice(0, m.index))) {
      const fix = /^\d/.test(m[1]!)
        ? yearFix(line, m.index, year)
        : { label: `改为${year}年`, replacement: chineseYearLike(year, m[1]!), from: m.index, to: m.index + 4 };
      findings.push(
        at(
          'year.mismatch',
          severityOf('year.mismatch'),
          `标题写的是${said}年，但这是${year}年度的报告。`,
          line,
          m.index,
          m.index + 4,
          fix,
        ),
      );
    }
  }
  const opening = ctx.plain.lines.find((l) => l.kind === 'paragraph' && l.part === 'opening');
  if (opening) {
    const m = /^(\d{4})\s*年(度)?[，,以来]/.exec(opening.text) ?? /现将(\d{4})\s*年/.exec(opening.text);
    if (m && Number(m[1]) !== year) {
      const from = m.index + m[0].indexOf(m[1]!);
      findings.push(
        at(
          'year.mismatch',
          severityOf('year.mismatch'),
          `开头写的是${m[1]}年，但这是${year}年度的报告（可能是照搬了往年的报告）。`,
          opening,
          from,
          from + 4,
          yearFix(opening, from, year),
        ),
      );
    }
  }
  for (const line of bodyLines(ctx)) {
    // The pattern below names 法治政府建设: a line without it needs no scan.
    if (line.part === 'opening' || line.part === null || !line.text.includes('法治政府建设')) continue;
    for (const m of line.text.matchAll(
      /(\d{4})\s*年(度)?(全[镇乡县区]|我[镇乡局])?法治政府建设(工作)?(情况|年度报告|工作报告|主要举措)/g,
    )) {
      const y = Number(m[1]);
      const expect = line.part === 'plans' ? year + 1 : year;
      // "针对2024年度法治政府建设情况报告中查找出的问题": an earlier report named as such, not a year left over.
      const cited =
        y < year &&
        (EARLIER_REPORT_BEFORE.test(line.text.slice(Math.max(0, m.index - 8), m.index)) ||
          EARLIER_REPORT_AFTER.test(line.text.slice(m.index + m[0].length, m.index + m[0].length + 8)));
      if (y !== expect && y !== year && !cited) {
        findings.push(
          at(
            'year.mismatch',
            severityOf('year.mismatch'),
            `这里写的是“${m[0]}”，与报告年度${year}年不一致。`,
            line,
            m.index,
            m.index + m[0].length,
          ),
        );
      }
    }
  }
  return findings;
}

/** year.plans: 下一年度主要安排 must be about report year + 1. */
function checkPlansYear(ctx: CheckContext): RawFinding[] {
  if (ctx.year === null) return [];
  const findings: RawFinding[] = [];
  for (const part of ctx.parts.filter((p) => p.yearScope === 'next')) {
    const lines = linesOfPart(ctx, part.id);
    if (lines.length === 0) continue;
    const named = plansYear(ctx, part.id);
    const next = ctx.year + 1;
    // The template's own heading ("下一年度主要安排", the wording of the regulation) names the year by the
    // report's: the app never flags its own words.
    const ownHeading = ctx.doc.sections.some(
      (s) => s.part === part.id && stripHeadingNumber(s.heading).trim() === part.title,
    );
    if (!named && !ownHeading) {
      findings.push({
        ...at(
          'year.plans',
          severityOf('year.plans', 'unnamed'),
          `“${partName(ctx, part)}”没有写明年度。请写明是${next}年的安排，例如标题写作“${next}年工作打算”。`,
          lines[0]!,
        ),
        section: part.id,
      });
    } else if (named && named.year !== next) {
      findings.push({
        ...at(
          'year.plans',
          severityOf('year.plans'),
          `“${partName(ctx, part)}”写的是${named.year}年，但${ctx.year}年度报告的安排应是${next}年的。`,
          named.line,
          named.from,
          named.from + 4,
          yearFix(named.line, named.from, next),
        ),
        section: part.id,
      });
    }
  }
  return findings;
}

/** date.format: 成文日期 as "2025年1月12日", after the year ended and before the publication deadline. */
function checkDate(ctx: CheckContext): RawFinding[] {
  const line = ctx.plain.lines.find((l) => l.kind === 'date');
  if (!line) return [];
  const text = line.text;
  const findings: RawFinding[] = [];
  const padded = /^(\d{4})年(0?)(\d{1,2})月(0?)(\d{1,2})日$/.exec(text);
  const iso = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(text);
  if (iso) {
    const fixed = `${iso[1]}年${Number(iso[2])}月${Number(iso[3])}日`;
    return [
      at('date.format', severityOf('date.format'), `成文日期应写作“${fixed}”这样的格式。`, line, 0, text.length, {
        label: `改为“${fixed}”`,
        replacement: fixed,
      }),
    ];
  }
  if (!padded) {
    return [
      at('date.format', severityOf('date.format'), '成文日期应用阿拉伯数字写作“2026年1月15日”这样的格式。', line),
    ];
  }
  if (padded[2] || padded[4]) {
    const fixed = `${padded[1]}年${Number(padded[3])}月${Number(padded[5])}日`;
    findings.push(
      at(
        'date.format',
        severityOf('date.format'),
        `成文日期的月、日不编虚位，应写作“${fixed}”。`,
        line,
        0,
        text.length,
        { label: `改为“${fixed}”`, replacement: fixed },
      ),
    );
  }
  if (ctx.year !== null) {
    const date = new Date(Number(padded[1]), Number(padded[3]) - 1, Number(padded[5]));
    const [mm, dd] = ctx.deadlines.publish.split('-').map(Number);
    const deadline = new Date(ctx.year + 1, (mm ?? 4) - 1, dd ?? 1);
    if (date < new Date(ctx.year + 1, 0, 1)) {
      findings.push(
        at(
          'date.format',
          severityOf('date.format'),
          `成文日期${text}早于${ctx.year}年结束，年度报告应在次年年初成文。`,
          line,
        ),
      );
    } else if (date >= deadline) {
      findings.push(
        at(
          'date.format',
          severityOf('date.format'),
          `成文日期${text}晚于公开期限（${ctx.year + 1}年${mm}月${dd}日前），请核对。`,
          line,
        ),
      );
    }
  }
  return findings;
}

function latestCongressBefore(calendar: EraCalendar, date: Date) {
  return calendar.congresses.filter((c) => day(c.date) <= date).sort((a, b) => b.number - a.number)[0];
}

/** era.congress: a congress or plenum that had not happened when the report was written, or a superseded one presented as the guide. */
function checkEra(ctx: CheckContext): RawFinding[] {
  const written = writtenOn(ctx);
  if (!written || ctx.year === null) return [];
  const yearStart = new Date(ctx.year, 0, 1);
  const { key, calendar } = ctx.calendar;
  const current = latestCongressBefore(calendar, yearStart);
  // Line-local once the report's year, date and calendar are known: through the line cache, keyed by all three.
  return perLine(`era@${key}@${ctx.year}@${written.getTime()}`, bodyLines(ctx), (line) =>
    eraOfLine(line, ctx.year!, written, current, calendar),
  );
}

function eraOfLine(
  line: TextLine,
  year: number,
  written: Date,
  current: ReturnType<typeof latestCongressBefore>,
  calendar: EraCalendar,
): RawFinding[] {
  const findings: RawFinding[] = [];
  {
    if (line.text.includes('大'))
      for (const m of line.text.matchAll(CONGRESS)) {
        const number = chineseValue(m[1]!);
        const congress = calendar.congresses.find((c) => c.number === number);
        const from = m.index;
        const to = from + m[0].length;
        if (congress && day(congress.date) > written) {
          findings.push(
            at(
              'era.congress',
              severityOf('era.congress'),
              `报告写于${written.getFullYear()}年，当时党的${m[1]}大还没有召开，请核对。`,
              line,
              from,
              to,
            ),
          );
          continue;
        }
        const after = line.text.slice(to);
        const before = line.text.slice(Math.max(0, from - 20), from);
        if (current && number < current.number && GUIDE_BEFORE.test(before) && !HISTORY_AFTER.test(after)) {
          findings.push(
            at(
              'era.congress',
              severityOf('era.congress'),
              `${year}年的报告仍以党的${m[1]}大为指导，已过时：${current.date.slice(0, 4)}年已召开党的${current.name}，请改为最新的提法。`,
              line,
              from,
              to,
              {
                label: `改为“${current.name}”`,
                replacement: m[0].startsWith('党的') ? `党的${current.name}` : current.name,
              },
            ),
          );
        }
      }
    if (line.text.includes('全会'))
      for (const m of line.text.matchAll(PLENUMS)) {
        const congress = chineseValue(m[1]!);
        for (const s of m[2]!.matchAll(/([一二三四五六七八九])中/g)) {
          const session = CN_SESSION[s[1]!]!;
          const plenum = calendar.plenums.find((p) => p.congress === congress && p.session === session);
          if (!plenum) {
            const known = calendar.plenums.some((p) => p.congress === congress && p.session > session);
            if (!known)
              findings.push(
                at(
                  'era.congress',
                  severityOf('era.congress'),
                  `${m[1]}届${s[1]}中全会不在已知的全会日程中，请核对是否已经召开。`,
                  line,
                  m.index,
                  m.index + m[0].length,
                ),
              );
            continue;
          }
          if (day(plenum.date) > written) {
            findings.push(
              at(
                'era.congress',
                severityOf('era.congress'),
                `报告写于${written.getFullYear()}年${written.getMonth() + 1}月，${m[1]}届${s[1]}中全会（${plenum.date.slice(0, 7).replace('-', '年')}月）还没有召开，请核对。`,
                line,
                m.index,
                m.index + m[0].length,
              ),
            );
          }
        }
      }
  }
  return findings;
}

/** era.programme: 普法 and five-year plans of the wrong period, and the old 纲要 formula. */
function checkProgrammes(ctx: CheckContext): RawFinding[] {
  if (ctx.year === null) return [];
  const year = ctx.year;
  // Line-local given the year (and the line's part, which the cache key holds): through the line cache.
  const { key, calendar } = ctx.calendar;
  return perLine(`programmes@${key}@${year}`, bodyLines(ctx), (line) => programmesOfLine(line, year, calendar));
}

function programmesOfLine(line: TextLine, year: number, calendar: EraCalendar): RawFinding[] {
  const findings: RawFinding[] = [];
  let split: ReturnType<typeof sentences> | undefined;
  {
    const scopeYear = line.part === 'plans' ? year + 1 : year;
    for (const programme of calendar.programmes) {
      for (const pattern of programme.patterns) {
        let index = line.text.indexOf(pattern);
        while (index >= 0) {
          const inPeriod = (y: number) => y >= programme.from && y <= programme.to;
          const sentence =
            (split ??= sentences(line.text)).find((s) => index >= s.from && index < s.from + s.text.length)?.text ?? '';
          const closing = programme.to === year - 1 && /收官|总结|验收|期间|时期|以来|成果|基础上/.test(sentence);
          const opening = programme.from === year + 1 && /制定|制订|编制|谋划|启动|筹备|迎接|准备/.test(sentence);
          if (!inPeriod(scopeYear) && !inPeriod(year) && !closing && !opening) {
            findings.push(
              at(
                'era.programme',
                severityOf('era.programme'),
                `“${programme.name}”是${programme.from}—${programme.to}年的规划，与${year}年度报告不符，请核对是否沿用了往年的提法。`,
                line,
                index,
                index + pattern.length,
              ),
            );
          }
          index = line.text.indexOf(pattern, index + pattern.length);
        }
      }
    }
    for (const formula of calendar.formulas) {
      const index = line.text.indexOf(formula.text);
      if (index >= 0 && year > formula.until) {
        findings.push(
          at(
            'era.programme',
            severityOf('era.programme'),
            `“${formula.text}”是${formula.name}，${formula.until + 1}年起的新纲要提法为“……${formula.replacement}”。`,
            line,
            index,
            index + formula.text.length,
            {
              label: '改为新提法',
              replacement: formula.replacement,
            },
          ),
        );
      }
    }
  }
  return findings;
}
