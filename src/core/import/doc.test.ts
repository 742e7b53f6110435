import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasComments } from './doc';
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

  it('says what an old Word file keeps apart from its text: notes, text boxes, automatic numbers', async () => {
    // LibreOffice wrote it from one of our numbered .docx (test/corpus/doc-qingsong-numbered.doc): the
    // headings' numbers were Word's, a footnote and a text box stood in 举措和成效.
    const numbered = new Uint8Array(readFileSync(join(__dirname, '../../../test/corpus/doc-qingsong-numbered.doc')));
    const result = await importFile('去年的报告.doc', numbered);
    if (!result.ok) throw new Error(result.error);
    expect(result.warnings.join('\n')).toMatch(/脚注、尾注或文本框（共 \d+ 字）.*未导入/);
    expect(result.warnings.join('\n')).toContain('自动编号');
    // Its headings lost their numbers; their wording still finds every part, "2026年工作安排" included.
    expect(result.doc.sections.map((s) => s.part)).toEqual([
      'opening',
      'measures',
      'leadership',
      'shortcomings',
      'plans',
      'other',
    ]);
    expect(result.doc.meta.signature).toEqual(['青松镇人民政府']);
    const plain = await importFile('去年的报告.doc', doc);
    expect(plain.ok && plain.warnings).toEqual([]);
  });

  it('says that the comments of an old Word or WPS file were not read, only when it has some', async () => {
    // LibreOffice wrote it from a .docx of ours with one comment (test/corpus/doc-shiqiao-comment.doc).
    const commented = new Uint8Array(readFileSync(join(__dirname, '../../../test/corpus/doc-shiqiao-comment.doc')));
    for (const name of ['县里退回的报告.doc', '县里退回的报告.wps']) {
      const result = await importFile(name, commented);
      if (!result.ok) throw new Error(result.error);
      expect(result.doc.reviewComments).toBeUndefined();
      expect(result.warnings.join('\n')).toMatch(/有批注（审核意见）.*不能导入.*另存为 \.docx/);
    }
    expect(hasComments(commented)).toBe(true);
    expect(hasComments(doc)).toBe(false);
  });

  it('refuses a cut, an encrypted or a non-Word compound file with a Chinese message', async () => {
    const cut = await importFile('a.doc', doc.subarray(0, 1500));
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.error).toMatch(/无法读取.*损坏/);
    const encrypted = new Uint8Array(2048);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.set(
      [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]),
      1024,
    );
    const locked = await importFile('a.docx', encrypted);
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error).toContain('密码');
    const sheet = encrypted.slice();
    sheet.set(
      [...'Workbook\0\0\0\0\0\0\0\0'].flatMap((c) => [c.charCodeAt(0), 0]),
      1024,
    );
    const notWord = await importFile('a.doc', sheet);
    expect(notWord.ok).toBe(false);
    if (!notWord.ok) expect(notWord.error).toContain('不是 Word/WPS 文字文件');
  });
});
