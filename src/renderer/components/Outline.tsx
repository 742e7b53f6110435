/** 提纲: each part with ✓/✗, a click leads to it; a missing part is added where the template puts it. */
import { sectionHasText, type ReportDocument } from '../../core/model/report';
import type { Template } from '../../core/templates/schema';

interface Props {
  doc: ReportDocument;
  template: Template;
  readOnly: boolean;
  onGo: (sectionKey: string) => void;
  onAddPart: (part: string, title: string) => void;
  onAddOther: () => void;
}

export function Outline({ doc, template, readOnly, onGo, onAddPart, onAddOther }: Props) {
  const missingParts = template.parts.filter((p) => p.required && !doc.sections.some((s) => s.part === p.id));
  return (
    <nav className="outline" aria-label="提纲">
      <h2>提纲</h2>
      <ul>
        {doc.sections.map((s) => {
          const done = sectionHasText(s);
          return (
            <li key={s.key}>
              <button type="button" className={done ? 'ok' : 'todo'} onClick={() => onGo(s.key)}>
                <span className="mark" aria-label={done ? '已填写' : '未填写'}>
                  {done ? '✓' : '✗'}
                </span>
                {s.heading || '开头'}
              </button>
            </li>
          );
        })}
        {missingParts.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="todo missing"
              data-part={p.id}
              onClick={() => onAddPart(p.id, p.title)}
              disabled={readOnly}
            >
              <span className="mark" aria-label="缺少">
                ✗
              </span>
              缺少：{p.title}（点击添加）
            </button>
          </li>
        ))}
      </ul>
      {!readOnly && (
        <button type="button" className="quiet" onClick={onAddOther}>
          ＋ 添加其他部分
        </button>
      )}
    </nav>
  );
}
