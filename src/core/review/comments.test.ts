/**
 * Comments written into .docx files made by others (docx with numbering, tables, images, headers, fields,
 * hyperlinks and comments of its own; LibreOffice) and by our exporter: the words each comment spans,
 * the formatting of split runs, every other part unchanged, the schemas, and LibreOffice showing them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { nodeInflater } from '../../node/deflater';
import { DOMParser } from '@xmldom/xmldom';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  ExternalHyperlink,
  Header,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../export/docx';
import { createReportFromTemplate } from '../model/fromTemplate';
import { defaultRegistry } from '../templates/registry';
import { addComments, DocxCommentError } from './comments';
import { entryBytes, readZipEntries, ZipError } from './zipEntries';
import { have, itNeeding } from '../../../test/support/needs';
import { sofficeConvert } from '../../../test/support/soffice';
import { VALIDATOR, VALIDATOR_NEEDS } from '../../../test/support/validateDocx';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const deflater = { deflateRaw: (d: Uint8Array) => deflateRawSync(d) };
const options = { deflater, date: new Date('2026-03-01T08:00:00Z') };
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A town's file as another tool writes it: numbering, a table, an image, a header, a field, a link, a comment. */
async function foreignDocx(): Promise<Uint8Array> {
  const doc = new Document({
    creator: '某镇',
    comments: {
      children: [
        { id: 0, author: '镇党政办', date: new Date('2026-01-05T00:00:00Z'), children: [new Paragraph('请核对数字')] },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'items',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('页眉：柳溪镇人民政府')] }) },
        children: [
          new Paragraph({
            children: [
              new TextRun({ text: '柳溪镇2025年法治政府建设', bold: true }),
              new TextRun({ text: '情况报告', bold: true }),
            ],
          }),
          new Paragraph({ children: [new TextRun('一、主要举措和成效')] }),
          new Paragraph({
            numbering: { reference: 'items', level: 0 },
            children: [
              new TextRun('全年受理矛盾纠纷'),
              new TextRun({ text: '86', italics: true }),
              new TextRun('件，联系电话：138'),
              new TextRun({ text: '0013', bold: true }),
              new TextRun('8000。'),
            ],
          }),
          new Paragraph({
            numbering: { reference: 'items', level: 0 },
            children: [
              new CommentRangeStart(0),
              new TextRun('开展普法宣传活动12场。'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
            ],
          }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('指标')] }),
                  new TableCell({ children: [new Paragraph('行政复议案件3件')] }),
                ],
              }),
            ],
          }),
          new Paragraph({
            children: [
              new ImageRun({ type: 'png', data: PNG, transformation: { width: 20, height: 20 } }),
              new TextRun('附图：调解室'),
            ],
          }),
          new Paragraph({
            children: [
              new ExternalHyperlink({
                link: 'http://www.example.gov.cn/',
                children: [new TextRun('详见政府网站公开专栏')],
              }),
            ],
          }),
          new Paragraph({ children: [new TextRun({ children: ['第', PageNumber.CURRENT, '页'] })] }),
          new Paragraph({ children: [new TextRun('开展普法宣传活动12场，再次说明。')] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function parts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const e of readZipEntries(bytes)) out.set(e.name, await entryBytes(e));
  return out;
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** For each comment id, the text of the document between its range start and end. */
function commentedText(documentXml: string): Map<string, string> {
  const doc = new DOMParser().parseFromString(documentXml, 'application/xml');
  const open = new Set<string>();
  const spans = new Map<string, string>();
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      if (el.namespaceURI === W && el.localName === 'commentRangeStart') {
        open.add(el.getAttributeNS(W, 'id')!);
        spans.set(el.getAttributeNS(W, 'id')!, '');
      } else if (el.namespaceURI === W && el.localName === 'commentRangeEnd') {
        open.delete(el.getAttributeNS(W, 'id')!);
      } else if (el.namespaceURI === W && el.localName === 't') {
        for (const id of open) spans.set(id, spans.get(id)! + el.textContent);
      } else walk(el);
    }
  };
  walk(doc);
  return spans;
}

function allText(documentXml: string): string {
  const doc = new DOMParser().parseFromString(documentXml, 'application/xml');
  return Array.from(doc.getElementsByTagNameNS(W, 't'))
    .map((t) => t.textContent)
    .join('');
}

function comments(commentsXml: string): Array<{ id: string; author: string; text: string }> {
  const doc = new DOMParser().parseFromString(commentsXml, 'application/xml');
  return Array.from(doc.getElementsByTagNameNS(W, 'comment')).map((c) => ({
    id: c.getAttributeNS(W, 'id')!,
    author: c.getAttributeNS(W, 'author')!,
    text: Array.from(c.getElementsByTagNameNS(W, 't'))
      .map((t) => t.textContent)
      .join(''),
  }));
}

