/**
 * What each IPC channel does, over the pure core, with the dialogs and the file system injected so that
 * the handlers are tested in Node without Electron. Paths never come from the renderer: a dialog grants
 * one, and the renderer only holds an opaque token for it.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { checkReport } from '../core/checks/index';
import { exportDocx } from '../core/export/docx';
// Node's zlib, as the command line zips (src/core stays free of Node built-ins).
import { nodeDeflater } from '../cli/deflater';
import { webExportRefusal } from '../core/checks/publish';
import { toWebHtml, toWebText } from '../core/export/webText';
import { problemRow, reviewCsv, reviewRow } from '../core/review/table';
import { defaultRegistry } from '../core/templates/registry';
import { InputError, expandInputs } from '../node/inputs';
import { MAX_INPUT_BYTES, importBounded } from '../node/import';
import { ReadError, readFileBounded } from '../node/readFile';
import { MAX_REPORT_FILE_BYTES, parseReportFile, REPORT_EXTENSION, serializeReport } from '../core/model/file';
import { ReportDocumentSchema } from '../core/model/report';
import { ipcError, ipcOk, type Channel, type FileRef, type IpcMap, type Response } from '../shared/ipc';
import type * as z from 'zod';
import { SaveQueue, cleanStaleTemps, writeFileAtomic, type Fs } from './atomicWrite';
import { createReviewHandlers, type ReviewDialogs } from './reviewHandlers';
import { createProfileHandlers, type ProfileDialogs } from './profileHandlers';

export interface Dialogs {
  /** Each returns the chosen path, or null when the clerk cancels. */
  openReport(): Promise<string | null>;
  saveReport(suggestedName: string): Promise<string | null>;
  importDocument(): Promise<string | null>;
  exportDocx(suggestedName: string): Promise<string | null>;
  exportPdf(suggestedName: string): Promise<string | null>;
  exportWeb(suggestedName: string, format: 'txt' | 'html'): Promise<string | null>;
  openFolder(): Promise<string | null>;
  saveTable(suggestedName: string): Promise<string | null>;
}

export interface HandlerDeps {
  dialogs: Dialogs;
  /** The app's data folder (journal/, templates/): never the clerk's documents folder. */
  userDataDir: string;
  fs?: Fs;
  onDirtyChange?: (dirty: boolean) => void;
  /** Prints what the window shows (the preview) to PDF: webContents.printToPDF in the app. */
  printToPdf?: () => Promise<Uint8Array>;
  reviewDialogs?: ReviewDialogs;
  profileDialogs?: ProfileDialogs;
}

export type Handlers = {
  [C in Channel]: (request: z.infer<IpcMap[C]['request']>) => Promise<Response<C>>;
};

const SNAPSHOT_DAYS = 7;

/** A county template is a few kilobytes of JSON. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

interface Grant {
  path: string;
  readOnly: boolean;
  /** For 批量检查: a file or folder that cannot be checked, and why (its row says so). */
  problem?: string;
}

/**
 * Paths the clerk chose in a dialog, by the token the renderer holds. A grant never changes: a read-only
 * token (a file from a newer version, a report of a reviewed folder) stays read-only whatever else is
 * granted for the same path — main enforces this itself, whatever sequence of calls the page makes.
 */
export class FileGrants {
  private readonly byId = new Map<string, Grant>();

  grant(path: string, readOnly = false, problem?: string): FileRef {
    for (const [id, g] of this.byId) {
      if (g.path === path && g.readOnly === readOnly && g.problem === problem) return { id, name: basename(path) };
    }
    const id = randomUUID();
    this.byId.set(id, { path, readOnly, ...(problem ? { problem } : {}) });
    return { id, name: basename(path) };
  }

  get(ref: FileRef | null): Grant | undefined {
    return ref ? this.byId.get(ref.id) : undefined;
  }
}

function withExtension(path: string, ext: string): string {
  return extname(path).toLowerCase() === ext ? path : path + ext;
}

