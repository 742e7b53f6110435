import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiChannels, ipcMap, type ApiName, type Channel, type IpcMap, type NianbaoApi } from '../shared/ipc';

// Type level: window.nianbao's functions are exactly the map's `api` names, plus the menu subscription.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameNames: Equal<keyof NianbaoApi, ApiName | 'onMenuCommand'> = true;
const everyChannelNamed: Equal<IpcMap[Channel]['api'], ApiName> = true;
void [sameNames, everyChannelNamed];

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }));
const listeners = new Map<string, (...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

beforeEach(() => invoke.mockClear());

describe('preload', () => {
  it('exposes exactly the named functions of the IPC map, and no ipcRenderer', async () => {
    await import('./index');
    const api = exposed.nianbao as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(apiChannels), 'onMenuCommand'].sort());
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
});
