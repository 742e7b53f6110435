/** The checker's findings, grouped by severity with counts; click to jump, fix in one click, or ignore. */
import { memo } from 'react';
import { isRuleId, RULES } from '../../core/checks/catalogue';
import type { CheckResult, Finding, Severity } from '../../core/checks/types';
import type { useReviewComments } from '../hooks/useReviewComments';
import { ReviewComments } from './ReviewComments';

const GROUPS: Array<{ severity: Severity; label: string }> = [
  { severity: 'error', label: '错误' },
  { severity: 'warning', label: '警告' },
  { severity: 'info', label: '建议' },
];

interface Props {
  result: CheckResult | null;
  onJump: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
  /** Apply every one-click fix of a rule at once. */
  onFixAll: (findings: Finding[]) => void;
  onIgnore: (finding: Finding) => void;
  onRestore: (finding: Finding) => void;
  readOnly: boolean;
  /** The county's 审核意见, a group of their own above the findings (stable parts: see useReviewComments). */
  reviewComments?: ReturnType<typeof useReviewComments>;
}

/** Memoised: a keystroke re-renders it only when a new check result arrives (the app passes stable callbacks). */
export const FindingsPanel = memo(function FindingsPanel({
  result,
  onJump,
  onFix,
  onFixAll,
  onIgnore,
  onRestore,
  readOnly,
  reviewComments,
}: Props) {
  if (!result) return <aside className="findings" aria-label="检查结果" />;
  const county = reviewComments && (
    <ReviewComments
      comments={reviewComments.comments}
      readOnly={readOnly}
      onJump={reviewComments.onJump}
      onResolve={reviewComments.onResolve}
    />
  );
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  // Mechanical fixes of one rule (half-width punctuation in 26 paragraphs, say) in one click.
  const fixable = new Map<string, Finding[]>();
  for (const f of result.findings) if (f.fix) fixable.set(f.rule, [...(fixable.get(f.rule) ?? []), f]);
  // The button sits on the rule's first finding shown (for punct.width, the summary warning).
  const firstOfRule = new Set<Finding>();
  for (const [rule, list] of fixable)
    if (list.length > 1) firstOfRule.add(result.findings.find((f) => f.rule === rule)!);
  return (
    <aside className="findings" aria-label="检查结果">
      {county}
      <div className={result.ready ? 'ready ready-yes' : 'ready ready-no'} role="status">
        {result.ready ? '✓ 可以提交：没有错误' : `还不能提交：还有 ${errors} 个错误`}
      </div>
      {GROUPS.map(({ severity, label }) => {
        const items = result.findings.filter((f) => f.severity === severity);
        if (items.length === 0) return null;
        return (
          <section key={severity} className={`finding-group finding-${severity}`}>
            <h3>
              {label}（{items.length}）
            </h3>
            <ul>
              {items.map((f) => (
                // Fingerprints are unique and do not move with the text: typing above a finding keeps its row.
                <li key={f.fingerprint}>
                  <button
                    type="button"
                    className="finding-text"
                    onClick={() => onJump(f)}
                    title="点击定位到报告中的位置"
                  >
                    {f.message}
                  </button>
                  <div className="finding-actions">
                    {f.fix && !readOnly && (
                      <button type="button" onClick={() => onFix(f)}>
                        {f.fix.label}
                      </button>
                    )}
                    {firstOfRule.has(f) && !readOnly && (
                      <button
                        type="button"
                        onClick={() => onFixAll(fixable.get(f.rule)!)}
                        title="把同类问题全部按建议改正"
                      >
                        全部改正（{fixable.get(f.rule)!.length} {(isRuleId(f.rule) && RULES[f.rule].fixUnit) || '处'}）
                      </button>
                    )}
                    {!readOnly && (
                      <button
                        type="button"
                        className="quiet"
                        onClick={() => onIgnore(f)}
                        title="认为这条提示不对时忽略它，忽略记录保存在报告文件中"
                      >
                        忽略
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {result.ignored.length > 0 && (
        <details className="finding-group">
          <summary>已忽略（{result.ignored.length}）</summary>
          <ul>
            {result.ignored.map((f) => (
              <li key={f.fingerprint}>
                <span className="finding-text muted">{f.message}</span>
                {!readOnly && (
                  <button type="button" className="quiet" onClick={() => onRestore(f)}>
                    恢复
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
});
