/**
 * Bad input through the app's handlers (导入, 打开, 批量检查), as a clerk or a reviewer meets it: each file
 * gives one Chinese message naming it, no stack trace, and nothing changes on disk. The same files through
 * the command line are in src/cli/main.test.ts; the bounded readers themselves in src/node.
 */
import { copyFileSync, mkdtempSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../core/export/docx';
import { serializeReport } from '../../core/model/file';
import { importText } from '../../core/import/index';
import { makeZip } from '../../node/zipFixtures';
import { createHandlers, type Dialogs } from './index';

/** A short township report written for these tests. */
const REPORT = [
  '岭南镇2025年法治政府建设情况报告',
  '一、主要举措和成效',
  '全年审查镇政府合同16份，调处矛盾纠纷42件。',
  '二、存在的不足和原因',
  '普法形式较单一，主要原因是专职人员少。',
  '三、2026年工作打算',
  '推进村（社区）法律顾问全覆盖。',
  '岭南镇人民政府',
  '2026年1月8日',
].join('\n');

const zipped = (name: string, text: string) => {
  const raw = Buffer.from(text);
  return { name, data: new Uint8Array(deflateRawSync(raw)), method: 8 as const, size: raw.length };
};

function setup() {
  const folder = mkdtempSync(join(tmpdir(), '坏文件 检查-'));
  const chosen = { document: null as string | null, report: null as string | null, folder: null as string | null };
  const none = async () => null;
  const dialogs: Dialogs = {
    openReport: async () => chosen.report,
    saveReport: none,
    importDocument: async () => chosen.document,
    exportDocx: none,
    exportPdf: none,
    exportWeb: none,
    openFolder: async () => chosen.folder,
    saveTable: none,
  };
  const handlers = createHandlers({ dialogs, userDataDir: mkdtempSync(join(tmpdir(), 'userData-')) });
  return { folder, chosen, handlers };
}

/** What a folder holds, to show that nothing was written, renamed or left behind. */
const snapshot = (folder: string) =>
  readdirSync(folder)
    .sort()
    .map((n) => `${n}:${statSync(join(folder, n)).size}`);

/** One line of Chinese naming the file, not a system message or a stack trace. */
function expectClearMessage(error: string, name: string) {
  expect(error).toContain(name);
  expect(error).toMatch(/[\u4e00-\u9fff]{4}/);
  expect(error).not.toMatch(/\n|\bat \S+ \(|Error:|ENOENT|EACCES|undefined/);
}

async function goodDocx(): Promise<Uint8Array> {
  const imported = importText(REPORT);
  if (!imported.ok) throw new Error(imported.error);
  return exportDocx(imported.doc);
}

describe('bad input through 导入 and 打开', () => {
  it('refuses each broken, hostile or foreign file with one Chinese message naming it, writing nothing', async () => {
    const { folder, chosen, handlers } = setup();
    const good = await goodDocx();
    const cases: Array<[string, Uint8Array | string, RegExp]> = [
      ['空的.txt', '', /空/],
      ['空的.docx', '', /空/],
      [
        '其实是表格.docx',
        makeZip([zipped('xl/workbook.xml', '<workbook/>'), zipped('[Content_Types].xml', '<Types/>')]),
        /不是 Word/,
      ],
      ['只下载了一半.docx', good.subarray(0, Math.floor(good.length / 2)), /损坏|不完整/],
      [
        '越界.docx',
        makeZip([zipped('word/document.xml', '<w:document/>'), zipped('../../启动项.bat', 'x')]),
        /文件名不安全/,
      ],
      ['乱码.txt', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)), /不是文本/],
    ];
    for (const [name, bytes] of cases) writeFileSync(join(folder, name), bytes);
    // 60 MB of text, sparse on disk: refused by its size, never read into memory.
    writeFileSync(join(folder, '超大.txt'), '');
    truncateSync(join(folder, '超大.txt'), 60 * 1024 * 1024);
    cases.push(['超大.txt', '', /过大/]);
    const before = snapshot(folder);
    for (const [name, , reason] of cases) {
      chosen.document = join(folder, name);
      const answer = await handlers['report:import']({});
      expect(answer.ok, name).toBe(false);
      if (answer.ok) continue;
      expectClearMessage(answer.error, name);
      expect(answer.error, name).toMatch(reason);
    }
    // A file that vanished between the dialog and the read.
    chosen.document = join(folder, '刚被删除.docx');
    const vanished = await handlers['report:import']({});
    expect(vanished.ok).toBe(false);
    if (!vanished.ok) expectClearMessage(vanished.error, '刚被删除.docx');
    expect(snapshot(folder)).toEqual(before);
  });

  it('reads a .txt as Windows Notepad saves it: ANSI (GB18030) without BOM, “Unicode” (UTF-16LE), UTF-8 with BOM', async () => {
    const { folder, chosen, handlers } = setup();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]);
    const utf8Bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REPORT)]);
    // GB18030 of the report, by the decoder's own inverse: every character here is in GBK.
    const gbk = new Uint8Array(Buffer.from(REPORT, 'utf8').length * 2);
    let n = 0;
    const gbDecoder = new TextDecoder('gb18030');
    const table = new Map<string, number>();
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const ch = gbDecoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, (hi << 8) | lo);
      }
    for (const ch of REPORT) {
      if (ch.charCodeAt(0) < 0x80) {
        gbk[n++] = ch.charCodeAt(0);
        continue;
      }
      const code = table.get(ch);
      if (code === undefined) throw new Error(`not in GBK: ${ch}`);
      gbk[n++] = code >> 8;
      gbk[n++] = code & 0xff;
    }
    const files: Array<[string, Uint8Array]> = [
      ['记事本ANSI.txt', gbk.subarray(0, n)],
      ['记事本Unicode.txt', utf16],
      ['记事本UTF8.txt', utf8Bom],
    ];
    for (const [name, bytes] of files) {
      writeFileSync(join(folder, name), bytes);
      chosen.document = join(folder, name);
      const answer = await handlers['report:import']({});
      expect(answer.ok, name).toBe(true);
      if (!answer.ok) continue;
      expect(answer.value!.doc.meta.title, name).toBe('岭南镇2025年法治政府建设情况报告');
      expect(JSON.stringify(answer.value!.doc), name).not.toMatch(/\uFFFD|\uFEFF/);
    }
  });

  it('imports an old Word (.doc) and a .wps, and opens a report from a newer version read-only', async () => {
    const { folder, chosen, handlers } = setup();
    const corpus = join(__dirname, '../../../test/corpus/doc-baisha.doc');
    for (const name of ['旧版.doc', '旧版.wps']) {
      copyFileSync(corpus, join(folder, name));
      chosen.document = join(folder, name);
      const answer = await handlers['report:import']({});
      expect(answer.ok, name).toBe(true);
    }
    const imported = importText(REPORT);
    if (!imported.ok) throw new Error(imported.error);
    const saved = JSON.parse(serializeReport(imported.doc)) as Record<string, unknown>;
    writeFileSync(join(folder, '新版本.nianbao'), JSON.stringify({ ...saved, version: 99, 新字段: { x: 1 } }));
    chosen.report = join(folder, '新版本.nianbao');
    const newer = await handlers['report:open']({});
    expect(newer.ok && newer.value?.readOnly).toBe(true);

    const text = serializeReport(imported.doc);
    const broken: Array<[string, string]> = [
      ['断电时保存.nianbao', text.slice(0, Math.floor(text.length / 2))],
      [
        '类型不对.nianbao',
        JSON.stringify({ ...saved, meta: { ...(saved.meta as object), year: '二〇二五' }, sections: 5 }),
      ],
      ['空的.nianbao', ''],
    ];
    const before = snapshot(folder);
    for (const [name, body] of broken) {
      writeFileSync(join(folder, name), body);
      chosen.report = join(folder, name);
      const answer = await handlers['report:open']({});
      expect(answer.ok, name).toBe(false);
      if (!answer.ok) expectClearMessage(answer.error, name);
    }
    expect(snapshot(folder).filter((n) => !broken.some(([b]) => n.startsWith(b)))).toEqual(before);
  });
});

