/** File-system side of the command line: finding reports in folders, reading them, writing results safely. */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** Extensions `check` picks up inside a folder. */
export const REPORT_EXTENSIONS = ['.nianbao', '.docx', '.doc', '.wps', '.txt', '.html', '.htm'];

/** Refuse before reading: no report comes near this, and a 2 GB file would exhaust memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Word's lock files (~$name.docx) and hidden files are never reports. */
function isCandidate(name: string): boolean {
  return !name.startsWith('~$') && !name.startsWith('.') && REPORT_EXTENSIONS.includes(extname(name).toLowerCase());
}

/**
 * Expand the command line's paths: files stay as given, folders become the reports inside them
 * (recursively, sorted so the output order is stable). A missing path is an InputError in the list.
 */
export function expandInputs(paths: readonly string[]): Array<string | InputError> {
  const out: Array<string | InputError> = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.')) walk(full);
      else if (entry.isFile() && isCandidate(entry.name)) out.push(full);
    }
  };
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      out.push(new InputError(path, `找不到文件：${path}`));
      continue;
    }
    if (stat.isDirectory()) {
      const before = out.length;
      try {
        walk(path);
      } catch {
        out.push(new InputError(path, `无法读取文件夹：${path}`));
        continue;
      }
      if (out.length === before) out.push(new InputError(path, `文件夹中没有报告文件（.docx、.doc、.wps、.txt、.html 或 .nianbao）：${path}`));
    } else {
      out.push(path);
    }
  }
  return out;
}

export function readInput(path: string): Uint8Array {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InputError(path, `找不到文件：${path}`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new InputError(path, `文件过大（${Math.round(size / 1024 / 1024)} MB），不像是一份报告：${path}`);
  }
  try {
    return readFileSync(path);
  } catch {
    throw new InputError(path, `无法读取文件（可能没有权限或正被其他程序占用）：${path}`);
  }
}

/**
 * Write through a temporary file in the same folder, fsync, then rename, so that an interrupted run
 * leaves either the old file or the new one, never half of one.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'w');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // the temp file was never created
    }
    throw new InputError(path, writeErrorMessage(path, error));
  }
}

function writeErrorMessage(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return `磁盘空间不足，未能写入：${path}`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `没有写入权限，或文件正被其他程序（如 Word、WPS）打开：${path}`;
    case 'EBUSY':
      return `文件正被其他程序占用，请关闭后重试：${path}`;
    case 'ENOENT':
      return `目标文件夹不存在：${dirname(path)}`;
    default:
      return `未能写入文件：${path}`;
  }
}
