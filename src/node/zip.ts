/**
 * A bounded look inside a zip (.docx) before anything unpacks it for real: every entry is inflated as a
 * stream, its output counted and thrown away, and the stream stopped as soon as an entry, or the whole
 * archive, passes its cap — so a 2 MB file that would inflate to gigabytes costs a few milliseconds and
 * almost no memory. Only a zip that passes goes on to the importer (whose readers then allocate at most
 * what was counted here: they read the same central directory entries, from the same offsets).
 */
import { createInflateRaw } from 'node:zlib';
import { centralRecords, endOfCentralDirectory, ZIP64_MARKER } from '../core/zip/centralDirectory';

export interface ZipLimits {
  /** Text parts (.xml, .rels): what the importer parses into memory. */
  maxXmlBytes: number;
  /** Any other part (photos, fonts): counted, never parsed. */
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxEntries: number;
}

/** A 300,000-character report's document.xml is a few MB even with heavy formatting. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxXmlBytes: 16 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
};

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const bombMessage = (what: string, limit: number) =>
  `文件解压后过大（${what}超过 ${mb(limit)}），不像是一份报告，可能是恶意构造的“压缩炸弹”，未读取。`;

/**
 * A part named outside the package: a parent folder (..), an absolute path or a drive. OPC part names
 * (ECMA-376-2 §6.2.2) allow none of these, so no Word or WPS file has one; a file that does was built to
 * escape the folder of whatever unpacks it — and the commented copies for the towns would carry it on.
 */
export function unsafeEntryName(name: string): boolean {
  return /^[\\/]|^[A-Za-z]:/.test(name) || name.split(/[\\/]/).some((segment) => segment === '..');
}

/** Inflated size of one raw deflate stream, stopping at `limit + 1`; undefined if the data is corrupt. */
function inflatedSize(data: Uint8Array, limit: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    let done = false;
    const finish = (value: number | undefined) => {
      if (done) return;
      done = true;
      inflate.removeAllListeners('data');
      inflate.destroy();
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(size);
    });
    inflate.on('end', () => finish(size));
    // Corrupt data is the importer's to report ("已损坏"); what was inflated before it still counts.
    inflate.on('error', () => finish(size > 0 ? size : undefined));
    inflate.end(data);
  });
}

/**
 * Null when the zip may be unpacked, else the Chinese reason. Structural damage (no central directory,
 * truncated headers) is left to the importer, which names it; only what could exhaust memory or disk,
 * and what no report uses (ZIP64, encryption), is refused here.
 */
export async function checkZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<string | null> {
  const end = endOfCentralDirectory(bytes);
  if (!end) return null;
  if (end.count === 0xffff || end.offset === ZIP64_MARKER)
    return '这个压缩包使用了 ZIP64 格式，不像是一份 Word 报告，未读取。';
  if (end.count > limits.maxEntries) return `压缩包中的文件过多（${end.count} 个），不像是一份报告，未读取。`;
  // A damaged directory is the importer's to name; the records before the damage are still inspected.
  const { records } = centralRecords(bytes, end);
  let total = 0;
  for (const { name, flags, method, compressedSize, offset, dataStart } of records) {
    if (flags & 1)
      return '这个文件设置了密码（已加密），无法读取。请在 Word 或 WPS 中取消密码，另存为 .docx 后再导入。';
    if (unsafeEntryName(name))
      return `压缩包中有文件名不安全的内容（“${name.slice(0, 60)}”指向压缩包以外的位置），不像是 Word 保存的文件，未读取。`;
    if (compressedSize === ZIP64_MARKER || offset === ZIP64_MARKER)
      return '这个压缩包使用了 ZIP64 格式，不像是一份 Word 报告，未读取。';
    if (dataStart < 0) continue;
    const data = bytes.subarray(dataStart, Math.min(bytes.length, dataStart + compressedSize));
    const isXml = /\.(xml|rels)$/i.test(name);
    const limit = Math.min(isXml ? limits.maxXmlBytes : limits.maxEntryBytes, limits.maxTotalBytes - total);
    let size: number | undefined;
    if (method === 0) size = data.length;
    else if (method === 8) size = await inflatedSize(data, limit);
    else continue; // a method no reader here unpacks: the importer refuses it
    if (size === undefined) continue;
    if (size > limit) {
      return total + size > limits.maxTotalBytes && limit < (isXml ? limits.maxXmlBytes : limits.maxEntryBytes)
        ? bombMessage('全部内容', limits.maxTotalBytes)
        : bombMessage(`其中“${name.slice(0, 60)}”`, isXml ? limits.maxXmlBytes : limits.maxEntryBytes);
    }
    total += size;
  }
  return null;
}
