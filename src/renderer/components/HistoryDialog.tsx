/** 历史版本: the timed snapshots of this report, compared with the current text, and restored on request. */
import { useMemo, useRef, useState } from 'react';
import { toPlainText } from '../../core/model/plainText';
import type { ReportDocument } from '../../core/model/report';
import { DialogActions, useModal } from './Dialog';

export interface Version {
  id: string;
  savedAt: string;
  doc: ReportDocument;
}

interface Props {
  current: ReportDocument;
  versions: readonly Version[];
  onRestore: (version: Version) => void;
  onClose: () => void;
}

/** Lines only in one of the two texts: enough to see what changed between two drafts. */
export function compareLines(before: ReportDocument, after: ReportDocument): { removed: string[]; added: string[] } {
  const a = toPlainText(before)
    .lines.map((l) => l.text)
    .filter(Boolean);
  const b = toPlainText(after)
    .lines.map((l) => l.text)
    .filter(Boolean);
  const inA = new Set(a);
  const inB = new Set(b);
  return { removed: a.filter((l) => !inB.has(l)), added: b.filter((l) => !inA.has(l)) };
}

export function HistoryDialog({ current, versions, onRestore, onClose }: Props) {
  const [selected, setSelected] = useState<Version | undefined>(versions[0]);
  const diff = useMemo(() => (selected ? compareLines(selected.doc, current) : null), [selected, current]);
  const box = useRef<HTMLDivElement>(null);
  const modal = useModal(box, onClose);
  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        className="dialog history"
        role="dialog"
        aria-modal="true"
        aria-label="历史版本"
        onKeyDown={modal.onKeyDown}
      >
        <h2>历史版本</h2>
        {versions.length === 0 ? (
          <p className="dialog-body">还没有历史版本。编辑时每 5 分钟自动保存一个版本，保留 7 天。</p>
        ) : (
          <div className="history-columns dialog-body">
            <ul className="history-list">
              {versions.map((v) => (
                <li key={v.id}>
                  <button type="button" aria-pressed={selected?.id === v.id} onClick={() => setSelected(v)}>
                    {new Date(v.savedAt).toLocaleString('zh-CN')}（{toPlainText(v.doc).text.replace(/\s+/g, '').length}{' '}
                    字）
                  </button>
                </li>
              ))}
            </ul>
            {diff && (
              <div className="history-diff">
                <p className="muted">与当前内容相比：</p>
                {diff.removed.length === 0 && diff.added.length === 0 && <p>没有不同。</p>}
                {diff.removed.map((l, i) => (
                  <p key={`r${i}`} className="diff-removed">
                    当时有、现在没有：{l}
                  </p>
                ))}
                {diff.added.map((l, i) => (
                  <p key={`a${i}`} className="diff-added">
                    现在新增：{l}
                  </p>
                ))}
              </div>
            )}
          </div>
        )}
        <DialogActions
          buttons={[
            { label: '关闭', onClick: onClose },
            selected && { label: '恢复到这个版本', primary: true, onClick: () => onRestore(selected) },
          ]}
        />
      </div>
    </div>
  );
}
