/** The merged handler map: every channel of the IPC map handled exactly once, and errors cross as typed data. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { ipcMap } from '../../shared/ipc';
import { registerIpc, type SenderEvent } from '../ipc';
import { createHandlers, mergeHandlers, type Dialogs } from './index';

const none = async () => null;
const dialogs: Dialogs = {
  openReport: none,
  saveReport: none,
  importDocument: none,
  exportDocx: none,
  exportPdf: none,
  exportWeb: none,
  openFolder: none,
  saveTable: none,
};
const handlers = () => createHandlers({ dialogs, userDataDir: join(mkdtempSync(join(tmpdir(), '处理-')), 'userData') });
const stub = async () => ({ ok: true as const, value: null });

describe('the handler map', () => {
  it('has one handler for every channel of the IPC map, and nothing else', () => {
    const all = handlers();
    expect(Object.keys(all).sort()).toEqual(Object.keys(ipcMap).sort());
    expect(Object.values(all).every((h) => typeof h === 'function')).toBe(true);
  });

  it('refuses to start when a channel is handled twice, not at all, or is not in the map', () => {
    const all = handlers();
    const { ['window:setDirty']: setDirty, ...rest } = all;
    expect(() => mergeHandlers([rest, { 'window:setDirty': setDirty }])).not.toThrow();
    expect(() => mergeHandlers([all, { 'window:setDirty': stub }])).toThrow(/window:setDirty has two handlers/);
    expect(() => mergeHandlers([rest])).toThrow(/without a handler: window:setDirty/);
    expect(() => mergeHandlers([all, { 'window:close': stub }])).toThrow(/unknown channel window:close/);
  });

  it('turns a thrown AppError into { ok: false, error, code } with its Chinese message', async () => {
    const listeners = new Map<string, (event: SenderEvent, payload: unknown) => Promise<unknown>>();
    const failing = {
      ...handlers(),
      'journal:pending': async () => Promise.reject(new AppError('read', '找不到文件“备份.json”。')),
    };
    registerIpc({ handle: (channel, listener) => listeners.set(channel, listener) }, failing, () => true);
    expect(await listeners.get('journal:pending')!({}, {})).toEqual({
      ok: false,
      error: '找不到文件“备份.json”。',
      code: 'read',
    });
  });
});
