/**
 * 批量检查, the county reviewer's desk: every report of a folder checked, one row each (unreadable ones
 * with the reason), filters and a totals line; a row opens the report read-only beside its findings, and
 * back is one step; the table goes out as CSV or as a workbook, and the findings go back into each town's
 * own Word file as comments.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { verdict, type ReviewedReport } from '../../core/review/table';
import type { CountyProfile } from '../../core/profile/model';
import { indicatorsOf } from '../../core/checks/countyLists';
import type { FileRef } from '../../shared/ipc';
import { createCall } from '../api';
import { isImeKey } from '../plugins/ImeSafeKeysPlugin';
import { FocusKeepingButton } from './FocusKeepingButton';
import { ReviewReport } from './ReviewReport';

// The chart library loads when 图表 is first opened, not with the editor.
/** The two views of the checked folder, in the order of their tabs. */
const TABS = ['table', 'chart'] as const;
/** The keys that choose another tab, each from the index of the chosen one (← → go round the ends). */
const TAB_KEYS: Partial<Record<string, (at: number) => number>> = {
  ArrowRight: (at) => (at + 1) % TABS.length,
  ArrowLeft: (at) => (at + TABS.length - 1) % TABS.length,
  Home: () => 0,
  End: () => TABS.length - 1,
};
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

/** Last year's folder, checked: its files go to the workbook, its figures beside this year's in the chart. */
interface LastYear {
  folder: string;
  entries: Entry[];
  total: number;
}

/**
 * Last year's folder stays chosen for the session (until cleared), across another folder of this year's and a
 * visit to the start screen: main keeps its files granted as long as the app runs.
 */
let rememberedLastYear: LastYear | null = null;

/** The row of a file that could not be checked, when main did not answer with one. */
const unreadableReport = (file: FileRef, problem: string): ReviewedReport => ({
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
});