const validator = VALIDATOR;
// Where the validator is missing, the comment tests still run without the schema check (CI must have it).
const canValidate = have(...VALIDATOR_NEEDS);
if (!canValidate && process.env.CI)
  throw new Error('CI 上必须校验批注后的 .docx：缺少 ../shared/tools/validate-docx 或 xmllint。');

interface Violation {
  part: string;
  errors: string[];
  foreign: string[];
}

function violations(bytes: Uint8Array): Set<string> {
  const dir = mkdtempSync(join(tmpdir(), 'comments-'));
  writeFileSync(join(dir, 'file.docx'), bytes);
  spawnSync(validator, [join(dir, 'out'), join(dir, 'file.docx')], { encoding: 'utf8', timeout: 120_000 });
  const results = readFileSync(join(dir, 'out', 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Violation);
  return new Set(
    results.flatMap((r) => [...r.errors, ...r.foreign].map((e) => `${r.part}: ${e.replace(/\d+/g, 'n')}`)),
  );
}

/** The schemas accept what we wrote: no violation the town's own file did not already have. */
function expectValid(output: Uint8Array, input: Uint8Array): void {
  const before = violations(input);
  expect([...violations(output)].filter((v) => !before.has(v))).toEqual([]);
}

describe('comments written into a .docx another tool made', () => {
  it('spans exactly the words, across runs, keeping each piece’s formatting', async () => {
    const input = await foreignDocx();
    const before = Buffer.from(input);
    const { bytes, placed } = await addComments(
      input,
      '审核意见：需修改后再报。',
      [
        { text: '13800138000', message: '【错误】删去电话号码' },
        { text: '行政复议案件3件', message: '【警告】表格里的数字' },
        { text: '开展普法宣传活动12场', occurrence: 1, message: '【警告】第二处' },
        { text: '详见政府网站', message: '【警告】链接里的字' },
        { text: '报告里没有的字', message: '【警告】找不到原文' },
      ],
      options,
    );
    expect(Buffer.from(input).equals(before)).toBe(true);
    expect(placed).toEqual(['title', 'text', 'text', 'text', 'text', 'title']);

    const out = await parts(bytes);
    const documentXml = text(out.get('word/document.xml'));
    const spans = commentedText(documentXml);
    const list = comments(text(out.get('word/comments.xml')));
    const byMessage = (m: string) => spans.get(list.find((c) => c.text.includes(m))!.id);
    expect(byMessage('审核意见')).toBe('柳溪镇2025年法治政府建设情况报告');
    expect(byMessage('删去电话号码')).toBe('13800138000');
    expect(byMessage('表格里的数字')).toBe('行政复议案件3件');
    expect(byMessage('第二处')).toBe('开展普法宣传活动12场');
    expect(byMessage('链接里的字')).toBe('详见政府网站');
    expect(list.find((c) => c.text.includes('找不到原文'))!.text).toContain('原文：“报告里没有的字”');
    // The town's own comment stays, with its id; ours get new ones and the county's name.
    expect(list[0]).toMatchObject({ id: '0', author: '镇党政办', text: '请核对数字' });
    expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
    expect(list.slice(1).every((c) => c.author === '县司法局审核')).toBe(true);
    expect(spans.get('0')).toBe('开展普法宣传活动12场。');

    // Not one character of the text changed; the split bold run is bold on both sides of the mark.
    expect(allText(documentXml)).toBe(allText(text((await parts(input)).get('word/document.xml'))));
    expect(documentXml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">0013<\/w:t><\/w:r>/);
    expect(documentXml).toMatch(
      /<w:t xml:space="preserve">件，联系电话：<\/w:t><\/w:r><w:commentRangeStart w:id="\d+"\/><w:r><w:t xml:space="preserve">138<\/w:t>/,
    );

    // Everything but the document, its comments, relationships and content types is stored as it was.
    const original = readZipEntries(input);
    const written = new Map(readZipEntries(bytes).map((e) => [e.name, e]));
    const changed = new Set([
      'word/document.xml',
      'word/comments.xml',
      '[Content_Types].xml',
      'word/_rels/document.xml.rels',
    ]);
    for (const e of original) {
      expect(written.has(e.name)).toBe(true);
      if (!changed.has(e.name))
        expect(Buffer.from(written.get(e.name)!.raw).equals(Buffer.from(e.raw)), e.name).toBe(true);
    }
    if (canValidate) expectValid(bytes, input);
  }, 120_000);

  it('adds comments.xml, its relationship and content type to a file that has none', async () => {
    const input = await exportDocx(
      createReportFromTemplate(defaultRegistry.getOrDefault('township'), { unit: '青石镇', year: 2025 }),
    );
    expect(readZipEntries(input).some((e) => e.name === 'word/comments.xml')).toBe(false);
    const { bytes, placed } = await addComments(
      input,
      '审核意见：可以提交。',
      [{ text: '青石镇', message: '【警告】单位名称' }],
      { ...options, author: '某县依法治县办' },
    );
    expect(placed).toEqual(['title', 'text']);
    const out = await parts(bytes);
    expect(text(out.get('[Content_Types].xml'))).toContain(
      'PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"',
    );
    expect(text(out.get('word/_rels/document.xml.rels'))).toMatch(
      /Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/comments" Target="comments.xml"/,
    );
    expect(comments(text(out.get('word/comments.xml'))).map((c) => c.author)).toEqual([
      '某县依法治县办',
      '某县依法治县办',
    ]);
    if (canValidate) {
      expectValid(bytes, input);
      expect(violations(input).size).toBe(0);
    }
  }, 120_000);

  it('says in Chinese why a file cannot take comments, and writes nothing', async () => {
    await expect(addComments(new TextEncoder().encode('这不是 Word 文件'), null, [], options)).rejects.toThrow(
      ZipError,
    );
    await expect(addComments(new TextEncoder().encode('这不是 Word 文件'), null, [], options)).rejects.toThrow(
      /不是有效的 Word 文件/,
    );
    const input = await foreignDocx();
    const broken = readZipEntries(input).filter((e) => e.name !== 'word/document.xml');
    const { writeZipEntries } = await import('./zipEntries');
    await expect(addComments(writeZipEntries(broken, new Map(), deflater), null, [], options)).rejects.toThrow(
      DocxCommentError,
    );
    const malformed = writeZipEntries(
      readZipEntries(input),
      new Map([['word/document.xml', '<w:document xmlns:w="x"><w:body><w:p></w:body>']]),
      deflater,
    );
    await expect(addComments(malformed, null, [], options)).rejects.toThrow(/word\/document.xml 部件不是有效的 XML/);
  });

  it('writes the same file with Node’s zlib as with DecompressionStream, and refuses a part larger than its header says', async () => {
    const input = await foreignDocx();
    const specs = [
      { text: '开展普法宣传活动12场', occurrence: 1, message: '【警告】第二处' },
      { text: '行政复议案件3件', message: '表格' },
    ];
    const streamed = await addComments(input, '总评', specs, options);
    const zlibbed = await addComments(input, '总评', specs, { ...options, inflater: nodeInflater });
    expect(Buffer.from(zlibbed.bytes).equals(Buffer.from(streamed.bytes))).toBe(true);
    expect(zlibbed.placed).toEqual(['title', 'text', 'text']);
    // document.xml's central record claims 10 bytes: inflating stops there, with the same Chinese message.
    const { writeZipEntries } = await import('./zipEntries');
    const lying = writeZipEntries(
      readZipEntries(input).map((e) => (e.name === 'word/document.xml' ? { ...e, size: 10 } : e)),
      new Map(),
      deflater,
    );
    await expect(addComments(lying, null, [], { ...options, inflater: nodeInflater })).rejects.toThrow(
      /Word 文件已损坏/,
    );
    await expect(addComments(lying, null, [], options)).rejects.toThrow(/Word 文件已损坏/);
  });

  itNeeding(
    ['soffice'],
    'opens in LibreOffice with the comments shown',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'comments-lo-'));
      // A file LibreOffice itself wrote: another producer's idea of runs and styles.
      writeFileSync(
        join(dir, 'town.txt'),
        '柳溪镇法治政府建设情况报告\n一、主要举措\n全年调解纠纷45件，联系人王某。\n',
      );
      sofficeConvert([join(dir, 'town.txt')], dir, 'docx:MS Word 2007 XML');
      const loInput = new Uint8Array(readFileSync(join(dir, 'town.docx')));
      const lo = await addComments(
        loInput,
        '审核意见：需修改后再报。',
        [{ text: '调解纠纷45件', message: '【警告】核对数字' }],
        options,
      );
      expect(lo.placed).toEqual(['title', 'text']);
      writeFileSync(join(dir, 'lo-commented.docx'), lo.bytes);
      writeFileSync(
        join(dir, 'foreign-commented.docx'),
        (await addComments(await foreignDocx(), '总评', [{ text: '行政复议案件3件', message: '表格批注' }], options))
          .bytes,
      );
      sofficeConvert([join(dir, 'lo-commented.docx'), join(dir, 'foreign-commented.docx')], join(dir, 'odt'), 'fodt');
      expect(readdirSync(join(dir, 'odt')).sort()).toEqual(['foreign-commented.fodt', 'lo-commented.fodt']);
      const loFodt = readFileSync(join(dir, 'odt', 'lo-commented.fodt'), 'utf8');
      expect(loFodt.match(/<office:annotation[ >]/g)).toHaveLength(2);
      expect(loFodt).toContain('核对数字');
      expect(loFodt).toContain('县司法局审核');
      const foreignFodt = readFileSync(join(dir, 'odt', 'foreign-commented.fodt'), 'utf8');
      expect(foreignFodt.match(/<office:annotation[ >]/g)).toHaveLength(3);
      expect(foreignFodt).toContain('表格批注');
      if (canValidate) expectValid(lo.bytes, loInput);
    },
    180_000,
  );
});
