/**
 * 批量检查, the county reviewer's desk: every report of a folder checked, one row each (unreadable ones
 * with the reason), filters and a totals line; a row opens the report read-only beside its findings, and
 * back is one step; the table goes out as CSV or as a workbook, and the findings go back into each town's
 * own Word file as comments.
 */
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { verdict, type ReviewedReport } from '../../core/review/table';
import type { CountyProfile } from '../../core/profile/model';
import { indicatorsOf } from '../../core/checks/countyLists';
import type { FileRef } from '../../shared/ipc';
import { createCall } from '../api';
import { ReviewReport } from './ReviewReport';

// The chart library loads when 图表 is first opened, not with the editor.
const ReviewChart = lazy(() => import('./ReviewChart'));

interface Props {
  onBack: () => void;
  onError: (message: string) => void;
  onInfo: (message: string) => void;
  profile?: CountyProfile | null;
}

type Filter = 'all' | '需修改' | '可以提交' | '无法读取';
const FILTERS: Filter[] = ['all', '需修改', '可以提交', '无法读取'];

interface Entry {
  file: FileRef;
  report: ReviewedReport;
}

export function ReviewView({ onBack, onError, onInfo, profile }: Props) {
  const [folder, setFolder] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [opened, setOpened] = useState<Entry | null>(null);
  const [busy, setBusy] = useState('');
  const [tab, setTab] = useState<'table' | 'chart'>('table');
  const run = useRef(0);
  const call = createCall(onError);

  const choose = async () => {
    const chosen = await call('chooseReviewFolder');
    if (!chosen) return;
    const { files } = chosen;
    const id = ++run.current;
    setFolder(chosen.folder);
    setEntries([]);
    setFilter('all');
    setOpened(null);
    setProgress({ done: 0, total: files.length });
    const done: Entry[] = [];
    for (const file of files) {
      // A file that fails is shown in its own row, not in the message bar: one bad file among many.
      let problem = '';
      const reviewed = await call('reviewReport', { file }, (text) => (problem = text));
      if (run.current !== id) return; // another folder was chosen meanwhile
      const report: ReviewedReport = reviewed ?? {
        row: {
          file: file.name,
          unit: '',
          year: null,
          template: '',
          missing: [],
          errors: 0,
          warnings: 0,
          ready: false,
          problem,
        },
        findings: [],
        figures: {},
      };
      done.push({ file, report });
      setEntries([...done]);
      setProgress({ done: done.length, total: files.length });
    }
  };

  const checking = progress !== null && progress.done < progress.total;
  const rows = entries.map((e) => e.report.row);
  const reports = useMemo(() => entries.map((e) => e.report), [entries]);

  const exportTable = async () => {
    const saved = await call('exportReviewTable', { rows, suggestedName: `${folder}检查结果` });
    if (saved) onInfo(`已导出检查结果：${saved.name}`);
  };

  const exportWorkbook = async () => {
    setBusy('正在生成工作簿……');
    const saved = await call('exportReviewWorkbook', {
      files: entries.map((e) => e.file),
      suggestedName: `${folder}审核结果`,
    });
    setBusy('');
    if (saved) onInfo(`已导出工作簿：${saved.name}（汇总、问题清单、主要数据）`);
  };

  const writeComments = async () => {
    const readable = entries.filter((e) => !e.report.row.problem);
    setBusy(`正在把问题写成批注（${readable.length} 份）……`);
    const written = await call('writeReviewComments', { files: readable.map((e) => e.file) });
    setBusy('');
    if (!written) return;
    const { folder: out, written: count, failed } = written;
    if (failed.length) onError(`已写入 ${count} 份到“${out}”；${failed.length} 份未能写入：${failed.join('；')}`);
    else onInfo(`已把批注写入 ${count} 份 Word 文件，存放在“${out}”（原文件未改动）。`);
  };

  const count = (f: Filter) => (f === 'all' ? rows.length : rows.filter((r) => verdict(r) === f).length);
  const shown = entries.filter((e) => filter === 'all' || verdict(e.report.row) === filter);

  return (
    <main className="review">
      {opened && <ReviewReport entry={opened} onBack={() => setOpened(null)} onError={onError} profile={profile} />}
      <div hidden={opened !== null}>
        <header className="review-header">
          <button type="button" onClick={onBack}>
            ← 返回
          </button>
          <h1>批量检查</h1>
          <button type="button" className="primary" onClick={() => void choose()} disabled={checking}>
            选择文件夹…
          </button>
          <button type="button" onClick={() => void exportTable()} disabled={rows.length === 0 || checking}>
            导出表格（CSV）…
          </button>
          <button
            type="button"
            onClick={() => void exportWorkbook()}
            disabled={rows.length === 0 || checking || busy !== ''}
          >
            导出工作簿（Excel）…
          </button>
          <button
            type="button"
            onClick={() => void writeComments()}
            disabled={!rows.some((r) => !r.problem) || checking || busy !== ''}
            title="每份报告另存一份带批注的 Word 文件，原文件不改动"
          >
            写回批注…
          </button>
        </header>
        {progress && (
          <div className="review-progress">
            <progress max={progress.total} value={progress.done} aria-label="检查进度" />
            <span>
              {folder}：已检查 {progress.done} / {progress.total} 份，{count('可以提交')} 份可以提交
            </span>
            {busy && <span className="review-busy">{busy}</span>}
          </div>
        )}
        {rows.length > 0 && (
          <div className="review-tabs" role="tablist" aria-label="查看方式">
            <button type="button" role="tab" aria-selected={tab === 'table'} onClick={() => setTab('table')}>
              表格
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'chart'}
              onClick={() => setTab('chart')}
              title="各镇的同一项数字，按大小排列"
            >
              图表
            </button>
          </div>
        )}
        {rows.length > 0 && tab === 'chart' && (
          <Suspense fallback={<p className="hint">正在准备图表……</p>}>
            <ReviewChart reports={reports} indicators={indicatorsOf(profile).list} />
          </Suspense>
        )}
        {rows.length > 0 && tab === 'table' && (
          <div className="review-filters" role="radiogroup" aria-label="筛选">
            {FILTERS.map((f) => (
              <label key={f}>
                <input type="radio" name="review-filter" checked={filter === f} onChange={() => setFilter(f)} />
                {f === 'all' ? '全部' : f}（{count(f)}）
              </label>
            ))}
          </div>
        )}
        {rows.length > 0 && tab === 'table' && (
          <table className="review-table">
            <thead>
              <tr>
                <th>文件</th>
                <th>单位</th>
                <th>报告类型</th>
                <th>年度</th>
                <th>成文日期</th>
                <th>缺少的部分</th>
                <th>错误</th>
                <th>警告</th>
                <th>结论</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry) => {
                const r = entry.report.row;
                return (
                  <tr key={entry.file.id} className={r.problem ? 'row-problem' : r.ready ? 'row-ready' : 'row-todo'}>
                    <td>
                      {r.problem ? (
                        r.file
                      ) : (
                        <button
                          type="button"
                          className="link"
                          onClick={() => setOpened(entry)}
                          title="打开这份报告（只读）"
                        >
                          {r.file}
                        </button>
                      )}
                    </td>
                    <td>{r.unit}</td>
                    <td>{r.template}</td>
                    <td>{r.year ?? ''}</td>
                    <td>{r.date ?? ''}</td>
                    <td>{r.problem ?? r.missing.join('、')}</td>
                    <td>{r.problem ? '' : r.errors}</td>
                    <td>{r.problem ? '' : r.warnings}</td>
                    <td>{verdict(r)}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr className="review-totals">
                <td colSpan={9}>
                  合计 {rows.length} 份：需修改 {count('需修改')} 份，可以提交 {count('可以提交')} 份，无法读取{' '}
                  {count('无法读取')} 份；错误共 {rows.reduce((n, r) => n + r.errors, 0)} 个，警告共{' '}
                  {rows.reduce((n, r) => n + r.warnings, 0)} 个
                </td>
              </tr>
            </tfoot>
          </table>
        )}
        {!progress && (
          <p className="hint">
            选择一个文件夹，检查其中所有的报告（.docx、.txt、.nianbao，含子文件夹），每份一行；点文件名打开报告，可导出表格、工作簿，或把问题作为批注写回各镇的
            Word 文件。
          </p>
        )}
      </div>
    </main>
  );
}
