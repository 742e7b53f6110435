/**
 * One export path, without docx at run time: the app's main process and the command line reach the
 * .docx package only through src/core/export/docx.ts and its generated module (issue 16 item 9). Checked on
 * what each entry imports, as esbuild follows it, so a stray `import 'docx'` anywhere on the way fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

/** The packages an entry imports, directly or through our modules. */
async function packagesImported(entry: string): Promise<Set<string>> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
  });
  const packages = new Set<string>();
  for (const input of Object.values(result.metafile.inputs))
    for (const imported of input.imports) if (imported.external) packages.add(imported.path);
  return packages;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the export path of the app and the command line', () => {
  it('never imports docx, in the main process or in the command', async () => {
    for (const entry of ['src/main/index.ts', 'src/cli/main.ts']) {
      const packages = await packagesImported(entry);
      expect(packages.has('zod'), entry).toBe(true); // the check sees the entry's packages at all
      expect(
        [...packages].filter((p) => p === 'docx' || p.startsWith('docx/')),
        entry,
      ).toEqual([]);
    }
  }, 60_000);

  it('uses no private part of docx anywhere in the sources', () => {
    const offenders = sources(join(root, 'src')).filter(
      (file) =>
        !file.endsWith('.test.ts') &&
        /Packer\s*(as\s[^)]*\))?\s*\.\s*compiler|\bcompiler\s*\??\.\s*compile\(/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
