import { chmodSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseReportFile, serializeReport } from '../../core/model/file';
import { numberedDocxFromText } from '../../../test/support/numberedDocx';
import { createReportFromTemplate } from '../../core/model/fromTemplate';
import { defaultRegistry } from '../../core/templates/registry';
import type { RecentFile } from '../../shared/ipc';
import { createHandlers, type Dialogs } from './index';
import { printContents, readRecentStore, RECENT_LIMIT, type RecentHooks } from './recent';

const doc = (unit = '青石镇') => createReportFromTemplate(defaultRegistry.get('township')!, { unit, year: 2025 });

function setup(recent: RecentHooks = {}, osOpened: string[] = []) {
  const folder = mkdtempSync(join(tmpdir(), '最近 打开-'));
  const next: Record<keyof Dialogs, string | null> = {
    openReport: null,
    saveReport: null,
    importDocument: null,
    exportDocx: null,
    exportPdf: null,
    exportWeb: null,
    openFolder: null,
    saveTable: null,
  };
  const dialogs = Object.fromEntries(
    Object.keys(next).map((k) => [k, async () => next[k as keyof Dialogs]]),
  ) as unknown as Dialogs;
  const userDataDir = join(folder, 'userData');
  const handlers = createHandlers({ dialogs, userDataDir, recent, osOpened: { take: () => osOpened.splice(0) } });
  return { folder, next, handlers, userDataDir };
}

