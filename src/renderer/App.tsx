/**
 * The app: start screen, then the editor — outline on the left, the document in the middle (one Lexical
 * editor per section, headings fixed by the template), metadata and the checker's findings on the right.
 * All domain work is the core's; files go through window.nianbao only.
 */
import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkReport } from '../core/checks/index';
import type { CheckResult, Finding } from '../core/checks/types';
import { draftNextYear } from '../core/draft/nextYear';
import { createReportFromTemplate, partHeading, renumberParts } from '../core/model/fromTemplate';
import { locate, toPlainText } from '../core/model/plainText';
import { newSectionKey, sectionHasText, type Block, type ReportDocument, type ReportMeta } from '../core/model/report';
import { BUILTIN_TEMPLATES, TemplateRegistry, parseTemplate } from '../core/templates/registry';
import type { ExportOptions, FileRef, MenuCommand, PartMapping } from '../shared/ipc';
import { ExportSettings } from './components/ExportSettings';
import { FindingsPanel } from './components/FindingsPanel';
import { ImportReview } from './components/ImportReview';
import { MetaForm } from './components/MetaForm';
import { IndicatorForm } from './components/IndicatorForm';
import { HistoryDialog, type Version } from './components/HistoryDialog';
import { PreviewView } from './components/PreviewView';
import { ReviewView } from './components/ReviewView';
import { StartScreen, type NewReportRequest } from './components/StartScreen';
import { SectionEditor } from './editor/SectionEditor';
import { replaceInBlock, selectInBlock } from './editor/selection';
import { isImeKey } from './plugins/ImeSafeKeysPlugin';
import { isFontInstalled, missingFonts } from './fonts/detect';
import { chooseFontProfile, FONT_PROFILES, requiredFonts } from '../core/export/fonts';
import { $createSubheadingNode, $isSubheadingNode, type SubheadingLevel } from './nodes/SubheadingNode';
import { $createParagraphNode, $getSelection, $isRangeSelection, $isElementNode } from 'lexical';

const api = () => window.nianbao;

interface Message {
  kind: 'error' | 'info';
  text: string;
}

interface PendingImport {
  sourceName: string;
  doc: ReportDocument;
  mapping: PartMapping[];
  warnings: string[];
  draft: boolean;
}

const EXPORT_OPTIONS_KEY = 'nianbao.exportOptions';
const SNAPSHOT_INTERVAL_MS = 5 * 60 * 1000;

function loadExportOptions(): ExportOptions {
  try {
    const saved = JSON.parse(localStorage.getItem(EXPORT_OPTIONS_KEY) ?? '{}') as Partial<ExportOptions>;
    // Until the clerk picks a profile, the one whose fonts this machine has.
    return { fontProfile: saved.fontProfile ?? chooseFontProfile(isFontInstalled), boldLevel3: saved.boldLevel3 ?? false, includeAddressee: saved.includeAddressee ?? true, sealed: saved.sealed ?? false };
  } catch {
    return { fontProfile: chooseFontProfile(isFontInstalled), boldLevel3: false, includeAddressee: true, sealed: false };
  }
}

/** The toolbar's 检查 button also tells, at a glance, whether the report can be handed in. */
function checkLabel(result: CheckResult | null): string {
  if (!result) return '检查';
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  return result.ready ? '检查：✓ 可以提交' : `检查：还有 ${errors} 个错误`;
}

function suggestedName(doc: ReportDocument): string {
  return doc.meta.title.replace(/\n/g, '') || `${doc.meta.unit}${doc.meta.year ?? ''}年度法治政府建设情况报告`;
}

/** True while any input method is composing anywhere in the page. */
function useComposing(): React.RefObject<boolean> {
  const composing = useRef(false);
  useEffect(() => {
    const start = () => (composing.current = true);
    const end = () => (composing.current = false);
    window.addEventListener('compositionstart', start, true);
    window.addEventListener('compositionend', end, true);
    return () => {
      window.removeEventListener('compositionstart', start, true);
      window.removeEventListener('compositionend', end, true);
    };
  }, []);
  return composing;
}

