/** After an import: which part of the source went where, with a way to correct a wrong guess. */
import { useRef, useState } from 'react';
import { DialogActions, useModal } from './Dialog';
import type { PartMapping } from '../../shared/ipc';
import type { Template } from '../../core/templates/schema';
import type { ReviewComment } from '../../core/model/report';
import { reviewCommentSummary } from '../../core/model/reviewComments';

interface Props {
  sourceName: string;
  template: Template;
  /** The outlines the file may be mapped onto (the built-in ones, the county's); another one reads it again. */
  templates: readonly Template[];
  onTemplate: (templateId: string) => void;
  /** The file is being read again: the choices wait. */
  busy?: boolean;
  mapping: readonly PartMapping[];
  warnings: readonly string[];
  /** The comments (批注) the file carried: the county's 审核意见, listed beside the text after import. */
  reviewComments?: readonly ReviewComment[];
  onConfirm: (parts: Record<string, string | null>) => void;
  onCancel: () => void;
  /** 用去年的报告起草: the file is last year's report, from which the year `draftYear` report is drafted. */
  draft?: boolean;
  draftYear?: number | null;
}

const CONFIDENCE: Record<PartMapping['confidence'], string> = {
  alias: '按标题识别',
  keyword: '按关键词识别',
  position: '按位置推断',
  none: '未识别',
};

export function ImportReview({
  sourceName,
  template,
  templates,
  onTemplate,
  busy = false,
  mapping,
  warnings,
  reviewComments,
  onConfirm,
  onCancel,
  draft = false,
  draftYear = null,
}: Props) {
  // A draft says so: the clerk is starting this year's report, not importing one to check.
  const title = draft ? `用去年的报告起草${draftYear ? `${draftYear}年度报告` : ''}` : '核对导入结果';
  const [parts, setParts] = useState<Record<string, string | null>>(() =>
    Object.fromEntries(mapping.map((m) => [m.sectionKey, m.part])),
  );
  const comments = reviewCommentSummary(reviewComments);
  const box = useRef<HTMLDivElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const modal = useModal(box, onCancel, start);
  return (
    <div className="dialog-backdrop">
      <div ref={box} className="dialog" role="dialog" aria-modal="true" aria-label={title} onKeyDown={modal.onKeyDown}>
        <h2>
          {title}：{sourceName}
        </h2>
        {/* The body scrolls; the buttons below stay in sight on a short screen. */}
        <div className="dialog-body">
          <p>识别为“{template.name}”。请核对每一部分对应的必备内容，识别错了就在右边改正，然后点“开始编辑”。</p>
          {templates.length > 1 && (
            <label className="import-template">
              按哪个提纲：
              <select value={template.id} disabled={busy} onChange={(e) => onTemplate(e.target.value)}>
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <table className="mapping">
            <thead>
              <tr>
                <th>原文标题</th>
                <th>对应内容</th>
              </tr>
            </thead>
            <tbody>
              {mapping.map((m) => (
                <tr key={m.sectionKey}>
                  <td>
                    {m.heading}
                    <span className="muted">（{CONFIDENCE[m.confidence]}）</span>
                  </td>
                  <td>
                    <select
                      aria-label={`“${m.heading}”对应的内容`}
                      value={parts[m.sectionKey] ?? ''}
                      onChange={(e) => setParts({ ...parts, [m.sectionKey]: e.target.value || null })}
                    >
                      {template.parts.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.title}
                        </option>
                      ))}
                      <option value="">其他（保留为附加部分）</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {comments.threads > 0 && (
            <p className="import-comments" role="note">
              读到批注（审核意见）{comments.threads} 条
              {comments.resolvedInWord > 0 &&
                `，其中 ${comments.resolvedInWord} 条审核人已标为解决（已记为已处理，可改为未处理）`}
              {comments.replies > 0 && `；另有 ${comments.replies} 条回复，列在所回复的意见下`}
              ：开始编辑后列在右侧“县里的审核意见”中，可逐条定位、标记已处理；导出的 Word 文件和网页文本不带批注。
            </p>
          )}
          {warnings.length > 0 && (
            <ul className="warnings">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
        <DialogActions
          buttons={[
            { label: '取消', onClick: onCancel },
            { label: '开始编辑', primary: true, ref: start, disabled: busy, onClick: () => onConfirm(parts) },
          ]}
        />
      </div>
    </div>
  );
}
