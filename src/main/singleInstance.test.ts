import { describe, expect, it } from 'vitest';
import { claimSingleInstance } from './singleInstance';

function fakeApp(lock: boolean) {
  const listeners = new Map<string, () => void>();
  return {
    listeners,
    app: {
      requestSingleInstanceLock: () => lock,
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
});
