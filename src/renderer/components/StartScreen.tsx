/** The first screen: a new report from a template, or open / import / draft from last year's. */
import { useState, type ReactNode } from 'react';
import type { Template } from '../../core/templates/schema';
import type { FileRef, RecentFile } from '../../shared/ipc';

export interface NewReportRequest {
  templateId: string;
  unit: string;
  year: number;
}

interface Props {
  templates: readonly Template[];
  onCreate: (request: NewReportRequest) => void;
  onOpen: () => void;
  onImport: () => void;
  onDraftFromLastYear: () => void;
  onReview: () => void;
  /** 最近打开, newest first; a moved or deleted file is greyed, and clicking it says so and drops it. */
  recent?: readonly RecentFile[];
  onOpenRecent?: (file: FileRef) => void;
  /** Shown under the two columns (县里的配置). */
  children?: ReactNode;
}

export function StartScreen({
  templates,
  onCreate,
  onOpen,
  onImport,
  onDraftFromLastYear,
  onReview,
  recent = [],
  onOpenRecent,
  children,
}: Props) {
  const lastYear = new Date().getFullYear() - 1;
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? 'township');
  const [unit, setUnit] = useState('');
  const [year, setYear] = useState(String(lastYear));
  const yearValue = Number(year);
  const yearValid = /^\d{4}$/.test(year) && yearValue >= 2000 && yearValue <= lastYear + 1;
  return (
    <main className="start">
      <h1>法治年报助手</h1>
      <p className="start-lead">起草、检查并导出《法治政府建设年度报告》。全部在本机完成，不联网。</p>
      <div className="start-columns">
        <div className="start-column">
          <form
            className="card"
            aria-label="新建报告"
            onSubmit={(event) => {
              event.preventDefault();
              if (unit.trim() && yearValid) onCreate({ templateId, unit: unit.trim(), year: yearValue });
            }}
          >
            <h2>新建报告</h2>
            <label>
              报告类型
              <select value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              单位名称
              <input value={unit} onChange={(e) => setUnit(e.target.value)} placeholder="例如：青石镇" required />
            </label>
            <label>
              报告年度
              <input
                value={year}
                onChange={(e) => setYear(e.target.value)}
                inputMode="numeric"
                aria-invalid={!yearValid}
              />
            </label>
            {!yearValid && (
              <p className="field-error">请填写四位年份。每年年初写的是上一年度的报告，例如 {lastYear}。</p>
            )}
            <button type="submit" className="primary" disabled={!unit.trim() || !yearValid}>
              开始写报告
            </button>
          </form>
          {recent.length > 0 && (
            <nav aria-label="最近打开" className="card recent">
              <h2>最近打开</h2>
              <ul>
                {recent.map((r) => (
                  <li key={r.file.id}>
                    <button
                      type="button"
                      className={r.missing ? 'quiet recent-missing' : 'quiet'}
                      title={r.missing ? '文件已不在原处（已移动、改名或删除）' : `位于“${r.folder}”文件夹`}
                      onClick={() => onOpenRecent?.(r.file)}
                    >
                      {r.file.name}
                      <span className="recent-folder">{r.missing ? '已移动或删除' : r.folder}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
        <div className="card">
          <h2>从已有文件开始</h2>
          <button type="button" onClick={onDraftFromLastYear}>
            用去年的报告起草今年的…
          </button>
          <p className="hint">选择去年的 Word 或文本文件：沿用单位和提纲，去年的工作打算变成今年要逐条回应的清单。</p>
          <button type="button" onClick={onImport}>
            导入 Word 或文本文件…
          </button>
          <p className="hint">把已写好的报告导入后检查、排版。</p>
          <button type="button" onClick={onOpen}>
            打开本软件保存的报告…
          </button>
          <p className="hint">也可以把报告或 Word、文本文件直接拖到本窗口中打开。</p>
          <h2 className="spaced">县级审核</h2>
          <button type="button" onClick={onReview}>
            批量检查一个文件夹的报告…
          </button>
          <p className="hint">一次检查各乡镇报来的全部报告，得到每份报告缺什么、有几个错误的汇总表。</p>
        </div>
      </div>
      {children}
    </main>
  );
}
