/**
 * The one rule for everything that leaves the app (导出 Word, 导出 PDF, 导出网页文本, 打印…, and the CLI's export
 * to .docx/.txt/.html alike): refused while a phone or an ID number remains. The Word file is the one published
 * and sent to the county, and what is printed can be scanned or printed to PDF, so they are held to the same rule
 * as the web text. Those are fixed in the report first; a finding the clerk ignored (a false alarm) no longer
 * holds the export back.
 *
 * The county's rule levels (its profile's `severities` and `off`, as the checker the clerk sees applies them)
 * decide too, so that the refusal and its 查看 always point at a finding the panel shows:
 * - a county that turns privacy.phone or privacy.id off, or down to 'info' (建议), lifts the refusal for that
 *   rule (a county that publishes its offices' numbers says so once, instead of every clerk ignoring each one);
 * - at 'warning' (or 'error') the rule still refuses: a warning is "look at each one", and the clerk answers
 *   each number by deleting it or by 忽略 (a public line), as for an error;
 * - only these two rules ever refuse: raising another rule (privacy.person, say) to 'error' blocks 可以提交,
 *   not the exports.
 */
import type { RuleSettings } from './catalogue';
import { checkPrivateText } from './index';
import type { ReportDocument } from '../model/report';
import type { Finding } from './types';

const BLOCKING = new Set(['privacy.phone', 'privacy.id']);

export type ExportKind = 'docx' | 'pdf' | 'web' | 'print';

/** What was refused, as the message bar says it. */
const WHAT: Record<ExportKind, string> = {
  docx: '导出 Word 文件',
  pdf: '导出 PDF',
  web: '导出用于网站发布的文本',
  print: '打印',
};

/**
 * Whether a finding, as the checker gave it (the county's levels applied), holds every export back (the app's
 * 查看 goes to the first such one). A finding the county lowered to advice does not.
 */
export function blocksExport(finding: Pick<Finding, 'rule' | 'severity'>): boolean {
  return BLOCKING.has(finding.rule) && finding.severity !== 'info';
}

export interface ExportRefusal {
  /** The Chinese reason, for the message bar or stderr. */
  message: string;
  /** The findings that hold the export back, in document order. */
  findings: Finding[];
}

/**
 * Why the report cannot leave as `kind` yet, or null when it may. `settings` is the county's profile the
 * checker runs with (the app's kept one, the CLI's `--profile`); without it, the catalogue's levels.
 */
export function exportRefusal(
  doc: ReportDocument,
  kind: ExportKind,
  settings?: RuleSettings | null,
): ExportRefusal | null {
  const findings = checkPrivateText(doc, settings ?? undefined).filter(blocksExport);
  if (!findings.length) return null;
  return {
    message: `报告中还有 ${findings.length} 处电话号码或身份证号码，不能${WHAT[kind]}。请先按检查结果删去。`,
    findings,
  };
}
