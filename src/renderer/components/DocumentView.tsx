/**
 * The report as the clerk writes it: title, parts with their headings and one editor each, the closing
 * lines and the signature. A part heading's number is fixed (parts are renumbered as a whole) but its
 * wording can be changed, as the checker may ask; closing lines such as 撰稿人 can be edited or removed.
 */
import type { LexicalEditor } from 'lexical';
import { splitPartHeading } from '../../core/model/fromTemplate';
import type { Block, ReportDocument } from '../../core/model/report';
import type { Template } from '../../core/templates/schema';
import { SectionEditor } from '../editor/SectionEditor';

interface Props {
  doc: ReportDocument;
  template: Template;
  readOnly: boolean;
  onSectionChange: (key: string, blocks: Block[]) => void;
  onEditor: (key: string, editor: LexicalEditor | null) => void;
  onActiveSection: (key: string) => void;
  onHeading: (key: string, heading: string) => void;
  onRemoveSection: (key: string) => void;
  onClosing: (closing: string[]) => void;
}

export function DocumentView({ doc, template, readOnly, onSectionChange, onEditor, onActiveSection, onHeading, onRemoveSection, onClosing }: Props) {
  const partOf = (part: string | null) => template.parts.find((p) => p.id === part);
  return (
    <div className="page">
      <div className="doc-title">{doc.meta.title || <span className="muted">（标题：在右侧“报告信息”中填写）</span>}</div>
      {doc.meta.addressee && <div className="doc-addressee">{doc.meta.addressee}</div>}
      {doc.sections.map((s) => {
        const part = partOf(s.part);
        const { number, wording } = splitPartHeading(s.heading);
        return (
          <section key={s.key} data-section={s.key} data-part={s.part ?? undefined} onFocus={() => onActiveSection(s.key)}>
            {s.heading && (
              <h2 className="doc-heading">
                {readOnly ? (
                  s.heading
                ) : (
                  <>
                    <span className="heading-number">{number}</span>
                    <input
                      id={`heading-${s.key}`}
                      className="heading-input"
                      aria-label={`部分标题：${s.heading}`}
                      value={wording}
                      onChange={(e) => onHeading(s.key, number + e.target.value)}
                    />
                    {s.part === null && (
                      <button type="button" className="quiet" onClick={() => onRemoveSection(s.key)}>
                        删除此部分
                      </button>
                    )}
                  </>
                )}
              </h2>
            )}
            {part && <p className="section-hint">{part.hint}</p>}
            <SectionEditor
              sectionKey={s.key}
              initialBlocks={s.blocks}
              placeholder={s.heading ? '在此输入正文' : template.opening.hint}
              readOnly={readOnly}
              label={s.heading || '开头'}
              onChange={onSectionChange}
              onEditor={onEditor}
            />
          </section>
        );
      })}
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
            <button type="button" className="quiet" aria-label={`删除结尾第 ${i + 1} 行`} title="删除这一行" onClick={() => onClosing(doc.closing.filter((_, j) => j !== i))}>
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
