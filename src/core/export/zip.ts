/**
 * A .docx is a zip file (ECMA-376 Part 2, Open Packaging Conventions). docx's Packer zips with fflate, which is
 * JavaScript: in a short-lived process such as the CLI that code runs cold and costs about as much as building
 * the document. This writer lays out the same zip (APPNOTE 6.3: local headers, central directory, end record)
 * around a deflate and a CRC-32 the caller brings, so Node can use its native zlib while the core stays free
 * of Node built-ins.
 */

/** The two pieces of compression the zip needs; Node's `zlib.deflateRawSync` and `zlib.crc32` fit. */
export interface Deflater {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32?(data: Uint8Array): number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DEFLATE = 8;
/** Method 0: stored as is, where no deflate is at hand (APPNOTE 4.4.5). */
const STORED = 0;
/** General purpose flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
/** "Version needed to extract": 2.0, for deflate. */
const VERSION = 20;

let crcTable: Uint32Array | undefined;

/** CRC-32 (the zip polynomial 0xEDB88320), for Node versions without `zlib.crc32` (before 20.15). */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time fields, which zip stores for every entry (local time, two-second steps). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** One entry as it goes into the zip: its data already compressed (or stored), with the fields the headers carry. */
export interface ZipRecord {
  nameBytes: Uint8Array;
  /** General purpose flags (bit 11: UTF-8 names). */
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  time: number;
  date: number;
  crc: number;
  /** Size before compression. */
  size: number;
  /** The data as stored in the zip. */
  data: Uint8Array;
  externalAttributes: number;
}

/**
 * The zip of `records`, in their order (APPNOTE 4.3.7, 4.3.12, 4.3.16): the one writer behind the exporter and
 * the comment writer, which copies a town's untouched parts byte for byte. Null when the zip would need ZIP64.
 */
export function writeZip(records: readonly ZipRecord[]): Uint8Array | null {
  let localSize = 0;
  let centralSize = 0;
  for (const r of records) {
    localSize += 30 + r.nameBytes.length + r.data.length;
    centralSize += 46 + r.nameBytes.length;
  }
  if (records.length > 0xffff || localSize + centralSize > 0xffffffff) return null;
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (value: number) => {
    view.setUint16(at, value, true);
    at += 2;
  };
  const u32 = (value: number) => {
    view.setUint32(at, value >>> 0, true);
    at += 4;
  };
  const bytes = (value: Uint8Array) => {
    out.set(value, at);
    at += value.length;
  };
  // The fields a local header and its central directory record share, from "version needed" to the name's length.
  const shared = (r: ZipRecord) => {
    u16(VERSION);
    u16(r.flags);
    u16(r.method);
    u16(r.time);
    u16(r.date);
    u32(r.crc);
    u32(r.data.length);
    u32(r.size);
    u16(r.nameBytes.length);
  };
  const offsets: number[] = [];
  for (const r of records) {
    offsets.push(at);
    u32(LOCAL_HEADER);
    shared(r);
    u16(0); // extra field
    bytes(r.nameBytes);
    bytes(r.data);
  }
  records.forEach((r, i) => {
    u32(CENTRAL_HEADER);
    u16(VERSION); // version made by
    shared(r);
    u16(0); // extra field
    u16(0); // comment
    u16(0); // disk number
    u16(0); // internal attributes
    u32(r.externalAttributes);
    u32(offsets[i]!);
    bytes(r.nameBytes);
  });
  u32(END_OF_CENTRAL_DIRECTORY);
  u16(0);
  u16(0);
  u16(records.length);
  u16(records.length);
  u32(centralSize);
  u32(localSize);
  u16(0);
  return out;
}

/**
 * The package's parts, in the order given (the order docx's Packer zips them in), as one zip file: deflated
 * by `deflater`, or stored without one.
 */
export function zipParts(
  parts: ReadonlyMap<string, string | Uint8Array>,
  deflater?: Deflater,
  modified = new Date(),
): Uint8Array {
  const encoder = new TextEncoder();
  const checksum = deflater?.crc32 ?? crc32;
  const stamp = dosDateTime(modified);
  const records: ZipRecord[] = [];
  for (const [path, content] of parts) {
    const raw = typeof content === 'string' ? encoder.encode(content) : content;
    records.push({
      nameBytes: encoder.encode(path),
      flags: UTF8_NAMES,
      method: deflater ? DEFLATE : STORED,
      ...stamp,
      crc: checksum(raw) >>> 0,
      size: raw.length,
      data: deflater ? deflater.deflateRaw(raw) : raw,
      externalAttributes: 0,
    });
  }
  const zip = writeZip(records);
  if (!zip) throw new Error('文档太大，无法打包为 .docx。');
  return zip;
}
