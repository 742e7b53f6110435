import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zipParts } from '../export/zip';
import { centralRecords, endOfCentralDirectory } from './centralDirectory';

const deflater = { deflateRaw: (data: Uint8Array) => new Uint8Array(deflateRawSync(data)) };
const zip = () =>
  zipParts(
    new Map<string, string>([
      ['[Content_Types].xml', '<Types/>'],
      ['word/document.xml', '<w:document>正文</w:document>'],
    ]),
    deflater,
  );

describe('the central directory', () => {
  it('lists every entry with its sizes and where its data starts', () => {
    const bytes = zip();
    const end = endOfCentralDirectory(bytes)!;
    const { records, complete } = centralRecords(bytes, end);
    expect(complete).toBe(true);
    expect(records.map((r) => r.name)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    const doc = records[1]!;
    expect(doc.size).toBe(new TextEncoder().encode('<w:document>正文</w:document>').length);
    expect(doc.dataStart).toBeGreaterThan(doc.offset);
    expect(bytes.subarray(doc.dataStart, doc.dataStart + doc.compressedSize).length).toBe(doc.compressedSize);
  });

  it('is no zip without its end record, and incomplete when cut, keeping the records before the cut', () => {
    expect(endOfCentralDirectory(new TextEncoder().encode('不是压缩包'.repeat(10)))).toBeUndefined();
    const bytes = zip();
    const end = endOfCentralDirectory(bytes)!;
    const { records, complete } = centralRecords(bytes, { ...end, count: end.count + 1 });
    expect(complete).toBe(false);
    expect(records).toHaveLength(2);
  });
});
