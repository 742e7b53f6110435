import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../core/export/docx';
import { parseReportFile, serializeReport } from '../core/model/file';
import { createReportFromTemplate } from '../core/model/fromTemplate';
import { defaultRegistry } from '../core/templates/registry';
import { docxBomb } from '../node/zipFixtures';
import type { CheckJson } from './main';
import { runCli as run } from '../../test/support/cli';

/** A short township report written for these tests: leadership part left out on purpose. */
const REPORT_TXT = [
  '青石镇关于2025年度法治政府建设情况的报告',
  '县委、县政府：',
  '2025年，青石镇坚持依法行政，扎实推进法治政府建设。现将有关情况报告如下：',
  '一、主要举措和成效',
  '（一）健全依法行政制度体系',
  '全年对镇政府合同开展合法性审查12次，提出修改意见20条。',
  '（二）化解矛盾纠纷',
  '排查矛盾纠纷120件，化解118件，化解率98.3%。',
  '二、存在的不足和原因',
  '基层法治力量不足，主要原因是专职人员少。',
  '三、2026年工作打算',
  '继续开展法治培训，完善合法性审查机制。',
  '四、其他需要报告的情况',
  '无。',
  '青石镇人民政府',
  '2026年1月15日',
].join('\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), '年报 测试-'));
});

