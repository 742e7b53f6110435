import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiChannels, ipcMap, type ApiName, type Channel, type IpcMap, type NianbaoApi } from '../shared/ipc';

// Type level: window.nianbao's functions are exactly the map's `api` names, plus the three subscriptions (menu, 最近打开, files the OS opens).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameNames: Equal<keyof NianbaoApi, ApiName | 'onMenuCommand' | 'onOpenRecent' | 'onOsOpen'> = true;
const everyChannelNamed: Equal<IpcMap[Channel]['api'], ApiName> = true;
void [sameNames, everyChannelNamed];

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }));
const listeners = new Map<string, (...args: unknown[]) => void>();
const pathOf = new Map<unknown, string>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
  webUtils: { getPathForFile: (file: unknown) => pathOf.get(file) ?? '' },
}));

beforeEach(() => invoke.mockClear());

describe('preload', () => {
  it('exposes exactly the named functions of the IPC map, and no ipcRenderer', async () => {
    await import('./index');
    const api = exposed.nianbao as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(
      [...Object.keys(apiChannels), 'onMenuCommand', 'onOpenRecent', 'onOsOpen'].sort(),
    );
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
  });

  it('names each channel of the map once, and calls each function’s own channel', async () => {
    const names = Object.values(ipcMap).map((entry) => entry.api);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.values(apiChannels).sort()).toEqual(Object.keys(ipcMap).sort());
    const api = exposed.nianbao as Record<string, (r?: unknown) => Promise<unknown>>;
    for (const [channel, entry] of Object.entries(ipcMap)) {
      invoke.mockClear();
      await api[entry.api]!(entry.request.safeParse({}).success ? {} : undefined);
      // An empty request goes to its channel; any other is refused before it leaves (the schema is the map's).
      if (entry.request.safeParse({}).success) expect(invoke).toHaveBeenCalledWith(channel, {});
      else expect(invoke).not.toHaveBeenCalled();
    }
  });

  it('validates a request before it leaves, and passes valid ones to its channel', async () => {
    const api = exposed.nianbao as Record<string, (r?: unknown) => Promise<unknown>>;
    expect(await api.setDirty!({ dirty: 1 })).toMatchObject({ ok: false });
    expect(invoke).not.toHaveBeenCalled();
    await api.setDirty!({ dirty: true });
    expect(invoke).toHaveBeenCalledWith('window:setDirty', { dirty: true });
  });

  it('forwards only known menu commands', async () => {
    const api = exposed.nianbao as { onMenuCommand: (l: (c: string) => void) => () => void };
    const seen: string[] = [];
    const off = api.onMenuCommand((c) => seen.push(c));
    listeners.get('menu:command')!({}, 'save');
    listeners.get('menu:command')!({}, 'rm -rf');
    expect(seen).toEqual(['save']);
    off();
    expect(listeners.has('menu:command')).toBe(false);
  });

  it('opens a dropped file by the path Electron gives for it, and sends nothing for a file without one', async () => {
    const api = exposed.nianbao as { openDroppedFile: (f: unknown) => Promise<{ ok: boolean }> };
    const dropped = { name: '去年的报告.docx' };
    pathOf.set(dropped, '/home/clerk/去年的报告.docx');
    await api.openDroppedFile(dropped);
    expect(invoke).toHaveBeenCalledWith('file:openDropped', { path: '/home/clerk/去年的报告.docx' });
    invoke.mockClear();
    expect(await api.openDroppedFile({ name: '页面自己造的.docx' })).toMatchObject({ ok: false });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('forwards a 最近打开 choice of the menu only when it is a file token', async () => {
    const api = exposed.nianbao as { onOpenRecent: (l: (f: unknown) => void) => () => void };
    const seen: unknown[] = [];
    const off = api.onOpenRecent((f) => seen.push(f));
    listeners.get('menu:openRecent')!({}, { id: 'abc', name: '报告.nianbao' });
    listeners.get('menu:openRecent')!({}, '/etc/passwd');
    expect(seen).toEqual([{ id: 'abc', name: '报告.nianbao' }]);
    off();
  });
});