async function names(handlers: ReturnType<typeof setup>['handlers']): Promise<RecentFile[]> {
  const answer = await handlers['recent:list']({});
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

describe('最近打开', () => {
  it('lists saved and opened reports newest first, tells the OS, and opens one again by its token', async () => {
    const added: string[] = [];
    const { folder, next, handlers, userDataDir } = setup({ addRecentDocument: (p) => added.push(p) });
    next.saveReport = join(folder, '青石镇报告.nianbao');
    const saved = await handlers['report:save']({ doc: doc(), file: null, suggestedName: 'x' });
    if (!saved.ok || !saved.value) throw new Error('not saved');
    expect(await handlers['recent:add']({ file: saved.value.file })).toEqual({ ok: true, value: null });
    writeFileSync(join(folder, '白沙镇.nianbao'), serializeReport(doc('白沙镇')));
    next.openReport = join(folder, '白沙镇.nianbao');
    const opened = await handlers['report:open']({});
    if (!opened.ok || !opened.value) throw new Error('not opened');
    await handlers['recent:add']({ file: opened.value.file });

    const list = await names(handlers);
    expect(list.map((r) => r.file.name)).toEqual(['白沙镇.nianbao', '青石镇报告.nianbao']);
    expect(list.every((r) => !r.missing)).toBe(true);
    expect(list[0]!.folder).toBe(folder.split('/').pop());
    expect(added).toEqual([join(folder, '青石镇报告.nianbao'), join(folder, '白沙镇.nianbao')]);
    // The page holds tokens only: no path in what it is given, none in the store's answer.
    expect(JSON.stringify(list)).not.toContain(folder);
    expect(JSON.parse(readFileSync(join(userDataDir, 'recent.json'), 'utf8')).files).toHaveLength(2);

    const again = await handlers['recent:open']({ file: list[1]!.file });
    expect(again.ok && again.value.kind === 'report' && again.value.doc.meta.unit).toBe('青石镇');
    // Opened again: it moves to the top, and its new token saves to the same file.
    expect((await names(handlers))[0]!.file.name).toBe('青石镇报告.nianbao');
    if (!again.ok || again.value.kind !== 'report') throw new Error('not a report');
    const resaved = await handlers['report:save']({
      doc: doc('青石镇（改）'),
      file: again.value.file,
      suggestedName: 'x',
    });
    expect(resaved.ok).toBe(true);
    expect(readFileSync(join(folder, '青石镇报告.nianbao'), 'utf8')).toContain('青石镇（改）');
  });

  it('keeps ten, each once', async () => {
    const { folder, handlers } = setup();
    for (let i = 0; i < RECENT_LIMIT + 3; i++) {
      const path = join(folder, `报告${i}.nianbao`);
      writeFileSync(path, serializeReport(doc(`镇${i}`)));
      await handlers['file:openDropped']({ path });
    }
    await handlers['file:openDropped']({ path: join(folder, '报告5.nianbao') });
    const list = await names(handlers);
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0]!.file.name).toBe('报告5.nianbao');
    expect(new Set(list.map((r) => r.file.name)).size).toBe(RECENT_LIMIT);
  });

  it('marks a moved file missing, and removes it with a Chinese message when clicked', async () => {
    const changes: RecentFile[][] = [];
    const { folder, handlers } = setup({ onChange: (files) => changes.push(files) });
    const path = join(folder, '旧位置.nianbao');
    writeFileSync(path, serializeReport(doc()));
    await handlers['file:openDropped']({ path });
    renameSync(path, join(folder, '新位置.nianbao'));
    const [line] = await names(handlers);
    expect(line!.missing).toBe(true);
    const answer = await handlers['recent:open']({ file: line!.file });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toMatch(/找不到“旧位置\.nianbao”.*已从“最近打开”中去掉/);
    expect(await names(handlers)).toEqual([]);
    // The menu was rebuilt without it.
    expect(changes.at(-1)).toEqual([]);
  });

  it('reads a corrupt, foreign or oversized store as an empty list, and writes a good one over it', async () => {
    const { folder, handlers, userDataDir } = setup();
    const store = join(userDataDir, 'recent.json');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(userDataDir, { recursive: true });
    for (const bad of [
      '{"files": ["/a.nianbao"',
      '[1,2,3]',
      '{"files": "x"}',
      '\u0000\u0001',
      JSON.stringify({ files: ['relative/path.nianbao', 5, null] }),
      `{"files":["${'x'.repeat(300_000)}"]}`,
    ]) {
      writeFileSync(store, bad);
      expect(await names(handlers)).toEqual([]);
    }
    const path = join(folder, '报告.txt');
    writeFileSync(path, '青石镇2025年法治政府建设工作情况报告\n一、主要举措\n全年开展普法活动12场。');
    const answer = await handlers['file:openDropped']({ path });
    expect(answer.ok && answer.value.kind).toBe('import');
    expect(await readRecentStore(store)).toEqual([path]);
  });

  it('lists a file opened through 导入, and opening it from there imports it again (not as a .nianbao)', async () => {
    const added: string[] = [];
    const { folder, next, handlers } = setup({ addRecentDocument: (p) => added.push(p) });
    const source = join(folder, '去年的报告.txt');
    writeFileSync(
      source,
      ['溪口镇关于2024年度法治政府建设情况的报告', '一、主要举措和成效', '建立法律顾问制度。'].join('\n'),
    );
    next.importDocument = source;
    const imported = await handlers['report:import']({});
    expect(imported.ok && imported.value?.doc.meta.unit).toBe('溪口镇');
    const list = await names(handlers);
    expect(list.map((r) => r.file.name)).toEqual(['去年的报告.txt']);
    expect(added).toEqual([source]);
    const again = await handlers['recent:open']({ file: list[0]!.file });
    if (!again.ok) throw new Error(again.error);
    expect(again.value.kind).toBe('import');
    expect(again.value.kind === 'import' && again.value.sourceName).toBe('去年的报告.txt');
    expect(again.value.doc.meta.unit).toBe('溪口镇');
  });

  it('does not list an import that failed or was cancelled', async () => {
    const { folder, next, handlers } = setup();
    next.importDocument = null;
    expect(await handlers['report:import']({})).toEqual({ ok: true, value: null });
    const broken = join(folder, '坏的.docx');
    writeFileSync(broken, 'not a zip at all');
    next.importDocument = broken;
    expect((await handlers['report:import']({})).ok).toBe(false);
    expect(await names(handlers)).toEqual([]);
  });

  it('never lets a forged or reviewed-folder token in', async () => {
    const { handlers } = setup();
    expect((await handlers['recent:open']({ file: { id: 'forged', name: 'x.nianbao' } })).ok).toBe(false);
    expect((await handlers['recent:add']({ file: { id: 'forged', name: 'x.nianbao' } })).ok).toBe(false);
    expect(await names(handlers)).toEqual([]);
  });
});

