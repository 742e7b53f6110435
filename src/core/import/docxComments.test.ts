/**
 * The county's comments (批注) come back with the report: each kept with its author, date and text, and
 * found again on the words it is about — in a heading, a paragraph, across two paragraphs, in a table
 * cell, by its reference alone, and in a file our own 写回批注 wrote.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
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
import { parseReportFile, serializeReport } from '../model/file';
import {
  locateReviewComment,
  reviewCommentKey,
  reviewCommentStates,
  reviewCommentSummary,
  reviewThreads,
} from '../model/reviewComments';
import { crc32 } from '../export/zip';
import { commentEx, from, handBuilt, para, run, to, wordComment, W_NS } from '../../../test/support/commentedDocx';
import { needleOf, findingText } from '../review/annotate';
import { reviewFile } from '../review/reviewFile';
import { defaultRegistry } from '../templates/registry';
import { COMMENTS_LOST, importDocx } from './docx';
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
    // Lost, but said: the import dialog lists the warning.
    expect(imported.warnings).toContain(COMMENTS_LOST);
  });

  it('a file without comments has none, and the import says nothing of comments', async () => {
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '河口镇', year: 2025 });
    const imported = await importDocx(await exportDocx(doc));
    expect(imported.ok && imported.doc.reviewComments).toBeUndefined();
    expect(imported.ok && imported.warnings.join('')).not.toContain('批注');
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

// ——— Packages written by hand: Word's threads and 已解决 (commentsExtended.xml), WPS's plain comments ———

/** 梅岭镇's report back from the county's Word: five comments, two threads with replies, two marked 已解决. */
async function wordReturned(): Promise<Uint8Array> {
  const body = [
    para(run('梅岭镇2025年度法治政府建设情况报告')),
    para(run('一、主要举措和成效')),
    para(run('全镇开展'), from(0), from(1), from(2), run('法律进乡村活动三十余场'), to(0), to(1), to(2), run('。')),
    para(from(3), run('行政执法案卷评查合格率百分之百'), to(3), run('。')),
    para(run('二、存在的不足和原因')),
    para(from(4), run('基层法治力量薄弱'), to(4), run('。')),
    para(from(5), run('个别村调委会台账不全'), to(5), run('。')),
    para(run('梅岭镇人民政府')),
  ].join('');
  const comments = [
    wordComment(0, '县司法局 刘审核', '2026-03-02T09:00:00Z', [['1A2B0001', '活动场次请写准确数字。']]),
    // Word writes a reply as a comment of its own on the same words; commentsExtended ties it to its parent.
    wordComment(1, '梅岭镇党政办', '2026-03-03T10:00:00Z', [['1A2B0002', '已核实为三十二场，正文已改。']]),
    wordComment(2, '县司法局 刘审核', '2026-03-04T08:30:00Z', [['1A2B0003', '好的。']]),
    // Two paragraphs: Word names the comment by its last paragraph's id.
    wordComment(3, '县司法局 刘审核', '2026-03-02T09:05:00Z', [
      ['3C4D0001', '合格率的口径请说明，'],
      ['3C4D0002', '是否含乡镇自查案卷？'],
    ]),
    wordComment(4, '县依法治县办', '2026-03-02T11:00:00Z', [['5E6F0001', '请写明具体原因。']]),
    wordComment(5, '县依法治县办', '2026-03-02T11:10:00Z', [['5E6F0002', '台账问题写入整改措施。']]),
  ].join('');
  const extended = [
    commentEx('1A2B0001', ' w15:done="1"'),
    commentEx('1A2B0002', ' w15:paraIdParent="1A2B0001" w15:done="1"'),
    // A reply to the reply: the same thread.
    commentEx('1a2b0003', ' w15:paraIdParent="1a2b0002" w15:done="1"'),
    // The first paragraph's id is not the comment's: its done says nothing.
    commentEx('3C4D0001', ' w15:done="1"'),
    commentEx('3C4D0002', ' w15:done="0"'),
    commentEx('5E6F0001', ' w15:done="0"'),
    commentEx('5E6F0002', ' w15:done="1"'),
  ].join('');
  return handBuilt({ body, comments, extended });
}

