/**
 * File-system side of the command line, over the layer it shares with the app (src/node): finding reports
 * in folders, reading them bounded, and writing results safely — never over the file being read, never
 * over a report a newer version saved, never over a read-only file.
 */
import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseReportFile } from '../core/model/file';
import { SaveError, writeFileAtomic } from '../node/atomicWrite';
import { MAX_INPUT_BYTES } from '../node/import';
import { InputError } from '../node/inputs';
import { ReadError, readFileBoundedSync } from '../node/readFile';

export { InputError, REPORT_EXTENSIONS, expandInputs } from '../node/inputs';
export { MAX_INPUT_BYTES } from '../node/import';

export function readInput(path: string): Uint8Array {
  try {
    return readFileBoundedSync(path, MAX_INPUT_BYTES);
  } catch (error) {
    if (error instanceof ReadError) throw new InputError(path, `${path}：${error.message}`);
    throw error;
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Write `out` from `input`, refusing what would lose something: the input itself (export r.docx -o
 * r.docx), and a report saved by a newer version of the app (which this one cannot represent).
 */
export async function writeOutput(input: string, out: string, data: Uint8Array | string): Promise<void> {
  if (sameFile(input, out)) {
    throw new InputError(out, `输出文件就是输入文件，没有覆盖它：${out}。请用 -o 指定另一个文件名。`);
  }
  if (extname(out).toLowerCase() === '.nianbao') {
    let existing: Uint8Array | undefined;
    try {
      existing = readFileBoundedSync(out, MAX_INPUT_BYTES);
    } catch {
      existing = undefined; // not there (or not readable): the writer says what is wrong
    }
    const parsed = existing ? parseReportFile(new TextDecoder().decode(existing)) : undefined;
    if (parsed?.ok && parsed.readOnly) {
      throw new InputError(
        out,
        `“${basename(out)}”是较新版本的软件保存的，本版本不会覆盖它：${out}。请用 -o 指定另一个文件名。`,
      );
    }
  }
  try {
    await writeFileAtomic(out, data);
  } catch (error) {
    if (error instanceof SaveError) throw new InputError(out, `${error.message}（${out}）`);
    throw error;
  }
}
