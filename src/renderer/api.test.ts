/** call(): the page's one way to main shows every failure the clerk would otherwise never hear of. */
import { describe, expect, it } from 'vitest';
import type { NianbaoApi } from '../shared/ipc';
import { BROKEN_CONNECTION, createCall } from './api';

function fakeApi(answers: Partial<Record<keyof NianbaoApi, unknown>>): () => NianbaoApi {
  const api = Object.fromEntries(
    Object.entries(answers).map(([name, answer]) => [
      name,
      async () => (answer instanceof Error ? Promise.reject(answer) : answer),
    ]),
  );
  return () => api as unknown as NianbaoApi;
}

describe('call()', () => {
  it('returns the value of an answer that worked, and null for a cancelled dialog, showing nothing', async () => {
    const shown: string[] = [];
    const call = createCall(
      (t) => shown.push(t),
      fakeApi({ exportDocx: { ok: true, value: { name: '报告.docx' } }, openReport: { ok: true, value: null } }),
    );
    expect(await call('exportDocx', { doc: {} as never, options: {}, suggestedName: '报告' })).toEqual({
      name: '报告.docx',
    });
    expect(await call('openReport')).toBeNull();
    expect(shown).toEqual([]);
  });

  it('shows the Chinese message of a failed answer in the message bar and returns undefined', async () => {
    const shown: string[] = [];
    const call = createCall(
      (t) => shown.push(t),
      fakeApi({ writeJournal: { ok: false, error: '磁盘空间不足，“备份”没有保存。', code: 'write' } }),
    );
    expect(await call('writeJournal', { doc: {} as never, file: null })).toBeUndefined();
    expect(shown).toEqual(['磁盘空间不足，“备份”没有保存。']);
  });

  it('shows a broken connection in Chinese instead of an unhandled rejection', async () => {
    const shown: string[] = [];
    const call = createCall((t) => shown.push(t), fakeApi({ setDirty: new TypeError('Failed to fetch') }));
    expect(await call('setDirty', { dirty: true })).toBeUndefined();
    expect(shown).toEqual([BROKEN_CONNECTION]);
  });

  it('sends a failure to the handler the caller names instead of the bar', async () => {
    const shown: string[] = [];
    const own: string[] = [];
    const call = createCall(
      (t) => shown.push(t),
      fakeApi({ reviewReport: { ok: false, error: '没有选择这个文件，已拒绝。' } }),
    );
    expect(await call('reviewReport', { file: { id: 'x', name: 'x.docx' } }, (t) => own.push(t))).toBeUndefined();
    expect([shown, own]).toEqual([[], ['没有选择这个文件，已拒绝。']]);
  });
});
