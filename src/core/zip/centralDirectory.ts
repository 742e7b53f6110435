/**
 * The one reader of a zip's central directory (APPNOTE 4.3.12–4.3.16), for every part of the app that
 * looks inside a .docx: the bounded check before anything unpacks it (src/node/zip.ts), the fast .docx
 * reader (import/docxFast.ts) and the comment writer (review/zipEntries.ts). Each caller decides what
 * it refuses and says so in its own words; this module only reads the records as they stand.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A 32-bit size or offset with this value is in a ZIP64 extra field instead: no report needs ZIP64. */
export const ZIP64_MARKER = 0xffffffff;

export interface EndOfCentralDirectory {
  /** Records in the directory (0xffff: ZIP64). */
  count: number;
  /** Where the directory starts (ZIP64_MARKER: ZIP64). */
  offset: number;
}

/** The end record, searched backwards past a comment of up to 64 KB; undefined when the bytes are no zip. */
export function endOfCentralDirectory(bytes: Uint8Array): EndOfCentralDirectory | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD)
      return { count: view.getUint16(i + 10, true), offset: view.getUint32(i + 16, true) };
  }
  return undefined;
}

export interface CentralRecord {
  name: string;
  /** The name as stored, for writing the record again unchanged. */
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  externalAttributes: number;
  /** Where the local header is. */
  offset: number;
  /** Where the entry's stored data starts, past its local header; -1 when that header is missing or cut off. */
  dataStart: number;
}

/**
 * The records of the directory, in order. `complete` is false when it is cut off or damaged: `records`
 * then holds those before the damage (the bounded check still inspects them; readers refuse the file).
 */
export function centralRecords(
  bytes: Uint8Array,
  end: EndOfCentralDirectory,
): { records: CentralRecord[]; complete: boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  const records: CentralRecord[] = [];
  let at = end.offset;
  for (let n = 0; n < end.count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return { records, complete: false };
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const nameBytes = bytes.slice(at + 46, at + 46 + nameLength);
    const localIntact = offset + 30 <= bytes.length && view.getUint32(offset, true) === LOCAL;
    records.push({
      name: decoder.decode(nameBytes),
      nameBytes,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      externalAttributes: view.getUint32(at + 38, true),
      offset,
      dataStart: localIntact ? offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true) : -1,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { records, complete: true };
}
