/**
 * The county's comments (批注) come back with the report: each kept with its author, date and text, and
 * found again on the words it is about — in a heading, a paragraph, across two paragraphs, in a table
 * cell, by its reference alone, and in a file our own 写回批注 wrote.
 */
import { deflateRawSync } from 'node:zlib';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../checks/index';
import { exportDocx } from '../export/docx';
import { toWebText } from '../export/webText';
import { createReportFromTemplate } from '../model/fromTemplate';
import { toPlainText } from '../model/plainText';
import { locateReviewComment } from '../model/reviewComments';
import { needleOf, findingText } from '../review/annotate';
import { reviewFile } from '../review/reviewFile';
import { defaultRegistry } from '../templates/registry';
import { importDocx } from './docx';
import { readDocxComments } from './docxComments';
import { readDocxPart } from './docxFast';
import { maskPrivateNumbers } from '../checks/privacy';

const when = new Date('2026-03-02T09:30:00Z');
const comment = (id: number, author: string, ...lines: string[]) => ({
  id,
  author,
  date: when,
  children: lines.map((l) => new Paragraph(l)),
});
const commented = (id: number, text: string) => [
  new CommentRangeStart(id),
  new TextRun(text),
  new CommentRangeEnd(id),
  new TextRun({ children: [new CommentReference(id)] }),
];

