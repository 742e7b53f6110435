/**
 * Every .docx the tests write, held to the ISO/IEC 29500 Transitional schemas by the shared
 * ../shared/tools/validate-docx (it needs xmllint: libxml2-utils). Tests collect what they write and
 * validate it in one run at the end (the validator's start and schema loading are most of its time).
 * Where ../shared or xmllint is absent, `validatorMissing` says why and the check is skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** ../shared/tools/validate-docx from the repository root. */
export const VALIDATOR = resolve(__dirname, '../../../shared/tools/validate-docx');

function missingReason(): string | undefined {
  if (!existsSync(VALIDATOR)) return `没有 ${VALIDATOR}（../shared 不在），跳过 .docx 的 OOXML 架构校验`;
  if (spawnSync('xmllint', ['--version']).status !== 0) return '没有 xmllint（apt-get install libxml2-utils），跳过 .docx 的 OOXML 架构校验';
  if (spawnSync('python3', ['--version']).status !== 0) return '没有 python3，跳过 .docx 的 OOXML 架构校验';
  return undefined;
}

/** Why the schema check cannot run here, or undefined when it can. */
export const validatorMissing = missingReason();
if (validatorMissing) console.warn(validatorMissing);

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
