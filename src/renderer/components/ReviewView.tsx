/** 批量检查: the county reviewer checks every report of a folder and exports the table. */
import { useState } from 'react';
import type { ReviewRow } from '../../core/review/table';

interface Props {
  onBack: () => void;
  onError: (message: string) => void;
  onInfo: (message: string) => void;
}

export function ReviewView({ onBack, onError, onInfo }: Props) {
  const [folder, setFolder] = useState('');
  const [rows, setRows] = useState<ReviewRow[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const choose = async () => {
    const chosen = await window.nianbao.chooseReviewFolder();
    if (!chosen.ok) return onError(chosen.error);
    if (!chosen.value) return;
    const { files } = chosen.value;
    setFolder(chosen.value.folder);
    setRows([]);
    setProgress({ done: 0, total: files.length });
    const done: ReviewRow[] = [];
    for (const file of files) {
      const row = await window.nianbao.checkReviewFile({ file });
      done.push(row.ok ? row.value : { file: file.name, unit: '', year: null, template: '', missing: [], errors: 0, warnings: 0, ready: false, problem: row.error });
      setRows([...done]);
      setProgress({ done: done.length, total: files.length });
    }
  };

  const exportTable = async () => {
    const saved = await window.nianbao.exportReviewTable({ rows, suggestedName: `${folder}检查结果` });
    if (!saved.ok) return onError(saved.error);
    if (saved.value) onInfo(`已导出检查结果：${saved.value.name}`);
  };

  const ready = rows.filter((r) => r.ready).length;
  return (
    <main className="review">
      <header className="review-header">
        <button type="button" onClick={onBack}>← 返回</button>
        <h1>批量检查</h1>
        <button type="button" className="primary" onClick={() => void choose()} disabled={progress !== null && progress.done < progress.total}>
          选择文件夹…
        </button>
        <button type="button" onClick={() => void exportTable()} disabled={rows.length === 0 || (progress !== null && progress.done < progress.total)}>
          导出表格（CSV）…
        </button>
      </header>
      {progress && (
        <div className="review-progress">
          <progress max={progress.total} value={progress.done} aria-label="检查进度" />
          <span>
            {folder}：已检查 {progress.done} / {progress.total} 份，{ready} 份可以提交
          </span>
        </div>
      )}
      {rows.length > 0 && (
        <table className="review-table">
          <thead>
            <tr>
              <th>文件</th>
              <th>单位</th>
              <th>年度</th>
              <th>缺少的部分</th>
              <th>错误</th>
              <th>警告</th>
              <th>结论</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.file} className={r.problem ? 'row-problem' : r.ready ? 'row-ready' : 'row-todo'}>
                <td>{r.file}</td>
                <td>{r.unit}</td>
                <td>{r.year ?? ''}</td>
                <td>{r.problem ?? r.missing.join('、')}</td>
                <td>{r.problem ? '' : r.errors}</td>
                <td>{r.problem ? '' : r.warnings}</td>
                <td>{r.problem ? '无法检查' : r.ready ? '可以提交' : '需修改'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!progress && <p className="hint">选择一个文件夹，检查其中所有的报告（.docx、.txt、.nianbao，含子文件夹），每份一行，可导出为表格。</p>}
    </main>
  );
}
