/**
 * Saving that cannot corrupt: temp file in the same folder, fsync, keep the previous version as a backup,
 * rename over. Windows antivirus and indexers hold files for a moment (EPERM/EBUSY on rename): retry, then
 * say what is wrong. Saves to one path are serialised. Pure Node, no Electron.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type Fs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'copyFile' | 'stat'>;

export class SaveError extends Error {}

const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

export function saveErrorMessage(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const name = basename(path);
  switch (code) {
    case 'ENOSPC':
      return `磁盘空间不足，“${name}”没有保存。原文件没有改动，请清理磁盘或另存到其他位置。`;
    case 'EROFS':
      return `这个位置是只读的，“${name}”没有保存。请另存到其他文件夹。`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限写入“${name}”，或它正被其他程序（如 Word、WPS、杀毒软件）占用。原文件没有改动，请关闭占用它的程序后重试，或另存为其他文件。`;
    case 'EBUSY':
      return `“${name}”正被其他程序占用，没有保存。原文件没有改动，请稍后重试或另存为其他文件。`;
    case 'ENOENT':
      return `保存的文件夹已不存在：${dirname(path)}。请另存到其他位置。`;
    case 'ENAMETOOLONG':
      return `文件路径太长，“${name}”没有保存。请另存到层级较浅的文件夹。`;
    default:
      return `“${name}”没有保存（${code ?? '未知错误'}）。原文件没有改动，请另存为其他文件。`;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function exists(fs: Fs, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch {
    return false;
  }
}

export interface AtomicWriteOptions {
  fs?: Fs;
  /** Keep the file being replaced as `<path>.bak`. */
  backup?: boolean;
  /** Rename attempts on EPERM/EBUSY/EACCES before giving up. */
  retries?: number;
  retryDelayMs?: number;
}

export async function writeFileAtomic(path: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const retries = options.retries ?? 6;
  const delay = options.retryDelayMs ?? 50;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.backup && (await exists(fs, path))) await fs.copyFile(path, `${path}.bak`);
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.rename(temp, path);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (!RETRYABLE.has(code) || attempt >= retries) throw error;
        await sleep(delay * 2 ** attempt);
      }
    }
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw new SaveError(saveErrorMessage(path, error));
  }
}

/** One save at a time per path: a second save waits for the first, so they never interleave. */
export class SaveQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(path: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(path) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.tails.set(path, next);
    void next.finally(() => {
      if (this.tails.get(path) === next) this.tails.delete(path);
    }).catch(() => undefined);
    return next;
  }
}
