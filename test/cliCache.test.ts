/**
 * The installed command starts from V8's code cache (bin/load-cli.cjs, written by scripts/build-cli.cjs). A
 * copy of bin/ and dist/ in a temporary folder stands for an installed app, so the repository's own cache is
 * never touched while other tests run the command.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../src/core/export/docx';
import { importText } from '../src/core/import/text';

const repo = join(__dirname, '..');
const REPORT = [
  '城南街道2025年法治政府建设年度报告',
  '一、主要举措和成效',
  '全年审查合同21份，提出意见9条。',
  '城南街道办事处',
  '2026年1月10日',
].join('\n');

const installs: string[] = [];
afterAll(() => installs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function install(): string {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-install-'));
  installs.push(root);
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'dist'));
  for (const file of ['nianbao.cjs', 'load-cli.cjs']) copyFileSync(join(repo, 'bin', file), join(root, 'bin', file));
  // The bundle first: a cache older than the bundle is not used (bin/load-cli.cjs).
  for (const file of ['cli.cjs', 'cli.cache']) copyFileSync(join(repo, 'dist', file), join(root, 'dist', file));
  writeFileSync(join(root, 'report.txt'), REPORT);
  return root;
}

/** Whether V8 took the cache, as a process starting the command sees it. */
function cacheTaken(root: string): boolean {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `process.stdout.write(String(require(${JSON.stringify(join(root, 'bin', 'load-cli.cjs'))}).loadCli().cacheUsable))`,
    ],
    { encoding: 'utf8' },
  );
  expect(probe.status).toBe(0);
  return probe.stdout === 'true';
}

function exportIn(root: string) {
  return spawnSync(
    process.execPath,
    [join(root, 'bin', 'nianbao.cjs'), 'export', join(root, 'report.txt'), '-o', join(root, 'out.docx')],
    { encoding: 'utf8' },
  );
}

async function documentText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

describe('the command’s code cache', () => {
  beforeAll(() => {
    // Rebuilds dist/ first when the sources are newer (a developer's checkout); a fresh install built it.
    expect(spawnSync(process.execPath, [join(repo, 'bin', 'nianbao.cjs'), '--help']).status).toBe(0);
  }, 60_000);

  it('is written by the build and taken by V8 when the command starts', async () => {
    const root = install();
    expect(statSync(join(root, 'dist', 'cli.cache')).size).toBeGreaterThan(100_000);
    expect(cacheTaken(root)).toBe(true);
    const run = exportIn(root);
    expect(run.status).toBe(0);
    expect(await documentText(join(root, 'out.docx'))).toContain('全年审查合同21份，提出意见9条。');
  });

  it('when damaged, is not used; the export still works and a good cache replaces it', async () => {
    const root = install();
    writeFileSync(join(root, 'dist', 'cli.cache'), Buffer.alloc(50_000, 7));
    expect(cacheTaken(root)).toBe(false);
    const run = exportIn(root);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('已导出');
    expect(await documentText(join(root, 'out.docx'))).toContain('城南街道办事处');
    expect(cacheTaken(root)).toBe(true);
  }, 30_000); // several command runs: seconds each on a loaded 2-core machine

  it('without the bundle (a broken install), says what to do in Chinese and exits 2', () => {
    const root = install();
    rmSync(join(root, 'dist', 'cli.cjs'));
    const run = exportIn(root);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('命令行程序不完整：缺少 dist/cli.cjs，请在本软件目录运行 npm install 后重试。');
  });

  it('when older than the bundle (an interrupted build), is not offered to V8', () => {
    const root = install();
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(join(root, 'dist', 'cli.cache'), old, old);
    expect(cacheTaken(root)).toBe(false);
    expect(exportIn(root).status).toBe(0);
  });
});

describe('the .docx package the build puts into the command', () => {
  async function parts(bytes: Uint8Array) {
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((n) => n !== 'docProps/core.xml');
    return Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')]));
  }

  it('gives the file the app writes for the same report, in every font profile, with nothing beside the bundle', async () => {
    const root = install();
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['cli.cache', 'cli.cjs']);
    for (const profile of ['windows', 'gb2312', 'kylin'] as const) {
      const run = spawnSync(
        process.execPath,
        [
          join(root, 'bin', 'nianbao.cjs'),
          'export',
          join(root, 'report.txt'),
          '-o',
          join(root, `${profile}.docx`),
          '--font-profile',
          profile,
        ],
        { encoding: 'utf8' },
      );
      expect(run.status).toBe(0);
      const imported = importText(REPORT);
      if (!imported.ok) throw new Error(imported.error);
      expect(await parts(readFileSync(join(root, `${profile}.docx`)))).toEqual(
        await parts(await exportDocx(imported.doc, { fontProfile: profile })),
      );
    }
    // Nothing was saved beside the bundle: an export writes only its output.
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['cli.cache', 'cli.cjs']);
  }, 30_000); // several command runs: seconds each on a loaded 2-core machine

  it('leaves docx out of the bundle: an export never loads it', () => {
    const bundled = readFileSync(join(repo, 'dist', 'cli.cjs'), 'utf8');
    expect(bundled).toContain('w:docDefaults');
    // Class names survive minifying (keepNames): docx's own would be here had anything imported it.
    expect(bundled).not.toMatch(/ImportedXmlComponent|require\("docx"\)/);
  });
});
