/**
 * Reading a file the clerk named, bounded: regular files only (not /dev/zero, a FIFO or a folder), opened
 * without blocking, checked again on the open handle (no swap between the check and the read), and never
 * more than `limit` bytes read, whatever the size the file system reports.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../core/errors';
import { fileErrorMessage } from './errors';

export class ReadError extends AppError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super('read', message);
  }
}

// O_NONBLOCK: opening a FIFO must not wait for a writer. Windows has neither the flag nor FIFOs.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function tooLargeMessage(path: string, bytes: number): string {
  return `“${basename(path)}”过大（${bytes >= 1024 * 1024 ? `约 ${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} 字节`}），不像是一份报告，未读取。`;
}

function checkStats(path: string, stats: Stats, limit: number): void {
  if (!stats.isFile()) {
    throw new ReadError(
      path,
      stats.isDirectory()
        ? `“${basename(path)}”是文件夹，不是文件。`
        : `“${basename(path)}”不是普通文件（可能是设备或管道），未读取。`,
    );
  }
  if (stats.size > limit) throw new ReadError(path, tooLargeMessage(path, stats.size));
}

/** The file grew while being read, or lied about its size: refuse rather than read on. */
function tooMuch(path: string, read: number, limit: number): never {
  if (read > limit) throw new ReadError(path, tooLargeMessage(path, read));
  throw new ReadError(path, `“${basename(path)}”在读取时被其他程序改动了，请稍后重试。`);
}

/** Synchronous, for the command line. */
export function readFileBoundedSync(path: string, limit: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (error) {
    throw new ReadError(path, fileErrorMessage(path, error, 'read'));
  }
  try {
    const stats = fstatSync(fd);
    checkStats(path, stats, limit);
    const buffer = Buffer.allocUnsafe(Math.min(limit, stats.size) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) tooMuch(path, length, limit);
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(path, fileErrorMessage(path, error, 'read'));
  } finally {
    closeSync(fd);
  }
}

/** Asynchronous, for the app's main process. */
export async function readFileBounded(path: string, limit: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, FLAGS);
  } catch (error) {
    throw new ReadError(path, fileErrorMessage(path, error, 'read'));
  }
  try {
    const stats = await handle.stat();
    checkStats(path, stats, limit);
    const buffer = Buffer.allocUnsafe(Math.min(limit, stats.size) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) tooMuch(path, length, limit);
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(path, fileErrorMessage(path, error, 'read'));
  } finally {
    await handle.close();
  }
}