describe('opening a dropped file', () => {
  it('opens a report, imports a Word/text file, and refuses any other kind without touching the list', async () => {
    const { folder, handlers } = setup();
    const report = join(folder, '本软件报告.nianbao');
    writeFileSync(report, serializeReport(doc('柳河镇')));
    const opened = await handlers['file:openDropped']({ path: report });
    expect(opened.ok && opened.value.kind === 'report' && opened.value.doc.meta.unit).toBe('柳河镇');

    const text = join(folder, '去年的报告.TXT');
    writeFileSync(text, '柳河镇2024年法治政府建设情况报告\n一、主要工作\n完成合法性审核8件。');
    const imported = await handlers['file:openDropped']({ path: text });
    expect(imported.ok && imported.value.kind === 'import' && imported.value.sourceName).toBe('去年的报告.TXT');

    for (const path of [
      join(folder, '照片.jpg'),
      join(folder, '报告.pdf'),
      join(folder, '无扩展名'),
      'relative.nianbao',
    ]) {
      writeFileSync(path.startsWith('/') ? path : join(folder, path), 'x');
      const answer = await handlers['file:openDropped']({ path });
      expect(answer.ok).toBe(false);
      expect(!answer.ok && answer.error).toContain('只能打开本软件的报告');
    }
    expect((await names(handlers)).map((r) => r.file.name)).toEqual(['去年的报告.TXT', '本软件报告.nianbao']);
  });

  it('says in Chinese why an unreadable or broken file did not open', async () => {
    const { folder, handlers } = setup();
    const broken = join(folder, '坏的.nianbao');
    writeFileSync(broken, '{"not": "a report"');
    const answer = await handlers['file:openDropped']({ path: broken });
    expect(!answer.ok && answer.error).toMatch(/^“坏的\.nianbao”：[\u4e00-\u9fff]/);
    const gone = await handlers['file:openDropped']({ path: join(folder, '不存在.docx') });
    expect(!gone.ok && gone.error).toMatch(/[\u4e00-\u9fff]/);
    if (process.getuid?.() !== 0) {
      const locked = join(folder, '锁住.txt');
      writeFileSync(locked, 'x');
      chmodSync(locked, 0);
      expect((await handlers['file:openDropped']({ path: locked })).ok).toBe(false);
    }
    expect(await names(handlers)).toEqual([]);
  });
});

describe('a file double-clicked in the file manager', () => {
  it('is given to the page once, as a token: a report opens as a report, a Word file is imported', async () => {
    const osOpened: string[] = [];
    const { folder, handlers } = setup({}, osOpened);
    expect(await handlers['file:takeOsOpened']({})).toEqual({ ok: true, value: [] });
    writeFileSync(join(folder, '青石镇.nianbao'), serializeReport(doc('青石镇')));
    writeFileSync(
      join(folder, '去年.txt'),
      ['白沙镇关于2024年度法治政府建设情况的报告', '一、主要举措和成效', '建立制度。'].join('\n'),
    );
    osOpened.push(join(folder, '青石镇.nianbao'), join(folder, '去年.txt'));
    const taken = await handlers['file:takeOsOpened']({});
    if (!taken.ok) throw new Error(taken.error);
    expect(taken.value.map((f) => f.name)).toEqual(['青石镇.nianbao', '去年.txt']);
    expect(JSON.stringify(taken.value)).not.toContain(folder);
    expect(await handlers['file:takeOsOpened']({})).toEqual({ ok: true, value: [] });
    const report = await handlers['recent:open']({ file: taken.value[0]! });
    expect(report.ok && report.value.kind).toBe('report');
    const imported = await handlers['recent:open']({ file: taken.value[1]! });
    expect(imported.ok && imported.value.kind === 'import' && imported.value.doc.meta.unit).toBe('白沙镇');
    // Both are now under 最近打开, as Word lists a file opened from the file manager.
    expect((await names(handlers)).map((r) => r.file.name)).toEqual(['去年.txt', '青石镇.nianbao']);
  });
});

