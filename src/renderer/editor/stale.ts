/**
 * The findings panel and the find bar show what the last check found, and the check runs after a short
 * pause in typing: a click within that pause (or on a busy machine, a while longer) must act on the text as
 * it is now, never apply old offsets to changed text. stillStanding (core) does this for fixes; these do it
 * for a jump to a finding and for 替换 in the find bar, with the same mapping of one changed stretch.
 */
import { mapRange } from '../../core/checks/stillStanding';
import type { Finding } from '../../core/checks/types';
import { findMatches, type Match } from './find';
import type { PlainText } from '../../core/model/plainText';

/**
 * The finding of the `fresh` check (of `after`) that is `old` (checked on `before`) at the place its words
 * are now; null when the edit changed or removed them.
 */
export function findingNow(old: Finding, before: string, fresh: readonly Finding[], after: string): Finding | null {
  if (old.start === null) return fresh.find((f) => f.rule === old.rule && f.start === null) ?? null;
  const end = old.end ?? old.start;
  const at = mapRange(before, after, old.start, end);
  if (!at) return null;
  return fresh.find((f) => f.rule === old.rule && f.start === at[0] && (f.end ?? f.start) === at[1]) ?? null;
}

/**
 * For 替换 on a match found in `before`: the same match in `now` if the text changed elsewhere (`replace`),
 * or else the match that now comes first at or after `from` (to be shown, not replaced: the clerk replaces
 * only what was shown). `from` is where the search goes on in `now` (after a replacement, its end).
 */
export function matchNow(
  match: Match,
  before: PlainText,
  now: PlainText,
  needle: string,
  from: number | null,
): { replace: Match } | { show: Match | null } {
  const fresh = findMatches(now, needle);
  const at = mapRange(before.text, now.text, match.start, match.end);
  const same = at ? fresh.find((m) => m.start === at[0] && m.end === at[1]) : undefined;
  if (same) return { replace: same };
  const start = from ?? at?.[0] ?? match.start;
  return { show: fresh.find((m) => m.start >= start) ?? fresh[0] ?? null };
}
