/**
 * What the handler domains share: the injected dialogs and file system, the grants of paths the clerk chose,
 * one save queue per path, and the id of the unsaved report (its journal and 历史版本 are named by it).
 * Paths never come from the renderer: a dialog grants one, and the renderer only holds an opaque token for it.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type * as z from 'zod';
import { exportRefusal, type ExportKind, type ExportRefusal } from '../../core/checks/publish';
import { AppError } from '../../core/errors';
import type { ReportDocument } from '../../core/model/report';
import { ipcError, type Channel, type FileRef, type IpcMap, type Response } from '../../shared/ipc';
import { SaveQueue, type Fs } from '../atomicWrite';
import { createImporter, type Importer } from './importing';
import { createProfileHandlers, type ProfileDialogs } from './profile';
import { RecentStore, type RecentDeps } from './recent';
import type { ReviewDialogs } from './review';

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

export interface HandlerDeps extends Pick<RecentDeps, 'recent' | 'printWindow' | 'editWindow' | 'osOpened'> {
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

export type Handler<C extends Channel> = (request: z.infer<IpcMap[C]['request']>) => Promise<Response<C>>;

export type Handlers = { [C in Channel]: Handler<C> };

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

/**
 * A journal (and the history) is named by its file's path, stable across restarts; a report never saved
 * has its own per running app ("untitled" + a random id), so a second window or instance never writes over
 * it, and one unsaved report's 历史版本 never lists another's.
 */
export function journalId(path: string | null, untitled = 'untitled'): string {
  return path ? createHash('sha1').update(path).digest('hex').slice(0, 20) : untitled;
}

const newUntitledId = () => `untitled${randomBytes(6).toString('hex')}`;

/** The state the domains share, made once per app by createHandlers. */
export class HandlerContext {
  readonly grants = new FileGrants();
  readonly queue = new SaveQueue();
  readonly writeOptions: { fs?: Fs };
  readonly journalDir: string;
  readonly historyDir: string;
  /** The id of the unsaved report being edited: a new one starts with 新建, 导入, 起草 and after its first save. */
  untitledId = newUntitledId();

  /** The county's profile as imported (profile domain), read by the review domain too. */
  readonly county: ReturnType<typeof createProfileHandlers>;
  /** 导入 from every door, onto the county's outlines (the profile's and the templates folder's). */
  readonly importer: Importer;
  /** 最近打开 (recent domain), which 导入 adds to as well. */
  readonly recent: RecentStore;

  constructor(readonly deps: HandlerDeps) {
    this.county = createProfileHandlers(deps);
    this.importer = createImporter(deps.userDataDir, () => this.county.current());
    this.recent = new RecentStore(deps);
    this.writeOptions = deps.fs ? { fs: deps.fs } : {};
    this.journalDir = join(deps.userDataDir, 'journal');
    this.historyDir = join(deps.userDataDir, 'history');
  }

  /**
   * The one export rule (publish.ts) with the county's rule levels as main keeps them: the profile the clerk
   * imported, read back from the app's data folder, as the page's checker got it. The request carries only the
   * report (the clerk's own text and 忽略); a page that claimed a laxer profile is never believed.
   */
  async exportRefusal(doc: ReportDocument, kind: ExportKind): Promise<ExportRefusal | null> {
    return exportRefusal(doc, kind, await this.county.current());
  }

  idOf(path: string | null): string {
    return journalId(path, this.untitledId);
  }

  startUntitled(): void {
    this.untitledId = newUntitledId();
  }
}

export function withExtension(path: string, ext: string): string {
  return extname(path).toLowerCase() === ext ? path : path + ext;
}

export function safeName(name: string, ext: string): string {
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

/** A file that could not be read, as an answer: the error's own Chinese message, or a general one naming the file. */
export const readError = (path: string, error: unknown) =>
  error instanceof AppError
    ? ipcError(error.message, error.code)
    : ipcError(`无法读取“${basename(path)}”：文件不存在、没有权限或正被其他程序占用。`, 'read');
