/**
 * The county's 审核意见 (the comments of the Word file it returned), above the checker's findings: who wrote
 * each, what it says and the words it is about, the replies under it (one item per thread, as Word shows
 * them); a click takes the caret to those words, 已处理 puts the thread away (saved in the report, undone
 * with Ctrl+Z as 忽略 is). A thread the reviewer resolved in Word starts among the 已处理, and says so.
 */
import { memo, useRef } from 'react';
import { formatChineseDate } from '../../core/model/report';
import type { ReviewCommentState } from '../../core/model/reviewComments';

interface Props {
  comments: readonly ReviewCommentState[];
  readOnly: boolean;
  onJump: (id: string) => void;
  onResolve: (id: string, resolved: boolean) => void;
}

/** The words shown beside a comment: enough to recognise them, not a paragraph. */
const QUOTE_SHOWN = 36;

function quoteOf(c: ReviewCommentState): string {
  const words = c.quote.replace(/\s+/g, ' ').trim();
  if (!words) return '（针对全文）';
  const shown = words.length > QUOTE_SHOWN ? `${words.slice(0, QUOTE_SHOWN)}…` : words;
  return c.start === null ? `（原文已改动，找不到：“${shown}”）` : `“${shown}”`;
}

function byline(c: Pick<ReviewCommentState, 'author' | 'date'>): string {
  const date = c.date ? new Date(c.date) : null;
  const when = date && !Number.isNaN(date.getTime()) ? formatChineseDate(date) : '';
  return [c.author || '审核人未署名', when].filter(Boolean).join('　');
}

/** A thread's replies under its first comment, in order, each with who wrote it and when. */
function Replies({ comment }: { comment: ReviewCommentState }) {
  if (comment.replies.length === 0) return null;
  return (
    <ol className="review-replies" aria-label={`${comment.replies.length} 条回复`}>
      {comment.replies.map((r) => (
        <li key={r.id}>
          <span className="review-reply-label">回复：</span>
          {r.text || '（回复没有文字）'}
          <br />
          <span className="muted">{byline(r)}</span>
        </li>
      ))}
    </ol>
  );
}

export const ReviewComments = memo(function ReviewComments({ comments, readOnly, onJump, onResolve }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  if (comments.length === 0) return null;
  const open = comments.filter((c) => !c.resolved);
  const done = comments.filter((c) => c.resolved);
  // The row leaves the list: the keyboard stays in the group, not on the page's body.
  const resolve = (id: string, resolved: boolean) => {
    heading.current?.focus();
    onResolve(id, resolved);
  };
  return (
    <section className="finding-group review-comments" aria-label="县里的审核意见">
      <h3 ref={heading} tabIndex={-1}>
        县里的审核意见（{comments.length} 条）
      </h3>
      <p className="muted" role="status">
        {open.length ? `还有 ${open.length} 条未处理` : '已全部处理'}
      </p>
      {open.length > 0 && (
        <ul>
          {open.map((c) => (
            <li key={c.id} className="review-comment">
              <button
                type="button"
                className="finding-text"
                onClick={() => onJump(c.id)}
                title={c.start === null ? '批注所指的文字已不在报告中' : '点击定位到批注所指的文字'}
              >
                {c.text || '（批注没有文字）'}
                <br />
                <span className="muted">
                  {quoteOf(c)}
                  {'\u3000'}
                  {byline(c)}
                </span>
              </button>
              <Replies comment={c} />
              {!readOnly && (
                <div className="finding-actions">
                  <button
                    type="button"
                    onClick={() => resolve(c.id, true)}
                    title="已按这条意见修改；记录保存在报告文件中，可撤销"
                  >
                    已处理
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {done.length > 0 && (
        <details>
          <summary>已处理（{done.length}）</summary>
          <ul>
            {done.map((c) => (
              <li key={c.id} className="review-comment">
                <span className="finding-text muted">
                  {c.text || '（批注没有文字）'}
                  {c.resolvedInWord && <span className="review-resolved-in-word">（审核人已标为解决）</span>}
                </span>
                <Replies comment={c} />
                {!readOnly && (
                  <button type="button" className="quiet" onClick={() => resolve(c.id, false)}>
                    改为未处理
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
});
