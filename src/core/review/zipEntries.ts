/**
 * The zip access of the comment writer, in one place so that a shared bounded reader can replace it:
 * read a .docx's entries with limits (count, declared and actual inflated sizes), and write a zip in which
 * the entries left alone are copied as they were compressed — byte for byte — and the changed ones are
 * deflated anew. Inflation uses DecompressionStream, which Node, Electron and Chromium all have, or an
 * Inflater the caller passes (Node's zlib: a stream per entry costs ~1 ms in setup, a synchronous call ~0.05).
 */
import { AppError } from '../errors';
import { crc32, writeZip, type Deflater } from '../export/zip';
import { centralRecords, endOfCentralDirectory, ZIP64_MARKER } from '../zip/centralDirectory';

const STORED = 0;
const DEFLATE = 8;
const UTF8_NAMES = 0x0800;

/** No .docx comes near these; a zip bomb or a damaged file does. */
export const ZIP_LIMITS = { entries: 5000, entryBytes: 64 * 1024 * 1024, totalBytes: 256 * 1024 * 1024 };

export class ZipError extends AppError {
  constructor(message: string) {
    super('format', message);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  size: number;
  /** The entry's data as stored (compressed when method is 8). */
  raw: Uint8Array;
  /** Name and extra fields of the central record, copied unchanged. */
  nameBytes: Uint8Array;
  flags: number;
  time: number;
  date: number;
  externalAttributes: number;
}

/** The entries of a zip, in the order of its central directory. Throws ZipError with a Chinese message. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const end = endOfCentralDirectory(bytes);
  if (!end) throw new ZipError('不是有效的 Word 文件（.docx 应是 zip 压缩包）。');
  if (end.count > ZIP_LIMITS.entries) throw new ZipError('文件中的部件过多，不像是一份报告。');
  const { records, complete } = centralRecords(bytes, end);
  if (!complete) throw new ZipError('Word 文件已损坏（目录不完整）。');
  const entries: ZipEntry[] = [];
  let total = 0;
  for (const r of records) {
    if (r.compressedSize === ZIP64_MARKER || r.size === ZIP64_MARKER || r.offset === ZIP64_MARKER)
      throw new ZipError('不支持 ZIP64 格式的 Word 文件。');
    if (r.flags & 1) throw new ZipError('Word 文件已加密，无法读取。');
    if (r.method !== STORED && r.method !== DEFLATE) throw new ZipError('Word 文件使用了不支持的压缩方式。');
    if (r.size > ZIP_LIMITS.entryBytes || (total += r.size) > ZIP_LIMITS.totalBytes)
      throw new ZipError('Word 文件解压后过大，不像是一份报告。');
    if (r.dataStart < 0) throw new ZipError('Word 文件已损坏（部件头不完整）。');
    const raw = bytes.subarray(r.dataStart, r.dataStart + r.compressedSize);
    if (raw.length !== r.compressedSize) throw new ZipError('Word 文件已损坏（内容被截断）。');
    entries.push({
      name: r.name,
      method: r.method,
      crc: r.crc,
      size: r.size,
      raw,
      nameBytes: r.nameBytes,
      flags: r.flags & UTF8_NAMES,
      time: r.time,
      date: r.date,
      externalAttributes: r.externalAttributes,
    });
  }
  return entries;
}

/** A synchronous raw-deflate inflater that stops past `maxBytes` (throwing), so a lying header cannot inflate without end. */
export interface Inflater {
  inflateRaw(data: Uint8Array, maxBytes: number): Uint8Array;
}

/** An entry's content, inflated and held to its declared size (a lying header cannot inflate without end). */
export async function entryBytes(entry: ZipEntry, inflater?: Inflater): Promise<Uint8Array> {
  if (entry.method === STORED) return entry.raw;
  if (inflater) {
    let out: Uint8Array;
    try {
      out = inflater.inflateRaw(entry.raw, entry.size);
    } catch {
      throw new ZipError('Word 文件已损坏（无法解压，或部件大小不符）。');
    }
    if (out.length !== entry.size) throw new ZipError('Word 文件已损坏（部件大小不符）。');
    return out;
  }
  const stream = new Blob([entry.raw.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const out = new Uint8Array(entry.size);
  let filled = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (filled + value.length > entry.size) throw new ZipError('Word 文件已损坏（部件大小不符）。');
      out.set(value, filled);
      filled += value.length;
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error instanceof ZipError ? error : new ZipError('Word 文件已损坏（无法解压）。');
  }
  if (filled !== entry.size) throw new ZipError('Word 文件已损坏（部件大小不符）。');
  return out;
}

export async function entryText(entry: ZipEntry, inflater?: Inflater): Promise<string> {
  return new TextDecoder().decode(await entryBytes(entry, inflater));
}

/**
 * A zip of the given entries, in their order: an entry whose name is in `replaced` gets that content,
 * deflated; every other entry is copied as stored. New names in `replaced` are appended at the end.
 */
export function writeZipEntries(
  entries: readonly ZipEntry[],
  replaced: ReadonlyMap<string, string>,
  deflater: Deflater,
): Uint8Array {
  const encoder = new TextEncoder();
  const checksum = deflater.crc32 ?? crc32;
  const names = new Set(entries.map((e) => e.name));
  const now = entries[0] ?? { time: 0, date: 0x21 };
  const all: ZipEntry[] = entries.map((e) => {
    const content = replaced.get(e.name);
    if (content === undefined) return e;
    const data = encoder.encode(content);
    return { ...e, method: DEFLATE, crc: checksum(data) >>> 0, size: data.length, raw: deflater.deflateRaw(data) };
  });
  for (const [name, content] of replaced) {
    if (names.has(name)) continue;
    const data = encoder.encode(content);
    all.push({
      name,
      method: DEFLATE,
      crc: checksum(data) >>> 0,
      size: data.length,
      raw: deflater.deflateRaw(data),
      nameBytes: encoder.encode(name),
      flags: UTF8_NAMES,
      time: now.time,
      date: now.date,
      externalAttributes: 0,
    });
  }
  const zip = writeZip(all.map((e) => ({ ...e, data: e.raw })));
  if (!zip) throw new ZipError('文档太大，无法打包为 .docx。');
  return zip;
}
