/** Reading and importing a file the clerk or reviewer named, bounded at every step, for the app and the CLI. */
import { importFile } from '../core/import/index';
import type { ImportOptions, ImportResult } from '../core/import/types';
import { readFileBounded, readFileBoundedSync } from './readFile';
import { checkZip } from './zip';

/** Refuse before reading: no report comes near this (the importers' own caps are lower still). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** importFile with every zip looked into, bounded, before it is unpacked. */
export function importBounded(path: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  return importFile(path, bytes, { ...options, zipGuard: (zip) => checkZip(zip) });
}

export { readFileBounded, readFileBoundedSync };
