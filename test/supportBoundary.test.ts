/**
 * Test support (test/support/, test/browser/support/) is for tests only: a production file under src/ that
 * imported it would ship fixtures and Node-only helpers into the app and the CLI. The imports are read with
 * TypeScript's own pre-parser, not matched by pattern.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const root = join(__dirname, '..');
const testFolder = join(root, 'test') + sep;

/** The project files a source file imports (relative specifiers only), as absolute paths. */
function localImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.filter((i) => i.fileName.startsWith('.')).map((i) => resolve(dirname(file), i.fileName));
}

function productionImportsOfTests(srcFolder: string): string[] {
  return readdirSync(srcFolder, { recursive: true })
    .map(String)
    .filter((name) => /\.(ts|tsx|mts|cts)$/.test(name) && !/\.test\.tsx?$/.test(name))
    .flatMap((name) =>
      localImports(join(srcFolder, name))
        .filter((target) => (target + sep).startsWith(testFolder))
        .map((target) => `${relative(root, join(srcFolder, name))} → ${relative(root, target)}`),
    );
}

it('no production file under src/ imports test code or test support', () => {
  expect(productionImportsOfTests(join(root, 'src'))).toEqual([]);
});
