/**
 * Finding the reports in the files and folders a reviewer names, for the command line's `check` and the
 * app's 批量检查 alike. Nothing met is dropped silently: every report file is listed; a folder that cannot
 * be read, a broken link, a file that is not a report, each becomes an InputError naming it — and the
 * walk goes on with the rest. Links are followed (a folder linked twice, or into itself, is walked once).
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, extname, join } from 'node:path';

/** What `check` reads: the app's files, Word, text, and saved web pages. */
export const REPORT_EXTENSIONS = ['.nianbao', '.docx', '.doc', '.wps', '.txt', '.html', '.htm'];
/** Reports in a form the importer names precisely (PDF): read, to get its message. */
const NAMED_BY_IMPORTER = ['.pdf'];

export class InputError extends Error {
  /** The message without the path, for a row that already names the file. */
  readonly reason: string;
  constructor(
    readonly file: string,
    message: string,
    reason?: string,
    /** A file that is not a report at all (a photo beside the reports): named, but nothing failed. */
    readonly notReport = false,
  ) {
    super(message);
    this.reason = reason ?? message;
  }
}

/**
 * Word's lock files (~$name.docx), hidden files (., and macOS's ._ copies on a USB stick) and the files
 * Windows keeps in every folder it shows (Thumbs.db, desktop.ini: hidden there) are not the reviewer's:
 * passed over without a row.
 */
function isHidden(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.') || /^(?:thumbs\.db|desktop\.ini)$/i.test(name);
}

export function expandInputs(paths: readonly string[]): Array<string | InputError> {
  const out: Array<string | InputError> = [];
  const visited = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(dir);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      out.push(
        new InputError(
          dir,
          `无法读取文件夹（可能没有权限）：${dir}，其中的报告没有检查。`,
          '无法读取这个文件夹（可能没有权限），其中的报告没有检查。',
        ),
      );
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const entry of entries) {
      if (isHidden(entry.name)) continue;
      const full = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          out.push(new InputError(full, `快捷链接指向的文件不存在：${full}`, '快捷链接指向的文件不存在。'));
          continue;
        }
      }
      if (isDirectory) walk(full);
      else if (isFile) out.push(classify(full));
      else
        out.push(
          new InputError(
            full,
            `不是普通文件（可能是设备或管道），没有检查：${full}`,
            '不是普通文件（可能是设备或管道），没有检查。',
          ),
        );
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
      walk(path);
      if (out.length === before)
        out.push(new InputError(path, `文件夹中没有报告文件（.docx、.doc、.wps、.txt、.html 或 .nianbao）：${path}`));
    } else {
      out.push(path); // named on purpose: read it, and say what it is if it is no report
    }
  }
  return out;
}

function classify(path: string): string | InputError {
  const ext = extname(path).toLowerCase();
  if (REPORT_EXTENSIONS.includes(ext) || NAMED_BY_IMPORTER.includes(ext)) return path;
  return new InputError(
    path,
    `“${basename(path)}”不是报告文件（只检查 .docx、.doc、.wps、.txt、.html 和 .nianbao），没有检查：${path}`,
    `不是报告文件（只检查 .docx、.doc、.wps、.txt、.html 和 .nianbao），没有检查。`,
    true,
  );
}
