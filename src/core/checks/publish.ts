/**
 * The one rule for everything that leaves the app (导出 Word, 导出 PDF, 导出网页文本, and the CLI's export to
 * .docx/.txt/.html alike): refused while a phone or an ID number remains. The Word file is the one published
 * and sent to the county, so it is held to the same rule as the web text. Those are fixed in the report first;
 * a finding the clerk ignored (a false alarm) no longer holds the export back.
 */
import type { ReportDocument } from '../model/report';
import { checkPrivateText } from './index';
import type { Finding } from './types';

const BLOCKING = new Set(['privacy.phone', 'privacy.id']);

export type ExportKind = 'docx' | 'pdf' | 'web';

const WHAT: Record<ExportKind, string> = {
  docx: ' Word 文件',
  pdf: ' PDF',
  web: '用于网站发布的文本',
};

/** Whether a finding holds every export back (the app's 查看 goes to the first such one). */
export function blocksExport(finding: Pick<Finding, 'rule'>): boolean {
  return BLOCKING.has(finding.rule);
}

export interface ExportRefusal {
  /** The Chinese reason, for the message bar or stderr. */
  message: string;
  /** The findings that hold the export back, in document order. */
  findings: Finding[];
}

/** Why the report cannot leave as `kind` yet, or null when it may. */
export function exportRefusal(doc: ReportDocument, kind: ExportKind): ExportRefusal | null {
  const findings = checkPrivateText(doc).filter(blocksExport);
  if (!findings.length) return null;
  return {
    message: `报告中还有 ${findings.length} 处电话号码或身份证号码，不能导出${WHAT[kind]}。请先按检查结果删去。`,
    findings,
  };
}
