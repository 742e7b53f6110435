/**
 * The stream names of an OLE compound file (the container of old .doc/.wps files, and of a .docx saved with
 * a password: Word then wraps the encrypted package in one). Read from the directory chain with every
 * offset bounded; a damaged file yields what could be read.
 */
const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && MAGIC.every((b, i) => bytes[i] === b);
}

interface StreamEntry {
  name: string;
  start: number;
  size: number;
}

/** The directory entries, with a bounded reader of sector chains; undefined when this is no compound file. */
function compoundDirectory(
  bytes: Uint8Array,
  maxSectors: number,
): { entries: StreamEntry[]; read(entry: StreamEntry, length: number): Uint8Array | undefined } | undefined {
  if (!isCompoundFile(bytes)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const size = 1 << shift;
  const sectorAt = (id: number) => (id + 1) * size;
  // The FAT's own sectors: the first 109 are listed in the header, enough for any report-sized file.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const id = view.getUint32(0x4c + i * 4, true);
    if (id >= 0xfffffffa) break;
    fatSectors.push(id);
  }
  const next = (id: number): number => {
    const perSector = size / 4;
    const fat = fatSectors[Math.floor(id / perSector)];
    if (fat === undefined) return END_OF_CHAIN;
    const at = sectorAt(fat) + (id % perSector) * 4;
    return at + 4 <= bytes.length ? view.getUint32(at, true) : END_OF_CHAIN;
  };
  const entries: StreamEntry[] = [];
  const decoder = new TextDecoder('utf-16le');
  let id = view.getUint32(0x30, true);
  for (let n = 0; n < maxSectors && id < 0xfffffffa; n++) {
    const start = sectorAt(id);
    if (start + size > bytes.length) break;
    for (let e = start; e < start + size; e += 128) {
      const length = view.getUint16(e + 0x40, true);
      if (length >= 2 && length <= 64)
        entries.push({
          name: decoder.decode(bytes.subarray(e, e + length - 2)),
          start: view.getUint32(e + 0x74, true),
          size: view.getUint32(e + 0x78, true),
        });
    }
    id = next(id);
  }
  /** The bytes of a chain of regular sectors, up to `want`. */
  const chain = (first: number, want: number): Uint8Array | undefined => {
    const out = new Uint8Array(want);
    let at = 0;
    for (
      let sector = first, hops = 0;
      at < want && sector < 0xfffffffa && hops < maxSectors;
      sector = next(sector), hops++
    ) {
      const start = sectorAt(sector);
      if (start + size > bytes.length) return undefined;
      const piece = bytes.subarray(start, start + Math.min(size, want - at));
      out.set(piece, at);
      at += piece.length;
    }
    return at === want ? out : undefined;
  };
  // Streams under 4096 bytes live in 64-byte sectors of the mini stream (the root entry's), chained by the mini FAT.
  const read = (entry: StreamEntry, length: number): Uint8Array | undefined => {
    const want = Math.min(length, entry.size);
    if (entry.size >= 4096) return chain(entry.start, want);
    const root = entries[0];
    const miniFatSectors = view.getUint32(0x40, true);
    if (!root || miniFatSectors === 0 || miniFatSectors > maxSectors) return undefined;
    const ministream = chain(root.start, Math.min(root.size, maxSectors * size));
    const miniFat = chain(view.getUint32(0x3c, true), miniFatSectors * size);
    if (!ministream || !miniFat) return undefined;
    const fat = new DataView(miniFat.buffer);
    const out = new Uint8Array(want);
    let at = 0;
    for (
      let sector = entry.start, hops = 0;
      at < want && sector < 0xfffffffa && hops < miniFat.length / 4;
      sector = sector * 4 + 4 <= miniFat.length ? fat.getUint32(sector * 4, true) : END_OF_CHAIN, hops++
    ) {
      const piece = ministream.subarray(sector * 64, sector * 64 + Math.min(64, want - at));
      if (piece.length === 0) return undefined;
      out.set(piece, at);
      at += piece.length;
    }
    return at === want ? out : undefined;
  };
  return { entries, read };
}

export function compoundStreamNames(bytes: Uint8Array, maxSectors = 256): string[] {
  return compoundDirectory(bytes, maxSectors)?.entries.map((e) => e.name) ?? [];
}

/** The first `length` bytes of a named stream (of 4096 bytes or more), or undefined where it cannot be read. */
export function compoundStreamHead(
  bytes: Uint8Array,
  name: string,
  length: number,
  maxSectors = 256,
): Uint8Array | undefined {
  const directory = compoundDirectory(bytes, maxSectors);
  const entry = directory?.entries.find((e) => e.name === name);
  return entry && directory!.read(entry, length);
}

/** Word, WPS and LibreOffice save a password-protected .docx as a compound file with this stream. */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  return compoundStreamNames(bytes).includes('EncryptedPackage');
}
