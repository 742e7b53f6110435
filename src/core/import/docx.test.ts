import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { htmlToText, importDocx } from './docx';

async function docxOf(children: Array<Paragraph | Table>): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children }] })));
}

describe('importDocx', () => {
  it('takes Heading-styled paragraphs without a number (Word numbered them) as parts', async () => {
    const bytes = await docxOf([
      new Paragraph('青石镇2024年度法治政府建设情况报告'),
      new Paragraph('2024年，我镇依法行政，现报告如下：'),
      new Paragraph({ text: '主要举措和成效', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: '健全依法行政制度体系', heading: HeadingLevel.HEADING_2 }),
      new Paragraph('全年审查合同12份。'),
      new Paragraph({ text: '存在的不足和原因', heading: HeadingLevel.HEADING_1 }),
      new Paragraph('人员少。'),
    ]);
    const result = await importDocx(bytes);
    if (!result.ok) throw new Error(result.error);
    expect(result.mapping.map((m) => [m.heading, m.part])).toEqual([
      ['一、主要举措和成效', 'measures'],
      ['三、存在的不足和原因', 'shortcomings'],
    ]);
    expect(result.doc.sections[1]!.blocks[0]).toEqual({ kind: 'subheading', level: 2, text: '健全依法行政制度体系' });
  });

  it('reads a Word table as one table block, its cells in rows (issue #16.8)', async () => {
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const bytes = await docxOf([
      new Paragraph('青石镇2024年度法治政府建设情况报告'),
      new Paragraph('一、主要举措和成效'),
      new Table({
        rows: [
          new TableRow({ children: [cell('指标'), cell('数量')] }),
          new TableRow({ children: [cell('调解纠纷'), cell('80件')] }),
        ],
      }),
    ]);
    const result = await importDocx(bytes);
    expect(result.ok && result.doc.sections.find((s) => s.part === 'measures')!.blocks).toEqual([
      {
        kind: 'table',
        rows: [
          ['指标', '数量'],
          ['调解纠纷', '80件'],
        ],
        text: '指标\t数量\n调解纠纷\t80件',
      },
    ]);
  });

  it.each([
    ['an empty file', async () => new Uint8Array(), '空'],
    ['a Word file without text', async () => docxOf([new Paragraph('')]), '没有文字'],
    ['a truncated Word file', async () => (await docxOf([new Paragraph('标题')])).subarray(0, 600), '损坏或不完整'],
    [
      'a zip of something else',
      async () => {
        const zip = new JSZip();
        zip.file('photo.txt', 'holiday');
        return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
      },
      '不是 Word 文件',
    ],
    ['random bytes', async () => new Uint8Array(4096).map((_, i) => (i * 7919) % 256), '不是有效的 Word 文件'],
  ])('refuses %s with a Chinese message and no exception', async (_name, make, message) => {
    const result = await importDocx(await make());
    expect(result.ok || result.error).toContain(message);
  });
});

describe('htmlToText', () => {
  it('decodes entities, drops images and footnote back-links, and notes styled headings', () => {
    const { text, styledHeadings } = htmlToText(
      '<h1>一、举措 &amp; 成效</h1><p>A&lt;B&#x4e00;<img src="data:x"/></p><ol><li><p>注释 <a href="#footnote-ref-1">↑</a></p></li></ol>',
    );
    expect(text.split('\n').filter(Boolean)).toEqual(['一、举措 & 成效', 'A<B一', '注释 ']);
    expect([...styledHeadings]).toEqual([['一、举措 & 成效', 1]]);
  });
});
