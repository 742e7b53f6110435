/**
 * Every .docx the tests write, held to the ISO/IEC 29500 Transitional schemas by the shared
 * ../shared/tools/validate-docx (it needs xmllint: libxml2-utils). Tests collect what they write and
 * validate it in one run at the end (the validator's start and schema loading are most of its time).
 * Where ../shared or xmllint is absent, the check is skipped saying so (test/support/needs.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Need } from './needs';

/** ../shared/tools/validate-docx from the repository root. */
export const VALIDATOR = resolve(__dirname, '../../../shared/tools/validate-docx');

/** What schema-checking tests need: use with describeNeeding / itNeeding. */
export const VALIDATOR_NEEDS = ['validator', 'xmllint', 'python3'] as const satisfies readonly Need[];

/** The validator's verdict on `files`: ok, and its summary (one line per distinct violation). */
export function validateDocxFiles(files: readonly string[]): { ok: boolean; report: string } {
  if (files.length === 0) return { ok: true, report: 'no files' };
  const out = mkdtempSync(join(tmpdir(), 'validate-docx-'));
  const run = spawnSync('python3', [VALIDATOR, out, ...files], { encoding: 'utf8', timeout: 600_000 });
  return { ok: run.status === 0, report: `${run.stdout}${run.stderr}`.trim() };
}

/** Collects the .docx bytes a test file writes, under readable names, to validate them together. */
export class DocxCollector {
  private readonly dir = mkdtempSync(join(tmpdir(), 'written-docx-'));
  readonly files: string[] = [];

  /** Keeps `bytes` as `<name>.docx` (names made unique) and returns the bytes, so calls can wrap an export. */
  add(name: string, bytes: Uint8Array): Uint8Array {
    const file = join(this.dir, `${this.files.length}-${name.replace(/[^\w\u4e00-\u9fff-]+/g, '_')}.docx`);
    writeFileSync(file, bytes);
    this.files.push(file);
    return bytes;
  }

  /** Adds a .docx already on disk. */
  addFile(file: string): void {
    this.files.push(file);
  }

  validate(): { ok: boolean; report: string } {
    return validateDocxFiles(this.files);
  }
}