function safeName(name: string, ext: string): string {
  const base = name.replace(/[\\/:*?"<>|\r\n]+/g, '').trim() || '法治政府建设年度报告';
  return withExtension(base, ext);
}


/** Word and WPS mark an open document with an owner file "~$name" beside it. */
export async function isOpenInWord(path: string): Promise<boolean> {
  const name = basename(path);
  const candidates = [`~$${name}`, `~$${name.slice(2)}`, `.~${name}`];
  for (const candidate of candidates) {
    try {
      await fs.stat(join(dirname(path), candidate));
      return true;
    } catch {
      // not there
    }
  }
  return false;
}

const readError = (path: string, error: unknown) =>
  ipcError(error instanceof ReadError ? error.message : `无法读取“${basename(path)}”：文件不存在、没有权限或正被其他程序占用。`);

/**
 * A journal (and the history) is named by its file's path, stable across restarts; a report never saved
 * has its own per running app ("untitled" + a random id), so a second window or instance never writes over
 * it, and one unsaved report's 历史版本 never lists another's.
 */
export function journalId(path: string | null, untitled = 'untitled'): string {
  return path ? createHash('sha1').update(path).digest('hex').slice(0, 20) : untitled;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const grants = new FileGrants();
  const county = createProfileHandlers(deps);
  const queue = new SaveQueue();
  const writeOptions = deps.fs ? { fs: deps.fs } : {};
  const journalDir = join(deps.userDataDir, 'journal');
  const historyDir = join(deps.userDataDir, 'history');
  let untitledId = `untitled${randomBytes(6).toString('hex')}`;
  const idOf = (path: string | null) => journalId(path, untitledId);

  // On start: temp files of saves killed last time (journals, snapshots) go.
  void (async () => {
    await cleanStaleTemps(journalDir);
    for (const report of await fs.readdir(historyDir).catch(() => [] as string[])) await cleanStaleTemps(join(historyDir, report));
  })();

  async function saveTo(path: string, doc: Parameters<Handlers['report:save']>[0]['doc']): Promise<FileRef> {
    const requested = Date.now();
    await queue.run(path, () => writeFileAtomic(path, serializeReport(doc), { ...writeOptions, backup: true }));
    // Saved: the journals of this file, and of the report before it had a name, are no longer needed —
    // unless one was written after this save was asked for: it holds typing the file does not have.
    for (const id of [idOf(path), untitledId]) {
      const journal = join(journalDir, `${id}.json`);
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
    const from = join(historyDir, untitledId);
    const to = join(historyDir, idOf(path));
    untitledId = `untitled${randomBytes(6).toString('hex')}`;
    const names = await fs.readdir(from).catch(() => [] as string[]);
    if (names.length) await fs.mkdir(to, { recursive: true });
    for (const name of names) await fs.rename(join(from, name), join(to, name)).catch(() => undefined);
    await fs.rmdir(from).catch(() => undefined);
  }

  async function saveWithDialog(doc: Parameters<Handlers['report:save']>[0]['doc'], suggestedName: string): Promise<Response<'report:save'>> {
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
      if (!parsed.ok) return ipcError(`“${basename(path)}”：${parsed.error}`);
      const file = grants.grant(path, parsed.readOnly);
      return ipcOk(parsed.readOnly ? { file, doc: parsed.doc, readOnly: true, notice: parsed.notice } : { file, doc: parsed.doc, readOnly: false });
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
      const result = await importBounded(path, bytes);
      if (!result.ok) return ipcError(`“${basename(path)}”：${result.error}`);
      return ipcOk({ sourceName: basename(path), doc: result.doc, mapping: result.mapping, warnings: result.warnings });
    },

    async 'report:exportDocx'({ doc, options, suggestedName }) {
      const chosen = await deps.dialogs.exportDocx(safeName(suggestedName, '.docx'));
      if (!chosen) return ipcOk(null);
      const path = withExtension(chosen, '.docx');
      if (await isOpenInWord(path)) {
        return ipcError(`“${basename(path)}”正在 Word 或 WPS 中打开，没有覆盖它。请先关闭该文件，或导出为其他文件名（例如“${basename(path, '.docx')}（新）.docx”）。`);
      }
      const bytes = await exportDocx(doc, options, nodeDeflater);
      await queue.run(path, () => writeFileAtomic(path, bytes, writeOptions));
      return ipcOk({ name: basename(path) });
    },

    async 'report:exportPdf'({ suggestedName }) {
      if (!deps.printToPdf) return ipcError('这里不能导出 PDF。');
      const chosen = await deps.dialogs.exportPdf(safeName(suggestedName, '.pdf'));
      if (!chosen) return ipcOk(null);
      const path = withExtension(chosen, '.pdf');
      const bytes = await deps.printToPdf();
      await queue.run(path, () => writeFileAtomic(path, bytes, writeOptions));
      return ipcOk({ name: basename(path) });
    },

    async 'report:exportWeb'({ doc, format, suggestedName }) {
      // Published text must not carry a phone or an ID number: those are fixed first, in the report.
      const refusal = webExportRefusal(doc);
      if (refusal) return ipcError(refusal);
      const ext = `.${format}`;
      const chosen = await deps.dialogs.exportWeb(safeName(suggestedName, ext), format);
      if (!chosen) return ipcOk(null);
      const path = withExtension(chosen, ext);
      await queue.run(path, () => writeFileAtomic(path, format === 'html' ? toWebHtml(doc) : toWebText(doc), writeOptions));
      return ipcOk({ name: basename(path) });
    },

    async 'templates:list'() {
      const dir = join(deps.userDataDir, 'templates');
      let names: string[];
      try {
        names = (await fs.readdir(dir)).filter((n) => n.endsWith('.json'));
      } catch {
        return ipcOk([]);
      }
      const templates: unknown[] = [];
      for (const name of names) {
        try {
          // Bounded: a template is a few kilobytes; a huge or special file there is skipped like a broken one.
          templates.push(JSON.parse(new TextDecoder().decode(await readFileBounded(join(dir, name), MAX_TEMPLATE_BYTES))));
        } catch {
          // A broken county template is skipped; the built-in ones still work.
        }
      }
      return ipcOk(templates);
    },

    async 'journal:write'({ doc, file }) {
      await fs.mkdir(journalDir, { recursive: true });
      const grant = grants.get(file);
      const path = grant?.path ?? null;
      // A read-only grant stays read-only when its journal is offered back, even in a later session.
      const record = JSON.stringify({ savedAt: new Date().toISOString(), path, readOnly: grant?.readOnly ?? false, doc });
      await writeFileAtomic(join(journalDir, `${idOf(path)}.json`), record, writeOptions);
      return ipcOk(null);
    },

    async 'journal:pending'() {
      let names: string[];
      try {
        names = (await fs.readdir(journalDir)).filter((n) => /^[a-z0-9]+\.json$/.test(n));
      } catch {
        return ipcOk([]);
      }
      const pending = [];
      for (const name of names) {
        let record: { savedAt?: unknown; path?: unknown; readOnly?: unknown; doc?: unknown };
        try {
          record = JSON.parse(await fs.readFile(join(journalDir, name), 'utf8'));
        } catch {
          continue; // truncated or corrupt: never trusted
        }
        const doc = ReportDocumentSchema.safeParse(record.doc);
        const savedAt = typeof record.savedAt === 'string' ? new Date(record.savedAt) : null;
        if (!doc.success || !savedAt || Number.isNaN(savedAt.getTime())) continue;
        const path = typeof record.path === 'string' ? record.path : null;
        if (path) {
          const mtime = await fs.stat(path).then((s) => s.mtime, () => null);
          if (mtime && mtime >= savedAt) continue; // the file itself is newer: nothing to recover
          await cleanStaleTemps(dirname(path)); // a save of it may have been killed too
        }
        pending.push({
          id: name.replace(/\.json$/, ''),
          name: path ? basename(path) : '未保存的报告',
          savedAt: savedAt.toISOString(),
          doc: doc.data,
          file: path ? grants.grant(path, record.readOnly === true) : null,
        });
      }
      return ipcOk(pending);
    },

    async 'history:startUntitled'() {
      untitledId = `untitled${randomBytes(6).toString('hex')}`;
      return ipcOk(null);
    },

    async 'history:snapshot'({ doc, file }) {
      const dir = join(historyDir, idOf(grants.get(file)?.path ?? null));
      await fs.mkdir(dir, { recursive: true });
      const savedAt = new Date();
      await writeFileAtomic(join(dir, `${savedAt.getTime()}.json`), JSON.stringify({ savedAt: savedAt.toISOString(), doc }), writeOptions);
      // Kept seven days: older snapshots of every report are removed.
      const cutoff = savedAt.getTime() - SNAPSHOT_DAYS * 24 * 3600 * 1000;
      for (const report of await fs.readdir(historyDir).catch(() => [] as string[])) {
        for (const name of await fs.readdir(join(historyDir, report)).catch(() => [] as string[])) {
          const time = Number(name.replace(/\.json$/, ''));
          if (Number.isFinite(time) && time < cutoff) await fs.unlink(join(historyDir, report, name)).catch(() => undefined);
        }
      }
      return ipcOk(null);
    },

    async 'history:list'({ file }) {
      const dir = join(historyDir, idOf(grants.get(file)?.path ?? null));
      const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => /^\d+\.json$/.test(n)).sort().reverse();
      const versions = [];
      for (const name of names.slice(0, 200)) {
        try {
          const record = JSON.parse(await fs.readFile(join(dir, name), 'utf8')) as { savedAt?: unknown; doc?: unknown };
          const doc = ReportDocumentSchema.safeParse(record.doc);
          if (doc.success && typeof record.savedAt === 'string') versions.push({ id: name.replace(/\.json$/, ''), savedAt: record.savedAt, doc: doc.data });
        } catch {
          // a damaged snapshot is skipped, never trusted
        }
      }
      return ipcOk(versions);
    },

    async 'journal:discard'({ id }) {
      await fs.unlink(join(journalDir, `${id}.json`)).catch(() => undefined);
      return ipcOk(null);
    },

    async 'review:chooseFolder'() {
      const folder = await deps.dialogs.openFolder();
      if (!folder) return ipcOk(null);
      const found = expandInputs([folder]);
      if (found.length === 1 && found[0] instanceof InputError && found[0].file === folder) return ipcError(`“${basename(folder)}”中没有找到报告文件（.docx、.txt 或 .nianbao）。`);
      // Every file and sub-folder met gets a row: a report to check, or the reason it cannot be.
      const files = found.map((f) => {
        const path = f instanceof InputError ? f.file : f;
        const problem = f instanceof InputError ? f.reason : undefined;
        return { ...grants.grant(path, true, problem), name: relative(folder, path) || basename(path) };
      });
      return ipcOk({ folder: basename(folder), files });
    },

    async 'review:checkFile'({ file }) {
      const grant = grants.get(file);
      if (!grant) return ipcError('没有选择这个文件，已拒绝。');
      if (grant.problem) return ipcOk(problemRow(file.name, grant.problem));
      let bytes: Uint8Array;
      try {
        bytes = await readFileBounded(grant.path, MAX_INPUT_BYTES);
      } catch (error) {
        const answer = readError(grant.path, error);
        return ipcOk(problemRow(file.name, answer.error));
      }
      const imported = await importBounded(grant.path, bytes);
      if (!imported.ok) return ipcOk(problemRow(file.name, imported.error));
      return ipcOk(reviewRow(file.name, checkReport(imported.doc), defaultRegistry));
    },

    async 'review:exportTable'({ rows, suggestedName }) {
      const chosen = await deps.dialogs.saveTable(safeName(suggestedName, '.csv'));
      if (!chosen) return ipcOk(null);
      const path = withExtension(chosen, '.csv');
      await queue.run(path, () => writeFileAtomic(path, reviewCsv(rows), writeOptions));
      return ipcOk({ name: basename(path) });
    },

    async 'window:setDirty'({ dirty }) {
      deps.onDirtyChange?.(dirty);
      return ipcOk(null);
    },
    ...createReviewHandlers({ ...deps, countyProfile: county.current }, grants),
    ...county.handlers,
  };
}
