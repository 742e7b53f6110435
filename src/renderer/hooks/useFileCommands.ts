/**
 * 新建、打开、保存、导入、导出: every command that reads or writes a file, through call() of api.ts only.
 * A save marks the report clean only if nothing changed while the file was being written.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { exportRefusal, type ExportKind } from '../../core/checks/publish';
import { draftNextYear } from '../../core/draft/nextYear';
import { FONT_PROFILES, type FontProfileId } from '../../core/export/fonts';
import { createReportFromTemplate } from '../../core/model/fromTemplate';
import type { ReportDocument } from '../../core/model/report';
import { reviewCommentSummary } from '../../core/model/reviewComments';
import type { TemplateRegistry } from '../../core/templates/registry';
import type { CountyProfile } from '../../core/profile/model';
import {
  isOpenableName,
  NOT_OPENABLE_MESSAGE,
  type ExportOptions,
  type FileRef,
  type PartMapping,
  type RecentFile,
} from '../../shared/ipc';
import { onOpenRecent, onOsOpen, type Value } from '../api';
import type { NewReportRequest } from '../components/StartScreen';
import { useDialogs } from '../components/Dialog';
import { missingProfileFonts } from '../fonts/detect';
import { nextFrame } from '../frames';
import type { Session } from '../session';

export interface PendingImport {
  sourceName: string;
  doc: ReportDocument;
  mapping: PartMapping[];
  warnings: string[];
  draft: boolean;
}

export function suggestedName(doc: ReportDocument): string {
  return doc.meta.title.replace(/\n/g, '') || `${doc.meta.unit}${doc.meta.year ?? ''}年度法治政府建设情况报告`;
}

const lacking = missingProfileFonts;

export function useFileCommands(
  session: Session,
  registry: TemplateRegistry,
  exportOptions: ExportOptions,
  showPreview: () => Promise<void>,
  /** The county's profile: a draft reads last year's figures with the county's own ones too. */
  profile: CountyProfile | null = null,
  /** Takes the caret to the first phone or ID number, as a click on its finding does (查看 of a refused export). */
  revealExportBlock?: () => void,
) {
  const { docRef, fileRef, load, call, info, setMessage, setFile, setReadOnly, setDirty, revision } = session;
  const dialogs = useDialogs();
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const readOnlyRef = useRef(session.readOnly);
  readOnlyRef.current = session.readOnly;
  const dirtyRef = useRef(session.dirty);
  dirtyRef.current = session.dirty;
  /** Profiles (per kind of export) whose missing fonts the clerk has already accepted in this session: asked once. */
  const fontsAccepted = useRef(new Set<string>());
  const [recent, setRecent] = useState<RecentFile[]>([]);

  const refreshRecent = useCallback(() => {
    void call('listRecent').then((files) => files && setRecent(files));
  }, [call]);
  useEffect(refreshRecent, [refreshRecent]);
  /** Opened or saved: to the top of 最近打开 (main also tells the OS's own list). */
  const remember = useCallback(
    (file: FileRef) => void call('addRecent', { file }).then(refreshRecent),
    [call, refreshRecent],
  );

  /** Resolves true when the report was written (a cancelled save dialog or a failure: false). */
  const save = useCallback(
    async (as: boolean): Promise<boolean> => {
      const current = docRef.current;
      if (!current) return false;
      const startedAt = revision.current;
      setBusy(true);
      const saved =
        as || readOnlyRef.current
          ? await call('saveReportAs', { doc: current, suggestedName: suggestedName(current) })
          : await call('saveReport', { doc: current, file: fileRef.current, suggestedName: suggestedName(current) });
      setBusy(false);
      if (!saved) return false;
      setFile(saved.file);
      setReadOnly(false);
      remember(saved.file);
      // Text typed while the file was written is not in it: the report stays unsaved.
      const changedMeanwhile = revision.current !== startedAt;
      if (!changedMeanwhile) setDirty(false);
      info(changedMeanwhile ? `已保存：${saved.file.name}（保存期间的修改还没有保存）` : `已保存：${saved.file.name}`);
      return true;
    },
    [docRef, fileRef, revision, call, info, setFile, setReadOnly, setDirty, remember],
  );

  /**
   * Before the report is replaced (新建, 打开, 导入, 最近打开, a dropped file): Word's question, 保存 first and
   * focused, so a reflex Enter keeps the work. 保存 of a report never saved asks where; going on only if it was.
   */
  const confirmDiscard = useCallback(async () => {
    if (!dirtyRef.current) return true;
    const choice = await dialogs.askSave({
      title: '保存修改',
      message: '当前报告还有没保存的修改，要先保存吗？',
    });
    if (choice === 'cancel') return false;
    if (choice === 'discard') return true;
    return save(false);
  }, [dialogs, save]);

  const open = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    const opened = await call('openReport');
    if (!opened) return;
    load(opened.doc, opened.file, { readOnly: opened.readOnly });
    setMessage(opened.notice ? { kind: 'info', text: opened.notice } : null);
    // 最近打开 is updated once the report is on screen: on a two-core office PC, main writing the list while
    // the report is laid out delays the report's first picture.
    void nextFrame().then(() => remember(opened.file));
  }, [confirmDiscard, load, call, setMessage, remember]);

  /** A file reached without the dialog (最近打开, dropped): a report opens as 打开 would, anything else goes through 导入's review. */
  const openedFile = useCallback(
    (value: Value<'openRecent'> | undefined) => {
      // After the report is on screen, as after 打开 (main has already updated the list: the file on top, or a missing one taken off).
      void nextFrame().then(refreshRecent);
      if (!value) return;
      if (value.kind === 'import')
        return setPending({
          sourceName: value.sourceName,
          doc: value.doc,
          mapping: value.mapping,
          warnings: value.warnings,
          draft: false,
        });
      load(value.doc, value.file, { readOnly: value.readOnly });
      setMessage(value.notice ? { kind: 'info', text: value.notice } : null);
    },
    [refreshRecent, load, setMessage],
  );

  const openRecent = useCallback(
    async (file: FileRef) => {
      if (!(await confirmDiscard())) return;
      setBusy(true);
      const answer = await call('openRecent', { file });
      setBusy(false);
      openedFile(answer);
    },
    [confirmDiscard, openedFile, call],
  );

  const openDropped = useCallback(
    async (files: readonly File[]) => {
      const [file] = files;
      if (!file) return;
      // Another kind of file: said at once, before any question, and nothing changes.
      if (!isOpenableName(file.name)) return call.report(`“${file.name}”：${NOT_OPENABLE_MESSAGE}`);
      if (!(await confirmDiscard())) return;
      setBusy(true);
      const answer = await call('openDroppedFile', file);
      setBusy(false);
      openedFile(answer);
      if (answer && files.length > 1) info(`一次只能打开一个文件，已打开“${file.name}”。`);
    },
    [confirmDiscard, openedFile, call, info],
  );

  // 文件 → 最近打开 in the application menu, and files dropped anywhere on the window.
  const openRecentRef = useRef(openRecent);
  openRecentRef.current = openRecent;
  const openDroppedRef = useRef(openDropped);
  openDroppedRef.current = openDropped;
  useEffect(() => onOpenRecent((file) => void openRecentRef.current(file)), []);
  // A file double-clicked in the file manager: at start (main kept it until the page asks) and while running.
  // It opens as from 最近打开, after the same question when the report is unsaved.
  useEffect(() => {
    const take = async () => {
      const files = await call('takeOsOpenedFiles');
      const last = files?.at(-1);
      if (!last) return;
      await openRecentRef.current(last);
      if (files && files.length > 1) info(`一次只能打开一个文件，已打开“${last.name}”。`);
    };
    void take();
    return onOsOpen(() => void take());
  }, [call, info]);
  useEffect(() => {
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    // Text dragged within the report is the editor's; only files are taken here (and never followed as a link).
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      void openDroppedRef.current([...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragover', onDragOver, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, []);

  const importReport = useCallback(
    async (draft: boolean) => {
      if (!(await confirmDiscard())) return;
      setBusy(true);
      const imported = await call('importReport');
      setBusy(false);
      if (!imported) return;
      // Main put the file under 最近打开.
      refreshRecent();
      setPending({ ...imported, draft });
    },
    [confirmDiscard, call, refreshRecent],
  );

  /** Another outline chosen in the import dialog: main reads the same file again, its parts mapped onto that one. */
  const retemplate = useCallback(
    async (templateId: string) => {
      if (!pending) return;
      setBusy(true);
      const imported = await call('reimportReport', { templateId });
      setBusy(false);
      if (imported) setPending({ ...imported, draft: pending.draft });
    },
    [pending, call],
  );

  /** A report not yet saved: main starts it a 历史版本 and journal of its own before the first snapshot. */
  const startUnsaved = (doc: ReportDocument) => {
    void call('startUntitled');
    load(doc, null, { dirty: true });
  };

  const confirmImport = (parts: Record<string, string | null>) => {
    if (!pending) return;
    const mapped: ReportDocument = {
      ...pending.doc,
      sections: pending.doc.sections.map((s) => (s.key in parts ? { ...s, part: parts[s.key] ?? null } : s)),
    };
    setPending(null);
    if (pending.draft) {
      const next = draftNextYear(mapped, { registry, ...(profile ? { profile } : {}) });
      startUnsaved(next);
      info(`已根据“${pending.sourceName}”起草 ${next.meta.year ?? ''} 年度报告：请逐条填写去年计划的完成情况。`);
    } else {
      startUnsaved(mapped);
      const comments = reviewCommentSummary(mapped.reviewComments);
      info(
        `已导入“${pending.sourceName}”。保存时会另存为本软件的报告文件，原文件不会改动。` +
          (comments.threads
            ? `文件中的 ${comments.threads} 条审核意见列在右侧“县里的审核意见”中` +
              (comments.resolvedInWord ? `，其中 ${comments.resolvedInWord} 条审核人已标为解决。` : '。')
            : ''),
      );
    }
  };

  /** Warn once per font profile before exporting with fonts this machine lacks; suggest only a profile that would help. */
  const fontsOk = useCallback(
    async (kind: 'docx' | 'pdf') => {
      const profile = exportOptions.fontProfile;
      const key = `${kind}:${profile}`;
      if (fontsAccepted.current.has(key)) return true;
      const missing = lacking(profile);
      if (missing.length === 0) return true;
      const better = (Object.keys(FONT_PROFILES) as FontProfileId[]).find(
        (p) => p !== profile && lacking(p).length === 0,
      );
      const ok = await dialogs.confirm({
        title: '缺少字体',
        // A .docx names its fonts and another computer may have them; a PDF carries the fonts it was drawn with.
        message:
          (kind === 'pdf'
            ? `本机没有安装以下字体：${missing.join('、')}。PDF 是用本机的字体生成的，会用其他字体代替并嵌入文件，在任何电脑上打开都是代替后的样子。要得到标准的公文字体效果，请先在本机安装这些字体，再重新导出 PDF。`
            : `本机没有安装以下字体：${missing.join('、')}。导出的 Word 文件在本机打开时会用其他字体代替，在装有这些字体的电脑上打开则显示正常。`) +
          (better ? `也可以在工具栏“版式设置”中把字体改选为“${FONT_PROFILES[better].name}”。` : ''),
        confirm: '仍然导出',
        cancel: '取消',
      });
      if (ok) fontsAccepted.current.add(key);
      return ok;
    },
    [exportOptions.fontProfile, dialogs],
  );

  /**
   * Main refused the export for a phone or ID number (exportRefusal, the one rule it applies too, with the same
   * county profile as this page's checker): the bar says why and offers 查看. Any other failure is shown as it comes.
   */
  const revealRef = useRef(revealExportBlock);
  revealRef.current = revealExportBlock;
  const exportFailed = useCallback(
    (doc: ReportDocument, kind: ExportKind) => (text: string) => {
      const refusal = revealRef.current && exportRefusal(doc, kind, profile);
      setMessage(
        refusal && refusal.message === text
          ? { kind: 'error', text, action: { label: '查看', run: () => revealRef.current?.() } }
          : { kind: 'error', text },
      );
    },
    [setMessage, profile],
  );

  const exportDocx = useCallback(async () => {
    const current = docRef.current;
    if (!current || !(await fontsOk('docx'))) return;
    setBusy(true);
    const doc = docRef.current ?? current;
    const exported = await call(
      'exportDocx',
      { doc, options: exportOptions, suggestedName: suggestedName(current) },
      exportFailed(doc, 'docx'),
    );
    setBusy(false);
    if (exported) info(`已导出 Word 文件：${exported.name}`);
  }, [docRef, exportOptions, fontsOk, call, info, exportFailed]);

  const exportPdf = useCallback(async () => {
    const current = docRef.current;
    if (!current || !(await fontsOk('pdf'))) return;
    // What prints is what the window shows: the preview.
    await showPreview();
    setBusy(true);
    const doc = docRef.current ?? current;
    const exported = await call('exportPdf', { doc, suggestedName: suggestedName(current) }, exportFailed(doc, 'pdf'));
    setBusy(false);
    if (exported) info(`已导出 PDF：${exported.name}`);
  }, [docRef, fontsOk, showPreview, call, info, exportFailed]);

  /**
   * 打印…: what prints is the preview's pages (the export's own pagination), through the system's dialog, where
   * 另存为 PDF is one choice: held to 导出 PDF's rule (main checks the report the preview is drawn from).
   */
  const print = useCallback(async () => {
    const current = docRef.current;
    if (!current) return;
    await showPreview();
    const doc = docRef.current ?? current;
    // Sent to the dialog: an earlier refusal (不能打印) no longer stands.
    if (await call('printWindow', { doc }, exportFailed(doc, 'print'))) setMessage(null);
  }, [docRef, showPreview, call, exportFailed, setMessage]);

  const exportWeb = useCallback(
    async (format: 'txt' | 'html') => {
      const current = docRef.current;
      if (!current) return;
      const exported = await call(
        'exportWeb',
        { doc: current, format, suggestedName: `${suggestedName(current)}（网站发布）` },
        exportFailed(current, 'web'),
      );
      if (exported) info(`已导出网站发布用文本：${exported.name}（已去掉撰稿人等内部信息）`);
    },
    [docRef, call, info, exportFailed],
  );

  const newReport = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    load(null, null);
    setMessage(null);
  }, [confirmDiscard, load, setMessage]);

  /**
   * The window's close button with unsaved work (main asks the page): the same question; then the window
   * is told the work is dealt with and closes. 不保存 keeps the backup, offered again at the next start.
   */
  const closeWindow = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    await call('setDirty', { dirty: false });
    window.close();
  }, [confirmDiscard, call]);

  /** A new report; `addressee` is the county's 主送机关 (its profile), written in for the clerk. */
  const create = (request: NewReportRequest, addressee?: string | null) => {
    const t = registry.getOrDefault(request.templateId);
    const doc = createReportFromTemplate(t, { unit: request.unit, year: request.year });
    if (addressee) doc.meta.addressee = addressee;
    startUnsaved(doc);
    setMessage(null);
  };

  return {
    busy,
    pending,
    setPending,
    save,
    open,
    importReport,
    retemplate,
    confirmImport,
    exportDocx,
    exportPdf,
    exportWeb,
    print,
    newReport,
    closeWindow,
    create,
    confirmDiscard,
    recent,
    openRecent,
  };
}
