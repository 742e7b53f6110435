import { describe, expect, it } from 'vitest';
import { claimSingleInstance } from './singleInstance';

function fakeApp(lock: boolean) {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const sent: unknown[] = [];
  return {
    listeners,
    sent,
    app: {
      requestSingleInstanceLock: (data: unknown) => (sent.push(data), lock),
      on: (name: string, listener: () => void) => listeners.set(name, listener),
    } as never,
  };
}

describe('one copy of the app', () => {
  it('a second start finds the lock taken and must quit, registering nothing', () => {
    const { app, listeners } = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(listeners.size).toBe(0);
  });

  it('the first copy brings its minimised window to the front when the icon is clicked again', () => {
    const { app, listeners } = fakeApp(true);
    const calls: string[] = [];
    const window = {
      isMinimized: () => true,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
    expect(claimSingleInstance(app, () => window as never)).toBe(true);
    listeners.get('second-instance')!();
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('a report double-clicked while the app runs: the second start sends its command line, the first copy opens its file', () => {
    const second = fakeApp(false);
    expect(
      claimSingleInstance(second.app, () => null, undefined, { argv: ['/opt/app', '去年 报告.docx'], cwd: '/home/a' }),
    ).toBe(false);
    const first = fakeApp(true);
    const opened: string[][] = [];
    const calls: string[] = [];
    const window = {
      isMinimized: () => false,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
    claimSingleInstance(
      first.app,
      () => window as never,
      (paths) => opened.push(paths),
    );
    // What Electron gives the first copy: a reordered line with flags, and the second start's own data.
    first.listeners.get('second-instance')!({}, ['/opt/app', '--flag', '去年 报告.docx'], '/elsewhere', second.sent[0]);
    expect(opened).toEqual([['/home/a/去年 报告.docx']]);
    expect(calls).toEqual(['show', 'focus']);
    // The icon clicked again, no file: only the window comes forward.
    first.listeners.get('second-instance')!({}, ['/opt/app'], '/home/a', { argv: ['/opt/app'], cwd: '/home/a' });
    expect(opened).toHaveLength(1);
  });
});
