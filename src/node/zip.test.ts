import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ZIP_LIMITS, checkZip } from './zip';
import { docxBomb, makeZip } from './zipFixtures';

const deflated = (text: string) => {
  const raw = Buffer.from(text);
  return { data: new Uint8Array(deflateRawSync(raw)), method: 8 as const, size: raw.length };
};

describe('checkZip', () => {
  it('lets an ordinary .docx-sized zip through', async () => {
    const zip = makeZip([
      {
        name: 'word/document.xml',
        ...deflated(
          '<w:document><w:body><w:p><w:r><w:t>一、主要举措</w:t></w:r></w:p></w:body></w:document>'.repeat(2000),
        ),
      },
      { name: 'word/media/image1.png', data: new Uint8Array(5000), method: 0, size: 5000 },
    ]);
    expect(await checkZip(zip)).toBeNull();
  });

  it('refuses a document.xml that inflates past its cap, naming it, without inflating the rest', async () => {
    const bomb = await docxBomb(120);
    expect(bomb.length).toBeLessThan(400 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    expect(await checkZip(bomb)).toMatch(/解压后过大（其中“word\/document\.xml”超过 16 MB）.*压缩炸弹/);
    // Counted and thrown away as it streams: nothing near the inflated size is ever held.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('refuses many parts that are each small but together too large', async () => {
    const part = deflated(' '.repeat(3 * 1024 * 1024));
    const zip = makeZip(Array.from({ length: 10 }, (_, i) => ({ name: `word/media/p${i}.bin`, ...part })));
    const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 20 * 1024 * 1024 };
    expect(await checkZip(zip, limits)).toMatch(/全部内容超过 20 MB/);
    expect(await checkZip(zip)).toBeNull();
  });

  it('refuses an encrypted zip and ZIP64, in Chinese', async () => {
    const zip = Buffer.from(makeZip([{ name: 'word/document.xml', ...deflated('<w:document/>') }]));
    const encrypted = Buffer.from(zip);
    encrypted.writeUInt16LE(0x801, encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    expect(await checkZip(encrypted)).toMatch(/设置了密码/);
    const zip64 = Buffer.from(zip);
    zip64.writeUInt32LE(0xffffffff, zip64.length - 6);
    expect(await checkZip(zip64)).toMatch(/ZIP64/);
  });

  it('refuses a part named outside the package (../, an absolute path, a drive), which no Word file has', async () => {
    const document = { name: 'word/document.xml', ...deflated('<w:document/>') };
    for (const name of ['../../evil.txt', 'word/../../evil.txt', '/etc/evil.txt', 'C:/evil.txt', '..\\evil.txt']) {
      const zip = makeZip([document, { name, ...deflated('x') }]);
      expect(await checkZip(zip), name).toMatch(/文件名不安全.*未读取/);
    }
    // Names Word and WPS do write stay readable: a dot in a name is not a parent folder.
    const ordinary = makeZip([
      document,
      { name: 'word/media/..image1.png', ...deflated('x') },
      { name: 'customXml/item1.xml', ...deflated('<a/>') },
    ]);
    expect(await checkZip(ordinary)).toBeNull();
  });

  it('leaves a damaged zip to the importer, which names the damage', async () => {
    expect(await checkZip(new TextEncoder().encode('PK\u0003\u0004 not really a zip'))).toBeNull();
  });
});
