/**
 * The findings panel shows the last check, which runs after a short pause in typing: a fix clicked within
 * that pause (or right after Ctrl+Z) would apply old offsets to changed text. So a fix is applied to a
 * fresh check of the text as it is now, and only where its finding still stands at the same place.
 */
import { changedStretch } from '../text/changedStretch';
import type { Finding, Fix } from './types';

/**
 * Where an offset range of `before` is in `after`, when the two differ by one changed stretch (what one
 * keystroke, a paste, an undo or a fix makes); null when the change touches the range.
 */
export function mapRange(before: string, after: string, start: number, end: number): [number, number] | null {
  if (before === after) return [start, end];
  const { prefix, suffix } = changedStretch(before, after);
  // Before the changed stretch: where it was. After it: moved by what was added or removed.
  if (end <= prefix) return [start, end];
  if (start >= before.length - suffix) {
    const by = after.length - before.length;
    return [start + by, end + by];
  }
  return null;
}

const sameFix = (a: Fix, b: Fix) =>
  a.label === b.label && a.replacement === b.replacement && (a.removeBlocks ?? 0) === (b.removeBlocks ?? 0);

/**
 * Of the `clicked` findings (checked on `before`), those of the `fresh` check (of `after`) that are the same
 * finding with the same fix at the same place, with the fresh offsets; a finding the edit changed or
 * removed is left out.
 */
export function stillStanding(
  clicked: readonly Finding[],
  before: string,
  fresh: readonly Finding[],
  after: string,
): Finding[] {
  const out: Finding[] = [];
  for (const old of clicked) {
    if (!old.fix) continue;
    const at = mapRange(before, after, old.fix.start, old.fix.end);
    if (!at) continue;
    const now = fresh.find(
      (f) => f.rule === old.rule && f.fix && sameFix(f.fix, old.fix!) && f.fix.start === at[0] && f.fix.end === at[1],
    );
    if (now && !out.includes(now)) out.push(now);
  }
  return out;
}
