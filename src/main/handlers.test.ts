import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as realFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../core/model/fromTemplate';
import { defaultRegistry } from '../core/templates/registry';
import { serializeReport } from '../core/model/file';
import { docxBomb } from '../node/zipFixtures';
import { createHandlers, type Dialogs } from './handlers';
import { makeSenderCheck, registerIpc, type SenderEvent } from './ipc';
import { ipcMap } from '../shared/ipc';

function setup() {
  const folder = mkdtempSync(join(tmpdir(), '报告 文件夹-'));
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
  const asked: string[] = [];
  const dialogs: Dialogs = {
    openReport: async () => next.openReport,
    saveReport: async (name) => (asked.push(name), next.saveReport),
    importDocument: async () => next.importDocument,
    exportDocx: async (name) => (asked.push(name), next.exportDocx),
    exportPdf: async () => next.exportPdf,
    exportWeb: async () => next.exportWeb,
    openFolder: async () => next.openFolder,
    saveTable: async (name) => (asked.push(name), next.saveTable),
  };
  const handlers = createHandlers({ dialogs, userDataDir: join(folder, 'userData') });
  return { folder, next, asked, handlers };
}

const doc = () => createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025 });

describe('handlers', () => {
  it('saves through the dialog, then to the granted file without asking again', async () => {
    const { folder, next, asked, handlers } = setup();
    next.saveReport = join(folder, '青石镇报告');
    const first = await handlers['report:save']({ doc: doc(), file: null, suggestedName: '青石镇2025年度报告' });
    expect(first.ok && first.value?.file.name).toBe('青石镇报告.nianbao');
    expect(asked).toEqual(['青石镇2025年度报告.nianbao']);
    const changed = doc();
    changed.meta.unit = '白沙镇';
    const second = await handlers['report:save']({
      doc: changed,
      file: first.ok ? first.value!.file : null,
      suggestedName: 'x',
    });
    expect(second.ok).toBe(true);
    expect(asked).toHaveLength(1);
    expect(readFileSync(join(folder, '青石镇报告.nianbao'), 'utf8')).toContain('白沙镇');
  });

  it('refuses a file token it never granted by asking for a name instead', async () => {
    const { handlers, asked } = setup();
    const result = await handlers['report:save']({
      doc: doc(),
      file: { id: 'forged', name: '/etc/passwd' },
      suggestedName: 'r',
    });
    expect(result).toEqual({ ok: true, value: null });
    expect(asked).toEqual(['r.nianbao']);
  });

  it('opens a file from a newer version read-only and never writes to it', async () => {
    const { folder, next, asked, handlers } = setup();
    const path = join(folder, 'newer.nianbao');
    writeFileSync(path, JSON.stringify({ ...doc(), version: 99 }));
    next.openReport = path;
    const opened = await handlers['report:open']({});
    expect(opened.ok && opened.value?.readOnly).toBe(true);
    const before = readFileSync(path, 'utf8');
    await handlers['report:save']({ doc: doc(), file: opened.ok ? opened.value!.file : null, suggestedName: 'newer' });
    expect(asked).toEqual(['newer.nianbao']);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('says in Chinese why a corrupt report cannot be opened', async () => {
    const { folder, next, handlers } = setup();
    next.openReport = join(folder, 'bad.nianbao');
    writeFileSync(next.openReport, '{"format":"nianbao-report"');
    const opened = await handlers['report:open']({});
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error).toContain('bad.nianbao');
  });

  it('imports a .txt and exports a .docx, refusing to overwrite one Word holds open', async () => {
    const { folder, next, handlers } = setup();
    next.importDocument = join(folder, '去年.txt');
    writeFileSync(next.importDocument, '青石镇2024年度法治政府建设情况报告\n一、主要举措和成效\n正文。');
    const imported = await handlers['report:import']({});
    expect(imported.ok && imported.value?.doc.meta.year).toBe(2024);
    next.exportDocx = join(folder, '导出.docx');
    const exported = await handlers['report:exportDocx']({
      doc: doc(),
      options: { fontProfile: 'windows', boldLevel3: false, includeAddressee: true, sealed: false },
      suggestedName: '导出',
    });
    expect(exported).toEqual({ ok: true, value: { name: '导出.docx' } });
    expect(readFileSync(next.exportDocx).subarray(0, 2).toString()).toBe('PK');
    writeFileSync(join(folder, '~$导出.docx'), 'owner');
    const locked = await handlers['report:exportDocx']({
      doc: doc(),
      options: { fontProfile: 'windows', boldLevel3: false, includeAddressee: true, sealed: false },
      suggestedName: '导出',
    });
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error).toContain('正在 Word 或 WPS 中打开');
  });

  it('journals unsaved work, offers it back after a crash, ignores a corrupt journal, and forgets it once saved', async () => {
    const { folder, handlers } = setup();
    await handlers['journal:write']({ doc: doc(), file: null });
    const [journal] = readdirSync(join(folder, 'userData/journal'));
    expect(journal).toMatch(/^untitled[0-9a-f]+\.json$/);
    expect(JSON.parse(readFileSync(join(folder, 'userData/journal', journal!), 'utf8')).doc.meta.unit).toBe('青石镇');
    writeFileSync(
      join(folder, 'userData/journal/0badc0de.json'),
      '{"savedAt":"2026-01-01T00:00:00Z","doc":{"format":"nianbao-rep',
    );
    // A new start of the app: new handlers, same data folder.
    const none = async () => null;
    const restarted = createHandlers({
      dialogs: {
        openReport: none,
        saveReport: async () => join(folder, '恢复.nianbao'),
        importDocument: none,
        exportDocx: none,
        exportPdf: none,
        exportWeb: none,
        openFolder: none,
        saveTable: none,
      },
      userDataDir: join(folder, 'userData'),
    });
    const pending = await restarted['journal:pending']({});
    expect(pending.ok && pending.value.map((p) => [p.id, p.name, p.doc.meta.unit])).toEqual([
      [journal!.replace('.json', ''), '未保存的报告', '青石镇'],
    ]);
    // Restored, it is saved under the new start's own id: the old journal goes once the clerk discards it.
    await restarted['journal:discard']({ id: journal!.replace('.json', '') });
    await restarted['report:save']({ doc: doc(), file: null, suggestedName: '恢复' });
    expect(await restarted['journal:pending']({})).toEqual({ ok: true, value: [] });
  });

  it('offers the backups of several crashed reports newest first, whatever their file names', async () => {
    const { folder, handlers } = setup();
    const dir = join(folder, 'userData/journal');
    mkdirSync(dir, { recursive: true });
    const record = (unit: string, savedAt: string) =>
      JSON.stringify({ savedAt, path: null, readOnly: false, doc: { ...doc(), meta: { ...doc().meta, unit } } });
    // File names sort the other way round from the times.
    writeFileSync(join(dir, 'a1.json'), record('一月镇', '2026-01-05T08:00:00.000Z'));
    writeFileSync(join(dir, 'b2.json'), record('三月镇', '2026-03-05T08:00:00.000Z'));
    writeFileSync(join(dir, 'c3.json'), record('二月镇', '2026-02-05T08:00:00.000Z'));
    const pending = await handlers['journal:pending']({});
    expect(pending.ok && pending.value.map((p) => p.doc.meta.unit)).toEqual(['三月镇', '二月镇', '一月镇']);
  });

  it('lists county templates by file, and names each one that is not valid JSON or cannot be read', async () => {
    const { folder, handlers } = setup();
    expect(await handlers['templates:list']({})).toEqual({ ok: true, value: { templates: [], problems: [] } });
    mkdirSync(join(folder, 'userData/templates/文件夹.json'), { recursive: true });
    writeFileSync(join(folder, 'userData/templates/county.json'), JSON.stringify({ id: 'county' }));
    writeFileSync(join(folder, 'userData/templates/broken.json'), '{"id": "east",');
    writeFileSync(join(folder, 'userData/templates/说明.txt'), 'not a template');
    const answer = await handlers['templates:list']({});
    expect(answer.ok && answer.value.templates).toEqual([{ file: 'county.json', data: { id: 'county' } }]);
    const problems = answer.ok ? answer.value.problems : [];
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('“broken.json”不是有效的 JSON');
    expect(problems[1]).toContain('“文件夹.json”是文件夹');
    expect(problems.join('').replace(/“[^”]*”/g, '')).not.toMatch(/[A-Za-z]{5,}/);
  });
});

