/**
 * The one rule for text that goes out to the website (the app's 导出网页文本 and the CLI's export to
 * .txt/.html alike): refused while a phone or an ID number remains. Those are fixed in the report first.
 */
import type { ReportDocument } from '../model/report';
import { checkReport } from './index';

const BLOCKING = new Set(['privacy.phone', 'privacy.id']);

/** The Chinese reason the report cannot go out for the website yet, or null. */
export function webExportRefusal(doc: ReportDocument): string | null {
  const count = checkReport(doc).findings.filter((f) => BLOCKING.has(f.rule)).length;
  return count ? `报告中还有 ${count} 处电话号码或身份证号码，不能导出用于网站发布的文本。请先按检查结果删去。` : null;
}
