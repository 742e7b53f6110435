/**
 * 新建、打开、保存、导入、导出: every command that reads or writes a file, through window.nianbao only.
 * A save marks the report clean only if nothing changed while the file was being written.
 */
import { useCallback, useRef, useState } from 'react';
import { draftNextYear } from '../../core/draft/nextYear';
import { FONT_PROFILES, requiredFonts, type FontProfileId } from '../../core/export/fonts';
import { createReportFromTemplate } from '../../core/model/fromTemplate';
import type { ReportDocument } from '../../core/model/report';
import type { TemplateRegistry } from '../../core/templates/registry';
import type { ExportOptions, PartMapping } from '../../shared/ipc';
import type { NewReportRequest } from '../components/StartScreen';
import { useDialogs } from '../components/Dialog';
import { missingFonts } from '../fonts/detect';
import type { Session } from '../session';

const api = () => window.nianbao;

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

/** Fonts of a profile this machine lacks (Times New Roman is everywhere a report is opened). */
function lacking(profile: FontProfileId): string[] {
  return missingFonts(requiredFonts(profile).filter((f) => f !== 'Times New Roman'));
}

export function useFileCommands(session: Session, registry: TemplateRegistry, exportOptions: ExportOptions, showPreview: () => Promise<void>) {
  const { docRef, fileRef, load, fail, info, setMessage, setFile, setReadOnly, setDirty, revision } = session;
  const dialogs = useDialogs();
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const readOnlyRef = useRef(session.readOnly);
  readOnlyRef.current = session.readOnly;
  const dirtyRef = useRef(session.dirty);
  dirtyRef.current = session.dirty;
  /** Profiles whose missing fonts the clerk has already accepted in this session: asked once, not at every export. */
  const fontsAccepted = useRef(new Set<FontProfileId>());

  const save = useCallback(
    async (as: boolean) => {
      const current = docRef.current;
      if (!current) return;
      const startedAt = revision.current;
      setBusy(true);
      const answer =
        as || readOnlyRef.current
          ? await api().saveReportAs({ doc: current, suggestedName: suggestedName(current) })
          : await api().saveReport({ doc: current, file: fileRef.current, suggestedName: suggestedName(current) });
      setBusy(false);
      if (!answer.ok) return fail(answer.error);
      if (!answer.value) return;
      setFile(answer.value.file);
      setReadOnly(false);
      // Text typed while the file was written is not in it: the report stays unsaved.
      const changedMeanwhile = revision.current !== startedAt;
      if (!changedMeanwhile) setDirty(false);
      info(changedMeanwhile ? `已保存：${answer.value.file.name}（保存期间的修改还没有保存）` : `已保存：${answer.value.file.name}`);
    },
    [docRef, fileRef, revision, fail, info, setFile, setReadOnly, setDirty],
  );

  const confirmDiscard = useCallback(
    async () =>
      !dirtyRef.current ||
      dialogs.confirm({ title: '放弃修改', message: '当前报告还有没保存的修改，确定放弃吗？', confirm: '放弃修改', cancel: '返回' }),
    [dialogs],
  );

  const open = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    const answer = await api().openReport();
    if (!answer.ok) return fail(answer.error);
    if (!answer.value) return;
    load(answer.value.doc, answer.value.file, { readOnly: answer.value.readOnly });
    setMessage(answer.value.notice ? { kind: 'info', text: answer.value.notice } : null);
  }, [confirmDiscard, load, fail, setMessage]);

  const importReport = useCallback(
    async (draft: boolean) => {
      if (!(await confirmDiscard())) return;
      setBusy(true);
      const answer = await api().importReport();
      setBusy(false);
      if (!answer.ok) return fail(answer.error);
      if (!answer.value) return;
      setPending({ ...answer.value, draft });
    },
    [confirmDiscard, fail],
  );

  /** A report not yet saved: main starts it a 历史版本 and journal of its own before the first snapshot. */
  const startUnsaved = (doc: ReportDocument) => {
    void api().startUntitled({});
    load(doc, null, { dirty: true });
  };

  const confirmImport = (parts: Record<string, string | null>) => {
    if (!pending) return;
    const mapped: ReportDocument = { ...pending.doc, sections: pending.doc.sections.map((s) => (s.key in parts ? { ...s, part: parts[s.key] ?? null } : s)) };
    setPending(null);
    if (pending.draft) {
      const next = draftNextYear(mapped, { registry });
      startUnsaved(next);
      info(`已根据“${pending.sourceName}”起草 ${next.meta.year ?? ''} 年度报告：请逐条填写去年计划的完成情况。`);
    } else {
      startUnsaved(mapped);
      info(`已导入“${pending.sourceName}”。保存时会另存为本软件的报告文件，原文件不会改动。`);
    }
  };

  /** Warn once per font profile before exporting with fonts this machine lacks; suggest only a profile that would help. */
  const fontsOk = useCallback(async () => {
    const profile = exportOptions.fontProfile;
    if (fontsAccepted.current.has(profile)) return true;
    const missing = lacking(profile);
    if (missing.length === 0) return true;
    const better = (Object.keys(FONT_PROFILES) as FontProfileId[]).find((p) => p !== profile && lacking(p).length === 0);
    const ok = await dialogs.confirm({
      title: '缺少字体',
      message:
        `本机没有安装以下字体：${missing.join('、')}。导出的文件在本机打开时会用其他字体代替，在装有这些字体的电脑上打开则显示正常。` +
        (better ? `也可以在工具栏“版式设置”中把字体改选为“${FONT_PROFILES[better].name}”。` : ''),
      confirm: '仍然导出',
      cancel: '取消',
    });
    if (ok) fontsAccepted.current.add(profile);
    return ok;
  }, [exportOptions.fontProfile, dialogs]);

  const exportDocx = useCallback(async () => {
    const current = docRef.current;
    if (!current || !(await fontsOk())) return;
    setBusy(true);
    const answer = await api().exportDocx({ doc: docRef.current ?? current, options: exportOptions, suggestedName: suggestedName(current) });
    setBusy(false);
    if (!answer.ok) return fail(answer.error);
    if (answer.value) info(`已导出 Word 文件：${answer.value.name}`);
  }, [docRef, exportOptions, fontsOk, fail, info]);

  const exportPdf = useCallback(async () => {
    const current = docRef.current;
    if (!current || !(await fontsOk())) return;
    // What prints is what the window shows: the preview.
    await showPreview();
    setBusy(true);
    const answer = await api().exportPdf({ suggestedName: suggestedName(current) });
    setBusy(false);
    if (!answer.ok) return fail(answer.error);
    if (answer.value) info(`已导出 PDF：${answer.value.name}`);
  }, [docRef, fontsOk, showPreview, fail, info]);

  const exportWeb = useCallback(
    async (format: 'txt' | 'html') => {
      const current = docRef.current;
      if (!current) return;
      const answer = await api().exportWeb({ doc: current, format, suggestedName: `${suggestedName(current)}（网站发布）` });
      if (!answer.ok) return fail(answer.error);
      if (answer.value) info(`已导出网站发布用文本：${answer.value.name}（已去掉撰稿人等内部信息）`);
    },
    [docRef, fail, info],
  );

  const newReport = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    load(null, null);
    setMessage(null);
  }, [confirmDiscard, load, setMessage]);

  /** A new report; `addressee` is the county's 主送机关 (its profile), written in for the clerk. */
  const create = (request: NewReportRequest, addressee?: string | null) => {
    const t = registry.getOrDefault(request.templateId);
    const doc = createReportFromTemplate(t, { unit: request.unit, year: request.year });
    if (addressee) doc.meta.addressee = addressee;
    startUnsaved(doc);
    setMessage(null);
  };

  return { busy, pending, setPending, save, open, importReport, confirmImport, exportDocx, exportPdf, exportWeb, newReport, create, confirmDiscard };
}
