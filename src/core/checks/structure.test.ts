import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../model/fromTemplate';
import { defaultRegistry } from '../templates/registry';
import { checkReport } from './index';

function report() {
  return createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025 });
}

describe('structure checks', () => {
  it('a fresh report has every required part empty, and is not ready', () => {
    const result = checkReport(report());
    expect(result.findings.filter((f) => f.rule === 'section.empty').map((f) => f.section)).toEqual([
      'measures',
      'leadership',
      'shortcomings',
      'plans',
      'other',
    ]);
    expect(result.ready).toBe(false);
  });

  it('a removed part is reported missing, with the wording to add', () => {
    const doc = report();
    doc.sections = doc.sections.filter((s) => s.part !== 'leadership');
    const missing = checkReport(doc).findings.find((f) => f.rule === 'section.missing')!;
    expect(missing.section).toBe('leadership');
    expect(missing.severity).toBe('error');
    expect(missing.message).toContain('第一责任人');
    expect(missing.start).toBeNull();
  });

  it('points an empty part at its heading in the plain text', () => {
    const doc = report();
    const empty = checkReport(doc).findings.find((f) => f.section === 'plans')!;
    expect(empty.start).not.toBeNull();
  });

  it('"无" is enough for 其他需要报告的情况, and a dismissed finding moves to ignored', () => {
    const doc = report();
    doc.sections.find((s) => s.part === 'other')!.blocks = [{ kind: 'paragraph', text: '无。' }];
    const empty = (r: ReturnType<typeof checkReport>['findings']) =>
      r.filter((f) => f.rule === 'section.empty').map((f) => f.section);
    doc.ignoredFindings = [
      checkReport(doc).findings.find((f) => f.rule === 'section.empty' && f.section === 'measures')!.fingerprint,
    ];
    const result = checkReport(doc);
    expect(empty(result.findings)).not.toContain('other');
    expect(empty(result.findings)).not.toContain('measures');
    expect(empty(result.ignored)).toEqual(['measures']);
  });
});

describe('year.missing', () => {
  it('an annual report that names no year is not ready; a 述职 without a year is only advised', () => {
    const annual = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: null });
    expect(checkReport(annual).findings.find((f) => f.rule === 'year.missing')).toMatchObject({ severity: 'error' });
    expect(checkReport(annual).ready).toBe(false);
    expect(checkReport(annual, { year: 2025 }).findings.find((f) => f.rule === 'year.missing')).toBeUndefined();
    const duty = createReportFromTemplate(defaultRegistry.get('duty')!, { unit: '青石镇', year: null });
    expect(checkReport(duty).findings.find((f) => f.rule === 'year.missing')).toMatchObject({ severity: 'warning' });
  });
});