describe("Word's threads and 已解决", () => {
  it('a comment the reviewer marked 已解决 comes in as 已处理, which the clerk can undo; the count says how many', async () => {
    const imported = await importDocx(await wordReturned());
    if (!imported.ok) throw new Error(imported.error);
    const doc = imported.doc;
    const states = reviewCommentStates(doc, toPlainText(doc));
    // Four items: a thread of three, and three comments of their own.
    expect(states.map((s) => [s.text, s.resolved])).toEqual([
      ['活动场次请写准确数字。', true],
      ['合格率的口径请说明，\n是否含乡镇自查案卷？', false],
      ['请写明具体原因。', false],
      ['台账问题写入整改措施。', true],
    ]);
    expect(states.map((s) => s.resolvedInWord)).toEqual([true, false, false, true]);
    expect(reviewCommentSummary(doc.reviewComments)).toEqual({ threads: 4, replies: 2, resolvedInWord: 2 });
    // 改为未处理: the thread is open again; the file still says the reviewer had resolved it.
    const reopened = { ...doc, ignoredFindings: doc.ignoredFindings.filter((k) => k !== reviewCommentKey('c1')) };
    const again = reviewCommentStates(reopened, toPlainText(reopened));
    expect(again[0]).toMatchObject({ resolved: false, resolvedInWord: true });
    // Saved and opened again: the same threads and the same 已处理.
    const back = parseReportFile(serializeReport(doc));
    if (!back.ok) throw new Error(back.error);
    expect(back.doc).toEqual(doc);
    expect(reviewCommentStates(back.doc, toPlainText(back.doc))).toEqual(states);
  });

  it('a reply shows under its parent: one item, the thread in order, each with author and date', async () => {
    const imported = await importDocx(await wordReturned());
    if (!imported.ok) throw new Error(imported.error);
    const plain = toPlainText(imported.doc);
    const [thread] = reviewCommentStates(imported.doc, plain);
    expect(thread!.author).toBe('县司法局 刘审核');
    expect(plain.text.slice(thread!.start!, thread!.end!)).toBe('法律进乡村活动三十余场');
    expect(thread!.replies.map((r) => [r.author, r.date, r.text])).toEqual([
      ['梅岭镇党政办', '2026-03-03T10:00:00Z', '已核实为三十二场，正文已改。'],
      ['县司法局 刘审核', '2026-03-04T08:30:00Z', '好的。'],
    ]);
    // 已处理 acts on the thread: one key, and no reply is an item of its own to put away.
    expect(imported.doc.ignoredFindings).toEqual([reviewCommentKey('c1'), reviewCommentKey('c6')]);
  });

  it('a file from a Word before 2013, a reply whose parent is gone, or parents that name each other, still gives every comment once', async () => {
    const body = para(from(0), from(1), from(2), run('全年受理行政复议申请七件'), to(0), to(1), to(2));
    const comments = [
      wordComment(0, '县司法局', '2026-03-02T09:00:00Z', [['0000AAA1', '请附案件清单。']]),
      wordComment(1, '县司法局', '2026-03-02T09:01:00Z', [['0000AAA2', '清单另附。']]),
      wordComment(2, '县司法局', '2026-03-02T09:02:00Z', [['0000AAA3', '数字与统计表一致。']]),
    ].join('');
    const extended = [
      commentEx('0000AAA1', ' w15:paraIdParent="0000AAA2"'),
      commentEx('0000AAA2', ' w15:paraIdParent="0000AAA1"'),
      commentEx('0000AAA3', ' w15:paraIdParent="0000FFFF"'),
    ].join('');
    const looped = await readDocxComments(await handBuilt({ body, comments, extended }));
    expect(looped.map((c) => c.text).sort()).toEqual(['数字与统计表一致。', '清单另附。', '请附案件清单。'].sort());
    expect(reviewThreads(looped).flatMap((t) => [t.comment, ...t.replies])).toHaveLength(3);
    expect(looped.find((c) => c.text === '数字与统计表一致。')!.replyTo).toBeUndefined();
    // Of two comments naming each other, the one written first starts the thread.
    expect(reviewThreads(looped)[0]!.replies.map((r) => r.text)).toEqual(['清单另附。']);
    // The same comments without commentsExtended (Word 2010, or the part cut off): three open comments.
    const flat = await readDocxComments(await handBuilt({ body, comments }));
    expect(flat.map((c) => [c.replyTo, c.resolvedInWord])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it('a damaged commentsExtended costs the threads and 已解决, never the comments', async () => {
    const bytes = await handBuilt({
      body: para(from(0), run('法治副校长覆盖全部学校'), to(0)),
      comments: wordComment(0, '县教育局', '2026-03-02T09:00:00Z', [['0000BBB1', '请写明人数。']]),
      extended: `${commentEx('0000BBB1', ' w15:done="1"')}<w15:commentEx`,
    });
    const imported = await importDocx(bytes);
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.doc.reviewComments!.map((c) => [c.text, c.resolvedInWord])).toEqual([['请写明人数。', undefined]]);
    expect(imported.doc.ignoredFindings).toEqual([]);
    expect(imported.warnings.join('')).not.toContain('批注');
  });
});

describe('comments as WPS writes them', () => {
  it('are read: no commentsExtended, other namespaces, w:initials, in a table cell and across two paragraphs', async () => {
    // WPS declares its own namespaces, writes initials and a local time without a zone, and no paraIds.
    const head =
      `xmlns:w="${W_NS}" xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" ` +
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="wpsCustomData"';
    const wps = (id: number, author: string, ...lines: string[]) =>
      `<w:comment w:id="${id}" w:author="${author}" w:date="2026-03-06T15:20:00" w:initials="Z">` +
      lines.map((l) => `<w:p><w:pPr><w:pStyle w:val="9"/></w:pPr>${run(l)}</w:p>`).join('') +
      '</w:comment>';
    const cell = (...content: string[]) =>
      `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${para(...content)}</w:tc>`;
    const body = [
      para(run('竹溪乡2025年度法治政府建设情况报告')),
      para(run('一、主要举措和成效')),
      para(from(11), run('乡司法所配备工作人员两名。')),
      para(run('聘请法律顾问一名。'), to(11)),
      `<w:tbl><w:tblPr><w:tblW w:w="4000" w:type="dxa"/></w:tblPr>` +
        `<w:tr>${cell(run('指标'))}${cell(run('数量'))}</w:tr>` +
        `<w:tr>${cell(run('人民调解案件'))}${cell(from(12), run('41件'), to(12))}</w:tr></w:tbl>`,
      para(run('二、存在的不足和原因')),
      para(run('法治宣传形式单一。'), `<w:r><w:commentReference w:id="13"/></w:r>`),
    ].join('');
    const comments =
      wps(11, '县司法局 周审核', '两段请合并，', '并写明人员来源。') +
      wps(12, '县司法局 周审核', '与附表数字不一致。') +
      wps(13, 'zhou', '请举例说明。');
    const imported = await importDocx(await handBuilt({ body, comments, commentsHead: head }));
    if (!imported.ok) throw new Error(imported.error);
    const plain = toPlainText(imported.doc);
    const states = reviewCommentStates(imported.doc, plain);
    expect(states.map((s) => [s.author, s.text, s.resolved, s.replies.length])).toEqual([
      ['县司法局 周审核', '两段请合并，\n并写明人员来源。', false, 0],
      ['县司法局 周审核', '与附表数字不一致。', false, 0],
      ['zhou', '请举例说明。', false, 0],
    ]);
    expect(states.map((s) => plain.text.slice(s.start!, s.end!))).toEqual([
      '乡司法所配备工作人员两名。\n聘请法律顾问一名。',
      '41件',
      '法治宣传形式单一。',
    ]);
    expect(states[0]!.date).toBe('2026-03-06T15:20:00');
    expect(imported.warnings.join('')).not.toContain('批注');
  });
});

describe('comments that could not be read are said, not lost silently', () => {
  it('a .docx only mammoth can open (ZIP64): its text comes in, and the import says its comments did not', async () => {
    const bytes = zip64(await returnedFile());
    const imported = await importDocx(bytes);
    if (!imported.ok) throw new Error(imported.error);
    expect(toPlainText(imported.doc).text).toContain('基本完成');
    expect(imported.doc.reviewComments).toBeUndefined();
    expect(imported.warnings).toContain(COMMENTS_LOST);
    // The same kind of file without comments: no word of them.
    const bare = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '河口镇', year: 2025 });
    const plain = await importDocx(zip64(await exportDocx(bare)));
    expect(plain.ok && plain.warnings).not.toContain(COMMENTS_LOST);
  });

  it('a .docx mammoth reads for its symbols keeps its comments', async () => {
    const bytes = await handBuilt({
      body:
        para(run('一、主要举措和成效')) +
        para(from(0), run('完成普法任务'), `<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>`, to(0)),
      comments: wordComment(0, '县司法局', '2026-03-02T09:00:00Z', [['0000CCC1', '请列出具体任务。']]),
    });
    const imported = await importDocx(bytes);
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.doc.reviewComments!.map((c) => c.text)).toEqual(['请列出具体任务。']);
    expect(imported.warnings).not.toContain(COMMENTS_LOST);
  });
});

