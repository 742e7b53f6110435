/**
 * When unsaved work is safe: pure rules the app's save and journal follow, kept here so they are tested
 * apart from App.tsx.
 */

/** The journal is written this long after the last change… */
export const JOURNAL_WAIT_MS = 1000;
/** …but never later than this after the first unjournaled one: a clerk typing steadily is journaled too. */
export const JOURNAL_MAX_WAIT_MS = 5000;

/** Milliseconds until the journal is due, given when the oldest change not yet journaled was made. */
export function journalDelay(now: number, pendingSince: number, wait = JOURNAL_WAIT_MS, maxWait = JOURNAL_MAX_WAIT_MS): number {
  return Math.max(0, Math.min(wait, pendingSince + maxWait - now));
}

/**
 * After a save answers: the report is clean only if it is still the very report that was saved. The
 * report is immutable (every edit makes a new object), so identity tells whether the clerk typed while
 * the save waited (a rename antivirus held for seconds).
 */
export function dirtyAfterSave<T>(saved: T, current: T): boolean {
  return saved !== current;
}