describe('nianbao check', () => {
  it('reports the missing 第一责任人 part as an error with exit status 1, in the JSON of cli.md', async () => {
    const file = join(dir, '青石镇 2025.txt');
    writeFileSync(file, REPORT_TXT);
    const { code, out } = await run(['check', file, '--json']);
    expect(code).toBe(1);
    const [result] = JSON.parse(out) as CheckJson[];
    expect(result!.file).toBe(file);
    expect(result!.template).toBe('township');
    expect(result!.year).toBe(2025);
    expect(result!.sections.find((s) => s.id === 'leadership')).toEqual({ id: 'leadership', present: false });
    expect(result!.sections.find((s) => s.id === 'measures')!.present).toBe(true);
    const missing = result!.findings.find((f) => f.rule === 'section.missing')!;
    expect(missing).toMatchObject({ severity: 'error', section: 'leadership', start: null, end: null });
  });

  it('checks every report in a folder, says which file is unusable, and exits 2', async () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.txt'), REPORT_TXT);
    writeFileSync(join(dir, 'sub', 'b.txt'), REPORT_TXT.replace('青石镇', '白沙镇'));
    writeFileSync(join(dir, 'broken.docx'), Buffer.from('PK\u0003\u0004 not really a zip'));
    writeFileSync(join(dir, '~$a.docx'), 'word lock file');
    writeFileSync(join(dir, 'notes.md'), 'not a report');
    const { code, out, err } = await run(['check', dir, '--json']);
    expect(code).toBe(2);
    const results = JSON.parse(out) as CheckJson[];
    expect(results.map((r) => r.unit)).toHaveLength(2);
    // The unusable file, and the file that is no report, are each named; the lock file is not the reviewer's.
    expect(err.split('\n')).toHaveLength(2);
    expect(err).toContain('broken.docx');
    expect(err).toMatch(/notes\.md”不是报告文件/);
    expect(err).not.toMatch(/at .*\.ts|Error:/);
  });

  it('prints the reviewer’s table as CSV with --csv', async () => {
    writeFileSync(join(dir, 'a.txt'), REPORT_TXT);
    const { code, out } = await run(['check', dir, '--csv']);
    expect(code).toBe(1);
    const lines = out.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('文件,单位,年度,报告类型,缺少的部分,错误,警告,能否提交,说明');
    expect(lines[1]).toContain(
      ',青石镇,2025,乡镇（街道）法治政府建设年度报告,党政主要负责人履行推进法治建设第一责任人职责情况,',
    );
  });

  it('exits 2 with a one-line Chinese message for a missing file, and still checks the others', async () => {
    const good = join(dir, 'good.txt');
    writeFileSync(good, REPORT_TXT);
    const { code, out, err } = await run(['check', join(dir, 'nope.docx'), good]);
    expect(code).toBe(2);
    expect(err).toBe(`找不到文件：${join(dir, 'nope.docx')}`);
    expect(out).toContain('good.txt');
    expect(out).toContain('✗党政主要负责人');
  });

  it('refuses a binary file with a message and exit status 2', async () => {
    const file = join(dir, 'photo.txt');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 7]));
    const { code, err } = await run(['check', file]);
    expect(code).toBe(2);
    expect(err).toContain('photo.txt');
  });

  it('checks the app’s own .nianbao files and honours --template and --year', async () => {
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025 });
    const file = join(dir, 'r.nianbao');
    writeFileSync(file, serializeReport(doc));
    const { code, out } = await run(['check', file, '--json', '--year', '2024', '--template', 'township']);
    expect(code).toBe(1);
    const [result] = JSON.parse(out) as CheckJson[];
    expect(result!.year).toBe(2024);
    expect(result!.findings.some((f) => f.rule === 'section.empty')).toBe(true);
  });

  it.each([
    [['check'], '请给出要检查的文件'],
    [['check', 'x.txt', '--year', '25'], '四位年份'],
    [['check', 'x.txt', '--template', 'city'], '没有名为“city”的模板'],
    [['check', 'x.txt', '--jsn'], '不认识的参数 --jsn'],
    [['frobnicate'], '不认识的命令'],
  ])('explains a usage mistake %j with exit status 2', async (argv, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('checks against a county’s own outline from --templates-dir, which replaces the built-in one', async () => {
    const county = join(dir, '县定提纲');
    mkdirSync(county);
    // The county drops 第一责任人 from its township outline and asks for a 法治宣传 part instead.
    const township = structuredClone(defaultRegistry.get('township')!);
    township.name = '某县乡镇报告（县定提纲）';
    township.parts = township.parts.filter((p) => p.id !== 'leadership');
    township.parts.push({
      ...township.parts.at(-1)!,
      id: 'publicity',
      title: '法治宣传教育情况',
      aliases: ['法治宣传教育情况'],
      keywords: ['普法'],
      required: true,
      mayBeNone: false,
    });
    writeFileSync(join(county, 'township.json'), JSON.stringify(township));
    const file = join(dir, 'a.txt');
    writeFileSync(file, REPORT_TXT);
    const { out } = await run(['check', file, '--json', '--templates-dir', county]);
    const [result] = JSON.parse(out) as CheckJson[];
    expect(result!.sections.map((s) => s.id)).not.toContain('leadership');
    expect(result!.sections.find((s) => s.id === 'publicity')).toEqual({ id: 'publicity', present: false });
    expect(result!.findings.find((f) => f.rule === 'section.missing')!.section).toBe('publicity');
  });

  it('names a county template that is not valid, and a templates folder that is missing, with exit status 2', async () => {
    const county = join(dir, '县定提纲');
    mkdirSync(county);
    writeFileSync(join(county, 'broken.json'), JSON.stringify({ ...defaultRegistry.get('township')!, parts: [] }));
    const file = join(dir, 'a.txt');
    writeFileSync(file, REPORT_TXT);
    const broken = await run(['check', file, '--templates-dir', county]);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('模板 broken.json 格式不正确：parts');
    const missing = await run(['check', file, '--templates-dir', join(dir, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`找不到模板文件夹：${join(dir, 'nowhere')}`);
  });
});

describe('nianbao import / export / draft', () => {
  it('imports a .txt into a .nianbao the app can open, keeping the body text', async () => {
    const input = join(dir, '去年.txt');
    const out = join(dir, '去年.nianbao');
    writeFileSync(input, REPORT_TXT);
    const { code } = await run(['import', input, '-o', out]);
    expect(code).toBe(0);
    const parsed = parseReportFile(readFileSync(out, 'utf8'));
    expect(parsed.ok).toBe(true);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('排查矛盾纠纷120件');
  });

  it('exports a .docx, and web text, from a .txt', async () => {
    const input = join(dir, 'r.txt');
    writeFileSync(input, REPORT_TXT);
    const docx = join(dir, '导出 结果.docx');
    expect((await run(['export', input, '-o', docx])).code).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const web = join(dir, 'web.txt');
    expect((await run(['export', input, '-o', web])).code).toBe(0);
    expect(readFileSync(web, 'utf8')).toContain('二、存在的不足和原因');
  });

  it('writes nothing when the input cannot be used', async () => {
    const input = join(dir, 'empty.txt');
    writeFileSync(input, '');
    const out = join(dir, 'out.docx');
    const { code, err } = await run(['export', input, '-o', out]);
    expect(code).toBe(2);
    expect(err).toContain('empty.txt');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['empty.txt']);
  });

  it('says in one Chinese line why -o cannot be written (no such folder, a folder of that name), leaving nothing behind', async () => {
    const input = join(dir, '青石镇 报告.txt');
    writeFileSync(input, REPORT_TXT);
    mkdirSync(join(dir, '已有文件夹.docx'));
    const before = readdirSync(dir).sort();
    const cases: Array<[string[], RegExp]> = [
      [['export', input, '-o', join(dir, '打错的文件夹', '青石镇.docx')], /保存的文件夹不存在：.*打错的文件夹/],
      [['import', input, '-o', join(dir, '打错的文件夹', '青石镇.nianbao')], /保存的文件夹不存在/],
      [['export', input, '-o', join(dir, '已有文件夹.docx')], /“已有文件夹\.docx”是一个文件夹/],
    ];
    for (const [argv, reason] of cases) {
      const { code, err } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err.split('\n'), argv.join(' ')).toHaveLength(1);
      // A folder that never existed is not one that "no longer exists" (已不存在).
      expect(err, argv.join(' ')).toMatch(reason);
    }
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readdirSync(join(dir, '已有文件夹.docx'))).toEqual([]);
  });

  it('drafts next year’s report from last year’s, with last year’s plans to answer', async () => {
    const input = join(dir, '2025.txt');
    writeFileSync(input, REPORT_TXT);
    const out = join(dir, '2026.nianbao');
    expect((await run(['draft', input, '-o', out])).code).toBe(0);
    const parsed = parseReportFile(readFileSync(out, 'utf8'));
    expect(parsed.ok && parsed.doc.meta.year).toBe(2026);
    expect(parsed.ok && parsed.doc.previous?.year).toBe(2025);
  });
});

