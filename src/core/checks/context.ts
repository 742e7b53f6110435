/** What every rule family gets: the report, its plain text and line map, the template and the year. */
import type { PlainText, TextLine } from '../model/plainText';
import type { ReportDocument } from '../model/report';
import type { Part, Template } from '../templates/schema';
import type { RuleId } from './catalogue';
import type { Finding, Fix, Severity } from './types';
import type { IndicatorSet } from './indicators';
import type { CalendarSet } from './years';
import { stripHeadingNumber } from '../text/numbering';

export interface Deadlines {
  /** Publication deadline as MM-DD of the year after the report year (rules: before 4月1日). */
  publish: string;
}

export interface CheckContext {
  doc: ReportDocument;
  plain: PlainText;
  template: Template;
  parts: readonly Part[];
  /** The report year, or null when neither the document nor the caller knows it. */
  year: number | null;
  deadlines: Deadlines;
  /** The figures to find: the built-in list, or the county's merged one (countyLists.ts). */
  indicators: IndicatorSet;
  /** The era calendar: the built-in one, or the county's merged one (countyLists.ts). */
  calendar: CalendarSet;
}

/** A finding without fingerprint; index.ts assigns fingerprints once all rules have run. */
export type RawFinding = Omit<Finding, 'fingerprint'>;

export function at(
  rule: RuleId,
  severity: Severity,
  message: string,
  line: TextLine | null,
  from = 0,
  to = line ? line.text.length : 0,
  fix?: Omit<Fix, 'start' | 'end'> & { from?: number; to?: number },
): RawFinding {
  const start = line ? line.start + from : null;
  const end = line ? line.start + to : null;
  const finding: RawFinding = { rule, severity, message, section: line?.part ?? null, start, end };
  if (fix && line) {
    finding.fix = {
      label: fix.label,
      replacement: fix.replacement,
      start: line.start + (fix.from ?? from),
      end: line.start + (fix.to ?? to),
      ...(fix.removeBlocks ? { removeBlocks: fix.removeBlocks } : {}),
    };
  }
  return finding;
}

/** Body lines (headings, sub-headings, paragraphs) of the given part. */
export function linesOfPart(ctx: CheckContext, partId: string): TextLine[] {
  return ctx.plain.lines.filter(
    (l) => l.part === partId && (l.kind === 'heading' || l.kind === 'subheading' || l.kind === 'paragraph'),
  );
}

export function bodyLines(ctx: CheckContext): TextLine[] {
  return ctx.plain.lines.filter(
    (l) => l.kind === 'heading' || l.kind === 'subheading' || l.kind === 'paragraph' || l.kind === 'closing',
  );
}

/**
 * The matches of a global regex in `text`, as `text.matchAll(re)` gives them, without the copy of the regex
 * that matchAll makes at every call (it showed in the hottest loops). Leaves `re.lastIndex` at 0.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/** Split a line into sentences with their offsets (on 。！？；). */
export function sentences(text: string): Array<{ text: string; from: number }> {
  const out: Array<{ text: string; from: number }> = [];
  let from = 0;
  // One regex scan for the marks rather than a lookup per character.
  for (const m of text.matchAll(SENTENCE_END)) {
    out.push({ text: text.slice(from, m.index + 1), from });
    from = m.index + 1;
  }
  if (from < text.length) out.push({ text: text.slice(from), from });
  return out;
}
const SENTENCE_END = /[。！？；!?;]/g;

/** The date a report was written: its 成文日期 if readable, else the end of the submission season. */
export function writtenOn(ctx: CheckContext): Date | null {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(ctx.doc.meta.date);
  if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return ctx.year === null ? null : new Date(ctx.year + 1, 2, 31);
}

/**
 * Results of line-local rules, by line text: typing changes one line, so the check after a keystroke
 * recomputes that line only. Entries hold offsets relative to the line; a bounded map, cleared when full.
 * Keyed by kind, part, then the line's text itself rather than one joined string: a joined key would be
 * a new string to build and hash for every line and every rule at every check, while the text is the
 * model's own string, whose hash V8 computes once and keeps.
 */
type LineCache = { size: number; byKindPart: Map<string, Map<string | null | undefined, Map<string, unknown[]>>> };
const lineCaches = new Map<string, LineCache>();
const MAX_CACHED_LINES = 50_000;

export function clearCheckCaches(): void {
  lineCaches.clear();
}

export function cachedPerLine<T>(
  name: string,
  line: TextLine,
  compute: (line: TextLine) => T[],
  shift: (item: T, by: number) => T,
): T[] {
  let cache = lineCaches.get(name);
  if (!cache) lineCaches.set(name, (cache = { size: 0, byKindPart: new Map() }));
  let byPart = cache.byKindPart.get(line.kind);
  if (!byPart) cache.byKindPart.set(line.kind, (byPart = new Map()));
  let byText = byPart.get(line.part);
  if (!byText) byPart.set(line.part, (byText = new Map()));
  let relative = byText.get(line.text) as T[] | undefined;
  if (!relative) {
    relative = compute({ ...line, start: 0 });
    if (cache.size >= MAX_CACHED_LINES) {
      cache.byKindPart.clear();
      cache.size = 0;
      cache.byKindPart.set(line.kind, (byPart = new Map()));
      byPart.set(line.part, (byText = new Map()));
    }
    byText.set(line.text, relative);
    cache.size++;
  }
  if (relative.length === 0) return relative;
  return line.start === 0 ? relative : relative.map((item) => shift(item, line.start));
}

export function shiftFinding(f: RawFinding, by: number): RawFinding {
  return {
    ...f,
    start: f.start === null ? null : f.start + by,
    end: f.end === null ? null : f.end + by,
    ...(f.fix ? { fix: { ...f.fix, start: f.fix.start + by, end: f.fix.end + by } } : {}),
  };
}

/** Run a pure line-local rule over lines, through the cache. */
export function perLine(
  name: string,
  lines: readonly TextLine[],
  rule: (line: TextLine) => RawFinding[],
): RawFinding[] {
  const out: RawFinding[] = [];
  for (const line of lines) for (const f of cachedPerLine(name, line, rule, shiftFinding)) out.push(f);
  return out;
}

/**
 * A part as the clerk's report names it ("七、存在的问题" → "存在的问题"), so a finding speaks of the heading
 * she sees; the template's title where her report has no heading for it.
 */
export function partName(ctx: CheckContext, part: { id: string; title: string }): string {
  const section = ctx.doc.sections.find((s) => s.part === part.id && s.heading.trim() !== '');
  const own = section
    ? stripHeadingNumber(section.heading)
        .replace(/[：:]\s*$/, '')
        .trim()
    : '';
  return own || part.title;
}