/**
 * The same package rewritten as ZIP64 (entries stored, each central record's sizes in a ZIP64 extra
 * field), as some archivers write it: mammoth opens it, the fast reader does not.
 */
function zip64(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  const entries: Array<{ name: Uint8Array; data: Uint8Array }> = [];
  for (let i = 0, at = view.getUint32(end + 16, true); i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = bytes.subarray(at + 46, at + 46 + nameLength);
    const local = view.getUint32(at + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const compressed = bytes.subarray(start, start + view.getUint32(at + 20, true));
    const method = view.getUint16(at + 10, true);
    entries.push({ name, data: method === 8 ? new Uint8Array(inflateRawSync(compressed)) : compressed });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  const out: number[] = [];
  /** Little-endian fields, each [bytes, value]; a value of 8 bytes is below 2^32 here. */
  const put = (...fields: Array<[2 | 4 | 8, number]>) => {
    for (const [size, n] of fields) for (let k = 0; k < size; k++) out.push(k < 4 ? (n >>> (8 * k)) & 0xff : 0);
  };
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(out.length);
    put([4, 0x04034b50], [2, 45], [2, 0x0800], [2, 0], [2, 0], [2, 0], [4, crc32(e.data)]);
    put([4, e.data.length], [4, e.data.length], [2, e.name.length], [2, 0]);
    out.push(...e.name, ...e.data);
  }
  const directory = out.length;
  entries.forEach((e, i) => {
    put([4, 0x02014b50], [2, 45], [2, 45], [2, 0x0800], [2, 0], [2, 0], [2, 0], [4, crc32(e.data)]);
    put([4, 0xffffffff], [4, 0xffffffff], [2, e.name.length], [2, 20], [2, 0], [2, 0], [2, 0], [4, 0]);
    put([4, offsets[i]!]);
    out.push(...e.name);
    put([2, 0x0001], [2, 16], [8, e.data.length], [8, e.data.length]);
  });
  const size = out.length - directory;
  put([4, 0x06054b50], [2, 0], [2, 0], [2, entries.length], [2, entries.length], [4, size], [4, directory], [2, 0]);
  return new Uint8Array(out);
}