describe('bad input through 批量检查', () => {
  it('gives each bad file of a folder its row and reason, checks the rest, and leaves the folder as it was', async () => {
    const { folder, chosen, handlers } = setup();
    writeFileSync(join(folder, '岭南镇.txt'), REPORT);
    writeFileSync(join(folder, '空的.docx'), '');
    writeFileSync(
      join(folder, '越界.docx'),
      makeZip([zipped('word/document.xml', '<w:document/>'), zipped('/etc/cron.d/x', 'x')]),
    );
    writeFileSync(join(folder, '~$岭南镇.docx'), 'Word 的锁定文件');
    const before = snapshot(folder);
    chosen.folder = folder;
    const listed = await handlers['review:chooseFolder']({});
    expect(listed.ok).toBe(true);
    const rows: Record<string, string> = {};
    for (const file of listed.ok ? listed.value!.files : []) {
      const answer = await handlers['review:report']({ file });
      if (answer.ok) rows[answer.value.row.file] = answer.value.row.problem ?? '已检查';
    }
    expect(rows).toEqual({
      '岭南镇.txt': '已检查',
      '空的.docx': expect.stringMatching(/空/),
      '越界.docx': expect.stringMatching(/文件名不安全/),
    });
    expect(snapshot(folder)).toEqual(before);
  });
});
