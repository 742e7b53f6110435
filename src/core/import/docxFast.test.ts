import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  SymbolRun,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { mammothText } from './docx';
import { fastDocxText } from './docxFast';

/** Lines as the importer sees them: trimmed, blank ones gone. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

async function docxOf(
  children: Array<Paragraph | Table>,
  footnotes?: Record<number, { children: Paragraph[] }>,
): Promise<Uint8Array> {
  return new Uint8Array(
    await Packer.toArrayBuffer(new Document({ ...(footnotes ? { footnotes } : {}), sections: [{ children }] })),
  );
}

describe('fastDocxText reads what mammoth reads', () => {
  it('paragraphs, runs, tabs, line breaks, escaped characters, tables and heading styles', async () => {
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const bytes = await docxOf([
      new Paragraph({ text: '青石镇2024年度法治政府建设情况报告', alignment: AlignmentType.CENTER }),
      new Paragraph({
        children: [new TextRun('一、'), new TextRun({ text: '主要举措', bold: true }), new TextRun('和成效')],
      }),
      new Paragraph({
        children: [new TextRun('甲\t乙'), new TextRun({ text: '换行后', break: 1 }), new TextRun(' A&B <C> "D" ')],
      }),
      new Paragraph(''),
      new Table({ rows: [new TableRow({ children: [cell('指标'), cell('80件')] })] }),
      new Paragraph({ text: '存在的不足和原因', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: '健全制度', heading: HeadingLevel.HEADING_2 }),
    ]);
    const fast = await fastDocxText(bytes);
    const reference = await mammothText(bytes);
    if (!fast || 'error' in reference) throw new Error('both readings should succeed');
    expect(lines(fast.text)).toEqual(lines(reference.text));
    expect(fast.styledHeadings).toEqual(reference.styledHeadings); // a Map: same entries, any order
    expect(lines(fast.text)).toContain('换行后 A&B <C> "D"');
  });

  it('reads a footnote at its paragraph; leaves symbols and non-documents to mammoth', async () => {
    const withNote = await docxOf(
      [new Paragraph({ children: [new TextRun('正文'), new FootnoteReferenceRun(1)] }), new Paragraph('后文')],
      { 1: { children: [new Paragraph('注释')] } },
    );
    expect(lines((await fastDocxText(withNote))!.text)).toEqual(['正文', '注：注释', '后文']);
    const withSymbol = await docxOf([new Paragraph({ children: [new TextRun('正文'), new SymbolRun('F0FC')] })]);
    expect(await fastDocxText(withSymbol)).toBeUndefined();
    expect(await fastDocxText(new TextEncoder().encode('PK not really a zip'))).toBeUndefined();
    const good = await docxOf([new Paragraph('标题')]);
    expect(await fastDocxText(good.subarray(0, good.length - 30))).toBeUndefined();
  });
});