describe('历史版本', () => {
  it('keeps timed snapshots of a report for seven days and lists them newest first', async () => {
    const { folder, handlers } = setup();
    const first = doc();
    await handlers['history:snapshot']({ doc: first, file: null });
    const second = doc();
    second.meta.unit = '白沙镇';
    await new Promise((r) => setTimeout(r, 5));
    await handlers['history:snapshot']({ doc: second, file: null });
    const [untitled] = readdirSync(join(folder, 'userData/history'));
    const old = join(folder, 'userData/history', untitled!, `${Date.now() - 8 * 24 * 3600 * 1000}.json`);
    writeFileSync(old, JSON.stringify({ savedAt: new Date(0).toISOString(), doc: first }));
    writeFileSync(join(folder, 'userData/history', untitled!, `${Date.now() - 1000}.json`), '{broken');
    await handlers['history:snapshot']({ doc: second, file: null });
    const list = await handlers['history:list']({ file: null });
    expect(list.ok && list.value.map((v) => v.doc.meta.unit)).toEqual(['白沙镇', '白沙镇', '青石镇']);
    expect(existsSync(old)).toBe(false);
  });
});

describe('web text', () => {
  it('exports HTML for the portal, but not while a phone number remains', async () => {
    const { folder, next, handlers } = setup();
    const report = doc();
    report.sections[1]!.blocks = [{ kind: 'paragraph', text: '全年开展法治培训10场次。联系电话13912345678。' }];
    next.exportWeb = join(folder, '网站');
    const refused = await handlers['report:exportWeb']({ doc: report, format: 'html', suggestedName: '网站' });
    expect(refused.ok || refused.error).toContain('电话号码');
    report.sections[1]!.blocks = [{ kind: 'paragraph', text: '全年开展法治培训10场次。' }];
    expect(await handlers['report:exportWeb']({ doc: report, format: 'html', suggestedName: '网站' })).toEqual({
      ok: true,
      value: { name: '网站.html' },
    });
    expect(readFileSync(join(folder, '网站.html'), 'utf8')).toContain('<h2>一、主要举措和成效</h2>');
    // A name typed with the plain-text ending in the same dialog is plain text, not "网站.txt.html".
    next.exportWeb = join(folder, '网站.txt');
    expect(await handlers['report:exportWeb']({ doc: report, format: 'html', suggestedName: '网站' })).toEqual({
      ok: true,
      value: { name: '网站.txt' },
    });
    const plain = readFileSync(join(folder, '网站.txt'), 'utf8');
    expect(plain).toContain('一、主要举措和成效');
    expect(plain).not.toContain('<h2>');
    expect(existsSync(join(folder, '网站.txt.html'))).toBe(false);
  });
});

