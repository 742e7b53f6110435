/**
 * One copy of the app at a time. A clerk who double-clicks the icon again gets the window already open,
 * in front, instead of a second copy: two copies edit the same unsaved report's journal and history, and
 * the second one's "new report" would hide what the first still has unsaved.
 */
import type { App, BrowserWindow } from 'electron';

/** Returns false when another copy is running (this one must quit); otherwise focuses this copy's window on each later start. */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  currentWindow: () => Pick<BrowserWindow, 'isMinimized' | 'restore' | 'focus' | 'show'> | null,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
