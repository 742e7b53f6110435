/**
 * The figures part of our own corpus (test/corpus/figures-*.txt, written for the tests): each report is
 * read as expected (template, unit, year, parts), every planted finding is reported under its rule id, and a
 * clean report has no error-severity finding.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/core/checks/index';
import { importText } from '../src/core/import/index';

interface Expect {
  template: string;
  unit: string;
  year: number;
  parts: string[];
  must: string[];
  mustNotErrors: boolean;
}

const dir = join(__dirname, 'corpus');
const names = readdirSync(dir).filter((f) => f.startsWith('figures-') && f.endsWith('.txt'));

describe('corpus: figures in context', () => {
  it('has reports to check', () => expect(names.length).toBeGreaterThanOrEqual(8));

  it.each(names)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(dir, name.replace(/\.txt$/, '.expect.json')), 'utf8')) as Expect;
    const imported = importText(readFileSync(join(dir, name), 'utf8'));
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const result = checkReport(imported.doc);
    expect({ template: result.template, unit: result.unit, year: result.year }).toEqual({
      template: expected.template,
      unit: expected.unit,
      year: expected.year,
    });
    expect(result.sections.filter((s) => s.present).map((s) => s.id)).toEqual(expect.arrayContaining(expected.parts));
    const rules = result.findings.map((f) => f.rule);
    for (const rule of expected.must) expect(rules, `${name}: ${rule}`).toContain(rule);
    if (expected.mustNotErrors) {
      expect(result.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    }
  });
});
