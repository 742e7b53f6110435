/**
 * The county's 审核意见 for the findings panel: their state at the last check (where their words are, 已处理
 * or not), a click that takes the caret to the words as a finding's does, and 已处理 through the same
 * undoable record as 忽略 (model/reviewComments.ts).
 */
import { useMemo, type RefObject } from 'react';
import type { Finding } from '../../core/checks/types';
import { toPlainText, type PlainText } from '../../core/model/plainText';
import type { ReportDocument } from '../../core/model/report';
import {
  locateReviewComment,
  reviewCommentKey,
  reviewCommentStates,
  type ReviewCommentState,
} from '../../core/model/reviewComments';
import { useStableCallback } from './useStableCallback';

const NONE: readonly ReviewCommentState[] = [];

export function useReviewComments(options: {
  /** The report as last checked, and its plain text: the panel follows the check, not each keystroke. */
  checked: ReportDocument | null;
  plain: PlainText | null;
  docRef: RefObject<ReportDocument | null>;
  jump: (finding: Finding, plain: PlainText) => void;
  inText: (then: () => void) => Promise<void>;
  setIgnored: (key: string, ignored: boolean) => void;
  info: (message: string) => void;
}) {
  const { checked, plain } = options;
  const comments = useMemo(
    () => (checked?.reviewComments?.length && plain ? reviewCommentStates(checked, plain) : NONE),
    [checked, plain],
  );
  // Where the words are now, in the text as it is at the click (typed since the last check or not).
  const onJump = useStableCallback((id: string) => {
    const doc = options.docRef.current;
    const comment = doc?.reviewComments?.find((c) => c.id === id);
    if (!doc || !comment) return;
    if (!comment.quote.trim()) return options.info('这条审核意见针对全文，没有指向具体文字。');
    const now = toPlainText(doc);
    const at = locateReviewComment(comment, now);
    if (!at) return options.info('这条审核意见所指的文字已经改动，在报告中找不到了。');
    const finding: Finding = {
      rule: 'review.comment',
      severity: 'info',
      message: comment.text,
      section: null,
      start: at.start,
      end: at.end,
      fingerprint: reviewCommentKey(id),
    };
    void options.inText(() => options.jump(finding, now));
  });
  const onResolve = useStableCallback((id: string, resolved: boolean) =>
    options.setIgnored(reviewCommentKey(id), resolved),
  );
  // One object per check, so that the memoised findings panel still skips a keystroke's render.
  return useMemo(() => ({ comments, onJump, onResolve }), [comments, onJump, onResolve]);
}
