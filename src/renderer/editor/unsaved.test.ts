import { describe, expect, it } from 'vitest';
import { JOURNAL_MAX_WAIT_MS, JOURNAL_WAIT_MS, dirtyAfterSave, journalDelay } from './unsaved';

describe('journalDelay', () => {
  it('waits a second after a pause in typing', () => {
    expect(journalDelay(10_000, 10_000)).toBe(JOURNAL_WAIT_MS);
  });

  it('keeps a clerk who types a key every 300 ms journaled: at most the maximum wait after the first change', () => {
    // Each keystroke restarts the timer with the delay computed then: the journal is written by the maximum wait.
    const first = 0;
    let written: number | undefined;
    for (let now = first; now < 60_000 && written === undefined; now += 300) {
      const due = now + journalDelay(now, first);
      if (due <= now + 300) written = due;
    }
    expect(written).toBeDefined();
    expect(written!).toBeLessThanOrEqual(first + JOURNAL_MAX_WAIT_MS);
  });

  it('is never negative', () => {
    expect(journalDelay(100_000, 0)).toBe(0);
  });
});

describe('dirtyAfterSave', () => {
  it('stays dirty when the report changed while the save was under way', () => {
    const saved = { text: '甲' };
    expect(dirtyAfterSave(saved, { ...saved, text: '甲乙' })).toBe(true);
    expect(dirtyAfterSave(saved, saved)).toBe(false);
  });
});
