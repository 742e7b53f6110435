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

export function compoundStreamNames(bytes: Uint8Array, maxSectors = 256): string[] {
  if (!isCompoundFile(bytes)) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return [];
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
  const names: string[] = [];
  const decoder = new TextDecoder('utf-16le');
  let id = view.getUint32(0x30, true);
  for (let n = 0; n < maxSectors && id < 0xfffffffa; n++) {
    const start = sectorAt(id);
    if (start + size > bytes.length) break;
    for (let e = start; e < start + size; e += 128) {
      const length = view.getUint16(e + 0x40, true);
      if (length >= 2 && length <= 64) names.push(decoder.decode(bytes.subarray(e, e + length - 2)));
    }
    id = next(id);
  }
  return names;
}

/** Word, WPS and LibreOffice save a password-protected .docx as a compound file with this stream. */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  return compoundStreamNames(bytes).includes('EncryptedPackage');
}