describe('打印', () => {
  it('opens the system print dialog (never silent), and a cancel is not an error', async () => {
    const print = vi.fn(
      (_options: { silent: boolean; printBackground: boolean }, callback: (ok: boolean, reason: string) => void) =>
        callback(true, ''),
    );
    expect(await printContents({ print })).toEqual({ printed: true });
    expect(print.mock.calls[0]![0]).toMatchObject({ silent: false });
    expect(await printContents({ print: (_o, cb) => cb(false, 'cancelled') })).toEqual({ printed: false });
    await expect(printContents({ print: (_o, cb) => cb(false, 'Print job failed') })).rejects.toThrow();
  });

  it('answers the channel in Chinese when printing fails or there is no window', async () => {
    const { handlers } = setup();
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025 });
    expect(await handlers['window:print']({ doc })).toMatchObject({ ok: false, error: '这里不能打印。' });
    const folder = mkdtempSync(join(tmpdir(), '打印-'));
    const withPrinter = createHandlers({
      dialogs: {} as Dialogs,
      userDataDir: folder,
      printWindow: () => printContents({ print: (_o, cb) => cb(false, 'no printers') }),
    });
    const answer = await withPrinter['window:print']({ doc });
    expect(!answer.ok && answer.error).toContain('没有打印');
  });
});

describe('the right-click menu’s edit commands', () => {
  it('are the window’s own cut, copy, paste and select-all', async () => {
    const done: string[] = [];
    const folder = mkdtempSync(join(tmpdir(), '编辑-'));
    const handlers = createHandlers({
      dialogs: {} as Dialogs,
      userDataDir: folder,
      editWindow: (action) => void done.push(action),
    });
    for (const action of ['cut', 'copy', 'paste', 'selectAll'] as const)
      expect(await handlers['window:edit']({ action })).toEqual({ ok: true, value: null });
    expect(done).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect((await setup().handlers['window:edit']({ action: 'paste' })).ok).toBe(false);
  });

  it('sends every kind offered under 打开方式 (.docx, .doc, .wps, .txt, in any case) through 导入, never the report opener', async () => {
    const osOpened: string[] = [];
    const { folder, handlers } = setup({}, osOpened);
    const lines = ['桃源镇关于2024年度法治政府建设情况的报告', '一、主要举措和成效', '建立法律顾问制度。'];
    writeFileSync(join(folder, '去年.DOCX'), await numberedDocxFromText(lines.join('\n')));
    writeFileSync(join(folder, '去年.Txt'), lines.join('\n'));
    // Not Word files at all: 导入's own message, not the report opener's.
    writeFileSync(join(folder, '坏的.doc'), '不是 Word 文件');
    writeFileSync(join(folder, '坏的.WPS'), '不是 WPS 文件');
    osOpened.push(...['去年.DOCX', '去年.Txt', '坏的.doc', '坏的.WPS'].map((n) => join(folder, n)));
    const taken = await handlers['file:takeOsOpened']({});
    if (!taken.ok) throw new Error(taken.error);
    const [docx, txt, doc, wps] = await Promise.all(taken.value.map((file) => handlers['recent:open']({ file })));
    for (const opened of [docx, txt])
      expect(opened!.ok && opened!.value.kind === 'import' && opened!.value.doc.meta.unit).toBe('桃源镇');
    const reportError = parseReportFile('不是 Word 文件');
    const openerMessage = reportError.ok ? '' : reportError.error;
    for (const [answer, name] of [
      [doc, '坏的.doc'],
      [wps, '坏的.WPS'],
    ] as const) {
      expect(!answer!.ok && answer!.error).toMatch(new RegExp(`^“${name.replace('.', '\\.')}”：[\u4e00-\u9fff]`));
      expect(!answer!.ok && answer!.error).not.toContain(openerMessage);
    }
  });
});
