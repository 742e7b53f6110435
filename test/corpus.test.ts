import { describe, expect, it } from 'vitest';
import { corpusEntries, CORPUS_DIR, runEntry } from './corpus/corpus';

describe('the corpus of reports written for the tests', () => {
  const entries = corpusEntries();

  it('has at least 25 reports', () => {
    expect(entries.length).toBeGreaterThanOrEqual(25);
  });

  for (const entry of entries) {
    it(`${entry.slug}: read as expected, every planted error found, no false error`, async () => {
      const r = await runEntry(CORPUS_DIR, entry);
      expect(r.error).toBeUndefined();
      expect(r.misread).toEqual([]);
      expect(r.missed).toEqual([]);
      expect(r.falseErrors).toEqual([]);
    });
  }
});