describe('批量检查', () => {
  it('grants the reports of a chosen folder, checks each into a row, and saves the table as CSV', async () => {
    const { folder, next, handlers } = setup();
    const reports = join(folder, '各镇报告');
    mkdirSync(join(reports, '东片'), { recursive: true });
    writeFileSync(join(reports, '青石镇.txt'), '青石镇2025年度法治政府建设情况报告\n一、主要举措和成效\n正文。');
    writeFileSync(join(reports, '东片', '白沙镇.docx'), 'not a zip');
    next.openFolder = reports;
    const chosen = await handlers['review:chooseFolder']({});
    expect(chosen.ok && chosen.value?.files.map((f) => f.name).sort()).toEqual(['东片/白沙镇.docx', '青石镇.txt']);
    const rows = [];
    for (const file of chosen.ok ? chosen.value!.files : []) {
      const reviewed = await handlers['review:report']({ file });
      expect(reviewed.ok).toBe(true);
      if (reviewed.ok) rows.push(reviewed.value.row);
    }
    expect(rows.find((r) => r.file === '青石镇.txt')).toMatchObject({ unit: '青石镇', year: 2025, ready: false });
    expect(rows.find((r) => r.file === '东片/白沙镇.docx')!.problem).toContain('Word');
    next.saveTable = join(folder, '检查结果');
    expect(await handlers['review:exportTable']({ rows, suggestedName: '检查结果' })).toEqual({
      ok: true,
      value: { name: '检查结果.csv' },
    });
    expect(readFileSync(join(folder, '检查结果.csv'), 'utf8')).toContain('青石镇.txt,青石镇,2025');
    expect(await handlers['review:report']({ file: { id: 'forged', name: 'x' } })).toMatchObject({ ok: false });
  });
});

