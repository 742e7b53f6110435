/**
 * A file the clerk double-clicks (or opens with 打开方式) in the file manager: on Windows and Linux its path
 * arrives in the command line — of this start, or of a second start, which hands it to the running copy
 * (singleInstance.ts) — and on macOS as 'open-file'. The paths wait here until the page takes them
 * (file:takeOsOpened): at the first start the page is not listening yet, and the page decides, after asking
 * about unsaved work as 打开 does, whether the report in the window may be replaced.
 */
import type { App } from 'electron';
import { basename, isAbsolute, resolve } from 'node:path';
import { isOpenableName } from '../shared/ipc';

/** Paths the OS asked the app to open, oldest first, until the page takes them. */
export class OsOpenQueue {
  private paths: string[] = [];

  push(paths: readonly string[]): void {
    this.paths.push(...paths);
  }

  take(): string[] {
    const taken = this.paths;
    this.paths = [];
    return taken;
  }
}

/**
 * The files to open in a command line: every argument after the program that names a kind 打开/导入 reads.
 * Flags (Chromium adds its own to a second start's line on Windows), the app's folder of a development run
 * ("." or out/main/index.js) and other kinds are not files to open. A relative path is the starter's folder's.
 */
export function filesInArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => arg.length > 0 && arg.length <= 4096 && !arg.startsWith('-') && isOpenableName(basename(arg)))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}

/** What a second start passes to the first (requestSingleInstanceLock's additionalData): its own argv, intact. */
export interface StartData {
  argv: string[];
  cwd: string;
}

/**
 * Windows may reorder a second start's argv and add flags to it (Electron's documented caveat), so the
 * second copy sends its own argv as additionalData; the argv Electron gives is the fallback.
 */
export function filesOfSecondStart(argv: readonly string[], cwd: string, data: unknown): string[] {
  const sent = data as Partial<StartData> | null | undefined;
  if (sent && Array.isArray(sent.argv) && sent.argv.every((a) => typeof a === 'string') && typeof sent.cwd === 'string')
    return filesInArgv(sent.argv, sent.cwd);
  return filesInArgv(argv, cwd);
}

/**
 * macOS: 'open-file' comes before 'ready' when the app is started by the file, and later for each file
 * opened while it runs. preventDefault tells macOS the app takes the file.
 */
export function watchOpenFile(app: Pick<App, 'on'>, queue: OsOpenQueue, notify: () => void): void {
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (!isOpenableName(basename(path))) return;
    queue.push([path]);
    notify();
  });
}
