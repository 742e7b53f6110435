import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from './index';

/** A Word 97 file LibreOffice wrote from a text of ours (test/corpus/doc-baisha.doc). */
const doc = new Uint8Array(readFileSync(join(__dirname, '../../../test/corpus/doc-baisha.doc')));

describe('.doc and .wps import', () => {
  it('reads an old Word file into parts, and the same bytes named .wps', async () => {
    for (const name of ['去年的报告.doc', '去年的报告.wps']) {
      const result = await importFile(name, doc);
      if (!result.ok) throw new Error(result.error);
      expect(result.doc.meta.unit).toBe('白沙镇');
      expect(result.doc.meta.year).toBe(2025);
      expect(result.doc.sections.map((s) => s.part)).toEqual(['opening', 'measures', 'shortcomings', 'plans']);
      expect(result.doc.meta.date).toBe('2026年1月10日');
    }
  });

  it('refuses a cut, an encrypted or a non-Word compound file with a Chinese message', async () => {
    const cut = await importFile('a.doc', doc.subarray(0, 1500));
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.error).toMatch(/无法读取.*损坏/);
    const encrypted = new Uint8Array(2048);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.set([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]), 1024);
    const locked = await importFile('a.docx', encrypted);
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error).toContain('密码');
    const sheet = encrypted.slice();
    sheet.set([...'Workbook\0\0\0\0\0\0\0\0'].flatMap((c) => [c.charCodeAt(0), 0]), 1024);
    const notWord = await importFile('a.doc', sheet);
    expect(notWord.ok).toBe(false);
    if (!notWord.ok) expect(notWord.error).toContain('不是 Word/WPS 文字文件');
  });
});