describe('IPC registration', () => {
  function registered() {
    const { handlers, folder } = setup();
    const listeners = new Map<string, (event: SenderEvent, payload: unknown) => Promise<unknown>>();
    registerIpc(
      { handle: (channel, listener) => listeners.set(channel, listener) },
      handlers,
      makeSenderCheck((url) => url === 'file:///app/index.html'),
    );
    return { listeners, folder };
  }
  const trusted = { senderFrame: { url: 'file:///app/index.html' } };

  it('registers every channel of the map', () => {
    expect([...registered().listeners.keys()].sort()).toEqual(Object.keys(ipcMap).sort());
    expect(Object.keys(ipcMap).length).toBeGreaterThanOrEqual(13);
  });

  it('refuses a malformed payload with an error result, not an exception', async () => {
    const { listeners } = registered();
    const result = await listeners.get('report:save')!(trusted, {
      doc: { format: 'nianbao-report' },
      file: null,
      suggestedName: 'x',
    });
    expect(result).toEqual({ ok: false, error: '请求的数据格式不正确，已拒绝。报告内容没有改动。', code: 'invalid' });
    expect(await listeners.get('window:setDirty')!(trusted, { dirty: 'yes' })).toMatchObject({ ok: false });
  });

  it('answers an unexpected failure in Chinese, never with the system’s English message', async () => {
    const listeners = new Map<string, (event: SenderEvent, payload: unknown) => Promise<unknown>>();
    const { handlers } = setup();
    const failing = {
      ...handlers,
      'templates:list': async () => {
        throw new Error('EISDIR: illegal operation on a directory');
      },
    };
    registerIpc({ handle: (channel, listener) => listeners.set(channel, listener) }, failing, () => true);
    const answer = (await listeners.get('templates:list')!(trusted, {})) as { ok: boolean; error: string };
    expect(answer.ok).toBe(false);
    expect(answer.error).not.toMatch(/[A-Za-z]{4,}/);
    expect(answer.error).toContain('操作没有完成');
  });

  it('refuses a sender that is not the app’s page', async () => {
    const { listeners } = registered();
    for (const event of [{ senderFrame: { url: 'https://example.com/' } }, { senderFrame: null }, {}]) {
      expect(await listeners.get('templates:list')!(event, {})).toEqual({
        ok: false,
        error: '已拒绝来自未知页面的请求。',
        code: 'refused',
      });
    }
  });
});

