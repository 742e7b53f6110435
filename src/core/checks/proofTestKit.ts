/**
 * For the proofreading rules' tests only: a report whose part holds the given paragraph, its findings of
 * one rule, and the paragraph as it reads after clicking every fix of that rule.
 */
import { createReportFromTemplate } from '../model/fromTemplate';
import { toPlainText } from '../model/plainText';
import { defaultRegistry } from '../templates/registry';
import { checkReport } from './index';
import type { Finding } from './types';

export interface ProofOptions {
  template?: 'township' | 'department' | 'duty';
  year?: number;
  /** Index of the template part that gets the paragraph (1: the first part after the opening). */
  part?: number;
  /** Replaces the closing lines (特此报告). */
  closing?: string[];
}

export function proofCheck(
  paragraph: string,
  rule: string,
  options: ProofOptions = {},
): { findings: Finding[]; fixed: string } {
  const year = options.year ?? 2025;
  const doc = createReportFromTemplate(defaultRegistry.get(options.template ?? 'township')!, {
    unit: '青石镇',
    year,
    date: `${year + 1}年1月15日`,
  });
  const section = doc.sections[options.part ?? 1]!;
  section.blocks = [{ kind: 'paragraph', text: paragraph }];
  if (options.closing) doc.closing = options.closing;
  const findings = checkReport(doc).findings.filter((f) => f.rule.startsWith(rule));
  const line = toPlainText(doc).lines.find((l) => l.kind === 'paragraph' && l.sectionKey === section.key)!;
  let fixed = paragraph;
  let limit = Infinity;
  for (const f of [...findings].filter((f) => f.fix).sort((a, b) => b.fix!.start - a.fix!.start)) {
    const from = f.fix!.start - line.start;
    const to = f.fix!.end - line.start;
    if (from < 0 || to > paragraph.length || to > limit) continue;
    fixed = fixed.slice(0, from) + f.fix!.replacement + fixed.slice(to);
    limit = from;
  }
  return { findings, fixed };
}
