import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../model/fromTemplate';
import { tableBlock, type ReportDocument } from '../model/report';
import { defaultRegistry } from '../templates/registry';
import { importDocx } from '../import/index';
import { nodeDeflater } from '../../node/deflater';
import { docxPackageParts, exportDocx, type DocxOptions } from './docx';
import { compilePackageParts, generatedPackageModule, packWithDocx } from './packageSource';
import { textWidth } from './layout';
import { chooseFontProfile, requiredFonts } from './fonts';
import { itNeeding } from '../../../test/support/needs';
import { DocxCollector, VALIDATOR_NEEDS } from '../../../test/support/validateDocx';

function report(): ReportDocument {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '青石镇',
    year: 2025,
    date: '2026年1月15日',
  });
  doc.meta.addressee = '县委、县政府：';
  doc.meta.signature = ['青石镇人民政府'];
  doc.sections[0]!.blocks = [{ kind: 'paragraph', text: '2025年，青石镇坚持依法行政。现将有关情况报告如下：' }];
  doc.sections[1]!.blocks = [
    { kind: 'subheading', level: 2, text: '（一）健全依法行政制度体系' },
    { kind: 'paragraph', text: '1.严格合法性审查。全年审查合同12份，提出意见20条。' },
    { kind: 'paragraph', text: '全年开展法治培训10场次，覆盖500余人次。' },
  ];
  return doc;
}

/** Every file these tests export, schema-checked by the last test. */
const written = new DocxCollector();

async function xml(doc: ReportDocument, options: Partial<DocxOptions> = {}) {
  const zip = await JSZip.loadAsync(written.add(options.fontProfile ?? 'windows', await exportDocx(doc, options)));
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    fontTable: await read('word/fontTable.xml'),
    app: await read('docProps/app.xml'),
    footnotes: await read('word/footnotes.xml'),
    endnotes: await read('word/endnotes.xml'),
    footers: await Promise.all(footers.map(read)),
  };
}

/** The text of every paragraph of document.xml, in order. */
function paragraphTexts(documentXml: string): string[] {
  return (documentXml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>|<w:p\/>/gs) ?? []).map((p) =>
    p.replace(/<[^>]+>/g, ''),
  );
}