/** A town's report as the county returns it from Word: five comments, each anchored another way. */
async function returnedFile(): Promise<Uint8Array> {
  const doc = new Document({
    comments: {
      children: [
        comment(0, '县司法局 王科长', '这一部分的标题请按县里的提纲写。'),
        comment(1, '县司法局 王科长', '“基本完成”太笼统，', '请写明完成了几项。'),
        comment(2, '县依法治县办', '两段内容重复，合并为一段。'),
        comment(3, '县司法局 王科长', '表中数字与正文不一致，请核对。'),
        comment(4, '县司法局 王科长', '请补充镇党委书记述法的情况。'),
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('松岭镇2025年度法治政府建设情况报告'),
          new Paragraph('县委、县政府：'),
          new Paragraph('2025年，松岭镇围绕法治乡镇建设目标开展工作，现将情况报告如下。'),
          new Paragraph('一、主要举措和成效'),
          new Paragraph({
            children: [new TextRun('全年法治培训任务'), ...commented(1, '基本完成'), new TextRun('，群众满意度提升。')],
          }),
          new Paragraph({ children: [new CommentRangeStart(2), new TextRun('调解委员会每月排查矛盾纠纷一次。')] }),
          new Paragraph({
            children: [
              new TextRun('各村调解员参加培训两次。'),
              new CommentRangeEnd(2),
              new TextRun({ children: [new CommentReference(2)] }),
            ],
          }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('项目')] }),
                  new TableCell({ children: [new Paragraph('数量')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('行政调解案件')] }),
                  new TableCell({ children: [new Paragraph({ children: commented(3, '17件') })] }),
                ],
              }),
            ],
          }),
          new Paragraph({ children: [...commented(0, '二、存在的不足和原因')] }),
          new Paragraph('部分村干部法治意识仍需加强。'),
          new Paragraph('三、党政主要负责人履行推进法治建设第一责任人职责情况'),
          // Only the reference, no range: some tools write comments this way.
          new Paragraph({
            children: [new TextRun('镇党委书记带头学法。'), new TextRun({ children: [new CommentReference(4)] })],
          }),
          new Paragraph('四、2026年工作打算'),
          new Paragraph('继续开展法治培训。'),
          new Paragraph('松岭镇人民政府'),
          new Paragraph('2026年1月18日'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const squash = (text: string) => text.replace(/\s+/g, '');

describe('comments of an imported .docx', () => {
  it('are kept with author, date and text, each on the words it is about', async () => {
    const imported = await importDocx(await returnedFile());
    if (!imported.ok) throw new Error(imported.error);
    const comments = imported.doc.reviewComments ?? [];
    expect(comments.map((c) => c.text)).toEqual([
      '这一部分的标题请按县里的提纲写。',
      '“基本完成”太笼统，\n请写明完成了几项。',
      '两段内容重复，合并为一段。',
      '表中数字与正文不一致，请核对。',
      '请补充镇党委书记述法的情况。',
    ]);
    expect(comments[0]!.author).toBe('县司法局 王科长');
    expect(comments[2]!.author).toBe('县依法治县办');
    expect(new Date(comments[0]!.date).toISOString()).toBe(when.toISOString());
    expect(new Set(comments.map((c) => c.id)).size).toBe(5);

    const plain = toPlainText(imported.doc);
    const words = comments.map((c) => {
      const at = locateReviewComment(c, plain);
      return at ? plain.text.slice(at.start, at.end) : null;
    });
    expect(words[0]).toContain('存在的不足和原因'); // a part heading
    expect(words[1]).toBe('基本完成'); // words inside a paragraph
    // Across two paragraphs: from the first's start to the second's end.
    expect(words[2]).toBe('调解委员会每月排查矛盾纠纷一次。\n各村调解员参加培训两次。');
    expect(words[3]).toBe('17件'); // a table cell
    expect(words[4]).toBe('镇党委书记带头学法。'); // only a reference: its paragraph
  });

  it('find the same occurrence of repeated words, and follow them when the clerk edits around them', async () => {
    const bytes = new Uint8Array(
      await Packer.toBuffer(
        new Document({
          comments: { children: [comment(7, '县司法局', '这里的数字请核对。')] },
          sections: [
            {
              children: [
                new Paragraph('一、主要举措和成效'),
                new Paragraph('办理行政复议案件5件。'),
                new Paragraph({
                  children: [new TextRun('今年又'), ...commented(7, '办理行政复议案件5件'), new TextRun('。')],
                }),
              ],
            },
          ],
        }),
      ),
    );
    const imported = await importDocx(bytes);
    if (!imported.ok) throw new Error(imported.error);
    const [only] = imported.doc.reviewComments!;
    expect(only!.occurrence).toBe(1);
    const doc = imported.doc;
    const second = (d: typeof doc) => {
      const plain = toPlainText(d);
      const at = locateReviewComment(only!, plain)!;
      return { at, line: plain.text.slice(0, at.start).split('\n').length - 1, plain };
    };
    const before = second(doc);
    expect(before.plain.text.slice(before.at.start, before.at.end)).toBe('办理行政复议案件5件');
    expect(before.plain.lines[before.line]!.text).toContain('今年又');
    // A paragraph typed above it moves the words down; the comment moves with them.
    const section = doc.sections.find((s) => s.blocks.some((b) => b.text.includes('今年又')))!;
    section.blocks.unshift({ kind: 'paragraph', text: '（新写的一段。）' });
    const after = second(doc);
    expect(after.plain.lines[after.line]!.text).toContain('今年又');
    // Words rewritten by the clerk are no longer anywhere: the comment says so rather than point elsewhere.
    for (const s of doc.sections)
      s.blocks = s.blocks.map((b) => (b.kind === 'paragraph' ? { ...b, text: b.text.replace(/5件/g, '6件') } : b));
    expect(locateReviewComment(only!, toPlainText(doc))).toBeNull();
  });

  it('leave out words deleted with track changes, and keep a comment anchored nowhere in the body as one on the whole report', async () => {
    const bytes = new Uint8Array(
      await Packer.toBuffer(
        new Document({
          comments: {
            children: [comment(3, '县司法局', '这句请改写。'), comment(4, '县司法局', '全文请压缩到三千字。')],
          },
          sections: [
            {
              children: [
                new Paragraph('一、主要举措和成效'),
                new Paragraph({
                  children: [
                    new CommentRangeStart(3),
                    new TextRun('镇里聘请法律顾问'),
                    new DeletedTextRun({ text: '两名', id: 9, author: '镇党政办', date: '2026-01-02T00:00:00Z' }),
                    new TextRun('一名。'),
                    new CommentRangeEnd(3),
                    new TextRun({ children: [new CommentReference(3)] }),
                  ],
                }),
              ],
            },
          ],
        }),
      ),
    );
    const comments = await readDocxComments(bytes);
    expect(comments.map((c) => c.quote)).toEqual(['镇里聘请法律顾问一名。', '']);
    const imported = await importDocx(bytes);
    if (!imported.ok) throw new Error(imported.error);
    const plain = toPlainText(imported.doc);
    const at = span(locateReviewComment(imported.doc.reviewComments![0]!, plain));
    expect(plain.text.slice(...at)).toBe('镇里聘请法律顾问一名。');
    expect(locateReviewComment(imported.doc.reviewComments![1]!, plain)).toBeNull();
  });

  it('written by our own 写回批注 come back on the same words (check → annotate → import)', async () => {
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
      unit: '青田乡',
      year: 2025,
      date: '2026年1月16日',
    });
    doc.sections[1]!.blocks = [
      { kind: 'paragraph', text: '全年开展法治宣传活动18场,受理群众咨询120人次。' },
      { kind: 'paragraph', text: '调解员联系电话13912345678，随时接待群众。' },
    ];
    const source = await exportDocx(doc);
    const reviewed = await reviewFile('青田乡.docx', source, {
      comments: { deflater: { deflateRaw: (d) => deflateRawSync(d) }, exportDocx: (d) => exportDocx(d), date: when },
    });
    const findings = reviewed.result!.findings.filter((f) => f.severity !== 'info');
    expect(findings.length).toBeGreaterThan(1);

    const imported = await importDocx(reviewed.commented!);
    if (!imported.ok) throw new Error(imported.error);
    const comments = imported.doc.reviewComments ?? [];
    // The summary on the title, then one per finding, with the county's name as author.
    expect(comments).toHaveLength(findings.length + 1);
    expect(comments.every((c) => c.author === '县司法局审核')).toBe(true);
    expect(comments[0]!.text).toMatch(/^审核意见：/);
    // Findings' offsets are into the report the county checked: the town's file as imported.
    const plainBefore = toPlainText(reviewed.doc!).text;
    const plain = toPlainText(imported.doc);
    // The summary sits on the title (its first paragraph when the export breaks it over two).
    const summaryAt = span(locateReviewComment(comments[0]!, plain));
    expect(plain.lines.find((l) => l.start === summaryAt[0])?.kind).toBe('title');
    expect(squash(doc.meta.title).startsWith(squash(plain.text.slice(...summaryAt)))).toBe(true);
    findings.forEach((f, i) => {
      const c = comments[i + 1]!;
      // The county's comment quotes a phone or ID number masked (maskPrivateNumbers), as its workbook does.
      expect(c.text).toContain(maskPrivateNumbers(f.message));
      const words = findingText(f, plainBefore);
      if (!words) return;
      const at = locateReviewComment(c, plain);
      expect(squash(plain.text.slice(...span(at)))).toBe(needleOf(words));
    });
  });

  it('never leave with the report: the Word export and the web text carry none of them', async () => {
    const imported = await importDocx(await returnedFile());
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.doc.reviewComments).toHaveLength(5);
    const exported = await exportDocx(imported.doc);
    expect(await readDocxPart(exported, 'word/comments.xml')).toBeUndefined();
    const xml = (await readDocxPart(exported, 'word/document.xml'))!;
    expect(xml).toContain('基本完成');
    expect(xml).not.toContain('commentReference');
    expect(xml).not.toContain('请写明完成了几项');
    expect(await readDocxComments(exported)).toEqual([]);
    const web = toWebText(imported.doc);
    for (const c of imported.doc.reviewComments!) expect(web).not.toContain(c.text.split('\n')[0]);
    // The checker's findings are those of the same report without comments.
    const { reviewComments: _, ...bare } = imported.doc;
    expect(checkReport(imported.doc).findings).toEqual(checkReport(bare).findings);
  });

  it('a damaged comments part costs the comments, never the import', async () => {
    const bytes = await returnedFile();
    const xml = (await readDocxPart(bytes, 'word/comments.xml'))!;
    expect(xml).toContain('w:comment ');
    const damaged = await repack(bytes, 'word/comments.xml', xml.slice(0, xml.length / 2));
    const imported = await importDocx(damaged);
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.doc.reviewComments).toBeUndefined();
    expect(toPlainText(imported.doc).text).toContain('基本完成');
  });

  it('a file without comments has none', async () => {
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '河口镇', year: 2025 });
    const imported = await importDocx(await exportDocx(doc));
    expect(imported.ok && imported.doc.reviewComments).toBeUndefined();
  });
});

function span(at: { start: number; end: number } | null): [number, number] {
  expect(at).not.toBeNull();
  return [at!.start, at!.end];
}

/** The same package with one part's text replaced (stored, uncompressed), through the docx library's zip. */
async function repack(bytes: Uint8Array, name: string, text: string): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  zip.file(name, text);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
