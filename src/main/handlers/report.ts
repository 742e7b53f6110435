/** 打开、保存、另存为、导入、导出 (Word, PDF, web text): the report's own files. */
import * as fs from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { exportDocx } from '../../core/export/docx';
import { toWebHtml, toWebText } from '../../core/export/webText';
import { MAX_REPORT_FILE_BYTES, parseReportFile, REPORT_EXTENSION, serializeReport } from '../../core/model/file';
import { nodeDeflater } from '../../node/deflater';
import { MAX_INPUT_BYTES } from '../../node/import';
import { readFileBounded } from '../../node/readFile';
import { ipcError, ipcOk, type FileRef, type Response } from '../../shared/ipc';
import { writeFileAtomic } from '../atomicWrite';
import { isOpenInWord, readError, safeName, withExtension, type HandlerContext, type Handlers } from './context';

type ReportChannels =
  | 'report:open'
  | 'report:save'
  | 'report:saveAs'
  | 'report:import'
  | 'report:reimport'
  | 'report:exportDocx'
  | 'report:exportPdf'
  | 'report:exportWeb';
type Doc = Parameters<Handlers['report:save']>[0]['doc'];

export function reportHandlers(ctx: HandlerContext): Pick<Handlers, ReportChannels> {
  const { deps, grants, queue, writeOptions } = ctx;

  async function saveTo(path: string, doc: Doc): Promise<FileRef> {
    const requested = Date.now();
    await queue.run(path, () => writeFileAtomic(path, serializeReport(doc), { ...writeOptions, backup: true }));
    // Saved: the journals of this file, and of the report before it had a name, are no longer needed —
    // unless one was written after this save was asked for: it holds typing the file does not have.
    for (const id of [ctx.idOf(path), ctx.untitledId]) {
      const journal = join(ctx.journalDir, `${id}.json`);
      const stats = await fs.stat(journal).catch(() => null);
      if (stats && stats.mtimeMs < requested) await fs.unlink(journal).catch(() => undefined);
    }
    return grants.grant(path);
  }

  /**
   * An unsaved report was just saved as `path`: its 历史版本 go with it, and the next new report starts with
   * a history (and journal) of its own.
   */
  async function adoptUntitled(path: string): Promise<void> {
    const from = join(ctx.historyDir, ctx.untitledId);
    const to = join(ctx.historyDir, ctx.idOf(path));
    ctx.startUntitled();
    const names = await fs.readdir(from).catch(() => [] as string[]);
    if (names.length) await fs.mkdir(to, { recursive: true });
    for (const name of names) await fs.rename(join(from, name), join(to, name)).catch(() => undefined);
    await fs.rmdir(from).catch(() => undefined);
  }

  /** The import dialog's data: the file read onto the county's outlines (or the one chosen). */
  async function imported(path: string, bytes: Uint8Array, templateId?: string): Promise<Response<'report:import'>> {
    const result = await ctx.importer.importFile(path, bytes, templateId);
    if (!result.ok) return ipcError(`“${basename(path)}”：${result.error}`, 'format');
    return ipcOk({ sourceName: basename(path), doc: result.doc, mapping: result.mapping, warnings: result.warnings });
  }

  async function saveWithDialog(doc: Doc, suggestedName: string): Promise<Response<'report:save'>> {
    const chosen = await deps.dialogs.saveReport(safeName(suggestedName, REPORT_EXTENSION));
    if (!chosen) return ipcOk(null);
    return ipcOk({ file: await saveTo(withExtension(chosen, REPORT_EXTENSION), doc) });
  }

  return {
    async 'report:open'() {
      const path = await deps.dialogs.openReport();
      if (!path) return ipcOk(null);
      let text: string;
      try {
        text = new TextDecoder().decode(await readFileBounded(path, MAX_REPORT_FILE_BYTES));
      } catch (error) {
        return readError(path, error);
      }
      const parsed = parseReportFile(text);
      if (!parsed.ok) return ipcError(`“${basename(path)}”：${parsed.error}`, 'format');
      const file = grants.grant(path, parsed.readOnly);
      return ipcOk(
        parsed.readOnly
          ? { file, doc: parsed.doc, readOnly: true, notice: parsed.notice }
          : { file, doc: parsed.doc, readOnly: false },
      );
    },

    async 'report:save'({ doc, file, suggestedName }) {
      const grant = grants.get(file);
      // A file from a newer version, or one never granted, is never written to: ask for a name.
      if (!grant || grant.readOnly) {
        const answer = await saveWithDialog(doc, suggestedName);
        const saved = answer.ok && answer.value ? grants.get(answer.value.file) : undefined;
        if (!file && saved) await adoptUntitled(saved.path);
        return answer;
      }
      return ipcOk({ file: await saveTo(grant.path, doc) });
    },

    async 'report:saveAs'({ doc, suggestedName }) {
      return saveWithDialog(doc, suggestedName);
    },

    async 'report:import'() {
      const path = await deps.dialogs.importDocument();
      if (!path) return ipcOk(null);
      let bytes: Uint8Array;
      try {
        bytes = await readFileBounded(path, MAX_INPUT_BYTES);
      } catch (error) {
        return readError(path, error);
      }
      const answer = await imported(path, bytes);
      // Like Word: a file imported is under 最近打开, and opening it from there imports it again (by its kind).
      if (answer.ok) await ctx.recent.remember(path);
      return answer;
    },

    async 'report:reimport'({ templateId }) {
      const path = ctx.importer.lastImported();
      if (!path) return ipcError('没有刚导入的文件，请重新导入。', 'refused');
      if (!(await ctx.importer.registry()).get(templateId))
        return ipcError('没有这个提纲，可能县里的配置已移除。请重新导入。', 'refused');
      let bytes: Uint8Array;
      try {
        bytes = await readFileBounded(path, MAX_INPUT_BYTES);
      } catch (error) {
        return readError(path, error);
      }
      const answer = await imported(path, bytes, templateId);
      return answer.ok ? ipcOk(answer.value!) : answer;
    },

    async 'report:exportDocx'({ doc, options, suggestedName }) {
      // The Word file is the one published and sent to the county: no phone or ID number leaves in it.
      const refusal = await ctx.exportRefusal(doc, 'docx');
      if (refusal) return ipcError(refusal.message, 'refused');
      const chosen = await deps.dialogs.exportDocx(safeName(suggestedName, '.docx'));
      if (!chosen) return ipcOk(null);
      const path = withExtension(chosen, '.docx');
      if (await isOpenInWord(path)) {
        return ipcError(
          `“${basename(path)}”正在 Word 或 WPS 中打开，没有覆盖它。请先关闭该文件，或导出为其他文件名（例如“${basename(path, '.docx')}（新）.docx”）。`,
          'write',
        );
      }
      const bytes = await exportDocx(doc, options, nodeDeflater);
      await queue.run(path, () => writeFileAtomic(path, bytes, writeOptions));
      return ipcOk({ name: basename(path) });
    },

    async 'report:exportPdf'({ doc, suggestedName }) {
      if (!deps.printToPdf) return ipcError('这里不能导出 PDF。', 'unavailable');
      // What prints is the preview, drawn from this same document (the renderer sends the one it shows): main
      // checks it before anything is printed or asked.
      const refusal = await ctx.exportRefusal(doc, 'pdf');
      if (refusal) return ipcError(refusal.message, 'refused');
      const chosen = await deps.dialogs.exportPdf(safeName(suggestedName, '.pdf'));
      if (!chosen) return ipcOk(null);
      const path = withExtension(chosen, '.pdf');
      const bytes = await deps.printToPdf();
      await queue.run(path, () => writeFileAtomic(path, bytes, writeOptions));
      return ipcOk({ name: basename(path) });
    },

    async 'report:exportWeb'({ doc, format, suggestedName }) {
      // Published text must not carry a phone or an ID number: those are fixed first, in the report.
      const refusal = await ctx.exportRefusal(doc, 'web');
      if (refusal) return ipcError(refusal.message, 'refused');
      const ext = `.${format}`;
      const chosen = await deps.dialogs.exportWeb(safeName(suggestedName, ext), format);
      if (!chosen) return ipcOk(null);
      // A name the clerk typed with the other form's ending ("网站.txt" in the 网页 dialog) is that form, not
      // "网站.txt.html".
      const typed = extname(chosen).toLowerCase();
      const written = typed === '.txt' ? 'txt' : typed === '.html' || typed === '.htm' ? 'html' : null;
      const path = written ? chosen : withExtension(chosen, ext);
      await queue.run(path, () =>
        writeFileAtomic(path, (written ?? format) === 'html' ? toWebHtml(doc) : toWebText(doc), writeOptions),
      );
      return ipcOk({ name: basename(path) });
    },
  };
}
