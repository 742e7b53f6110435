import JSZip from 'jszip';
import mammoth from 'mammoth';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeDeflater } from '../../node/deflater';
import { createReportFromTemplate } from '../model/fromTemplate';
import { defaultRegistry } from '../templates/registry';
import { exportDocx } from './docx';
import { packWithDocx } from './packageSource';
import { crc32, zipParts } from './zip';

function report() {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '白沙镇',
    year: 2025,
    date: '2026年1月20日',
  });
  doc.sections[1]!.blocks = [
    { kind: 'subheading', level: 2, text: '（一）规范行政执法' },
    { kind: 'paragraph', text: '全年办理行政处罚案件15件，无一被复议纠错。' },
  ];
  return doc;
}

async function entries(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  return Promise.all(names.map(async (name) => [name, await zip.file(name)!.async('string')] as [string, string]));
}

describe('zipParts', () => {
  it('computes the zip CRC-32 (check value of "123456789") like zlib', () => {
    const data = new TextEncoder().encode('123456789');
    expect(crc32(data)).toBe(0xcbf43926);
    const text = new TextEncoder().encode('法治政府建设年度报告'.repeat(500));
    expect(crc32(text)).toBe(zlib.crc32 ? zlib.crc32(text) : crc32(text));
  });

  it('gives a .docx with the same parts, in the same order and with the same XML, as docx’s Packer', async () => {
    const doc = report();
    const ours = await entries(await exportDocx(doc, {}, nodeDeflater));
    const packer = await entries(await packWithDocx(doc));
    expect(ours.map(([name]) => name)).toEqual(packer.map(([name]) => name));
    // docProps/core.xml carries the time of export, which differs between the two calls.
    const stable = (list: [string, string][]) => list.filter(([name]) => name !== 'docProps/core.xml');
    expect(stable(ours)).toEqual(stable(packer));
  });

  it('is read by mammoth as Word would read it, Chinese text intact', async () => {
    const bytes = await exportDocx(report(), {}, nodeDeflater);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).toContain('全年办理行政处罚案件15件，无一被复议纠错。');
    expect(value).toContain('（一）规范行政执法');
  });

  it('stores the parts, CRC-32 and all, where there is no deflater, and Word’s readers take the file', async () => {
    const parts = new Map<string, string | Uint8Array>([
      ['word/a.xml', '<a>依法行政</a>'],
      ['b.bin', new Uint8Array([0, 255, 7])],
    ]);
    const zip = await JSZip.loadAsync(zipParts(parts), { checkCRC32: true });
    expect(await zip.file('word/a.xml')!.async('string')).toBe('<a>依法行政</a>');
    expect([...(await zip.file('b.bin')!.async('uint8array'))]).toEqual([0, 255, 7]);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await exportDocx(report())) });
    expect(value).toContain('全年办理行政处罚案件15件，无一被复议纠错。');
  });

  it('uses the CRC-32 of this file when the deflater brings none (Node before 20.15)', async () => {
    const parts = new Map<string, string | Uint8Array>([
      ['a.xml', '<a>法治</a>'],
      ['b.bin', new Uint8Array([1, 2, 3])],
    ]);
    const bytes = zipParts(parts, { deflateRaw: (d) => zlib.deflateRawSync(d) }, new Date(2026, 0, 15, 9, 30));
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await zip.file('a.xml')!.async('string')).toBe('<a>法治</a>');
    expect([...(await zip.file('b.bin')!.async('uint8array'))]).toEqual([1, 2, 3]);
    expect(zip.file('a.xml')!.date.getFullYear()).toBe(2026);
  });
});