export function App() {
  const [registry, setRegistry] = useState(() => new TemplateRegistry(BUILTIN_TEMPLATES));
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [generation, setGeneration] = useState(0);
  const [file, setFile] = useState<FileRef | null>(null);
  const [readOnly, setReadOnly] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [exportOptions, setExportOptions] = useState(loadExportOptions);
  const [busy, setBusy] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const [history, setHistory] = useState<Version[] | null>(null);
  const changedSinceSnapshot = useRef(false);
  const [recoverable, setRecoverable] = useState<Array<{ id: string; name: string; savedAt: string; doc: ReportDocument; file: FileRef | null }>>([]);
  const editors = useRef(new Map<string, LexicalEditor>());
  const activeSection = useRef<string | null>(null);
  const composing = useComposing();
  const docRef = useRef(doc);
  docRef.current = doc;
  const fileRef = useRef(file);
  fileRef.current = file;

  const template = doc ? registry.getOrDefault(doc.meta.templateId) : undefined;

  // County templates from the app's templates folder; a broken one is reported, the rest still load.
  useEffect(() => {
    void api()
      .listTemplates()
      .then((answer) => {
        if (!answer.ok || answer.value.length === 0) return;
        const next = new TemplateRegistry(BUILTIN_TEMPLATES);
        const problems: string[] = [];
        for (const raw of answer.value) {
          const parsed = parseTemplate(raw, '县里的模板');
          if (parsed.ok) next.add(parsed.template);
          else problems.push(parsed.error);
        }
        setRegistry(next);
        if (problems.length) setMessage({ kind: 'error', text: problems.join('；') });
      });
  }, []);

  // After a crash or power cut: offer each journal newer than its file.
  useEffect(() => {
    void api()
      .pendingJournals()
      .then((answer) => {
        if (answer.ok) setRecoverable(answer.value);
      });
  }, []);

  const load = useCallback((next: ReportDocument, nextFile: FileRef | null, options: { readOnly?: boolean; dirty?: boolean } = {}) => {
    editors.current.clear();
    setDoc(next);
    setFile(nextFile);
    setReadOnly(options.readOnly ?? false);
    setDirty(options.dirty ?? false);
    setGeneration((g) => g + 1);
  }, []);

  const change = useCallback((update: (d: ReportDocument) => ReportDocument) => {
    setDoc((d) => (d ? update(d) : d));
    setDirty(true);
  }, []);

  const onSectionChange = useCallback(
    (key: string, blocks: Block[]) => change((d) => ({ ...d, sections: d.sections.map((s) => (s.key === key ? { ...s, blocks } : s)) })),
    [change],
  );
  const onEditor = useCallback((key: string, editor: LexicalEditor | null) => {
    if (editor) editors.current.set(key, editor);
    else editors.current.delete(key);
  }, []);

  // Check as the clerk types, but never in the middle of an IME composition.
  useEffect(() => {
    if (!doc) {
      setResult(null);
      return;
    }
    let timer = 0;
    const run = () => {
      if (composing.current) {
        timer = window.setTimeout(run, 200);
        return;
      }
      setResult(checkReport(doc, { registry }));
    };
    timer = window.setTimeout(run, 250);
    return () => window.clearTimeout(timer);
  }, [doc, registry, composing]);

  // Journal unsaved work a second after the last change, for recovery after a crash.
  useEffect(() => {
    if (!doc || !dirty || readOnly) return;
    const timer = window.setTimeout(() => void api().writeJournal({ doc, file }), 1000);
    return () => window.clearTimeout(timer);
  }, [doc, dirty, file, readOnly]);

  // A snapshot every five minutes while the clerk edits, for 历史版本.
  useEffect(() => {
    if (doc && dirty) changedSinceSnapshot.current = true;
  }, [doc, dirty]);
  useEffect(() => {
    const timer = window.setInterval(() => {
      const current = docRef.current;
      if (!current || !changedSinceSnapshot.current) return;
      changedSinceSnapshot.current = false;
      void api().snapshot({ doc: current, file: fileRef.current });
    }, SNAPSHOT_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    void api().setDirty({ dirty });
    document.title = doc ? `法治年报助手 — ${file?.name ?? '未保存的报告'}${dirty ? ' *' : ''}${readOnly ? '（只读）' : ''}` : '法治年报助手';
  }, [doc, file, dirty, readOnly]);

  const fail = (error: string) => setMessage({ kind: 'error', text: error });

  const save = useCallback(
    async (as: boolean) => {
      const current = docRef.current;
      if (!current) return;
      setBusy(true);
      const answer = as || readOnly
        ? await api().saveReportAs({ doc: current, suggestedName: suggestedName(current) })
        : await api().saveReport({ doc: current, file, suggestedName: suggestedName(current) });
      setBusy(false);
      if (!answer.ok) return fail(answer.error);
      if (!answer.value) return;
      setFile(answer.value.file);
      setReadOnly(false);
      setDirty(false);
      setMessage({ kind: 'info', text: `已保存：${answer.value.file.name}` });
    },
    [file, readOnly],
  );

  const confirmDiscard = useCallback(() => !dirty || window.confirm('当前报告还有没保存的修改，确定放弃吗？'), [dirty]);

  const open = useCallback(async () => {
    if (!confirmDiscard()) return;
    const answer = await api().openReport();
    if (!answer.ok) return fail(answer.error);
    if (!answer.value) return;
    load(answer.value.doc, answer.value.file, { readOnly: answer.value.readOnly });
    setMessage(answer.value.notice ? { kind: 'info', text: answer.value.notice } : null);
  }, [confirmDiscard, load]);

  const importReport = useCallback(
    async (draft: boolean) => {
      if (!confirmDiscard()) return;
      setBusy(true);
      const answer = await api().importReport();
      setBusy(false);
      if (!answer.ok) return fail(answer.error);
      if (!answer.value) return;
      setPending({ ...answer.value, draft });
    },
    [confirmDiscard],
  );

  const confirmImport = (parts: Record<string, string | null>) => {
    if (!pending) return;
    const mapped: ReportDocument = { ...pending.doc, sections: pending.doc.sections.map((s) => (s.key in parts ? { ...s, part: parts[s.key] ?? null } : s)) };
    setPending(null);
    if (pending.draft) {
      const next = draftNextYear(mapped, { registry });
      load(next, null, { dirty: true });
      setMessage({ kind: 'info', text: `已根据“${pending.sourceName}”起草 ${next.meta.year ?? ''} 年度报告：请逐条填写去年计划的完成情况。` });
    } else {
      load(mapped, null, { dirty: true });
      setMessage({ kind: 'info', text: `已导入“${pending.sourceName}”。保存时会另存为本软件的报告文件，原文件不会改动。` });
    }
  };

  /** Warn before exporting with fonts this machine lacks (they would be replaced when the file opens here). */
  const fontsOk = useCallback(() => {
    const missing = missingFonts(requiredFonts(exportOptions.fontProfile).filter((f) => f !== 'Times New Roman'));
    if (missing.length === 0) return true;
    return window.confirm(
      `本机没有安装以下字体：${missing.join('、')}。\n\n导出的文件在本机打开时会用其他字体代替，在装有这些字体的电脑上打开则显示正常。` +
        `也可以在工具栏“版式设置”中把字体改选为“${FONT_PROFILES.windows.name}”。\n\n仍然导出吗？`,
    );
  }, [exportOptions.fontProfile]);

  const exportDocx = useCallback(async () => {
    const current = docRef.current;
    if (!current || !fontsOk()) return;
    setBusy(true);
    const answer = await api().exportDocx({ doc: current, options: exportOptions, suggestedName: suggestedName(current) });
    setBusy(false);
    if (!answer.ok) return fail(answer.error);
    if (answer.value) setMessage({ kind: 'info', text: `已导出 Word 文件：${answer.value.name}` });
  }, [exportOptions, fontsOk]);

  const exportPdf = useCallback(async () => {
    const current = docRef.current;
    if (!current || !fontsOk()) return;
    // What prints is what the window shows: the preview.
    setPreviewing(true);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    setBusy(true);
    const answer = await api().exportPdf({ suggestedName: suggestedName(current) });
    setBusy(false);
    if (!answer.ok) return fail(answer.error);
    if (answer.value) setMessage({ kind: 'info', text: `已导出 PDF：${answer.value.name}` });
  }, [fontsOk]);

  const exportWeb = useCallback(async (format: 'txt' | 'html') => {
    const current = docRef.current;
    if (!current) return;
    const answer = await api().exportWeb({ doc: current, format, suggestedName: `${suggestedName(current)}（网站发布）` });
    if (!answer.ok) return fail(answer.error);
    if (answer.value) setMessage({ kind: 'info', text: `已导出网站发布用文本：${answer.value.name}（已去掉撰稿人等内部信息）` });
  }, []);

  const newReport = useCallback(() => {
    if (!confirmDiscard()) return;
    editors.current.clear();
    setDoc(null);
    setFile(null);
    setDirty(false);
    setMessage(null);
  }, [confirmDiscard]);

  const create = (request: NewReportRequest) => {
    const t = registry.getOrDefault(request.templateId);
    load(createReportFromTemplate(t, { unit: request.unit, year: request.year }), null, { dirty: true });
    setMessage(null);
  };

  // 检查 on demand: check now and bring the result into view (below the forms it is easily out of sight).
  const runCheck = () => {
    if (!docRef.current) return;
    setResult(checkReport(docRef.current, { registry }));
    // Scroll only: the caret stays where the clerk was typing.
    requestAnimationFrame(() => document.querySelector('.findings .ready')?.scrollIntoView({ block: 'start' }));
  };

  const commands = useRef<Record<MenuCommand, () => void>>({} as Record<MenuCommand, () => void>);
  commands.current = {
    new: newReport,
    open: () => void open(),
    save: () => void save(false),
    saveAs: () => void save(true),
    import: () => void importReport(false),
    exportDocx: () => void exportDocx(),
    exportPdf: () => void exportPdf(),
    preview: () => setPreviewing((p) => !p),
    check: () => runCheck(),
  };

  useEffect(() => api().onMenuCommand((command) => commands.current[command]()), []);

  // Standard shortcuts; keys that belong to an IME composition are left alone.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isImeKey(event) || !(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      const command: MenuCommand | undefined =
        key === 's' ? (event.shiftKey ? 'saveAs' : 'save') : key === 'o' ? 'open' : key === 'n' ? 'new' : key === 'e' ? 'exportDocx' : key === 'p' ? 'preview' : undefined;
      if (!command) return;
      event.preventDefault();
      commands.current[command]();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const plain = useMemo(() => (doc ? toPlainText(doc) : null), [doc]);

  const jump = (finding: Finding) => {
    if (!doc || !plain) return;
    if (finding.start === null) {
      const target = finding.section ? document.querySelector(`[data-part="${finding.section}"]`) : null;
      (target ?? document.querySelector('.outline'))?.scrollIntoView({ block: 'center' });
      return;
    }
    const where = locate(plain, finding.start);
    if (!where) return;
    const { line, offset } = where;
    const length = (finding.end ?? finding.start) - finding.start;
    if (line.sectionKey !== undefined && line.blockIndex !== undefined) {
      const editor = editors.current.get(line.sectionKey);
      document.querySelector(`[data-section="${line.sectionKey}"]`)?.scrollIntoView({ block: 'center' });
      if (editor) selectInBlock(editor, line.blockIndex, offset, offset + length);
      return;
    }
    const field = { title: 'meta-title', addressee: 'meta-addressee', signature: 'meta-signature', date: 'meta-date' }[line.kind as string];
    const input = field ? (document.getElementById(field) as HTMLInputElement | null) : null;
    if (input) {
      input.focus();
      input.setSelectionRange(offset, offset + length);
    } else if (line.sectionKey) {
      // A finding on a part heading (say, an empty part): put the cursor at the start of its body.
      document.querySelector(`[data-section="${line.sectionKey}"]`)?.scrollIntoView({ block: 'center' });
      const editor = editors.current.get(line.sectionKey);
      if (editor) selectInBlock(editor, 0, 0, 0);
    }
  };

  const fix = (finding: Finding) => {
    if (!doc || !plain || !finding.fix) return;
    const { start, end, replacement } = finding.fix;
    const where = locate(plain, start);
    if (!where) return;
    const { line, offset } = where;
    const to = offset + (end - start);
    if (line.sectionKey !== undefined && line.blockIndex !== undefined) {
      const editor = editors.current.get(line.sectionKey);
      if (editor) replaceInBlock(editor, line.blockIndex, offset, to, replacement);
      return;
    }
    const edit = (text: string) => text.slice(0, offset) + replacement + text.slice(to);
    change((d) => {
      const meta: ReportMeta = { ...d.meta };
      if (line.kind === 'date') meta.date = edit(meta.date);
      else if (line.kind === 'addressee') meta.addressee = edit(meta.addressee);
      else if (line.kind === 'title') {
        const lines = meta.title.split('\n');
        const index = plain.lines.filter((l) => l.kind === 'title').indexOf(line);
        if (index >= 0) lines[index] = edit(lines[index]!);
        meta.title = lines.join('\n');
      } else if (line.kind === 'heading' && line.sectionKey) {
        return { ...d, sections: d.sections.map((s) => (s.key === line.sectionKey ? { ...s, heading: edit(s.heading) } : s)) };
      }
      return { ...d, meta };
    });
  };

  const setIgnored = (finding: Finding, ignored: boolean) =>
    change((d) => ({
      ...d,
      ignoredFindings: ignored ? [...new Set([...d.ignoredFindings, finding.fingerprint])] : d.ignoredFindings.filter((f) => f !== finding.fingerprint),
    }));

  const addSection = (part: string | null, title: string) => {
    change((d) => {
      const key = newSectionKey(d, part ?? 'extra');
      const sections = [...d.sections, { key, part, heading: partHeading(d.sections.filter((s) => s.heading).length, title), blocks: [{ kind: 'paragraph' as const, text: '' }] }];
      return renumberParts({ ...d, sections });
    });
  };

  const removeExtraSection = (key: string) => {
    if (!window.confirm('删除这一部分和其中的全部文字吗？')) return;
    change((d) => renumberParts({ ...d, sections: d.sections.filter((s) => s.key !== key) }));
  };

  const setBlockType = (level: SubheadingLevel | 0) => {
    const key = activeSection.current;
    const editor = key ? editors.current.get(key) : undefined;
    if (!editor) return;
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      for (const node of selection.getNodes()) {
        const block = node.getTopLevelElement();
        if (!block || !$isElementNode(block)) continue;
        if (level === 0 && $isSubheadingNode(block)) {
          const p = $createParagraphNode();
          block.getChildren().forEach((c) => p.append(c));
          block.replace(p);
        } else if (level !== 0) {
          if ($isSubheadingNode(block)) block.setLevel(level);
          else {
            const h = $createSubheadingNode(level);
            block.getChildren().forEach((c) => h.append(c));
            block.replace(h);
          }
        }
      }
    });
    editor.focus();
  };

  const setExport = (options: ExportOptions) => {
    setExportOptions(options);
    localStorage.setItem(EXPORT_OPTIONS_KEY, JSON.stringify(options));
  };

  const messageBar = message && (
    <div className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      <span>{message.text}</span>
      <button type="button" className="quiet" onClick={() => setMessage(null)} aria-label="关闭提示">
        ×
      </button>
    </div>
  );

  if (pending) {
    return (
      <>
        {messageBar}
        <ImportReview
          sourceName={pending.sourceName}
          template={registry.getOrDefault(pending.doc.meta.templateId)}
          mapping={pending.mapping}
          warnings={pending.warnings}
          onConfirm={confirmImport}
          onCancel={() => setPending(null)}
        />
      </>
    );
  }

  const recoveryBanner = !doc && recoverable.length > 0 && (
    <div className="recovery" role="alert" aria-label="恢复未保存的内容">
      <strong>上次关闭前有未保存的内容，已自动备份：</strong>
      <ul>
        {recoverable.map((r) => (
          <li key={r.id}>
            {r.name}（{new Date(r.savedAt).toLocaleString('zh-CN')}）
            <button
              type="button"
              className="primary"
              onClick={() => {
                load(r.doc, r.file, { dirty: true });
                setRecoverable((list) => list.filter((x) => x.id !== r.id));
                setMessage({ kind: 'info', text: `已恢复“${r.name}”未保存的内容，请检查后保存。` });
              }}
            >
              恢复
            </button>
            <button
              type="button"
              className="quiet"
              onClick={() => {
                if (!window.confirm('放弃后这份备份将被删除，确定吗？')) return;
                void api().discardJournal({ id: r.id });
                setRecoverable((list) => list.filter((x) => x.id !== r.id));
              }}
            >
              放弃
            </button>
          </li>
        ))}
      </ul>
    </div>
  );

  if (reviewing && !doc) {
    return (
      <>
        {messageBar}
        <ReviewView onBack={() => setReviewing(false)} onError={fail} onInfo={(text) => setMessage({ kind: 'info', text })} />
      </>
    );
  }

  if (!doc || !template) {
    return (
      <>
        {messageBar}
        {recoveryBanner}
        <StartScreen
          templates={registry.list()}
          onCreate={create}
          onOpen={() => void open()}
          onImport={() => void importReport(false)}
          onDraftFromLastYear={() => void importReport(true)}
          onReview={() => setReviewing(true)}
        />
      </>
    );
  }

  const missingParts = template.parts.filter((p) => p.required && !doc.sections.some((s) => s.part === p.id));
  const partTitle = (part: string | null) => template.parts.find((p) => p.id === part);

  return (
    <div className="app">
      <header className="toolbar" role="toolbar" aria-label="工具栏">
        <button type="button" onClick={newReport} title="Ctrl+N">新建</button>
        <button type="button" onClick={() => void open()} title="Ctrl+O">打开</button>
        <button type="button" onClick={() => void save(false)} disabled={busy} title="Ctrl+S">保存</button>
        <button type="button" onClick={() => void save(true)} disabled={busy} title="Ctrl+Shift+S">另存为</button>
        <button type="button" onClick={() => void importReport(false)} disabled={busy}>导入</button>
        <button
          type="button"
          onClick={() =>
            void api()
              .listHistory({ file })
              .then((answer) => (answer.ok ? setHistory(answer.value) : fail(answer.error)))
          }
        >
          历史版本
        </button>
        <button
          type="button"
          className={result ? (result.ready ? 'check-status ready-yes' : 'check-status ready-no') : 'check-status'}
          onClick={runCheck}
          title="检查报告，并显示全部检查结果"
        >
          {checkLabel(result)}
        </button>
        <span className="separator" />
        <ExportSettings options={exportOptions} onChange={setExport} />
        <button type="button" className="primary" onClick={() => void exportDocx()} disabled={busy} title="Ctrl+E">
          导出 Word
        </button>
        <button type="button" onClick={() => setPreviewing((p) => !p)} aria-pressed={previewing} title="Ctrl+P">
          {previewing ? '返回编辑' : '打印预览'}
        </button>
        <button type="button" onClick={() => void exportPdf()} disabled={busy}>
          导出 PDF
        </button>
        <button type="button" onClick={() => void exportWeb('html')} disabled={busy} title="供政府网站后台粘贴发布的网页文本">
          导出网页文本
        </button>
        <span className="separator" />
        <span className="block-type" aria-label="段落格式">
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => setBlockType(0)}>正文</button>
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => setBlockType(2)}>（一）标题</button>
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => setBlockType(3)}>1. 标题</button>
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => setBlockType(4)}>（1）标题</button>
        </span>
      </header>
      {messageBar}
      {history && (
        <HistoryDialog
          current={doc}
          versions={history}
          onClose={() => setHistory(null)}
          onRestore={(version) => {
            setHistory(null);
            load(version.doc, file, { dirty: true, readOnly });
            setMessage({ kind: 'info', text: `已恢复到 ${new Date(version.savedAt).toLocaleString('zh-CN')} 的版本，保存后生效。` });
          }}
        />
      )}
      {readOnly && <div className="message message-info">此报告以只读方式打开，修改后请“另存为”新文件。</div>}
      <div className="workspace">
        <nav className="outline" aria-label="提纲">
          <h2>提纲</h2>
          <ul>
            {doc.sections.map((s) => {
              const done = sectionHasText(s);
              return (
                <li key={s.key}>
                  <button type="button" className={done ? 'ok' : 'todo'} onClick={() => document.querySelector(`[data-section="${s.key}"]`)?.scrollIntoView({ block: 'start' })}>
                    <span className="mark" aria-label={done ? '已填写' : '未填写'}>{done ? '✓' : '✗'}</span>
                    {s.heading || '开头'}
                  </button>
                </li>
              );
            })}
            {missingParts.map((p) => (
              <li key={p.id}>
                <button type="button" className="todo missing" data-part={p.id} onClick={() => addSection(p.id, p.title)} disabled={readOnly}>
                  <span className="mark" aria-label="缺少">✗</span>缺少：{p.title}（点击添加）
                </button>
              </li>
            ))}
          </ul>
          {!readOnly && (
            <button
              type="button"
              className="quiet"
              onClick={() => {
                const title = window.prompt('新部分的标题（不含“一、”编号）：', '其他工作情况');
                if (title?.trim()) addSection(null, title.trim());
              }}
            >
              ＋ 添加其他部分
            </button>
          )}
        </nav>
        {previewing && (
          <main className="document-preview">
            <PreviewView doc={doc} fontProfile={exportOptions.fontProfile} includeAddressee={exportOptions.includeAddressee} boldLevel3={exportOptions.boldLevel3} sealed={exportOptions.sealed} />
          </main>
        )}
        <main className="document" key={generation} hidden={previewing}>
          <div className="page">
            <div className="doc-title">{doc.meta.title || <span className="muted">（标题：在右侧“报告信息”中填写）</span>}</div>
            {doc.meta.addressee && <div className="doc-addressee">{doc.meta.addressee}</div>}
            {doc.sections.map((s) => {
              const part = partTitle(s.part);
              return (
                <section key={s.key} data-section={s.key} data-part={s.part ?? undefined} onFocus={() => (activeSection.current = s.key)}>
                  {s.heading && (
                    <h2 className="doc-heading">
                      {s.part === null && !readOnly ? (
                        <>
                          <input
                            className="heading-input"
                            aria-label="部分标题"
                            value={s.heading}
                            onChange={(e) => change((d) => ({ ...d, sections: d.sections.map((x) => (x.key === s.key ? { ...x, heading: e.target.value } : x)) }))}
                          />
                          <button type="button" className="quiet" onClick={() => removeExtraSection(s.key)}>删除此部分</button>
                        </>
                      ) : (
                        s.heading
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
            {doc.closing.map((c, i) => (
              <p key={i} className="doc-paragraph doc-closing">{c}</p>
            ))}
            <div className="doc-signature">
              {doc.meta.signature.filter(Boolean).map((s, i) => (
                <div key={i}>{s}</div>
              ))}
              <div>{doc.meta.date}</div>
            </div>
          </div>
        </main>
        <div className="side">
          <MetaForm meta={doc.meta} template={template} readOnly={readOnly} onChange={(meta) => change((d) => ({ ...d, meta }))} />
          <IndicatorForm doc={doc} template={template} found={result?.indicators ?? []} readOnly={readOnly} onChange={(indicators) => change((d) => ({ ...d, indicators }))} />
          <FindingsPanel
            result={result}
            readOnly={readOnly}
            onJump={jump}
            onFix={fix}
            onIgnore={(f) => setIgnored(f, true)}
            onRestore={(f) => setIgnored(f, false)}
          />
        </div>
      </div>
    </div>
  );
}
