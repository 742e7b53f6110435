/**
 * The report as the clerk writes it: title, then the one document editor holding every part (its heading's
 * number fixed, the wording editable, as the checker may ask), then the closing lines and the signature.
 * Closing lines such as 撰稿人 can be edited or removed.
 */
import type { LexicalEditor } from 'lexical';
import { useCallback, useRef } from 'react';
import type { ReportDocument, Section } from '../../core/model/report';
import type { Template } from '../../core/templates/schema';
import { ReportEditor } from '../editor/ReportEditor';

interface Props {
  doc: ReportDocument;
  template: Template;
  readOnly: boolean;
  onDocumentChange: (sections: Section[], ignored: string[]) => void;
  onEditor: (editor: LexicalEditor | null) => void;
  onRemoveSection: (key: string) => void;
  onClosing: (closing: string[]) => void;
}

export function DocumentView({
  doc,
  template,
  readOnly,
  onDocumentChange,
  onEditor,
  onRemoveSection,
  onClosing,
}: Props) {
  // A stable callback for the editor (memoised): the latest handler is read when it is called.
  const removeRef = useRef(onRemoveSection);
  removeRef.current = onRemoveSection;
  const onRemovePart = useCallback((key: string) => removeRef.current(key), []);
  return (
    <div className="page">
      <div className="doc-title">
        {doc.meta.title || <span className="muted">（标题：在右侧“报告信息”中填写）</span>}
      </div>
      {doc.meta.addressee && <div className="doc-addressee">{doc.meta.addressee}</div>}
      <ReportEditor
        initialSections={doc.sections}
        initialIgnored={doc.ignoredFindings}
        template={template}
        readOnly={readOnly}
        onChange={onDocumentChange}
        onEditor={onEditor}
        onRemovePart={onRemovePart}
      />
      {doc.closing.map((c, i) =>
        readOnly ? (
          <p key={i} className="doc-paragraph doc-closing">
            {c}
          </p>
        ) : (
          <p key={i} className="doc-paragraph doc-closing doc-closing-edit">
            <input
              id={`closing-${i}`}
              className="closing-input"
              aria-label={`结尾第 ${i + 1} 行`}
              value={c}
              onChange={(e) => onClosing(doc.closing.map((x, j) => (j === i ? e.target.value : x)))}
            />
            <button
              type="button"
              className="quiet"
              aria-label={`删除结尾第 ${i + 1} 行`}
              title="删除这一行"
              onClick={() => onClosing(doc.closing.filter((_, j) => j !== i))}
            >
              删除
            </button>
          </p>
        ),
      )}
      <div className="doc-signature">
        {doc.meta.signature.filter(Boolean).map((s, i) => (
          <div key={i}>{s}</div>
        ))}
        <div>{doc.meta.date}</div>
      </div>
    </div>
  );
}
