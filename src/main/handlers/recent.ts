/**
 * Word habits that reach the file system without a dialog: 最近打开 (the last ten reports, kept in the app's
 * data folder), opening a file dropped on the window, and 打印 (the system's print dialog over the preview,
 * refused as 导出 PDF is while a phone or ID number remains).
 * The right-click menu's 剪切 复制 粘贴 全选 are the window's own edit commands, as the 编辑 menu's.
 * A recent file is reached only by a token this module issued for it; a dropped file's path comes from the
 * preload (webUtils.getPathForFile of a file the clerk dropped), and only the kinds 打开/导入 read are opened.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { exportRefusal, type ExportKind, type ExportRefusal } from '../../core/checks/publish';
import type { ImportResult } from '../../core/import/types';
import type { ReportDocument } from '../../core/model/report';
import { MAX_REPORT_FILE_BYTES, parseReportFile, REPORT_EXTENSION } from '../../core/model/file';
import { MAX_INPUT_BYTES, importBounded } from '../../node/import';
import { ReadError, readFileBounded } from '../../node/readFile';
import {
  ipcError,
  ipcOk,
  isOpenableName,
  NOT_OPENABLE_MESSAGE,
  type FileRef,
  type RecentFile,
  type Response,
} from '../../shared/ipc';
import { SaveQueue, writeFileAtomic, type Fs } from '../atomicWrite';
import type { FileGrants, HandlerContext, Handlers } from './context';

/** Word keeps about this many; more would not fit the start screen beside 新建报告. */
export const RECENT_LIMIT = 10;
const RECENT_FILE = 'recent.json';
/** Ten paths are a few kilobytes: a bigger store is not ours, and is read as empty. */
const MAX_STORE_BYTES = 256 * 1024;

export interface RecentHooks {
  /** The OS's own recent list (Windows jump list, macOS Dock): app.addRecentDocument where Electron has it. */
  addRecentDocument?: (path: string) => void;
  /** The list changed (or was read at start): main rebuilds 文件 → 最近打开 from it. */
  onChange?: (files: RecentFile[]) => void;
}

/** The window's print, as main calls it: webContents.print. */
export interface Printable {
  print(
    options: { silent: boolean; printBackground: boolean },
    callback: (success: boolean, failureReason: string) => void,
  ): void;
}

export interface RecentDeps {
  userDataDir: string;
  fs?: Fs;
  recent?: RecentHooks;
  /** The window to print; absent where there is none (the browser tests' stand-in answers for it). */
  printWindow?: () => Promise<{ printed: boolean }>;
  /** webContents.cut/copy/paste/selectAll, as the 编辑 menu's roles call them (no clipboard permission needed). */
  editWindow?: (action: EditAction) => void;
  /** Paths the OS asked the app to open (main's OsOpenQueue), until the page takes them. */
  osOpened?: { take(): string[] };
}

export type EditAction = 'cut' | 'copy' | 'paste' | 'selectAll';

type RecentChannels =
  | 'recent:list'
  | 'recent:add'
  | 'recent:open'
  | 'file:openDropped'
  | 'file:takeOsOpened'
  | 'window:print'
  | 'window:edit';

/** Reads the store; anything unexpected (missing, truncated, edited by hand, too big) is an empty list. */
export async function readRecentStore(path: string): Promise<string[]> {
  try {
    const data = JSON.parse(new TextDecoder().decode(await readFileBounded(path, MAX_STORE_BYTES))) as {
      files?: unknown;
    };
    if (!Array.isArray(data.files)) return [];
    const paths = data.files.filter((p): p is string => typeof p === 'string' && isAbsolute(p) && p.length <= 4096);
    return [...new Set(paths)].slice(0, RECENT_LIMIT);
  } catch {
    return [];
  }
}

/** The system's print dialog (silent: false: the clerk chooses the printer and pages); cancelling is no error. */
export function printContents(contents: Printable): Promise<{ printed: boolean }> {
  return new Promise((resolve, reject) => {
    contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      if (success) resolve({ printed: true });
      else if (/cancel/i.test(failureReason)) resolve({ printed: false });
      else reject(new Error(failureReason || 'print failed'));
    });
  });
}

/**
 * 最近打开 itself, one per app (HandlerContext): the stored list, and the tokens the page holds for its lines.
 * 导入 (report domain) and a file the OS asked to open remember their paths here too.
 */
export class RecentStore {
  private readonly storePath: string;
  private readonly queue = new SaveQueue();
  private readonly writeOptions: { fs?: Fs };
  /** Tokens of 最近打开 lines, issued here only: recent:open opens nothing else. */
  private readonly tokens = new Map<string, string>();

  constructor(private readonly deps: Pick<RecentDeps, 'userDataDir' | 'fs' | 'recent'>) {
    this.storePath = join(deps.userDataDir, RECENT_FILE);
    this.writeOptions = deps.fs ? { fs: deps.fs } : {};
    // At start: the menu gets the list as it was left.
    void this.list().then((files) => deps.recent?.onChange?.(files));
  }

  tokenOf(path: string): FileRef {
    for (const [id, p] of this.tokens) if (p === path) return { id, name: basename(path) };
    const id = randomUUID();
    this.tokens.set(id, path);
    return { id, name: basename(path) };
  }

  pathOf(file: FileRef): string | undefined {
    return this.tokens.get(file.id);
  }

  async list(): Promise<RecentFile[]> {
    const paths = await readRecentStore(this.storePath);
    return Promise.all(
      paths.map(async (path) => {
        const stats = await fs.stat(path).catch(() => null);
        return { file: this.tokenOf(path), folder: basename(dirname(path)), missing: !stats?.isFile() };
      }),
    );
  }

