/**
 * What the county writes back into a town's report: one comment per finding on the words it is about,
 * and a summary on the title (parts missing, errors, warnings, the verdict).
 */
import { maskDigits, maskPrivateNumbers } from '../checks/privacy';
import type { CheckResult, Finding } from '../checks/types';
import type { Template } from '../templates/schema';
import type { CommentSpec } from './comments';

export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The words a comment looks for: the first non-blank line of the finding's text, without whitespace. */
export function needleOf(text: string): string {
  return squash(text.split('\n').find((line) => line.trim()) ?? '');
}

export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '建议' } as const;

/** The words a finding is about, in the plain text it was found in. */
export function findingText(finding: Finding, plain: string): string | null {
  if (finding.start === null || finding.end === null || finding.end <= finding.start) return null;
  return plain.slice(finding.start, finding.end);
}

/**
 * Private details stay out of anything that leaves the town's own file (the workbook, the app's list):
 * every phone or ID number keeps its first three and last four digits (privacy.ts says what they are),
 * a person's name its surname.
 */
export function maskPrivate(rule: string, text: string): string {
  let masked = maskPrivateNumbers(text);
  if (rule === 'privacy.phone' || rule === 'privacy.id') {
    // The finding's own words are the number, whatever its form (an 8-digit one known only by its 电话：).
    masked = masked.replace(/\d[\d\s-]{6,}[\dXx]/g, maskDigits);
  }
  if (rule === 'privacy.person') return masked.replace(/^([\u4e00-\u9fff])[\u4e00-\u9fff]{1,3}$/, '$1某');
  return masked;
}

export function summaryComment(result: CheckResult, template: Template): string {
  const missing = result.sections
    .filter((s) => !s.present)
    .map((s) => template.parts.find((p) => p.id === s.id)?.title ?? s.id);
  const count = (severity: Finding['severity']) => result.findings.filter((f) => f.severity === severity).length;
  return [
    `审核意见：${result.ready ? '可以提交' : '需修改后再报'}。`,
    missing.length ? `缺少的部分：${missing.join('、')}。` : '必备部分齐全。',
    `错误 ${count('error')} 个，警告 ${count('warning')} 个${count('info') ? `，另有改进建议 ${count('info')} 条` : ''}；各处问题见批注。`,
  ].join('\n');
}

export interface ReviewCommentOptions {
  /** Advice (info) as comments too; off by default, so that the town sees what must change. */
  advice?: boolean;
}

/** One comment per finding, with which occurrence of its words it is about. */
export function findingComments(result: CheckResult, plain: string, options: ReviewCommentOptions = {}): CommentSpec[] {
  const squashedPlain = squash(plain);
  // Where each plain-text offset falls in the whitespace-free text, to count earlier occurrences.
  const squashedAt = new Int32Array(plain.length + 1);
  for (let i = 0, k = 0; i <= plain.length; i++) {
    squashedAt[i] = k;
    if (i < plain.length && !/\s/.test(plain[i]!)) k++;
  }
  return result.findings
    .filter((f) => options.advice || f.severity !== 'info')
    .map((f) => {
      const text = findingText(f, plain);
      const needle = text ? needleOf(text) : '';
      let occurrence = 0;
      if (needle && f.start !== null) {
        const before = squashedAt[f.start]!;
        for (let at = squashedPlain.indexOf(needle); at >= 0 && at < before; at = squashedPlain.indexOf(needle, at + 1))
          occurrence++;
      }
      // The comment goes back to the town, but a copy of it may travel further: no private number in it.
      const label = `【${SEVERITY_LABEL[f.severity]}】${maskPrivateNumbers(f.message)}`;
      return { text: needle ? text : null, occurrence, message: label };
    });
}