describe('the installed command', () => {
  it('runs as a plain node process with exit status and no stack trace', () => {
    const file = join(dir, 'r.txt');
    writeFileSync(file, REPORT_TXT);
    const bin = join(__dirname, '../../bin/nianbao.cjs');
    const ok = spawnSync(process.execPath, [bin, 'check', file, '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(1);
    expect(JSON.parse(ok.stdout)[0].unit).toBeTruthy();
    const missing = spawnSync(process.execPath, [bin, 'check', join(dir, 'none.txt')], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('is rebuilt when the sources of any folder it is built from are newer (src/node too)', () => {
    // A stale bundle runs yesterday's code: an edit to the bounded readers would silently not apply.
    const bin = readFileSync(join(__dirname, '../../bin/nianbao.cjs'), 'utf8');
    const watched = /\[('src\/[^\]]+)\]\.some/.exec(bin)![1]!.match(/src\/\w+/g);
    const cliSources = readdirSync(__dirname).filter((n) => n.endsWith('.ts') && !n.includes('.test.'));
    const imported = new Set(
      cliSources.flatMap((n) =>
        [...readFileSync(join(__dirname, n), 'utf8').matchAll(/from '\.\.\/(\w+)\//g)].map((m) => `src/${m[1]}`),
      ),
    );
    imported.add('src/cli');
    expect(watched).toEqual(expect.arrayContaining([...imported]));
  });

  it('reads an unusual .docx (Wingdings symbol) through mammoth, which the bundle loads only then', async () => {
    const docx = join(dir, 'symbol.docx');
    const zip = await JSZip.loadAsync(
      await exportDocx(createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025 })),
    );
    const xml = await zip.file('word/document.xml')!.async('string');
    const symbol = '<w:p><w:r><w:t>已完成事项</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>';
    zip.file('word/document.xml', xml.replace('<w:body>', `<w:body>${symbol}`));
    writeFileSync(docx, await zip.generateAsync({ type: 'uint8array' }));
    const bin = join(__dirname, '../../bin/nianbao.cjs');
    const out = join(dir, 'symbol.nianbao');
    const run = spawnSync(process.execPath, [bin, 'import', docx, '-o', out], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('已完成事项');
  });
});

describe('the attack list (#13): nothing crashes, leaks or is overwritten', () => {
  const snapshot = () => Object.fromEntries(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n), 'latin1')]));

  it('refuses a zip bomb .docx with a Chinese message and exit 2, writing nothing', async () => {
    const bomb = join(dir, '炸弹.docx');
    writeFileSync(bomb, await docxBomb(64));
    const before = snapshot();
    const checked = await run(['check', bomb]);
    expect(checked.code).toBe(2);
    expect(checked.err).toMatch(/炸弹\.docx.*解压后过大/);
    const exported = await run(['export', bomb, '-o', join(dir, 'out.docx')]);
    expect(exported.code).toBe(2);
    expect(snapshot()).toEqual(before);
  });

  it('review gives a zip bomb in a folder its row with the reason, and reviews the rest', async () => {
    const folder = join(dir, '各镇');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '炸弹.docx'), await docxBomb(64));
    writeFileSync(
      join(folder, '好镇.txt'),
      '好镇2025年法治政府建设情况报告\n\n一、主要举措和成效\n我镇推进依法行政。\n',
    );
    const reviewed = await run(['review', folder, '--comments', join(dir, '批注')]);
    expect(reviewed.out).toMatch(/无法读取\t[^\n]*炸弹\.docx/);
    expect(reviewed.err).toMatch(/炸弹\.docx.*解压后过大/);
    expect(reviewed.out).toContain('好镇.txt');
    expect(existsSync(join(dir, '批注', '炸弹（审核意见）.docx'))).toBe(false);
  });

  it.runIf(process.platform === 'linux')('refuses /dev/zero and a FIFO without reading them forever', async () => {
    const zero = await run(['check', '/dev/zero']);
    expect(zero.code).toBe(2);
    expect(zero.err).toMatch(/不是普通文件/);
    const fifo = join(dir, '管道.txt');
    spawnSync('mkfifo', [fifo]);
    const piped = await run(['import', fifo, '-o', join(dir, 'x.nianbao')]);
    expect(piped.code).toBe(2);
    expect(piped.err).toMatch(/不是普通文件/);
    expect(existsSync(join(dir, 'x.nianbao'))).toBe(false);
  });

  it('never writes the output over its own input', async () => {
    const docx = join(dir, 'r.docx');
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025 });
    writeFileSync(docx, await exportDocx(doc, { fontProfile: 'windows', boldLevel3: false, includeAddressee: true }));
    const before = snapshot();
    const { code, err } = await run(['export', docx, '-o', docx]);
    expect(code).toBe(2);
    expect(err).toMatch(/输出文件就是输入文件/);
    expect(snapshot()).toEqual(before);
  });

  it('never overwrites a report saved by a newer version, even with itself', async () => {
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025 });
    const newer = join(dir, 'newer.nianbao');
    writeFileSync(newer, serializeReport(doc).replace(/"version":\s*\d+\b/, '"version": 99'));
    const input = join(dir, 'r.txt');
    writeFileSync(input, REPORT_TXT);
    const before = snapshot();
    for (const argv of [
      ['import', newer, '-o', newer],
      ['import', input, '-o', newer],
      ['draft', input, '-o', newer],
    ]) {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toMatch(/输出文件就是输入文件|较新版本/);
    }
    expect(snapshot()).toEqual(before);
  });

  it.runIf(process.platform !== 'win32')('refuses to replace a read-only (0444) output', async () => {
    const input = join(dir, 'r.txt');
    writeFileSync(input, REPORT_TXT);
    const out = join(dir, '定稿.docx');
    writeFileSync(out, 'final');
    chmodSync(out, 0o444);
    const { code, err } = await run(['export', input, '-o', out]);
    expect(code).toBe(2);
    expect(err).toMatch(/只读文件/);
    expect(readFileSync(out, 'utf8')).toBe('final');
    expect(statSync(out).mode & 0o777).toBe(0o444);
  });

  it('says so when it checks, exports or drafts from a report a newer version saved (the app opens it read-only)', async () => {
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025 });
    const newer = join(dir, '新版.nianbao');
    writeFileSync(newer, serializeReport(doc).replace(/"version":\s*\d+\b/, '"version": 99'));
    const current = join(dir, '本版.nianbao');
    writeFileSync(current, serializeReport(doc));
    for (const argv of [
      ['check', newer],
      ['export', newer, '-o', join(dir, '新版.docx')],
      ['draft', newer, '-o', join(dir, '新版2026.nianbao')],
    ]) {
      const { err } = await run(argv);
      expect(err, argv[0]).toContain(`${newer}：此文件由更新版本的法治年报助手保存`);
    }
    expect((await run(['check', current])).err).not.toContain('更新版本');
  });

  it('refuses Word and web text while a phone or ID number remains, as the app does: exit 1, nothing written', async () => {
    const input = join(dir, 'r.txt');
    writeFileSync(input, REPORT_TXT.replace('无。', '咨询请联系13912345678，身份证号码11010519491231002X。'));
    for (const out of ['r.docx', 'web.txt', 'web.html']) {
      const { code, err } = await run(['export', input, '-o', join(dir, out)]);
      // The file was read and checked: its error findings hold it back (1), it is not an unusable file (2).
      expect(code).toBe(1);
      expect(err).toMatch(/还有 2 处电话号码或身份证号码.*请先按检查结果删去/);
      expect(err).toContain(input);
      expect(existsSync(join(dir, out))).toBe(false);
    }
  });

  it("exports a report that gives an office's public line (举报电话) only", async () => {
    const input = join(dir, 'r.txt');
    writeFileSync(input, REPORT_TXT.replace('无。', '公布举报电话0871-1234567，12348法律服务热线全天开通。'));
    const { code } = await run(['export', input, '-o', join(dir, 'r.docx')]);
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'r.docx'))).toBe(true);
  });
});