  /** One change at a time: two saves in quick succession must not drop each other's line. */
  update(change: (paths: string[]) => string[]): Promise<void> {
    return this.queue.run(this.storePath, async () => {
      const paths = change(await readRecentStore(this.storePath)).slice(0, RECENT_LIMIT);
      await fs.mkdir(this.deps.userDataDir, { recursive: true });
      await writeFileAtomic(this.storePath, JSON.stringify({ version: 1, files: paths }), this.writeOptions);
      this.deps.recent?.onChange?.(await this.list());
    });
  }

  /** To the top of the list (and the OS's own list). */
  async remember(path: string): Promise<void> {
    await this.update((paths) => [path, ...paths.filter((p) => p !== path)]);
    this.deps.recent?.addRecentDocument?.(path);
  }
}

export function createRecentHandlers(
  deps: RecentDeps,
  grants: FileGrants,
  store = new RecentStore(deps),
  /** 导入 as the dialog's does: onto the county's outlines (HandlerContext's importer). */
  importFile: (path: string, bytes: Uint8Array) => Promise<ImportResult> = importBounded,
  /** The one export rule with the county's levels as main keeps them (HandlerContext's); the catalogue's without. */
  refusal: (doc: ReportDocument, kind: ExportKind) => Promise<ExportRefusal | null> = async (doc, kind) =>
    exportRefusal(doc, kind),
): Pick<Handlers, RecentChannels> {
  const list = () => store.list();
  const update = (change: (paths: string[]) => string[]) => store.update(change);
  const remember = (path: string) => store.remember(path);

  /** What 打开 or 导入 would do with the file the dialog chose, for a path reached another way. */
  async function openPath(path: string): Promise<Response<'recent:open'>> {
    const ext = extname(path).toLowerCase();
    const unreadable = (error: unknown) =>
      ipcError(
        error instanceof ReadError
          ? error.message
          : `无法读取“${basename(path)}”：文件不存在、没有权限或正被其他程序占用。`,
      );
    if (ext === REPORT_EXTENSION) {
      let text: string;
      try {
        text = new TextDecoder().decode(await readFileBounded(path, MAX_REPORT_FILE_BYTES));
      } catch (error) {
        return unreadable(error);
      }
      const parsed = parseReportFile(text);
      if (!parsed.ok) return ipcError(`“${basename(path)}”：${parsed.error}`);
      const file = grants.grant(path, parsed.readOnly);
      await remember(path);
      return ipcOk(
        parsed.readOnly
          ? { kind: 'report', file, doc: parsed.doc, readOnly: true, notice: parsed.notice }
          : { kind: 'report', file, doc: parsed.doc, readOnly: false },
      );
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFileBounded(path, MAX_INPUT_BYTES);
    } catch (error) {
      return unreadable(error);
    }
    const result = await importFile(path, bytes);
    if (!result.ok) return ipcError(`“${basename(path)}”：${result.error}`);
    await remember(path);
    return ipcOk({
      kind: 'import',
      sourceName: basename(path),
      doc: result.doc,
      mapping: result.mapping,
      warnings: result.warnings,
    });
  }

  return {
    async 'recent:list'() {
      return ipcOk(await list());
    },

    async 'recent:add'({ file }) {
      const grant = grants.get(file);
      // Only a file the clerk opened or saved through a dialog; a reviewed folder's files are not the clerk's reports.
      if (!grant || grant.problem) return ipcError('没有打开过这个文件，没有加入“最近打开”。');
      await remember(grant.path);
      return ipcOk(null);
    },

    async 'recent:open'({ file }) {
      const path = store.pathOf(file);
      if (!path) return ipcError('“最近打开”中没有这个文件，请用“打开…”选择。');
      const stats = await fs.stat(path).catch(() => null);
      if (!stats?.isFile()) {
        await update((paths) => paths.filter((p) => p !== path));
        return ipcError(
          `找不到“${basename(path)}”：它可能已被移动、改名或删除，已从“最近打开”中去掉。请用“打开…”到新的位置选择它。`,
        );
      }
      return openPath(path);
    },

    async 'file:openDropped'({ path }) {
      if (!isAbsolute(path) || !isOpenableName(basename(path))) return ipcError(NOT_OPENABLE_MESSAGE);
      return openPath(path);
    },

    async 'file:takeOsOpened'() {
      // Only kinds 打开/导入 read were queued (openFiles.ts); each opens through recent:open by its token.
      return ipcOk((deps.osOpened?.take() ?? []).slice(-100).map((path) => store.tokenOf(path)));
    },

    async 'window:print'({ doc }) {
      if (!deps.printWindow) return ipcError('这里不能打印。');
      // Paper or the dialog's 另存为 PDF leave as 导出 PDF does: main checks the report the preview is drawn from
      // before the dialog opens.
      const refused = await refusal(doc, 'print');
      if (refused) return ipcError(refused.message, 'refused');
      try {
        return ipcOk(await deps.printWindow());
      } catch {
        return ipcError('没有打印：打印机不可用或打印出错。请检查打印机后重试，或先“导出 PDF”再打印。');
      }
    },

    async 'window:edit'({ action }) {
      if (!deps.editWindow) return ipcError('这里不能使用剪贴板，请用 Ctrl+X、Ctrl+C、Ctrl+V。');
      deps.editWindow(action);
      return ipcOk(null);
    },
  };
}

/** The 最近打开 / dropped file / print / edit domain over the shared context. */
export function recentHandlers(ctx: HandlerContext): Pick<Handlers, RecentChannels> {
  return createRecentHandlers(
    ctx.deps,
    ctx.grants,
    ctx.recent,
    (path, bytes) => ctx.importer.importFile(path, bytes),
    (doc, kind) => ctx.exportRefusal(doc, kind),
  );
}
