/**
 * Saving that cannot corrupt, for the app and the command line: the new content goes to a temp file in the
 * same folder, is fsynced, then renamed over the old one; the previous version is kept as `<name>.bak`,
 * itself written the same way (a crash or a full disk never leaves a half .bak, nor deletes the last good
 * one). The file's mode is kept, a symbolic link keeps pointing at the file it names (that file is what is
 * updated), a file with hard links is updated in place after its .bak is safe, and a read-only file is
 * refused. Windows antivirus and indexers hold files for a moment (EPERM/EBUSY on rename): retry, then say
 * what is wrong. Temp names are short (an 80-character Chinese name plus a suffix passes 255 bytes) and
 * left-over ones, from a save that was killed, are removed by the next save to that folder.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../core/errors';
import { errorCode, fileErrorMessage } from './errors';

export type Fs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'copyFile' | 'stat'> &
  Partial<Pick<typeof nodeFs, 'lstat' | 'realpath' | 'readlink' | 'readdir'>>;

export class SaveError extends AppError {
  constructor(message: string) {
    super('write', message);
  }
}

const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** Every temp file this writer makes is named `.nianbao-<16 hex>.tmp`; older versions used `.<name>.<8 hex>.tmp`. */
export const TEMP_PATTERN = /^\.(nianbao-[0-9a-f]{16}|.+\.[0-9a-f]{8})\.tmp$/;
const tempName = (dir: string) => join(dir, `.nianbao-${randomBytes(8).toString('hex')}.tmp`);

/** A temp file older than this was left by a save that died: no live save takes minutes. */
export const STALE_TEMP_MS = 10 * 60 * 1000;

export function saveErrorMessage(path: string, error: unknown): string {
  return fileErrorMessage(path, error, 'write');
}

export function readOnlyMessage(path: string): string {
  return `“${basename(path)}”是只读文件，没有覆盖它。请另存为其他文件名，或先在文件属性中取消“只读”后再保存。`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface AtomicWriteOptions {
  fs?: Fs;
  /** Keep the file being replaced as `<path>.bak`. */
  backup?: boolean;
  /** Rename attempts on EPERM/EBUSY/EACCES before giving up. */
  retries?: number;
  retryDelayMs?: number;
}

/** Where a write to `path` must land: the file a symbolic link names, not the link. */
async function resolveTarget(fs: Fs, path: string): Promise<string> {
  const lstat = fs.lstat ?? nodeFs.lstat;
  let isLink = false;
  try {
    isLink = (await lstat(path)).isSymbolicLink();
  } catch {
    return path; // a new file
  }
  if (!isLink) return path;
  try {
    return await (fs.realpath ?? nodeFs.realpath)(path);
  } catch {
    // A link to a file not there yet: create that file, keep the link.
    return resolve(dirname(path), await (fs.readlink ?? nodeFs.readlink)(path));
  }
}

/** Rename, retrying while antivirus or an indexer holds the file (EPERM/EBUSY/EACCES on Windows). */
async function renameWithRetry(fs: Fs, from: string, to: string, retries: number, delay: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fs.rename(from, to);
    } catch (error) {
      if (!RETRYABLE.has(errorCode(error) ?? '') || attempt >= retries) throw error;
      await sleep(delay * 2 ** attempt);
    }
  }
}

/** Copy `from` to `to` through a synced temp file, so `to` is always whole: the old one or the new one. */
async function copyAtomic(fs: Fs, from: string, to: string, retries: number, delay: number): Promise<void> {
  const temp = tempName(dirname(to));
  try {
    await fs.copyFile(from, temp);
    const handle = await fs.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(fs, temp, to, retries, delay);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function syncFolder(fs: Fs, dir: string): Promise<void> {
  // Makes the rename itself durable on Linux; Windows cannot open a folder, and its rename is journaled.
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // not supported here
  }
}

export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const retries = options.retries ?? 6;
  const delay = options.retryDelayMs ?? 50;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let temp: string | undefined;
  try {
    const target = await resolveTarget(fs, path);
    const existing = await fs.stat(target).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    });
    if (existing && !existing.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    // A file the owner cannot write is one somebody protected on purpose.
    if (existing && (existing.mode & 0o200) === 0) throw new SaveError(readOnlyMessage(path));
    const dir = dirname(target);
    await cleanStaleTemps(dir, { fs });
    temp = tempName(dir);
    const handle = await fs.open(temp, 'wx', existing ? existing.mode & 0o777 : 0o666);
    try {
      if (existing) await handle.chmod(existing.mode & 0o7777); // open's mode passes through the umask
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.backup && existing) await copyAtomic(fs, target, `${target}.bak`, retries, delay);
    if (existing && existing.nlink > 1 && options.backup) {
      // Renaming would split the hard links: write in place, the .bak above being the safe copy.
      const inPlace = await fs.open(target, 'r+');
      try {
        await inPlace.truncate(0);
        await inPlace.writeFile(bytes);
        await inPlace.sync();
      } finally {
        await inPlace.close();
      }
      await fs.unlink(temp).catch(() => undefined);
      return;
    }
    await renameWithRetry(fs, temp, target, retries, delay);
    temp = undefined;
    await syncFolder(fs, dir);
  } catch (error) {
    if (temp) await fs.unlink(temp).catch(() => undefined);
    if (error instanceof SaveError) throw error;
    throw new SaveError(saveErrorMessage(path, error));
  }
}

/**
 * Removes the temp files a killed save left in `dir` (never a fresh one: another save may be writing it).
 * Returns how many were removed.
 */
export async function cleanStaleTemps(
  dir: string,
  options: { fs?: Fs; olderThanMs?: number; now?: number } = {},
): Promise<number> {
  const fs = options.fs ?? nodeFs;
  const cutoff = (options.now ?? Date.now()) - (options.olderThanMs ?? STALE_TEMP_MS);
  let names: string[];
  try {
    names = (await (fs.readdir ?? nodeFs.readdir)(dir)).map(String);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!TEMP_PATTERN.test(name)) continue;
    const path = join(dir, name);
    try {
      const stats = await fs.stat(path);
      if (!stats.isFile() || stats.mtimeMs > cutoff) continue;
      await fs.unlink(path);
      removed++;
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

/** One save at a time per path: a second save waits for the first, so they never interleave. */
export class SaveQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(path: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(path) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.tails.set(path, next);
    void next
      .finally(() => {
        if (this.tails.get(path) === next) this.tails.delete(path);
      })
      .catch(() => undefined);
    return next;
  }
}
