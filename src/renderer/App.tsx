/**
 * The app: start screen, then the editor — outline on the left, the document in the middle (one Lexical
 * editor for the whole report, part numbers fixed by the template), metadata and the checker's findings on the right.
 * The state lives in the session (session.tsx) and hooks (hooks/); the commands in one table (commands.ts)
 * feed the toolbar, the application menu and the shortcuts. Files go through call() of api.ts only.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Finding } from '../core/checks/types';
import { stillStanding } from '../core/checks/stillStanding';
import { chooseFontProfile } from '../core/export/fonts';
import { blocksExport } from '../core/checks/publish';
import { toPlainText, type PlainText } from '../core/model/plainText';
import type { ReportDocument } from '../core/model/report';
import type { IndicatorSummary } from '../core/checks/types';
import type { ExportOptions, FileRef, MenuCommand } from '../shared/ipc';
import { onMenuCommand } from './api';
import { commandForKey, type Command } from './commands';
import { DialogProvider, useDialogs } from './components/Dialog';
import { DocumentView } from './components/DocumentView';
import { FindBar } from './components/FindBar';
import { FindingsPanel } from './components/FindingsPanel';
import { HistoryDialog, type Version } from './components/HistoryDialog';
import { ImportReview } from './components/ImportReview';
import { IndicatorForm } from './components/IndicatorForm';
import { MessageBar } from './components/MessageBar';
import { MetaForm } from './components/MetaForm';
import { Outline } from './components/Outline';
import { PreviewView } from './components/PreviewView';
import { ReviewView } from './components/ReviewView';
import { useDocumentContextMenu } from './components/ContextMenu';
import { StartScreen } from './components/StartScreen';
import { StatusBar } from './components/StatusBar';
import { Toolbar } from './components/Toolbar';
import { countDocumentChars } from './editor/find';
import { findingNow } from './editor/stale';
import { useEditors } from './editor/useEditors';
import { useAutosave } from './hooks/useAutosave';
import { useChecker } from './hooks/useChecker';
import { useCountyTemplates } from './hooks/useCountyTemplates';
import { useCountyProfile } from './hooks/useCountyProfile';
import { CountyProfileCard } from './components/CountyProfileCard';
import { registryWithProfile } from '../core/profile/index';
import { isFontInstalled } from './fonts/detect';
import { nextFrame } from './frames';
import { useFileCommands } from './hooks/useFileCommands';
import { useSessionHistory } from './hooks/useSessionHistory';
import { useReviewComments } from './hooks/useReviewComments';
import { SessionHistoryContext } from './plugins/SessionHistoryPlugin';
import { useStableCallback } from './hooks/useStableCallback';
import { isImeKey } from './plugins/ImeSafeKeysPlugin';
import { SessionContext, useSessionState } from './session';

const EXPORT_OPTIONS_KEY = 'nianbao.exportOptions';
const NO_INDICATORS: readonly IndicatorSummary[] = [];

function loadExportOptions(): ExportOptions {
  try {
    const saved = JSON.parse(localStorage.getItem(EXPORT_OPTIONS_KEY) ?? '{}') as Partial<ExportOptions>;
    // Until the clerk picks a profile, the one whose fonts this machine has.
    return {
      fontProfile: saved.fontProfile ?? chooseFontProfile(isFontInstalled),
      boldLevel3: saved.boldLevel3 ?? false,
      includeAddressee: saved.includeAddressee ?? true,
      sealed: saved.sealed ?? false,
    };
  } catch {
    return {
      fontProfile: chooseFontProfile(isFontInstalled),
      boldLevel3: false,
      includeAddressee: true,
      sealed: false,
    };
  }
}

export function App() {
  return (
    <DialogProvider>
      <Editor />
    </DialogProvider>
  );
}

function Editor() {
  const session = useSessionState();
  const { doc, file, readOnly, generation, message, setMessage, load, fail, info, call } = session;
  const dialogs = useDialogs();
  const county = useCountyProfile(call, info);
  const countyTemplates = useCountyTemplates(call);
  const registry = useMemo(
    () => (county.profile ? registryWithProfile(county.profile, countyTemplates) : countyTemplates),
    [county.profile, countyTemplates],
  );
  const { result, checked, checkNow } = useChecker(doc, registry, county.profile, session.changedAt);
  useAutosave(session);
  const [exportOptions, setExportOptions] = useState(loadExportOptions);
  const [reviewing, setReviewing] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const previewingRef = useRef(previewing);
  previewingRef.current = previewing;
  const [history, setHistory] = useState<Version[] | null>(null);
  const [recoverable, setRecoverable] = useState<
    Array<{ id: string; name: string; savedAt: string; doc: ReportDocument; file: FileRef | null }>
  >([]);
  // One undo history for the text and the side forms (报告信息, figures, closing lines).
  const undo = useSessionHistory(session);
  const {
    onEditor,
    onDocumentChange,
    jump,
    applyFixes,
    setBlockType,
    insertTable,
    addPart: addPartInEditor,
    removePart,
    setIgnored: setIgnoredInEditor,
    showMatch,
    selectMatch,
    replaceMatches,
    goToPart,
    editorRef,
  } = useEditors(session, undo.changeFields);
  const [finding, setFinding] = useState<'find' | 'replace' | null>(null);
  const [zoom, setZoom] = useState(1);
  const [panelsFolded, setPanelsFolded] = useState(false);
  const zoomBy = (step: number) => setZoom((z) => Math.min(2, Math.max(0.5, Math.round((z + step) * 10) / 10)));

  const { settle } = session;
  const showPreview = useCallback(async () => {
    setPreviewing(true);
    // Printed or exported as PDF right after typing: the editor's last change (committed by Lexical a moment
    // later, rendered as a transition) is drawn in the preview before it is printed.
    await nextFrame();
    flushSync(settle);
    await nextFrame();
  }, [settle]);
  // 查看 of a refused export (called later, from the message bar: revealExportBlock is defined below).
  const files = useFileCommands(session, registry, exportOptions, showPreview, county.profile, () =>
    revealExportBlock(),
  );
  const template = doc ? registry.getOrDefault(doc.meta.templateId) : undefined;
  // The plain text of the document the findings are about (their offsets), made once per check, not per keystroke.
  const plain = useMemo(() => (checked ? toPlainText(checked) : null), [checked]);
  // The 字数 follows the text itself (rendered after the keystroke's frame, see session.change), not the last check.
  const chars = useMemo(() => (doc ? countDocumentChars(doc) : 0), [doc]);

  // After a crash or power cut: offer each journal newer than its file.
  useEffect(() => {
    void call('pendingJournals').then((pending) => {
      if (pending) setRecoverable(pending);
    });
  }, [call]);

  /** From the preview, a click on a finding or the outline returns to the text first. */
  const inText = useCallback(async (then: () => void) => {
    if (previewingRef.current) {
      setPreviewing(false);
      await nextFrame();
    }
    then();
  }, []);

  // Esc leaves the print preview, as in Word, with the caret back in the text where it was (Lexical keeps the
  // selection while the text is hidden). Captured first, so that an open menu, a question or the find bar
  // keeps its own Esc.
  useEffect(() => {
    if (!previewing) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || isImeKey(event)) return;
      if (document.querySelector('[role="dialog"], .export-settings[open], .context-menu, .find-bar:focus-within'))
        return;
      event.preventDefault();
      setPreviewing(false);
      void nextFrame().then(() => editorRef.current?.focus());
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [previewing, editorRef]);

  // 检查 on demand: check now and bring the result into view (below the forms it is easily out of sight).
  const runCheck = useCallback(() => {
    if (!checkNow()) return;
    // Scroll only: the caret stays where the clerk was typing. From the toolbar's button (the keyboard on it,
    // not in the text), the keyboard goes on to the first finding, where Enter leads to its words.
    requestAnimationFrame(() => {
      document.querySelector('.findings .ready')?.scrollIntoView({ block: 'start' });
      if (document.activeElement?.closest('.toolbar'))
        document
          .querySelector<HTMLElement>('.findings .finding-group:not(.review-comments) .finding-text')
          ?.focus({ preventScroll: true });
    });
  }, [checkNow]);

  const openHistory = useCallback(
    () =>
      void call('listHistory', { file: session.fileRef.current }).then((versions) => {
        if (versions) setHistory(versions);
      }),
    [session.fileRef, call],
  );

  const commands: Command[] = [
    { id: 'new', label: '新建', shortcut: 'Ctrl+N', run: () => void files.newReport() },
    { id: 'close', label: '关闭窗口', run: () => void files.closeWindow() },
    { id: 'open', label: '打开', shortcut: 'Ctrl+O', run: () => void files.open() },
    { id: 'save', label: '保存', shortcut: 'Ctrl+S', run: () => void files.save(false), disabled: files.busy },
    { id: 'saveAs', label: '另存为', shortcut: 'Ctrl+Shift+S', run: () => void files.save(true), disabled: files.busy },
    { id: 'import', label: '导入', run: () => void files.importReport(false), disabled: files.busy },
    { id: 'history', label: '历史版本', run: openHistory },
    { id: 'check', label: '检查报告，并显示全部检查结果', shortcut: 'F7', run: runCheck },
    {
      id: 'exportDocx',
      label: '导出 Word',
      shortcut: 'Ctrl+E',
      run: () => void files.exportDocx(),
      disabled: files.busy,
    },
    { id: 'preview', label: '打印预览', shortcut: 'Ctrl+P', run: () => setPreviewing((p) => !p) },
    { id: 'exportPdf', label: '导出 PDF', run: () => void files.exportPdf(), disabled: files.busy },
    { id: 'print', label: '打印', run: () => void files.print(), disabled: files.busy },
    {
      id: 'exportWeb',
      label: '供政府网站后台粘贴发布的网页文本',
      run: () => void files.exportWeb('html'),
      disabled: files.busy,
    },
    { id: 'find', label: '查找', shortcut: 'Ctrl+F', run: () => void inText(() => setFinding('find')) },
    { id: 'replace', label: '替换', shortcut: 'Ctrl+H', run: () => void inText(() => setFinding('replace')) },
    { id: 'zoomIn', label: '放大文稿', shortcut: 'Ctrl+=', run: () => zoomBy(0.1) },
    { id: 'zoomOut', label: '缩小文稿', shortcut: 'Ctrl+-', run: () => zoomBy(-0.1) },
    { id: 'zoomReset', label: '文稿实际大小', shortcut: 'Ctrl+0', run: () => setZoom(1) },
    // The keys are handled where the focus is (the text, a side field, 查找's own field); the menu runs these.
    {
      id: 'undo',
      label: '撤销',
      shortcut: 'Ctrl+Z',
      keyShownOnly: true,
      run: () => void undo.history.undo(),
      disabled: readOnly,
    },
    {
      id: 'redo',
      label: '重做',
      shortcut: 'Ctrl+Y',
      keyShownOnly: true,
      run: () => void undo.history.redo(),
      disabled: readOnly,
    },
    { id: 'togglePanels', label: '收起或展开两侧面板', shortcut: 'Ctrl+\\', run: () => setPanelsFolded((f) => !f) },
  ];
  const commandsRef = useRef(commands);
  commandsRef.current = commands;

  // The application menu sends command ids; shortcuts are read from the same table.
  useEffect(
    () =>
      onMenuCommand((id: MenuCommand) => {
        const command = commandsRef.current.find((c) => c.id === id);
        if (command && !command.disabled) command.run();
      }),
    [],
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Only Ctrl/⌘ and F-keys are shortcuts: a typed character returns at once (this runs on every keystroke).
      if (!(event.ctrlKey || event.metaKey || /^F\d+$/.test(event.key))) return;
      // Keys that belong to an IME composition are the IME's; a question on screen takes its own keys.
      if (isImeKey(event) || document.querySelector('.dialog-question')) return;
      const command = commandForKey(commandsRef.current, event);
      if (!command) return;
      event.preventDefault();
      if (!command.disabled) command.run();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  /**
   * The findings of the text as it is now, with the plain text their offsets count in: the last check's when
   * nothing changed since, else a fresh check (a few ms). A click in the findings panel or a right-click right
   * after typing, before the pause-then-check has run, must never apply old offsets to changed text.
   */
  const checkedNow = (): { plain: PlainText; findings: readonly Finding[]; fresh: boolean } | null => {
    const current = session.docRef.current;
    if (!current) return null;
    if (current === checked && plain) return { plain, findings: result?.findings ?? [], fresh: false };
    const next = checkNow(current);
    return next ? { plain: toPlainText(current), findings: next.findings, fresh: true } : null;
  };

  // Stable: the findings panel and the forms are memoised and skip the re-render of a keystroke.
  const onJump = useStableCallback((finding: Finding) => {
    if (!plain) return;
    if (finding.start === null) return void inText(() => jump(finding, plain));
    const now = checkedNow();
    // The finding's words where they are now; words the edit changed are not selected (the panel shows the
    // fresh check instead).
    const same = now && (now.fresh ? findingNow(finding, plain.text, now.findings, now.plain.text) : finding);
    if (now && same) void inText(() => jump(same, now.plain));
  });
  /** 查看 of an export refused for a phone or ID number: the first one's words, as a click on its finding. */
  const revealExportBlock = useStableCallback(() => {
    const now = checkedNow();
    const first = now?.findings.find(blocksExport);
    if (now && first) void inText(() => jump(first, now.plain));
  });
  /** A fix clicked before the check of the last edit has run fixes only what still stands where it was. */
  const fixNow = (findings: Finding[]) => {
    const now = checkedNow();
    if (!plain || !now) return;
    const standing = now.fresh ? stillStanding(findings, plain.text, now.findings, now.plain.text) : findings;
    if (standing.length) applyFixes(standing, now.plain);
  };
  const onFix = useStableCallback((finding: Finding) => fixNow([finding]));
  const onFixAll = useStableCallback((findings: Finding[]) => fixNow(findings));
  // 忽略, adding and removing a part are steps of the editor's undo history (useEditors).
  const setIgnored = (finding: Finding, ignored: boolean) => setIgnoredInEditor(finding.fingerprint, ignored);
  const onIgnore = useStableCallback((finding: Finding) => setIgnored(finding, true));
  const onRestore = useStableCallback((finding: Finding) => setIgnored(finding, false));
  const findingsNow = useStableCallback(() => checkedNow() ?? { plain, findings: result?.findings ?? [] });
  const reviewComments = useReviewComments({
    checked,
    plain,
    docRef: session.docRef,
    jump,
    inText,
    setIgnored: setIgnoredInEditor,
    info,
  });
  const contextMenu = useDocumentContextMenu({
    findingsNow,
    readOnly,
    onFix,
    onIgnore,
    onBlockType: setBlockType,
    onInsertTable: insertTable,
    onEdit: (action) => void call('editWindow', { action }),
  });

  const addPart = (part: string | null, title: string) => {
    if (template) void inText(() => addPartInEditor(template, part, title));
  };

  const addOther = async () => {
    const title = await dialogs.prompt({
      title: '添加其他部分',
      message: '新部分会排在最后，自动编号。',
      input: { label: '新部分的标题（不含“一、”编号）', value: '其他工作情况' },
      confirm: '添加',
    });
    if (title) addPart(null, title);
  };

  const removeExtraSection = async (key: string) => {
    const ok = await dialogs.confirm({
      title: '删除部分',
      message: '删除这一部分和其中的全部文字吗？',
      confirm: '删除',
      cancel: '保留',
    });
    if (ok) removePart(key);
  };

  const goToSection = (key: string) => void inText(() => goToPart(key));

  // Stable: 版式设置 is memoised and skips the re-render of a keystroke (its inputs were re-set on every one).
  const setExport = useStableCallback((options: ExportOptions) => {
    setExportOptions(options);
    localStorage.setItem(EXPORT_OPTIONS_KEY, JSON.stringify(options));
  });

  const messageBar = <MessageBar message={message} onClose={() => setMessage(null)} />;

  if (files.pending) {
    const pending = files.pending;
    return (
      <SessionContext.Provider value={session}>
        {messageBar}
        <ImportReview
          // Read again onto another outline: the choices start from the new mapping.
          key={pending.doc.meta.templateId}
          sourceName={pending.sourceName}
          template={registry.getOrDefault(pending.doc.meta.templateId)}
          templates={registry.list()}
          onTemplate={(id) => void files.retemplate(id)}
          busy={files.busy}
          mapping={pending.mapping}
          warnings={pending.warnings}
          reviewComments={pending.doc.reviewComments}
          draft={pending.draft}
          // The draft is the year after the file's (draftNextYear, on 开始编辑).
          draftYear={pending.doc.meta.year === null ? null : pending.doc.meta.year + 1}
          onConfirm={files.confirmImport}
          onCancel={() => files.setPending(null)}
        />
      </SessionContext.Provider>
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
                info(`已恢复“${r.name}”未保存的内容，请检查后保存。`);
              }}
            >
              恢复
            </button>
            <button
              type="button"
              className="quiet"
              onClick={async () => {
                const ok = await dialogs.confirm({
                  title: '放弃备份',
                  message: '放弃后这份备份将被删除，确定吗？',
                  confirm: '删除备份',
                  cancel: '保留',
                });
                if (!ok) return;
                void call('discardJournal', { id: r.id });
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
        <ReviewView onBack={() => setReviewing(false)} onError={fail} onInfo={info} profile={county.profile} />
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
          onCreate={(request) => files.create(request, county.profile?.addressee)}
          onOpen={() => void files.open()}
          onImport={() => void files.importReport(false)}
          onDraftFromLastYear={() => void files.importReport(true)}
          onReview={() => setReviewing(true)}
          recent={files.recent}
          onOpenRecent={(file) => void files.openRecent(file)}
        >
          <CountyProfileCard county={county} />
        </StartScreen>
      </>
    );
  }

  return (
    <SessionContext.Provider value={session}>
      <div className="app">
        <Toolbar
          commands={commands}
          result={result}
          previewing={previewing}
          exportOptions={exportOptions}
          onExportOptions={setExport}
          onBlockType={setBlockType}
          onInsertTable={insertTable}
        />
        {messageBar}
        {history && (
          <HistoryDialog
            current={doc}
            versions={history}
            onClose={() => setHistory(null)}
            onRestore={(version) => {
              setHistory(null);
              load(version.doc, file, { dirty: true, readOnly });
              info(`已恢复到 ${new Date(version.savedAt).toLocaleString('zh-CN')} 的版本，保存后生效。`);
            }}
          />
        )}
        {readOnly && <div className="message message-info">此报告以只读方式打开，修改后请“另存为”新文件。</div>}
        {finding && plain && (
          <FindBar
            plain={plain}
            plainNow={() => (session.docRef.current ? toPlainText(session.docRef.current) : plain)}
            replacing={finding === 'replace'}
            readOnly={readOnly}
            onSelect={showMatch}
            onReplace={replaceMatches}
            onClose={(match) => {
              setFinding(null);
              showMatch(null);
              // Nothing shown (no match): the caret goes back into the text, where it was, as in Word;
              // else the focus fell to the page with the bar, and typing went nowhere.
              if (match) selectMatch(match);
              else void nextFrame().then(() => editorRef.current?.focus());
            }}
          />
        )}
        <div className={panelsFolded ? 'workspace panels-folded' : 'workspace'}>
          <Outline
            doc={doc}
            template={template}
            readOnly={readOnly}
            onGo={goToSection}
            onAddPart={addPart}
            onAddOther={() => void addOther()}
          />
          {previewing && (
            <main className="document-preview">
              <PreviewView
                doc={doc}
                fontProfile={exportOptions.fontProfile}
                includeAddressee={exportOptions.includeAddressee}
                boldLevel3={exportOptions.boldLevel3}
                sealed={exportOptions.sealed}
              />
            </main>
          )}
          <main
            className="document"
            key={generation}
            hidden={previewing}
            style={{ zoom }}
            onContextMenu={contextMenu.onContextMenu}
          >
            <SessionHistoryContext.Provider value={undo.history}>
              <DocumentView
                doc={doc}
                template={template}
                readOnly={readOnly}
                onDocumentChange={onDocumentChange}
                onEditor={onEditor}
                onRemoveSection={(key) => void removeExtraSection(key)}
                onClosing={undo.changeClosing}
              />
            </SessionHistoryContext.Provider>
          </main>
          <div className="side">
            <MetaForm meta={doc.meta} template={template} readOnly={readOnly} onChange={undo.changeMeta} />
            <IndicatorForm
              indicators={doc.indicators}
              previous={doc.previous}
              template={template}
              found={result?.indicators ?? NO_INDICATORS}
              readOnly={readOnly}
              onChange={undo.changeIndicators}
              profile={county.profile}
            />
            <FindingsPanel
              result={result}
              readOnly={readOnly}
              onJump={onJump}
              onFix={onFix}
              onFixAll={onFixAll}
              onIgnore={onIgnore}
              onRestore={onRestore}
              reviewComments={reviewComments}
            />
          </div>
        </div>
        {contextMenu.menu}
        <StatusBar chars={chars} zoom={zoom} panelsFolded={panelsFolded} commands={commands} />
      </div>
    </SessionContext.Provider>
  );
}
