/**
 * The one place where a county's profile changes the two data lists: the era calendar and the figures. The
 * checker, the figure extraction, the reviewer's workbook and chart, and the app's figures form all take the
 * list from here, so that a profile changes them everywhere alike.
 */
import type { CountyProfile } from '../profile/model';
import { BUILTIN_INDICATORS, compileIndicators, INDICATORS, type IndicatorSet } from './indicators';
import type { CalendarChanges, EraCalendar, Indicator, IndicatorChange } from './listSchemas';
import { BUILTIN_CALENDAR, ERA_CALENDAR, type CalendarSet } from './years';

/** Entries of `changes` replace those of `base` with the same identity, in place; the others are added at the end. */
function mergeBy<T>(base: readonly T[], changes: readonly T[], identity: (item: T) => string): T[] {
  const byIdentity = new Map(changes.map((c) => [identity(c), c]));
  const merged = base.map((item) => {
    const change = byIdentity.get(identity(item));
    if (change) byIdentity.delete(identity(item));
    return change ?? item;
  });
  // Added in the county's order; of two with one identity, the later wins (the Map kept it).
  return [...merged, ...byIdentity.values()];
}

/** The calendar with a county's entries: a congress by its number, a plenum by congress and session, a programme by name, a formula by its words. */
export function mergeCalendar(base: EraCalendar, changes: Partial<CalendarChanges>): EraCalendar {
  return {
    ...base,
    congresses: mergeBy(base.congresses, changes.congresses ?? [], (c) => String(c.number)),
    plenums: mergeBy(base.plenums, changes.plenums ?? [], (p) => `${p.congress}.${p.session}`),
    programmes: mergeBy(base.programmes, changes.programmes ?? [], (p) => p.name),
    formulas: mergeBy(base.formulas, changes.formulas ?? [], (f) => f.text),
  };
}

const unique = (words: readonly string[]) => [...new Set(words)];

/** The figures with a county's changes: a built-in one reworded where its id is named, the county's own appended. */
export function mergeIndicators(base: readonly Indicator[], changes: readonly IndicatorChange[]): Indicator[] {
  const byId = new Map<string, IndicatorChange>();
  for (const c of changes) byId.set(c.id, c);
  const apply = (ind: Indicator | undefined, c: IndicatorChange): Indicator => {
    const exclude = unique([...(ind?.exclude ?? []), ...c.exclude]);
    return {
      id: c.id,
      name: ind?.name ?? c.name,
      units: c.units ?? ind?.units ?? [],
      keywords: unique(c.replaceKeywords || !ind ? c.keywords : [...ind.keywords, ...c.keywords]),
      ...(exclude.length ? { exclude } : {}),
    };
  };
  const merged = base.map((ind) => {
    const c = byId.get(ind.id);
    if (!c) return ind;
    byId.delete(ind.id);
    return apply(ind, c);
  });
  return [...merged, ...[...byId.values()].map((c) => apply(undefined, c))];
}

/** A short name for a list's content (53-bit string hash), for the line cache: equal changes, equal name. */
function hashOf(value: unknown): string {
  const text = JSON.stringify(value);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}.${text.length.toString(36)}`;
}

const calendars = new WeakMap<CountyProfile, CalendarSet>();
const indicatorSets = new WeakMap<CountyProfile, IndicatorSet>();

const emptyCalendar = (c: Partial<CalendarChanges> | undefined) =>
  !c || !(c.congresses?.length || c.plenums?.length || c.programmes?.length || c.formulas?.length);

/** The calendar a profile's reports are checked against: the built-in one when it changes nothing. Computed once per profile. */
export function calendarOf(profile: CountyProfile | null | undefined): CalendarSet {
  if (!profile || emptyCalendar(profile.calendar)) return BUILTIN_CALENDAR;
  let set = calendars.get(profile);
  if (!set) {
    set = { key: `county:${hashOf(profile.calendar)}`, calendar: mergeCalendar(ERA_CALENDAR, profile.calendar!) };
    calendars.set(profile, set);
  }
  return set;
}

/** The figures a profile's reports are read for, compiled: the built-in ones when it changes nothing. Computed once per profile. */
export function indicatorsOf(profile: CountyProfile | null | undefined): IndicatorSet {
  if (!profile?.indicators?.length) return BUILTIN_INDICATORS;
  let set = indicatorSets.get(profile);
  if (!set) {
    set = compileIndicators(mergeIndicators(INDICATORS, profile.indicators), `county:${hashOf(profile.indicators)}`);
    indicatorSets.set(profile, set);
  }
  return set;
}
