// Writes src/core/export/generated/docxPackage.ts: the .docx package (styles, settings, footers) of every
// font profile, packed by docx from src/core/export/packageSource.ts. Run by every build (electron-vite's
// config, scripts/build-cli.cjs); the file is checked in, so a clean clone needs no build to export, and it
// is written only when it changes. `--check` writes nothing and exits 1 when the file is out of date.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedPackageModule } from '../src/core/export/packageSource';

export const GENERATED_PACKAGE_FILE = join(
  __dirname,
  '..',
  '..',
  'src',
  'core',
  'export',
  'generated',
  'docxPackage.ts',
);

function current(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const file = process.env.NIANBAO_PACKAGE_FILE ?? GENERATED_PACKAGE_FILE;
  const text = await generatedPackageModule();
  if (current(file) === text) return;
  if (process.argv.includes('--check')) {
    process.stderr.write(`${file} 与生成结果不一致：请运行 node scripts/run-ts.cjs scripts/docx-package.ts\n`);
    process.exitCode = 1;
    return;
  }
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
  process.stderr.write(`已更新 ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
