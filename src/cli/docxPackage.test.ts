import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { docxPackageParts } from '../core/export/docx';
import { docxPackage, savedPackageFile } from './docxPackage';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-package-'));
  dirs.push(dir);
  return dir;
}

/** Marks the saved styles part, to tell a saved package from a freshly compiled one. */
function markSavedStyles(file: string, build: string): void {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { build: string; parts: [string, string][] };
  saved.build = build;
  saved.parts = saved.parts.map(([path, xml]) => [path, path === 'word/styles.xml' ? xml + '<!--saved-->' : xml]);
  writeFileSync(file, JSON.stringify(saved));
}

describe('the .docx package kept beside the command', () => {
  it('is docx’s package for the profile, saved on first use and read back after', async () => {
    const dir = tempDir();
    const first = await docxPackage('gb2312', 'build-1', dir);
    expect([...first]).toEqual([...docxPackageParts('gb2312')].map(([p, xml]) => [p, p === 'docProps/core.xml' ? first.get(p) : xml]));
    expect(String(first.get('word/styles.xml'))).toContain('仿宋_GB2312');
    markSavedStyles(savedPackageFile('gb2312', dir), 'build-1');
    const second = await docxPackage('gb2312', 'build-1', dir);
    expect(String(second.get('word/styles.xml'))).toMatch(/<!--saved-->$/);
    expect([...second.keys()]).toEqual([...first.keys()]);
  });

  it('is compiled afresh when another build saved it, or the file is damaged', async () => {
    const dir = tempDir();
    await docxPackage('windows', 'old', dir);
    markSavedStyles(savedPackageFile('windows', dir), 'old');
    const afterUpgrade = await docxPackage('windows', 'new', dir);
    expect(String(afterUpgrade.get('word/styles.xml'))).not.toContain('<!--saved-->');
    expect(JSON.parse(readFileSync(savedPackageFile('windows', dir), 'utf8')).build).toBe('new');

    writeFileSync(savedPackageFile('windows', dir), '{"build":"new","parts":[[1,');
    expect(String((await docxPackage('windows', 'new', dir)).get('word/styles.xml'))).toContain('仿宋');
  });

  it('is not saved unbundled (no build id), and a folder it cannot write to still exports', async () => {
    const dir = tempDir();
    await docxPackage('kylin', undefined, dir);
    expect(existsSync(savedPackageFile('kylin', dir))).toBe(false);
    // A folder that cannot be written to (as root, a missing one: root may write anywhere else).
    const nowhere = join(dir, 'missing');
    const parts = await docxPackage('kylin', 'build-1', nowhere);
    expect(parts.get('word/document.xml')).toContain('<w:sectPr>');
    expect(existsSync(nowhere)).toBe(false);
  });
});