export function ReviewView({ onBack, onError, onInfo, profile }: Props) {
  const [folder, setFolder] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [opened, setOpened] = useState<Entry | null>(null);
  const [busy, setBusy] = useState('');
  const [tab, setTab] = useState<'table' | 'chart'>('table');
  /**
   * The tabs as tabs are worked from the keyboard (WAI-ARIA's tabs pattern): one Tab stop, the chosen tab;
   * ← → (round the ends), Home and End choose another and take the focus to it.
   */
  const onTabKey = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (isImeKey(event.nativeEvent)) return;
    const step = TAB_KEYS[event.key];
    if (!step) return;
    const next = step(TABS.indexOf(tab));
    event.preventDefault();
    setTab(TABS[next]!);
    (event.currentTarget.children[next] as HTMLElement | undefined)?.focus();
  };
  const [lastYear, setLastYearState] = useState<LastYear | null>(rememberedLastYear);
  const setLastYear = (next: LastYear | null) => {
    rememberedLastYear = next;
    setLastYearState(next);
  };
  const run = useRef(0);
  const lastRun = useRef(0);
  /** The file name the open report was opened from: back in the table, the keyboard goes on from there. */
  const openedFrom = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (opened !== null) return;
    openedFrom.current?.focus();
    openedFrom.current = null;
  }, [opened]);
  const call = createCall(onError);

  /** Every file checked in turn; a file that fails gets its own row, not a message: one bad file among many. */
  async function checkAll(files: FileRef[], stale: () => boolean, onEntry: (done: Entry[]) => void): Promise<void> {
    const done: Entry[] = [];
    for (const file of files) {
      let problem = '';
      const reviewed = await call('reviewReport', { file }, (text) => (problem = text));
      if (stale()) return; // another folder was chosen meanwhile
      done.push({ file, report: reviewed ?? unreadableReport(file, problem) });
      onEntry([...done]);
    }
  }

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
    await checkAll(
      files,
      () => run.current !== id,
      (done) => {
        setEntries(done);
        setProgress({ done: done.length, total: files.length });
      },
    );
  };

  const chooseLastYear = async () => {
    const chosen = await call('chooseReviewLastYear');
    if (!chosen) return;
    const id = ++lastRun.current;
    const next: LastYear = { folder: chosen.folder, entries: [], total: chosen.files.length };
    setLastYear(next);
    await checkAll(
      chosen.files,
      () => lastRun.current !== id,
      (done) => setLastYear({ ...next, entries: done }),
    );
  };

  const clearLastYear = () => {
    lastRun.current++; // a check still running stops adding
    setLastYear(null);
  };

  const checking = progress !== null && progress.done < progress.total;
  const lastChecking = lastYear !== null && lastYear.entries.length < lastYear.total;
  const rows = entries.map((e) => e.report.row);
  const reports = useMemo(() => entries.map((e) => e.report), [entries]);
  // The chart compares with last year once all of last year's reports are checked.
  const lastReports = useMemo(
    () => (lastYear && !lastChecking ? lastYear.entries.map((e) => e.report) : undefined),
    [lastYear, lastChecking],
  );
  const lastUnreadable = lastYear?.entries.filter((e) => e.report.row.problem).length ?? 0;

  const exportTable = async () => {
    const saved = await call('exportReviewTable', { rows, suggestedName: `${folder}检查结果` });
    if (saved) onInfo(`已导出检查结果：${saved.name}`);
  };

  const exportWorkbook = async () => {
    setBusy('正在生成工作簿……');
    const saved = await call('exportReviewWorkbook', {
      files: entries.map((e) => e.file),
      suggestedName: `${folder}审核结果`,
      ...(lastYear ? { lastYear: lastYear.entries.map((e) => e.file) } : {}),
    });
    setBusy('');
    if (saved)
      onInfo(
        `已导出工作簿：${saved.name}（汇总、问题清单、主要数据${lastYear ? `，主要数据对比了去年“${lastYear.folder}”` : ''}）`,
      );
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
          <FocusKeepingButton className="primary" onClick={() => void choose()} disabled={checking}>
            选择文件夹…
          </FocusKeepingButton>
          <FocusKeepingButton onClick={() => void exportTable()} disabled={rows.length === 0 || checking}>
            导出表格（CSV）…
          </FocusKeepingButton>
          <FocusKeepingButton
            onClick={() => void chooseLastYear()}
            disabled={lastChecking}
            title="可选：选去年各镇报告所在的文件夹，工作簿的“主要数据”和图表会列出去年的数字和增减"
          >
            去年的文件夹…
          </FocusKeepingButton>
          <FocusKeepingButton
            onClick={() => void exportWorkbook()}
            disabled={rows.length === 0 || checking || lastChecking || busy !== ''}
          >
            导出工作簿（Excel）…
          </FocusKeepingButton>
          <FocusKeepingButton
            onClick={() => void writeComments()}
            disabled={!rows.some((r) => !r.problem) || checking || busy !== ''}
            title="每份报告另存一份带批注的 Word 文件，原文件不改动"
          >
            写回批注…
          </FocusKeepingButton>
        </header>
        {lastYear && (
          <div className="review-lastyear">
            <span>
              对比去年：{lastYear.folder}（
              {lastChecking
                ? `已检查 ${lastYear.entries.length} / ${lastYear.total} 份`
                : `${lastYear.total} 份${lastUnreadable ? `，其中 ${lastUnreadable} 份无法读取` : ''}`}
              ）
            </span>
            <button type="button" className="quiet" onClick={clearLastYear}>
              不对比去年
            </button>
          </div>
        )}
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
          <div className="review-tabs" role="tablist" aria-label="查看方式" onKeyDown={onTabKey}>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'table'}
              tabIndex={tab === 'table' ? 0 : -1}
              onClick={() => setTab('table')}
            >
              表格
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'chart'}
              tabIndex={tab === 'chart' ? 0 : -1}
              onClick={() => setTab('chart')}
              title="各镇的同一项数字，按大小排列"
            >
              图表
            </button>
          </div>
        )}
        {rows.length > 0 && tab === 'chart' && (
          <Suspense fallback={<p className="hint">正在准备图表……</p>}>
            <ReviewChart reports={reports} lastYear={lastReports} indicators={indicatorsOf(profile).list} />
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
                          onClick={(event) => {
                            openedFrom.current = event.currentTarget;
                            setOpened(entry);
                          }}
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