describe('the attack list (#13)', () => {
  it('a read-only grant of a reviewed folder never becomes a write grant, whatever calls follow', async () => {
    const { folder, next, asked, handlers } = setup();
    const reports = join(folder, '各镇报告');
    mkdirSync(reports);
    const target = join(reports, '青石镇.nianbao');
    writeFileSync(target, serializeReport(doc()));
    const original = readFileSync(target, 'utf8');
    next.openFolder = reports;
    const chosen = await handlers['review:chooseFolder']({});
    const token = chosen.ok ? chosen.value!.files[0]! : null;
    const changed = doc();
    changed.meta.unit = '篡改';
    await handlers['journal:write']({ doc: changed, file: token });
    const pending = await handlers['journal:pending']({});
    const regranted = pending.ok ? pending.value[0]!.file : null;
    for (const file of [token, regranted]) {
      next.saveReport = null; // the clerk cancels the dialog a read-only file needs
      expect(await handlers['report:save']({ doc: changed, file, suggestedName: '青石镇' })).toEqual({
        ok: true,
        value: null,
      });
    }
    expect(asked).toHaveLength(2);
    expect(readFileSync(target, 'utf8')).toBe(original);
  });

  it('a second instance neither overwrites nor lists as its own the first one’s unsaved report', async () => {
    const first = setup();
    const second = createHandlers({ dialogs: {} as Dialogs, userDataDir: join(first.folder, 'userData') });
    const a = doc();
    const b = doc();
    b.meta.unit = '白沙镇';
    await first.handlers['journal:write']({ doc: a, file: null });
    await second['journal:write']({ doc: b, file: null });
    expect(readdirSync(join(first.folder, 'userData/journal'))).toHaveLength(2);
    await first.handlers['history:snapshot']({ doc: a, file: null });
    await second['history:snapshot']({ doc: b, file: null });
    const history = await second['history:list']({ file: null });
    expect(history.ok && history.value.map((v) => v.doc.meta.unit)).toEqual(['白沙镇']);
  });

  it('a new report’s 历史版本 never lists the versions of the unsaved report before it; those go with it when saved', async () => {
    const { folder, next, handlers } = setup();
    const a = doc();
    a.meta.unit = '甲镇';
    await handlers['history:snapshot']({ doc: a, file: null });
    next.saveReport = join(folder, '甲镇.nianbao');
    const saved = await handlers['report:save']({ doc: a, file: null, suggestedName: '甲镇' });
    const fileA = saved.ok ? saved.value!.file : null;
    const listA = await handlers['history:list']({ file: fileA });
    expect(listA.ok && listA.value.map((v) => v.doc.meta.unit)).toEqual(['甲镇']);
    // The clerk starts another report: its history is its own.
    expect(await handlers['history:list']({ file: null })).toEqual({ ok: true, value: [] });
  });

  it('an unsaved report abandoned for a new one (新建, 导入, 起草) keeps its versions to itself', async () => {
    const { handlers } = setup();
    const a = doc();
    a.meta.unit = '乙镇';
    await handlers['history:snapshot']({ doc: a, file: null });
    expect(await handlers['history:list']({ file: null })).toMatchObject({
      ok: true,
      value: [{ doc: { meta: { unit: '乙镇' } } }],
    });
    await handlers['history:startUntitled']({});
    expect(await handlers['history:list']({ file: null })).toEqual({ ok: true, value: [] });
  });

  it('keeps the journal written while a slow save was under way: it holds typing the file lacks', async () => {
    const folder = mkdtempSync(join(tmpdir(), '慢保存-'));
    const path = join(folder, '报告.nianbao');
    let release: () => void = () => undefined;
    let renamed: () => void = () => undefined;
    const renameStarted = new Promise<void>((resolve) => (renamed = resolve));
    const fs = {
      ...realFs,
      rename: async (from: string, to: string) => {
        if (String(to) === path) {
          renamed();
          await new Promise<void>((r) => (release = r)); // antivirus holds the file
        }
        return realFs.rename(from, to);
      },
    } as typeof realFs;
    const handlersWithFs = createHandlers({
      dialogs: { saveReport: async () => path } as unknown as Dialogs,
      userDataDir: join(folder, 'userData'),
      fs,
    });
    const saving = handlersWithFs['report:save']({ doc: doc(), file: null, suggestedName: '报告' });
    await renameStarted;
    const typed = doc();
    typed.meta.unit = '保存时又输入的内容';
    await handlersWithFs['journal:write']({ doc: typed, file: null });
    release();
    const saved = await saving;
    expect(saved.ok).toBe(true);
    const journals = readdirSync(join(folder, 'userData/journal'));
    expect(journals).toHaveLength(1);
    expect(readFileSync(join(folder, 'userData/journal', journals[0]!), 'utf8')).toContain('保存时又输入的内容');
  });

  it('imports and reviews a zip bomb with a Chinese message, the process unharmed', async () => {
    const { folder, next, handlers } = setup();
    const bomb = join(folder, '炸弹.docx');
    writeFileSync(bomb, await docxBomb(64));
    next.importDocument = bomb;
    const imported = await handlers['report:import']({});
    expect(imported.ok).toBe(false);
    if (!imported.ok) expect(imported.error).toMatch(/解压后过大/);
  });
});

describe('批量检查 hides nothing (#13 item 3)', () => {
  it('gives every file met a row: reports checked, the others (old Word, PDF, photo, broken link) named', async () => {
    const { folder, next, handlers } = setup();
    const reports = join(folder, '各镇报告');
    mkdirSync(reports);
    writeFileSync(join(reports, '青石镇.txt'), '青石镇2025年度法治政府建设情况报告\n一、主要举措和成效\n正文。');
    writeFileSync(join(reports, '白沙镇.doc'), 'x');
    writeFileSync(join(reports, '扫描件.pdf'), '%PDF-1.4');
    writeFileSync(join(reports, '合影.jpg'), 'x');
    symlinkSync(join(reports, '不存在.txt'), join(reports, '断开的链接.txt'));
    next.openFolder = reports;
    const chosen = await handlers['review:chooseFolder']({});
    const rows: Array<{ file: string; problem?: string }> = [];
    for (const file of chosen.ok ? chosen.value!.files : []) {
      const reviewed = await handlers['review:report']({ file });
      if (reviewed.ok) rows.push(reviewed.value.row);
    }
    const byName = Object.fromEntries(rows.map((r) => [r.file, r.problem ?? '已检查']));
    expect(byName).toEqual({
      '青石镇.txt': '已检查',
      '白沙镇.doc': expect.stringContaining('旧版 Word'),
      '扫描件.pdf': expect.stringContaining('PDF'),
      '合影.jpg': expect.stringContaining('不是报告文件'),
      '断开的链接.txt': expect.stringContaining('快捷链接指向的文件不存在'),
    });
    // A row names the file, never the reviewer's full path.
    expect(rows.every((r) => !r.problem?.includes(folder))).toBe(true);
  });
});
