import * as zlib from 'node:zlib';
import { crc32, type Deflater } from '../core/export/zip';
import type { Inflater } from '../core/review/zipEntries';

/**
 * Node's native zlib for zipping the .docx, for the two callers that run in Node: the command line and the
 * app's main process (src/core stays free of Node built-ins). In a fresh CLI process docx's
 * JavaScript deflate runs cold and took ~30 ms of a 30,000-character export; zlib takes ~3 ms.
 * `zlib.crc32` exists from Node 20.15.
 */
export const nodeDeflater: Deflater = {
  deflateRaw: (data) => zlib.deflateRawSync(data, { level: 6 }),
  crc32:
    typeof (zlib as { crc32?: unknown }).crc32 === 'function'
      ? (data) => (zlib as unknown as { crc32(d: Uint8Array): number }).crc32(data)
      : crc32,
};

/** Node's zlib for reading a .docx's parts in the comment writer; past `maxBytes` zlib throws instead of going on. */
export const nodeInflater: Inflater = {
  inflateRaw: (data, maxBytes) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) }),
};
