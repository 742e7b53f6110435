/**
 * One copy of the app at a time. A clerk who double-clicks the icon again gets the window already open,
 * in front, instead of a second copy: two copies edit the same unsaved report's journal and history, and
 * the second one's "new report" would hide what the first still has unsaved. A report double-clicked while
 * the app runs starts a second copy too: its files go to the first copy (onFiles), which opens them.
 */
import type { App, BrowserWindow } from 'electron';
import { filesOfSecondStart, type StartData } from './openFiles';

/** Returns false when another copy is running (this one must quit); otherwise focuses this copy's window on each later start. */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  currentWindow: () => Pick<BrowserWindow, 'isMinimized' | 'restore' | 'focus' | 'show'> | null,
  onFiles: (paths: string[]) => void = () => {},
  start: StartData = { argv: process.argv, cwd: process.cwd() },
): boolean {
  // The second copy sends its own command line: the one Electron passes on may be reordered (Windows).
  if (!app.requestSingleInstanceLock(start as unknown as Record<string, unknown>)) return false;
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const window = currentWindow();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    }
    const files = filesOfSecondStart(argv ?? [], workingDirectory ?? '', additionalData);
    if (files.length) onFiles(files);
  });
  return true;
}
