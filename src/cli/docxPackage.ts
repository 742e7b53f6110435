/**
 * The .docx package (styles, settings, footers, section) for a font profile, kept beside the bundled CLI.
 * It depends on the profile only, so the first export with a profile compiles it with docx and saves its
 * parts; later exports read them and never load docx, which was most of a short export's run time. A saved
 * package belongs to the bundle that wrote it (its build id, set by scripts/build-cli.cjs): a new build, or
 * a file that is not ours, is compiled afresh. Unbundled (the tests), nothing is saved.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FontProfileId } from '../core/export/fonts';

declare const __CLI_BUILD_ID__: string | undefined;
const BUILD_ID = typeof __CLI_BUILD_ID__ === 'string' ? __CLI_BUILD_ID__ : undefined;

type Parts = Map<string, string | Uint8Array>;

interface SavedPackage {
  build: string;
  parts: [string, string][];
}

/** Where the bundle keeps a profile's package: beside itself (dist/), as npm installed it. */
export function savedPackageFile(profile: FontProfileId, dir = __dirname): string {
  return join(dir, `docx-package-${profile}.json`);
}

function readSaved(file: string, build: string): Parts | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedPackage>;
    if (saved.build !== build || !Array.isArray(saved.parts)) return undefined;
    if (!saved.parts.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string')) return undefined;
    return new Map(saved.parts);
  } catch {
    return undefined;
  }
}

/** Saves the parts (temp file + rename); a read-only install simply compiles them each time. */
function save(file: string, build: string, parts: Parts): void {
  const entries = [...parts];
  if (!entries.every((e): e is [string, string] => typeof e[1] === 'string')) return;
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify({ build, parts: entries } satisfies SavedPackage));
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}

/** The package's parts for `profile`: saved ones when this build wrote them, else docx's, then saved. */
export async function docxPackage(profile: FontProfileId, build = BUILD_ID, dir = __dirname): Promise<Parts> {
  const file = savedPackageFile(profile, dir);
  const saved = build ? readSaved(file, build) : undefined;
  if (saved) return saved;
  // A dynamic import: the bundle evaluates docx only here, not at every start.
  const { docxPackageParts } = await import('../core/export/docx');
  const parts = docxPackageParts(profile);
  if (build) save(file, build, parts);
  return parts;
}
