/**
 * What each IPC channel does, over the pure core, with the dialogs and the file system injected so that
 * the handlers are tested in Node without Electron. Paths never come from the renderer: a dialog grants
 * one, and the renderer only holds an opaque token for it.
 */
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { checkReport } from '../core/checks/index';
import { exportDocx } from '../core/export/docx';
// Node's zlib, as the command line zips (src/core stays free of Node built-ins).
import { nodeDeflater } from '../cli/deflater';
import { toWebHtml, toWebText } from '../core/export/webText';
import { problemRow, reviewCsv, reviewRow } from '../core/review/table';
import { defaultRegistry } from '../core/templates/registry';
import { expandInputs } from '../cli/files';
import { importFile } from '../core/import/index';
import { MAX_REPORT_FILE_BYTES, parseReportFile, REPORT_EXTENSION, serializeReport } from '../core/model/file';
import { ReportDocumentSchema } from '../core/model/report';
import { ipcError, ipcOk, type Channel, type FileRef, type IpcMap, type Response } from '../shared/ipc';
import type * as z from 'zod';
import { SaveQueue, writeFileAtomic, type Fs } from './atomicWrite';
import { createReviewHandlers, type ReviewDialogs } from './reviewHandlers';

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
}

export type Handlers = {
  [C in Channel]: (request: z.infer<IpcMap[C]['request']>) => Promise<Response<C>>;
};

const SNAPSHOT_DAYS = 7;

/** Larger than any .docx or .txt report; refuse before reading a huge file into memory. */
const MAX_IMPORT_BYTES = 60 * 1024 * 1024;

interface Grant {
  path: string;
  readOnly: boolean;
}

/** Paths the clerk chose in a dialog, by the token the renderer holds. */
export class FileGrants {
  private readonly byId = new Map<string, Grant>();

  grant(path: string, readOnly = false): FileRef {
    for (const [id, g] of this.byId) if (g.path === path) {
      g.readOnly = readOnly;
      return { id, name: basename(path) };
    }
    const id = randomUUID();
    this.byId.set(id, { path, readOnly });
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

async function readLimited(path: string, limit: number): Promise<Uint8Array> {
  const stat = await fs.stat(path);
  if (stat.size > limit) throw new Error(`文件过大（约 ${Math.round(stat.size / 1024 / 1024)} MB），不像是一份报告。`);
  return fs.readFile(path);
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
  ipcError(error instanceof Error && /文件过大/.test(error.message) ? error.message : `无法读取“${basename(path)}”：文件不存在、没有权限或正被其他程序占用。`);

/** A journal is named by its file's path (stable across restarts), or "untitled" for a report never saved. */
export function journalId(path: string | null): string {
  return path ? createHash('sha1').update(path).digest('hex').slice(0, 20) : 'untitled';
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const grants = new FileGrants();
  const queue = new SaveQueue();
  const writeOptions = deps.fs ? { fs: deps.fs } : {};
  const journalDir = join(deps.userDataDir, 'journal');
  const historyDir = join(deps.userDataDir, 'history');

  async function saveTo(path: string, doc: Parameters<Handlers['report:save']>[0]['doc']): Promise<FileRef> {
    await queue.run(path, () => writeFileAtomic(path, serializeReport(doc), { ...writeOptions, backup: true }));
    // Saved: the journals of this file, and of the report before it had a name, are no longer needed.
    for (const id of [journalId(path), 'untitled']) await fs.unlink(join(journalDir, `${id}.json`)).catch(() => undefined);
    return grants.grant(path);
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
        text = new TextDecoder().decode(await readLimited(path, MAX_REPORT_FILE_BYTES));
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
      if (!grant || grant.readOnly) return saveWithDialog(doc, suggestedName);
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
        bytes = await readLimited(path, MAX_IMPORT_BYTES);
      } catch (error) {
        return readError(path, error);
      }
      const result = await importFile(path, bytes);
      if (!result.ok) return ipcError(`“${basename(path)}”：${result.error}`);
      return ipcOk({ sourceName: basename(path), doc: result.doc, mapping: result.mapping, warnings: result.warnings });
    },

    async 'report:exportDocx'({ doc, options, suggestedName }) {
      let suggested = safeName(suggestedName, '.docx');
      for (;;) {
        const chosen = await deps.dialogs.exportDocx(suggested);
        if (!chosen) return ipcOk(null);
        const path = withExtension(chosen, '.docx');
        if (await isOpenInWord(path)) {
          return ipcError(`“${basename(path)}”正在 Word 或 WPS 中打开，没有覆盖它。请先关闭该文件，或导出为其他文件名（例如“${basename(path, '.docx')}（新）.docx”）。`);
        }
        const bytes = await exportDocx(doc, options, nodeDeflater);
        await queue.run(path, () => writeFileAtomic(path, bytes, writeOptions));
        suggested = basename(path);
        return ipcOk({ name: suggested });
      }
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
      const blocking = checkReport(doc).findings.filter((f) => f.rule === 'privacy.phone' || f.rule === 'privacy.id');
      if (blocking.length) {
        return ipcError(`报告中还有 ${blocking.length} 处电话号码或身份证号码，不能导出用于网站发布的文本。请先按检查结果删去。`);
      }
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
          templates.push(JSON.parse(await fs.readFile(join(dir, name), 'utf8')));
        } catch {
          // A broken county template is skipped; the built-in ones still work.
        }
      }
      return ipcOk(templates);
    },

    async 'journal:write'({ doc, file }) {
      await fs.mkdir(journalDir, { recursive: true });
      const path = grants.get(file)?.path ?? null;
      const record = JSON.stringify({ savedAt: new Date().toISOString(), path, doc });
      await writeFileAtomic(join(journalDir, `${journalId(path)}.json`), record, writeOptions);
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
        let record: { savedAt?: unknown; path?: unknown; doc?: unknown };
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
        }
        pending.push({
          id: name.replace(/\.json$/, ''),
          name: path ? basename(path) : '未保存的报告',
          savedAt: savedAt.toISOString(),
          doc: doc.data,
          file: path ? grants.grant(path) : null,
        });
      }
      return ipcOk(pending);
    },

    async 'history:snapshot'({ doc, file }) {
      const dir = join(historyDir, journalId(grants.get(file)?.path ?? null));
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
      const dir = join(historyDir, journalId(grants.get(file)?.path ?? null));
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
      const paths = found.filter((f): f is string => typeof f === 'string');
      if (paths.length === 0) return ipcError(`“${basename(folder)}”中没有找到报告文件（.docx、.txt 或 .nianbao）。`);
      return ipcOk({ folder: basename(folder), files: paths.map((p) => ({ ...grants.grant(p, true), name: relative(folder, p) })) });
    },

    async 'review:checkFile'({ file }) {
      const grant = grants.get(file);
      if (!grant) return ipcError('没有选择这个文件，已拒绝。');
      let bytes: Uint8Array;
      try {
        bytes = await readLimited(grant.path, MAX_IMPORT_BYTES);
      } catch (error) {
        const answer = readError(grant.path, error);
        return ipcOk(problemRow(file.name, answer.error));
      }
      const imported = await importFile(grant.path, bytes);
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
    ...createReviewHandlers(deps, grants),
  };
}
