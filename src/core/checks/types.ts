/** What a check says about a report: shared by the checker, the editor's panel and the CLI's JSON. */

export type Severity = 'error' | 'warning' | 'info';

/**
 * A mechanical correction: replace plain-text range [start, end) with `replacement`; or, with
 * `removeBlocks`, remove that many whole blocks of the part from the one at `start` (a sub-heading left
 * empty and the blank paragraphs under it), which a text replacement cannot do.
 */
export interface Fix {
  label: string;
  start: number;
  end: number;
  replacement: string;
  removeBlocks?: number;
}

export interface Finding {
  /** Rule id of shared/spec/checks.md, e.g. "section.missing". */
  rule: string;
  severity: Severity;
  /** Plain Chinese: what is wrong and how to fix it. */
  message: string;
  /** Template part id the finding belongs to, or null for the whole document. */
  section: string | null;
  /** Character offsets into the document's plain text (model/plainText.ts), or null. */
  start: number | null;
  end: number | null;
  fix?: Fix;
  /** Stable across edits elsewhere in the document, so that an ignored finding stays ignored. */
  fingerprint: string;
}

export interface SectionSummary {
  id: string;
  present: boolean;
  heading?: string;
  /** Body characters, whitespace excluded. */
  chars?: number;
  /** For the plans part: the year it names. */
  year?: number;
}

export interface IndicatorSummary {
  id: string;
  found: boolean;
  text?: string;
  value?: number;
  unit?: string;
}

export interface CheckResult {
  template: string;
  unit: string;
  year: number | null;
  title: string;
  sections: SectionSummary[];
  indicators: IndicatorSummary[];
  /** Findings the clerk has not dismissed, errors first. */
  findings: Finding[];
  /** Dismissed findings, still listed in the panel's "已忽略" group. */
  ignored: Finding[];
  /** No error-severity finding is left: ready to submit. */
  ready: boolean;
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityOrder[a.severity] - severityOrder[b.severity] ||
    (a.start ?? -1) - (b.start ?? -1) ||
    a.rule.localeCompare(b.rule)
  );
}
