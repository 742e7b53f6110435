/**
 * One report of the reviewer's desk, opened read-only: its outline (parts ✓/✗), its findings, and its
 * text; a finding scrolls to its line. Back (button or Escape) returns to the table as it was left.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkReport } from '../../core/checks/index';
import type { Finding } from '../../core/checks/types';
import { toPlainText, type TextLine } from '../../core/model/plainText';
import { sectionHasText, type ReportDocument } from '../../core/model/report';
import type { ReviewedReport } from '../../core/review/table';
import type { CountyProfile } from '../../core/profile/model';
import { registryWithProfile } from '../../core/profile/index';
import { defaultRegistry } from '../../core/templates/registry';
import { yearLabel } from '../../core/text/conventions';
import type { FileRef } from '../../shared/ipc';
import { createCall } from '../api';

interface Props {
  entry: { file: FileRef; report: ReviewedReport };
  onBack: () => void;
  onError: (message: string) => void;
  /** The county's profile: the report is checked as the table checked it. */
  profile?: CountyProfile | null;
}

/** Escape goes back to the table, except while an input method is composing. */
function useEscape(onEscape: () => void): void {
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.isComposing || event.keyCode === 229) return;
      if (event.key === 'Escape') onEscape();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [onEscape]);
}

const LABEL = { error: '错误', warning: '警告', info: '建议' } as const;

/** The line a plain-text offset falls on. */
function lineOf(lines: readonly TextLine[], offset: number): number {
  let found = 0;
  for (let i = 0; i < lines.length && lines[i]!.start <= offset; i++) found = i;
  return found;
}

export function ReviewReport({ entry, onBack, onError, profile }: Props) {
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [failed, setFailed] = useState('');
  const [marked, setMarked] = useState<number | null>(null);
  const back = useCallback(() => onBack(), [onBack]);
  useEscape(back);
  // The parent's error callback changes at every render; the file is opened once per row.
  const reportError = useRef(onError);
  reportError.current = onError;

  useEffect(() => {
    let live = true;
    const call = createCall((text) => {
      if (!live) return;
      setFailed(text);
      reportError.current(text);
    });
    void call('openReviewFile', { file: entry.file }).then((opened) => {
      if (live && opened) setDoc(opened.doc);
    });
    return () => {
      live = false;
    };
  }, [entry.file]);

  const view = useMemo(() => {
    if (!doc) return null;
    const registry = profile ? registryWithProfile(profile, defaultRegistry) : defaultRegistry;
    const result = checkReport(doc, { registry, ...(profile ? { profile } : {}) });
    const plain = toPlainText(doc);
    const template = registry.getOrDefault(result.template);
    return { result, plain, template };
  }, [doc, profile]);

  const show = (finding: Finding) => {
    if (!view || finding.start === null) return;
    const line = lineOf(view.plain.lines, finding.start);
    setMarked(line);
    document.querySelector(`[data-review-line="${line}"]`)?.scrollIntoView({ block: 'center' });
  };

  const row = entry.report.row;
  return (
    <section className="review-report" aria-label="报告（只读）">
      <header className="review-header">
        <button type="button" onClick={back} title="Esc">
          ← 返回列表
        </button>
        <h1>{row.file}</h1>
        <span className="review-readonly">只读</span>
      </header>
      <p className="review-meta">
        {row.unit || '（未识别单位）'} · {yearLabel(row.year)} · {row.template} · 成文日期 {row.date || '（无）'} ·{' '}
        {row.ready ? '可以提交' : `需修改：错误 ${row.errors} 个，警告 ${row.warnings} 个`}
      </p>
      {failed && <p className="hint">{failed}</p>}
      {view && (
        <div className="review-report-body">
          <nav className="review-outline" aria-label="提纲">
            <h2>提纲</h2>
            <ul>
              {/* The editor's outline rule (sectionHasText): a part is ✓ only with text in it. */}
              {doc?.sections.map((section) => {
                const done = sectionHasText(section);
                return (
                  <li key={section.key} className={done ? 'part-present' : 'part-missing'}>
                    {done ? '✓' : '✗'} {section.heading || '开头'}
                  </li>
                );
              })}
              {view.result.sections
                .filter((s) => !s.present)
                .map((s) => (
                  <li key={s.id} className="part-missing">
                    ✗ 缺少：{view.template.parts.find((p) => p.id === s.id)?.title ?? s.id}
                  </li>
                ))}
            </ul>
          </nav>
          <article className="review-text">
            {view.plain.lines.map((line, i) => {
              if (line.kind === 'table') {
                // A table's text is its cells split by tabs, its rows by line breaks (tableText).
                const [head = [], ...body] = line.text.split('\n').map((row) => row.split('\t'));
                return (
                  <table
                    key={i}
                    data-review-line={i}
                    className={`review-line review-cells${marked === i ? ' review-marked' : ''}`}
                  >
                    <thead>
                      <tr>
                        {head.map((cell, c) => (
                          <th key={c}>{cell}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {body.map((row, r) => (
                        <tr key={r}>
                          {row.map((cell, c) => (
                            <td key={c}>{cell}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                );
              }
              const Tag =
                line.kind === 'title' ? 'h2' : line.kind === 'heading' ? 'h3' : line.kind === 'subheading' ? 'h4' : 'p';
              return (
                <Tag
                  key={i}
                  data-review-line={i}
                  className={`review-line review-${line.kind}${marked === i ? ' review-marked' : ''}`}
                >
                  {line.text}
                </Tag>
              );
            })}
          </article>
          <aside className="review-findings" aria-label="检查结果">
            <h2>检查结果（{view.result.findings.length}）</h2>
            <ul>
              {view.result.findings.map((f, i) => (
                <li key={i} className={`finding-${f.severity}`}>
                  {f.start === null ? (
                    <span className="finding-text">
                      <strong>【{LABEL[f.severity]}】</strong>
                      {f.message}
                    </span>
                  ) : (
                    <button type="button" className="finding-text" onClick={() => show(f)} title="在正文中标出">
                      <strong>【{LABEL[f.severity]}】</strong>
                      {f.message}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </aside>
        </div>
      )}
    </section>
  );
}
