/** The importer's messages from the attack list (#13 item 8): each file is called what it is. */
import { describe, expect, it } from 'vitest';
import { compoundStreamNames } from './cfb';
import { decodeText, importFile } from './index';

/** A minimal OLE compound file (512-byte sectors: header, one FAT sector, one directory sector). */
function compoundFile(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  const view = new DataView(bytes.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (bytes[i] = b));
  view.setUint16(0x1e, 9, true);
  view.setUint32(0x30, 1, true); // directory starts in sector 1
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true); // FAT in sector 0
  view.setUint32(512, 0xfffffffd, true);
  view.setUint32(516, 0xfffffffe, true);
  ['Root Entry', ...streams].forEach((name, n) => {
    const at = 1024 + n * 128;
    for (let i = 0; i < name.length; i++) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
  });
  return bytes;
}

describe('what a file is called', () => {
  it('calls a password-protected .docx encrypted, not an old .doc', async () => {
    const encrypted = compoundFile(['EncryptionInfo', 'EncryptedPackage']);
    expect(compoundStreamNames(encrypted)).toEqual(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']);
    const result = await importFile('年度报告.docx', encrypted);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/设置了打开密码/);
    const old = await importFile('年度报告.doc', compoundFile(['WordDocument', '1Table']));
    if (!old.ok) expect(old.error).toMatch(/旧版 Word/);
  });

  it.each([
    ['utf-16le', (s: string) => Buffer.from(s, 'utf16le')],
    ['utf-16be', (s: string) => Buffer.from(s, 'utf16le').swap16()],
  ])('reads %s text saved without a BOM', (_, encode) => {
    for (const text of [
      '石桥乡2025年度法治政府建设情况报告\r\n一、主要举措和成效\r\n全年调解纠纷356件。',
      '法治建设（一）健全制度：全年审查合同12份。',
    ]) {
      const decoded = decodeText(new Uint8Array(encode(text)));
      expect(decoded).toMatchObject({ ok: true, text, encoding: 'utf-16' });
    }
  });

  it('still refuses binary that happens to have zero bytes', () => {
    const png = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(decodeText(png)).toMatchObject({ ok: false, error: expect.stringContaining('不是文本文件') });
  });
});
