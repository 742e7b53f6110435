/**
 * The one table of file-system errors in Chinese, for the app's main process and the command line alike.
 * Every message names the file and says what the clerk can do; none carries the system's English.
 */
import { basename, dirname } from 'node:path';

export type FileAction = 'read' | 'write';

/** The errno code of a Node error, or undefined. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A file name longer than this many UTF-8 bytes is refused by most file systems (255 on ext4, NTFS counts 255 UTF-16 units). */
export const MAX_NAME_BYTES = 255;

export function fileErrorMessage(path: string, error: unknown, action: FileAction): string {
  const code = errorCode(error);
  const name = basename(path);
  if (action === 'read') {
    switch (code) {
      case 'ENOENT':
        return `找不到文件“${name}”。`;
      case 'EACCES':
      case 'EPERM':
        return `没有权限读取“${name}”。`;
      case 'EBUSY':
        return `“${name}”正被其他程序占用，无法读取，请关闭该程序后重试。`;
      case 'EISDIR':
        return `“${name}”是文件夹，不是文件。`;
      case 'ELOOP':
        return `“${name}”是循环的快捷链接，无法读取。`;
      case 'ENAMETOOLONG':
        return `“${name}”的路径太长，无法读取。`;
      default:
        return `无法读取“${name}”（${code ?? '未知错误'}）。`;
    }
  }
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足，“${name}”没有保存。原文件没有改动，请清理磁盘或另存到其他位置。`;
    case 'EROFS':
      return `这个位置是只读的，“${name}”没有保存。请另存到其他文件夹。`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限写入“${name}”，或它正被其他程序（如 Word、WPS、杀毒软件）占用。原文件没有改动，请关闭占用它的程序后重试，或另存为其他文件。`;
    case 'EBUSY':
      return `“${name}”正被其他程序占用，没有保存。原文件没有改动，请稍后重试或另存为其他文件。`;
    case 'ENOENT':
      return `保存的文件夹不存在：${dirname(path)}。请另存到其他位置。`;
    case 'ENAMETOOLONG':
      // The name itself, not the folder depth, is what most often passes the limit (80 Chinese characters do).
      return Buffer.byteLength(name) > MAX_NAME_BYTES - 20
        ? `文件名太长，“${name.slice(0, 20)}…”没有保存。请换一个短一些的文件名。`
        : `文件路径太长，“${name}”没有保存。请另存到层级较浅的文件夹。`;
    case 'EISDIR':
      return `“${name}”是一个文件夹，没有保存。请换一个文件名。`;
    default:
      return `“${name}”没有保存（${code ?? '未知错误'}）。原文件没有改动，请另存为其他文件。`;
  }
}