/** The paragraph (w:p) of document.xml that contains `text`. */
function paragraphWith(documentXml: string, text: string): string {
  const paragraphs = documentXml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? [];
  const found = paragraphs.find((p) => p.replace(/<[^>]+>/g, '').includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
}

/** The page and its text block, in twips, from the section properties the exporter wrote. */
function sectionGeometry(document: string): { width: number; height: number; textWidth: number; textHeight: number } {
  const attr = (element: string, name: string) =>
    Number(new RegExp(`<w:${element} [^>]*w:${name}="(-?\\d+)"`).exec(document)![1]);
  const width = attr('pgSz', 'w');
  const height = attr('pgSz', 'h');
  return {
    width,
    height,
    textWidth: width - attr('pgMar', 'left') - attr('pgMar', 'right'),
    textHeight: height - attr('pgMar', 'top') - attr('pgMar', 'bottom'),
  };
}

describe('GB/T 9704 page (5.2.1, 5.2.3)', () => {
  it('is A4 with the standard margins and footer distance', async () => {
    const { document } = await xml(report());
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(
      /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1440" w:gutter="0"\/>/,
    );
  });

  it('has Word’s own 22 × 28 grid in the section, so 页面设置 shows 22 行 28 字', async () => {
    const { document } = await xml(report());
    expect(document).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/>');
    // From the section as written: 28 characters of 16 + charSpace/4096 pt fit the text width, and not one more
    // step of charSpace; 22 lines of linePitch fit the text height, 23 do not.
    const { width, height, textWidth, textHeight } = sectionGeometry(document);
    expect([width, height]).toEqual([11906, 16838]); // A4
    const grid = /<w:docGrid [^>]*w:linePitch="(\d+)" w:charSpace="(-?\d+)"/.exec(document)!;
    const [linePitch, charSpace] = [Number(grid[1]), Number(grid[2])];
    expect(28 * (16 + charSpace / 4096)).toBeLessThanOrEqual(textWidth / 20);
    expect(28 * (16 + (charSpace + 1) / 4096)).toBeGreaterThan(textWidth / 20);
    expect(22 * linePitch).toBeLessThanOrEqual(textHeight);
    expect(23 * linePitch).toBeGreaterThan(textHeight);
  });

  it('states the layout instead of snapping to the grid: exact 579-twip lines, no widow control, Word’s CJK/digit gaps as LibreOffice sets them', async () => {
    const { styles } = await xml(report());
    const pPr = /<w:pPrDefault><w:pPr>(.*?)<\/w:pPr><\/w:pPrDefault>/s.exec(styles)![1]!;
    expect(pPr).toBe(
      '<w:widowControl w:val="0"/><w:autoSpaceDE/><w:autoSpaceDN/><w:adjustRightInd w:val="0"/><w:snapToGrid w:val="0"/>' +
        '<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/><w:jc w:val="both"/>',
    );
    const rPr = /<w:rPrDefault><w:rPr>(.*?)<\/w:rPr><\/w:rPrDefault>/s.exec(styles)![1]!;
    expect(rPr).toContain('<w:snapToGrid w:val="0"/>');
    expect(rPr).toContain('<w:sz w:val="32"/>');
    expect(rPr).toContain('w:eastAsia="zh-CN"');
    expect(styles.match(/<w:docDefaults>/g)).toHaveLength(1);
  });

  it('narrows body characters to 15.7 pt so 28 fit Word’s line and LibreOffice’s', async () => {
    const { document } = await xml(report());
    const body = paragraphWith(document, '全年开展法治培训');
    expect(body).toContain('<w:spacing w:val="-6"/><w:sz w:val="32"/>');
    // The character as written (half-points, twentieths of a point): 28 fit the text width, 29 do not.
    const advance =
      Number(/<w:sz w:val="(\d+)"/.exec(body)![1]) / 2 + Number(/<w:spacing w:val="(-?\d+)"/.exec(body)![1]) / 20;
    const { textWidth } = sectionGeometry(document);
    expect(28 * advance).toBeLessThanOrEqual(textWidth / 20);
    expect(29 * advance).toBeGreaterThan(textWidth / 20);
  });

  it('gives the Normal style 16 pt, from which Word and LibreOffice derive the grid’s character pitch', async () => {
    const { styles } = await xml(report());
    const normal = /<w:style w:type="paragraph" w:styleId="Normal" w:default="1">.*?<\/w:style>/s.exec(styles)![0];
    expect(normal).toContain('<w:sz w:val="32"/>');
  });

  it('narrows unformatted text too (document defaults and Normal), so pasted or 清除格式 text keeps 28 a line; the title and page number stay full width', async () => {
    const { styles, document } = await xml(report());
    const rPr = /<w:rPrDefault><w:rPr>(.*?)<\/w:rPr><\/w:rPrDefault>/s.exec(styles)![1]!;
    expect(rPr).toContain('<w:spacing w:val="-6"/>');
    const normal = /<w:style w:type="paragraph" w:styleId="Normal" w:default="1">.*?<\/w:style>/s.exec(styles)![0];
    expect(normal).toContain('<w:spacing w:val="-6"/>');
    const title = /<w:style w:type="paragraph" w:styleId="Title">.*?<\/w:style>/s.exec(styles)![0];
    expect(title).toContain('<w:spacing w:val="0"/>');
    const footer = /<w:style w:type="paragraph" w:styleId="Footer">.*?<\/w:style>/s.exec(styles)![0];
    expect(footer).toContain('<w:spacing w:val="0"/>');
    expect(paragraphWith(document, '青石镇关于')).toContain('<w:spacing w:val="0"/><w:sz w:val="44"/>');
  });
});

describe('GB/T 9704 elements', () => {
  it('sets the title in 2号 of the profile’s title font, centred, 35 pt lines (7.3.1)', async () => {
    const { document } = await xml(report(), { fontProfile: 'gb2312' });
    const title = paragraphWith(document, '青石镇关于');
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).not.toContain('<w:b/>');
    expect(title).toContain('w:line="700" w:lineRule="exact"');
  });

  it('breaks a long title into balanced lines at word boundaries', async () => {
    const doc = report();
    doc.meta.title = '中共青石镇委员会青石镇人民政府关于2025年度法治政府建设情况的报告';
    const { document } = await xml(doc);
    const lines = ['中共青石镇委员会青石镇人民政府', '关于2025年度法治政府建设情况的报告'];
    for (const line of lines) expect(paragraphWith(document, line)).toContain('<w:jc w:val="center"/>');
  });

  it('puts the 主送机关 flush left with a full-width colon (7.3.2), or leaves it out on request', async () => {
    const { document } = await xml(report());
    const addressee = paragraphWith(document, '县委、县政府：');
    expect(addressee).not.toContain('w:firstLine');
    const without = await xml(report(), { includeAddressee: false });
    expect(without.document).not.toContain('县委、县政府');
  });

  it('indents body paragraphs two characters in twips and in characters (7.3.3)', async () => {
    const { document } = await xml(report());
    const body = paragraphWith(document, '全年开展法治培训');
    expect(body).toContain('<w:ind w:firstLine="628" w:firstLineChars="200"/>');
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toContain('w:eastAsia="仿宋"');
  });

  it('sets 一、 in 黑体 and （一） in 楷体, numbers as literal text, no Word numbering, no bold (7.3.3)', async () => {
    const { document } = await xml(report(), { fontProfile: 'gb2312' });
    expect(paragraphWith(document, '一、主要举措和成效')).toContain('w:eastAsia="黑体"');
    expect(paragraphWith(document, '（一）健全依法行政制度体系')).toContain('w:eastAsia="楷体_GB2312"');
    expect(document).not.toContain('<w:numPr>');
    expect(document).not.toContain('<w:b/>');
  });

  it('bolds only the run-in title of a "1." paragraph when the county asks for it', async () => {
    const { document } = await xml(report(), { boldLevel3: true });
    const p = paragraphWith(document, '1.严格合法性审查。');
    const runs = p.match(/<w:r>.*?<\/w:r>/gs)!;
    expect(runs[0]).toContain('<w:b/>');
    expect(runs[0]).toContain('1.严格合法性审查。');
    expect(runs[1]).not.toContain('<w:b/>');
  });

  it('places 署名 two characters from the right and the date under it per 7.3.5.2', async () => {
    const { document } = await xml(report());
    const signature = paragraphWith(document, '青石镇人民政府');
    const date = paragraphWith(document, '2026年1月15日');
    expect(signature).toContain('<w:jc w:val="right"/>');
    expect(date).toContain('<w:jc w:val="right"/>');
    const right = (p: string) => Number(/w:right="(\d+)"/.exec(p)![1]);
    // The date as set (7.55 characters, the gaps beside its digits included) is longer than 7 − 2, so it
    // keeps two characters to the right and the 署名 moves so that its first character is two characters
    // left of the date's.
    expect(right(date)).toBe(628);
    const shift =
      right(signature) + textWidth('青石镇人民政府') * 314 - (right(date) + textWidth('2026年1月15日') * 314);
    expect(Math.abs(shift - 628)).toBeLessThanOrEqual(1);
  });

  it('lays the 署名 and date out for the seal when asked (7.3.5.1): date four characters in, 署名 centred over it, two blank lines above', async () => {
    const { document } = await xml(report(), { sealed: true });
    const right = (p: string) => Number(/w:right="(\d+)"/.exec(p)![1]);
    const date = paragraphWith(document, '2026年1月15日');
    const signature = paragraphWith(document, '青石镇人民政府');
    expect(right(date)).toBe(4 * 314);
    const centre = (indent: number, text: string) => indent + (textWidth(text) * 314) / 2;
    expect(
      Math.abs(centre(right(signature), '青石镇人民政府') - centre(right(date), '2026年1月15日')),
    ).toBeLessThanOrEqual(1);
    expect(paragraphTexts(document).slice(-4)).toEqual(['', '', '青石镇人民政府', '2026年1月15日']);
    const unsealed = paragraphTexts((await xml(report())).document).slice(-4);
    expect(unsealed[0]).not.toBe('');
  });

  it('numbers pages "— N —" in 4号宋体, odd right and even left with one character in (7.5)', async () => {
    const { footers, settings } = await xml(report());
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(footers).toHaveLength(2);
    const odd = footers.find((f) => f.includes('<w:jc w:val="right"/>'))!;
    const even = footers.find((f) => f.includes('<w:jc w:val="left"/>'))!;
    expect(odd).toContain('w:right="280"');
    expect(even).toContain('w:left="280"');
    for (const f of [odd, even]) {
      // Word's Footer style on a single line, not the body's exact 28.95 pt line (which set the number low).
      expect(f).toContain('<w:pStyle w:val="Footer"/>');
      expect(f).toContain('<w:spacing w:line="240" w:lineRule="auto"/>');
      expect(f).toContain('PAGE');
      expect(f).toContain('— ');
      expect(f).toContain('<w:sz w:val="28"/>');
      expect(f).toContain('w:eastAsia="宋体"');
    }
  });

  it('sets the profile’s fonts on the built-in styles too, without colour or bold (format.md)', async () => {
    const { styles } = await xml(report(), { fontProfile: 'gb2312' });
    const heading1 = /<w:style w:type="paragraph" w:styleId="Heading1">.*?<\/w:style>/s.exec(styles)![0];
    expect(heading1).toContain('w:eastAsia="黑体"');
    expect(heading1).not.toMatch(/w:color w:val="(?!000000)/);
    const title = /<w:style w:type="paragraph" w:styleId="Title">.*?<\/w:style>/s.exec(styles)![0];
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
  });

  it('sets 1. and （1） in 仿宋 and bolds a "1." sub-heading only with the option; outline levels for the navigation pane (7.3.3)', async () => {
    const doc = report();
    // Each with text under it: a bare sub-heading is not printed (section.empty-subheading).
    doc.sections[1]!.blocks.push(
      { kind: 'subheading', level: 3, text: '2.规范执法' },
      { kind: 'subheading', level: 4, text: '（1）案卷评查' },
      { kind: 'paragraph', text: '评查行政执法案卷20卷。' },
    );
    const plain = await xml(doc, { fontProfile: 'gb2312' });
    const bold = await xml(doc, { fontProfile: 'gb2312', boldLevel3: true });
    for (const [text, level] of [
      ['一、主要举措和成效', 0],
      ['（一）健全依法行政制度体系', 1],
      ['2.规范执法', 2],
      ['（1）案卷评查', 3],
    ] as const) {
      expect(paragraphWith(plain.document, text)).toContain(`<w:outlineLvl w:val="${level}"/>`);
    }
    for (const text of ['2.规范执法', '（1）案卷评查']) {
      expect(paragraphWith(plain.document, text)).toContain('w:eastAsia="仿宋_GB2312"');
      expect(paragraphWith(plain.document, text)).not.toContain('<w:b/>');
    }
    expect(paragraphWith(bold.document, '2.规范执法')).toContain('<w:b/>');
    expect(paragraphWith(bold.document, '（1）案卷评查')).not.toContain('<w:b/>');
    expect(paragraphWith(bold.document, '一、主要举措和成效')).not.toContain('<w:b/>');
  });

  it('writes 附件说明 one blank line under the body, "附件：1. 名称", names aligned under their first character (7.3.4)', async () => {
    const doc = report();
    doc.meta.attachments = ['执法统计表', '决策目录'];
    const { document } = await xml(doc);
    const texts = paragraphTexts(document);
    const at = texts.indexOf('附件：1. 执法统计表');
    expect(texts[at - 1]).toBe('');
    expect(texts[at + 1]).toBe('2. 决策目录');
    // Names start 2 + 3 (附件：) + 1.5 ("1. ") = 6.5 characters in; first lines at 2 and 5.
    expect(paragraphWith(document, '附件：1. 执法统计表')).toContain('<w:ind w:left="2041" w:hanging="1413"/>');
    expect(paragraphWith(document, '2. 决策目录')).toContain('<w:ind w:left="2041" w:hanging="471"/>');
  });

  it('numbers attachments once: a typed "1." is not doubled, and export → import → export keeps the lines', async () => {
    const doc = report();
    doc.meta.attachments = ['1.执法统计表', '2.决策目录'];
    const first = paragraphTexts((await xml(doc)).document);
    expect(first).toContain('附件：1. 执法统计表');
    expect(first).toContain('2. 决策目录');
    const imported = await importDocx(await exportDocx(doc));
    if (!imported.ok) throw new Error(imported.error);
    const again = paragraphTexts((await xml(imported.doc)).document);
    expect(again.filter((t) => t.includes('执法统计表') || t.includes('决策目录'))).toEqual([
      '附件：1. 执法统计表',
      '2. 决策目录',
    ]);
  });

  it('puts the parts in the order of 7.3, with the blank lines 9704 asks for', async () => {
    const doc = report();
    doc.meta.docNumber = '青府〔2026〕3号';
    doc.closing = ['特此报告。'];
    const { document } = await xml(doc);
    const texts = paragraphTexts(document);
    expect(texts.slice(0, 6)).toEqual([
      '青府〔2026〕3号',
      '',
      '青石镇关于2025年度',
      '法治政府建设情况的报告',
      '',
      '县委、县政府：',
    ]);
    expect(texts.slice(-4)).toEqual(['特此报告。', '', '青石镇人民政府', '2026年1月15日']);
    expect(paragraphWith(document, '青府〔2026〕3号')).toContain('<w:jc w:val="center"/>');
  });

  it('refers the odd and even footers from the section (7.5)', async () => {
    const { document } = await xml(report());
    expect(document).toMatch(
      /<w:footerReference w:type="default" r:id="[^"]+"\/><w:footerReference w:type="even" r:id="[^"]+"\/>/,
    );
  });

  it('writes only its own styles, none with colour, bold or italics', async () => {
    const { styles } = await xml(report());
    const ids = [...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual(['Footer', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Normal', 'Title']);
    expect(styles).not.toMatch(/<w:color |<w:b\/>|<w:i\/>/);
  });

  it('names only the chosen profile’s fonts, in every font slot of every part', async () => {
    for (const profile of ['gb2312', 'windows', 'kylin'] as const) {
      const { document, styles, footers } = await xml(report(), { fontProfile: profile });
      const rFonts = (document + styles + footers.join('')).match(/<w:rFonts [^>]*>/g)!;
      const named = new Set(
        rFonts.flatMap((r) => [...r.matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g)].map((m) => m[1]!)),
      );
      expect([...named].sort()).toEqual([...requiredFonts(profile)].sort());
      for (const r of rFonts) expect(r).toContain('w:hint="eastAsia"');
    }
  });

  it('sets a table per 9704: 仿宋 4号 cells, borders all round, the header row repeated on every page, rows never split (item 8)', async () => {
    const doc = report();
    doc.sections[1]!.blocks.push(
      tableBlock([
        ['项目', '2024年', '2025年', '说明'],
        ['行政复议案件（件）', '9', '12', '其中纠错1件，已按期办结并向申请人送达复议决定书'],
        ['普法宣传活动（场次）', '30'],
      ]),
      { kind: 'paragraph', text: '表后正文继续。' },
    );
    const { document } = await xml(doc, { fontProfile: 'gb2312' });
    const table = /<w:tbl>.*?<\/w:tbl>/s.exec(document)![0];
    const rows = table.match(/<w:tr>.*?<\/w:tr>/gs)!;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    for (const row of rows) {
      expect(row).toContain('<w:cantSplit/>');
      // A short row is filled out with empty cells: every row has every column.
      expect(row.match(/<w:tc>/g)).toHaveLength(4);
    }
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'])
      expect(table).toContain(`<w:${side} w:val="single" w:sz="4"`);
    const widths = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(8844);
    // The long note gets the widest column.
    expect(Math.max(...widths)).toBe(widths[3]);
    expect(table).toContain('w:eastAsia="仿宋_GB2312"');
    expect(table).toContain('<w:sz w:val="28"/>');
    expect(table).not.toContain('<w:b/>');
    expect(paragraphTexts(table).join('')).toBe(
      '项目2024年2025年说明行政复议案件（件）912其中纠错1件，已按期办结并向申请人送达复议决定书普法宣传活动（场次）30',
    );
    expect(paragraphWith(document, '表后正文继续。')).toContain('w:firstLine="628"');
  });

  it('keeps every heading with the line after it, in the paragraphs and in the heading styles', async () => {
    const doc = report();
    // Each sub-heading has text under it: a bare one is never printed.
    doc.sections[1]!.blocks.push(
      { kind: 'subheading', level: 3, text: '2.规范执法' },
      { kind: 'subheading', level: 4, text: '（1）案卷评查' },
      { kind: 'paragraph', text: '评查行政执法案卷42卷。' },
    );
    const { document, styles } = await xml(doc);
    for (const text of ['一、主要举措和成效', '（一）健全依法行政制度体系', '2.规范执法', '（1）案卷评查']) {
      expect(paragraphWith(document, text)).toContain('<w:pPr><w:keepNext/><w:keepLines/>');
    }
    expect(paragraphWith(document, '全年开展法治培训')).not.toContain('<w:keepNext/>');
    expect(paragraphWith(document, '1.严格合法性审查。')).not.toContain('<w:keepNext/>');
    for (const id of ['Heading1', 'Heading2', 'Heading3', 'Heading4']) {
      expect(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">.*?</w:style>`, 's').exec(styles)![0]).toContain(
        '<w:keepNext/><w:keepLines/>',
      );
    }
  });

  it('names a fallback for every font in the font table (仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体), so Word and WPS substitute the right face', async () => {
    const gb = (await xml(report(), { fontProfile: 'gb2312' })).fontTable;
    expect(gb).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(gb).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(gb).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    const kylin = (await xml(report(), { fontProfile: 'kylin' })).fontTable;
    expect(kylin).toContain('<w:font w:name="方正仿宋_GBK"><w:altName w:val="仿宋"/>');
    for (const profile of ['gb2312', 'windows', 'kylin'] as const) {
      const table = (await xml(report(), { fontProfile: profile })).fontTable;
      const named = [...table.matchAll(/<w:font w:name="([^"]+)"/g)].map((m) => m[1]);
      expect(named.sort()).toEqual(requiredFonts(profile).sort());
    }
  });

  it('chooses the standard 公文 fonts by default where the machine has them, else the 方正 GBK set, else Windows’', () => {
    const machine = (fonts: string[]) => (font: string) => fonts.includes(font);
    expect(
      chooseFontProfile(machine(['方正小标宋简体', '仿宋_GB2312', '楷体_GB2312', '黑体', '宋体', '仿宋', '楷体'])),
    ).toBe('gb2312');
    expect(
      chooseFontProfile(machine(['方正小标宋_GBK', '方正仿宋_GBK', '方正楷体_GBK', '方正黑体_GBK', '方正书宋_GBK'])),
    ).toBe('kylin');
    // 仿宋_GB2312 alone is not the set: the title would fall back.
    expect(chooseFontProfile(machine(['仿宋_GB2312', '黑体', '宋体', '仿宋', '楷体']))).toBe('windows');
    expect(chooseFontProfile(() => false)).toBe('windows');
  });

  it('names the app in docProps/app.xml, and writes note separators that need no undefined style', async () => {
    const { app, footnotes, endnotes, styles } = await xml(report());
    expect(app).toContain('<Application>法治年报助手</Application>');
    for (const notes of [footnotes, endnotes]) {
      expect(notes).toContain('<w:separator/>');
      expect(notes).toContain('<w:continuationSeparator/>');
      // Every style a part refers to is defined.
      for (const [, id] of notes.matchAll(/<w:rStyle w:val="([^"]+)"/g)) expect(styles).toContain(`w:styleId="${id}"`);
    }
    expect(footnotes).not.toContain('FootnoteReference');
    expect(endnotes).not.toContain('EndnoteReference');
  });

  it('keeps the clerk’s text whole, with markup characters escaped and pasted control characters dropped, so Word opens the file', async () => {
    const doc = report();
    doc.sections[1]!.blocks = [{ kind: 'paragraph', text: '“三项制度”<试行> & "A"\'B\'\u0001\u001f落实' }];
    const { document } = await xml(doc);
    expect(paragraphWith(document, '三项制度')).toContain(
      '<w:t xml:space="preserve">“三项制度”&lt;试行&gt; &amp; &quot;A&quot;&apos;B&apos;落实</w:t>',
    );
    // eslint-disable-next-line no-control-regex -- asserting that none is left
    expect(document).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F]/);
  });

  it('writes the same package whether Node’s zlib (CLI, app) packs it, nothing does (stored), or docx’s own Packer packs the whole report', async () => {
    const doc = report();
    doc.meta.attachments = ['执法统计表'];
    const packed = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
      const names = Object.keys(zip.files)
        .filter((n) => n !== 'docProps/core.xml')
        .sort();
      return Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')]));
    };
    const withZlib = await packed(await exportDocx(doc, { fontProfile: 'gb2312' }, nodeDeflater));
    expect(withZlib.map(([n]) => n)).toContain('word/document.xml');
    expect(withZlib).toEqual(await packed(await exportDocx(doc, { fontProfile: 'gb2312' })));
    expect(withZlib).toEqual(
      await packed(written.add('packed-by-docx', await packWithDocx(doc, { fontProfile: 'gb2312' }))),
    );
  });

  it('takes each profile’s package from the generated module, which is what docx packs from packageSource.ts today', async () => {
    // Regenerating gives the same bytes: a change to a style function without a build fails here.
    const checkedIn = readFileSync(join(__dirname, 'generated', 'docxPackage.ts'), 'utf8');
    expect(
      checkedIn === (await generatedPackageModule()),
      'src/core/export/generated/docxPackage.ts 已过时：请运行 node scripts/run-ts.cjs scripts/docx-package.ts',
    ).toBe(true);
    for (const profile of ['windows', 'gb2312', 'kylin'] as const) {
      const compiled = new Map(await compilePackageParts(profile));
      expect([...docxPackageParts(profile).keys()]).toEqual([...compiled.keys()]);
      for (const [path, xml] of docxPackageParts(profile))
        if (path !== 'docProps/core.xml') expect(xml, path).toBe(compiled.get(path));
    }
  });

  it('gives every export its own copy of the package, so no export can change it for the next', () => {
    const first = docxPackageParts('windows');
    first.set('word/styles.xml', 'changed by one export');
    expect(docxPackageParts('windows').get('word/styles.xml')).toContain('<w:styles');
    expect(docxPackageParts('gb2312').get('word/styles.xml')).toContain('仿宋_GB2312');
  });

  itNeeding(
    VALIDATOR_NEEDS,
    'writes files that all pass the OOXML schemas',
    () => {
      const { ok, report } = written.validate();
      expect(written.files.length).toBeGreaterThan(20);
      expect(ok, report).toBe(true);
    },
    600_000,
  );
});
