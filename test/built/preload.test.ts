/**
 * The preload as the window loads it (out/preload/index.cjs), which the stand-in of the browser tests cannot
 * show: a sandboxed preload gets a require() that knows only 'electron' (and a few Node polyfills that we do
 * not use), so the built file must require nothing else, and must expose window.nianbao and nothing more.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiChannels } from '../../src/shared/ipc';

const root = join(__dirname, '../..');
const bundle = join(root, 'out/preload/index.cjs');

describe('the built preload', () => {
  beforeAll(() => {
    // `npm test` builds before the tests; a single run of this file builds for itself.
    if (!process.env.NIANBAO_BUILT || !existsSync(bundle)) {
      const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
      if (build.status !== 0) throw new Error('electron-vite build failed');
    }
  }, 180_000);

  it('requires only electron and exposes window.nianbao with the IPC map’s functions', () => {
    const required: string[] = [];
    const exposed = new Map<string, unknown>();
    const invoked: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
      ipcRenderer: { invoke: async (channel: string) => invoked.push(channel), on: () => {}, removeListener: () => {} },
      webUtils: { getPathForFile: () => '/home/clerk/报告.nianbao' },
    };
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id}`);
    };
    const module = { exports: {} };
    runInNewContext(
      readFileSync(bundle, 'utf8'),
      { require: sandboxRequire, module, exports: module.exports, console },
      { filename: bundle },
    );
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['nianbao']);
    const api = exposed.get('nianbao') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(
      [...Object.keys(apiChannels), 'onMenuCommand', 'onOpenRecent', 'onOsOpen'].sort(),
    );
    expect(Object.isFrozen(api)).toBe(true);
    // A dropped file reaches main through webUtils, the one way a sandboxed preload has to its path.
    void (api.openDroppedFile as (f: unknown) => Promise<unknown>)({});
    return new Promise<void>((resolve) =>
      setTimeout(() => (expect(invoked).toContain('file:openDropped'), resolve()), 0),
    );
  });
});
