/**
 * The report's paragraphs as WordprocessingML, and the finished .docx around them: one function per
 * element of GB/T 9704-2012 7.3, each citing its clause (shared/spec/format.md gives the OOXML values). The
 * package these paragraphs go into (styles, settings, page-number footers, section) is docx's, packed at
 * build time from packageSource.ts; this module does not import docx, so no export loads it.
 *
 * Each element writes its w:p itself rather than as a docx Paragraph: docx builds and walks an object tree
 * per run, which made a 30,000-character export several times slower in a fresh process. The XML is what
 * docx wrote for the same paragraphs (children in CT_PPr's and CT_RPr's order, the same attributes).
 */
import { printedBlocks } from '../checks/emptyHeadings';
import type { Block, ReportDocument, SubheadingLevel } from '../model/report';
import { addresseeLine } from '../text/conventions';
import { FONT_PROFILES, type FontProfile, type FontProfileId } from './fonts';
import { splitRunInHeading } from './runIn';
import {
  attachmentLines,
  blankLinesBeforeSignature,
  CHAR_SPACING,
  CHAR_TWIPS,
  charWidth,
  LINE_TWIPS,
  signatureIndents,
  TABLE_BORDER_EIGHTHS,
  TABLE_CELL_MARGIN,
  TABLE_LINE_TWIPS,
  TABLE_TEXT_SIZE,
  tableCellChars,
  tableColumnWidths,
  TITLE_LINE_TWIPS,
} from './layout';
import { balanceTitle } from './title';
import { zipParts, type Deflater } from './zip';

export interface DocxOptions {
  fontProfile: FontProfileId;
  /** Bold "1." headings: a local option many counties want. */
  boldLevel3: boolean;
  /** Print the 主送机关 line when the report has one. */
  includeAddressee: boolean;
  /** Laid out for the unit's seal (7.3.5.1) rather than unsealed (7.3.5.2). */
  sealed: boolean;
}

export const DEFAULT_DOCX_OPTIONS: DocxOptions = {
  fontProfile: 'windows',
  boldLevel3: false,
  includeAddressee: true,
  sealed: false,
};

/** Half-points: 3号 16 pt, the body and every heading level (5.2.2). */
export const BODY_SIZE = 32;
/** Half-points: 2号 22 pt, the title (7.3.1). */
export const TITLE_SIZE = 44;

/**
 * Text and attribute values as XML: the five markup characters escaped, and the characters XML 1.0 does
 * not allow (a stray one pasted from another program) dropped, so Word never refuses the file.
 */
export function escapeXml(text: string): string {
  // Every character XML 1.0 forbids goes: C0 controls, U+FFFE/U+FFFF and lone surrogates (Word and
  // LibreOffice refuse the whole file over one of them).
  return text.replace(
    // eslint-disable-next-line no-control-regex -- the control characters are what this removes
    /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (c) => XML_ESCAPES[c] ?? '',
  );
}
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

interface RunFormat {
  eastAsia: string;
  size?: number;
  /** Character spacing, twentieths of a point (the 0.3 pt narrowing of body text). */
  spacing?: number;
  bold?: boolean;
}

/**
 * One run (w:r) with its fonts stated on it: the Latin font in the ascii/hAnsi/cs slots, the level's
 * Chinese font in eastAsia, w:hint="eastAsia" (format.md). Children in CT_RPr's order.
 */
export function runXml(text: string, profile: FontProfile, format: RunFormat): string {
  const size = format.size ?? BODY_SIZE;
  return (
    '<w:r><w:rPr>' +
    `<w:rFonts w:ascii="${escapeXml(profile.latin)}" w:cs="${escapeXml(profile.latin)}" w:eastAsia="${escapeXml(format.eastAsia)}" w:hAnsi="${escapeXml(profile.latin)}" w:hint="eastAsia"/>` +
    (format.bold ? '<w:b/><w:bCs/>' : '') +
    (format.spacing === undefined ? '' : `<w:spacing w:val="${format.spacing}"/>`) +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` +
    `</w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`
  );
}

/** A run of body-size text, narrowed to 15.7 pt a character (see the grid's arithmetic at the head of packageSource.ts). */
function run(text: string, eastAsia: string, profile: FontProfile, bold = false): string {
  return runXml(text, profile, { eastAsia, spacing: CHAR_SPACING, bold });
}

interface ParagraphFormat {
  /** w:jc: left, center, right or both (justified). */
  align?: 'left' | 'center' | 'right' | 'both';
  /** Exact line height, twips. */
  line: number;
  /** w:ind's attributes, written in the order given. */
  indent?: Record<string, number>;
  outlineLevel?: number;
  /** Kept on one page with the next paragraph's first line, its own lines together (w:keepNext, w:keepLines). */
  keepWithNext?: boolean;
}

/** One paragraph (w:p): its properties in CT_PPr's order (keepNext, keepLines, spacing, ind, jc, outlineLvl), then its runs. */
export function paragraphXml(format: ParagraphFormat, runs: readonly string[] = []): string {
  const indent = format.indent
    ? Object.entries(format.indent)
        .map(([key, value]) => ` w:${key}="${value}"`)
        .join('')
    : '';
  return (
    '<w:p><w:pPr>' +
    (format.keepWithNext ? '<w:keepNext/><w:keepLines/>' : '') +
    `<w:spacing w:after="0" w:before="0" w:line="${format.line}" w:lineRule="exact"/>` +
    (indent ? `<w:ind${indent}/>` : '') +
    (format.align ? `<w:jc w:val="${format.align}"/>` : '') +
    (format.outlineLevel === undefined ? '' : `<w:outlineLvl w:val="${format.outlineLevel}"/>`) +
    `</w:pPr>${runs.join('')}</w:p>`
  );
}

/** Two characters, in twips for LibreOffice (which ignores firstLineChars) and in characters for Word/WPS. */
export const indentTwoChars = { firstLine: 2 * CHAR_TWIPS, firstLineChars: 200 };
const twips = (chars: number) => Math.round(chars * CHAR_TWIPS);

/**
 * 7.3.1 标题: 2号小标宋体字, 居中, 分一行或多行; 回行时词意完整、排列对称, 梯形或菱形 (balanceTitle).
 * 35 pt lines: a 22 pt line needs more than the 28.95 pt body pitch to breathe.
 */
export function titleParagraphs(title: string, profile: FontProfile): string[] {
  // spacing 0: the title is not narrowed like the body (the defaults' −0.3 pt would otherwise reach it).
  return balanceTitle(title).map((line) =>
    paragraphXml({ align: 'center', line: TITLE_LINE_TWIPS }, [
      runXml(line, profile, { eastAsia: profile.title, size: TITLE_SIZE, spacing: 0 }),
    ]),
  );
}

/** An empty line of body pitch: the 空一行 of 7.3.2 (under the title), 7.3.4 and 7.3.5.2 (under the body). */
export function blankLine(): string {
  return paragraphXml({ line: LINE_TWIPS });
}

/** 7.3.2 主送机关: 标题下空一行, 居左顶格, 回行时仍顶格, 最后标全角冒号. */
export function addresseeParagraph(addressee: string, profile: FontProfile): string {
  const text = addresseeLine(addressee);
  return paragraphXml({ align: 'left', line: LINE_TWIPS }, [run(text, profile.body, profile)]);
}

/** 7.3.3 正文: 3号仿宋体字, 每个自然段左空二字, 回行顶格; justified, as a hand-set page is. */
export function bodyParagraph(text: string, profile: FontProfile): string {
  return paragraphXml({ align: 'both', line: LINE_TWIPS, indent: indentTwoChars }, [run(text, profile.body, profile)]);
}

/** The eastAsia font of a heading level (7.3.3: 第一层黑体, 第二层楷体, 第三层和第四层仿宋). */
function headingFont(level: 1 | SubheadingLevel, profile: FontProfile): string {
  return level === 1 ? profile.heading1 : level === 2 ? profile.heading2 : profile.body;
}

/**
 * 7.3.3 结构层次序数 "一、""（一）""1.""（1）", each paragraph indented two characters like the body. The
 * number is literal text, never Word numbering (it survives WPS, and the checker reads it); the outline
 * level only feeds Word's and WPS's navigation pane. A heading never ends a page: it is kept with the
 * line after it (format.md), whole; the preview (paginate.ts) moves it the same way.
 */
export function headingParagraph(
  text: string,
  level: 1 | SubheadingLevel,
  profile: FontProfile,
  options: Pick<DocxOptions, 'boldLevel3'>,
): string {
  const bold = level === 3 && options.boldLevel3;
  return paragraphXml(
    { keepWithNext: true, align: 'both', line: LINE_TWIPS, indent: indentTwoChars, outlineLevel: level - 1 },
    [run(text, headingFont(level, profile), profile, bold)],
  );
}

/**
 * 7.3.3, run-in: a body paragraph that begins with its own heading ("1.强化学习。正文……") keeps the
 * heading's font up to the first 。 only; the rest is body text.
 */
export function runInParagraph(text: string, profile: FontProfile, options: Pick<DocxOptions, 'boldLevel3'>): string {
  const split = splitRunInHeading(text);
  if (!split) return bodyParagraph(text, profile);
  const bold = split.level === 3 && options.boldLevel3;
  return paragraphXml({ align: 'both', line: LINE_TWIPS, indent: indentTwoChars }, [
    run(split.heading, headingFont(split.level, profile), profile, bold),
    run(split.rest, profile.body, profile),
  ]);
}

/**
 * 7.3.4 附件说明: 正文下空一行左空二字编排"附件", 后标全角冒号和附件名称; 多个附件用阿拉伯数字标注顺序号
 * ("附件：1. 名称", format.md); 回行与上一行附件名称的首字对齐. Names are written as given (no closing mark).
 */
export function attachmentNote(items: readonly string[], profile: FontProfile): string[] {
  if (items.length === 0) return [];
  return [
    blankLine(),
    ...attachmentLines(items).map((line) =>
      paragraphXml(
        { align: 'both', line: LINE_TWIPS, indent: { left: twips(line.rest), hanging: twips(line.rest - line.first) } },
        [run(line.text, profile.body, profile)],
      ),
    ),
  ];
}

/** 7.3.5.2 (or 7.3.5.1 when `sealed`): the 署名 lines, right-aligned with the indents signatureIndents gives. */
export function signatureBlock(
  signatureLines: readonly string[],
  date: string,
  profile: FontProfile,
  sealed = false,
): string[] {
  const signature = signatureLines.filter((s) => s.trim());
  const indents = signatureIndents(signature, date, sealed);
  return signature.map((line, i) =>
    paragraphXml({ align: 'right', line: LINE_TWIPS, indent: { right: twips(indents.signature[i]!) } }, [
      run(line, profile.body, profile),
    ]),
  );
}

/** 7.3.5.2/7.3.5.1 成文日期 (7.3.5.4: "2025年1月12日" as written), on the line under the 署名. */
export function dateLine(
  signatureLines: readonly string[],
  date: string,
  profile: FontProfile,
  sealed = false,
): string[] {
  if (!date.trim()) return [];
  const indents = signatureIndents(
    signatureLines.filter((s) => s.trim()),
    date,
    sealed,
  );
  return [
    paragraphXml({ align: 'right', line: LINE_TWIPS, indent: { right: twips(indents.date) } }, [
      run(date, profile.body, profile),
    ]),
  ];
}

/**
 * A table (w:tbl), as a 公文's 表格: the width of the 版心, 仿宋 4号 (TABLE_TEXT_SIZE), single 0.5 pt
 * borders all round and between cells, the first row the header, repeated at the top of every page the
 * table runs onto (w:tblHeader), and no row split across pages (w:cantSplit). A short cell is centred, one
 * that wraps is justified. Children in CT_TblPr's, CT_TrPr's and CT_TcPr's order.
 */
export function tableXml(rows: readonly (readonly string[])[], profile: FontProfile): string {
  const widths = tableColumnWidths(rows);
  const border = (side: string) =>
    `<w:${side} w:val="single" w:sz="${TABLE_BORDER_EIGHTHS}" w:space="0" w:color="000000"/>`;
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const body = rows
    .map((row, r) => {
      const cells = widths.map((width, c) => {
        const text = (row[c] ?? '').trim();
        const align = r === 0 || charWidth(text) <= tableCellChars(width) ? 'center' : 'both';
        const runs = text ? [runXml(text, profile, { eastAsia: profile.body, size: TABLE_TEXT_SIZE, spacing: 0 })] : [];
        return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>${paragraphXml({ align, line: TABLE_LINE_TWIPS }, runs)}</w:tc>`;
      });
      return `<w:tr><w:trPr><w:cantSplit/>${r === 0 ? '<w:tblHeader/>' : ''}</w:trPr>${cells.join('')}</w:tr>`;
    })
    .join('');
  return (
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="${TABLE_CELL_MARGIN}" w:type="dxa"/><w:right w:w="${TABLE_CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>` +
    `</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`
  );
}

function blockParagraph(block: Block, profile: FontProfile, options: DocxOptions): string {
  if (block.kind === 'subheading') return headingParagraph(block.text, block.level, profile, options);
  if (block.kind === 'table') return tableXml(block.rows, profile);
  return runInParagraph(block.text, profile, options);
}

/** document.xml with the paragraphs at the head of w:body, before the section properties (w:sectPr) that end it. */
export function withParagraphs(documentXml: string, paragraphs: readonly string[]): string {
  const at = documentXml.indexOf('<w:body>');
  if (at < 0) throw new Error('docx 生成的 document.xml 缺少正文（w:body）。');
  const bodyStart = at + '<w:body>'.length;
  return documentXml.slice(0, bodyStart) + paragraphs.join('') + documentXml.slice(bodyStart);
}
/** The body's paragraphs in the order of 7.3: (发文字号 when imported), 标题, 主送机关, 正文, 附件说明, 署名, 成文日期. */
export function bodyParagraphs(doc: ReportDocument, options: DocxOptions): string[] {
  const profile = FONT_PROFILES[options.fontProfile];
  const { meta } = doc;
  const paragraphs: string[] = [];
  // 7.2.5 发文字号 belongs to the 版头, which a report without 红头 does not have; an imported one is kept, centred.
  if (meta.docNumber.trim())
    paragraphs.push(
      paragraphXml({ align: 'center', line: LINE_TWIPS }, [run(meta.docNumber.trim(), profile.body, profile)]),
      blankLine(),
    );
  if (meta.title.trim()) paragraphs.push(...titleParagraphs(meta.title, profile), blankLine());
  if (options.includeAddressee && meta.addressee.trim()) paragraphs.push(addresseeParagraph(meta.addressee, profile));
  for (const section of doc.sections) {
    if (section.heading.trim()) paragraphs.push(headingParagraph(section.heading, 1, profile, options));
    for (const block of printedBlocks(section.blocks)) {
      if (block.text.trim() === '') continue;
      paragraphs.push(blockParagraph(block, profile, options));
    }
  }
  for (const line of doc.closing) if (line.trim()) paragraphs.push(bodyParagraph(line, profile));
  // Word ends a body with a paragraph, never a table: a table last in the report gets an empty line after it.
  if (
    paragraphs.at(-1)?.startsWith('<w:tbl>') &&
    !doc.meta.attachments.length &&
    !doc.meta.signature.some((s) => s.trim()) &&
    !doc.meta.date.trim()
  )
    paragraphs.push(blankLine());
  paragraphs.push(...attachmentNote(meta.attachments, profile));
  const signature = signatureBlock(meta.signature, meta.date, profile, options.sealed);
  const date = dateLine(meta.signature, meta.date, profile, options.sealed);
  const blanks = Array.from({ length: blankLinesBeforeSignature(options.sealed) }, blankLine);
  if (signature.length || date.length) paragraphs.push(...blanks, ...signature, ...date);
  return paragraphs;
}

/**
 * docProps/core.xml: the title Word shows in 属性 and the portal's CMS may read, the app as its author and
 * last editor (docx wrote "Un-named" there), and the time of export. Written here, not by docx, so that a
 * package made once serves every report.
 */
export function corePropertiesXml(title: string, now: Date): string {
  const time = escapeXml(now.toISOString());
  const oneLine = title.replace(/\n/g, '');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (oneLine ? `<dc:title>${escapeXml(oneLine)}</dc:title>` : '') +
    '<dc:creator>法治年报助手</dc:creator><cp:lastModifiedBy>法治年报助手</cp:lastModifiedBy><cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${time}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export const DOCUMENT_PART = 'word/document.xml';
export const CORE_PROPERTIES_PART = 'docProps/core.xml';

/** The report's own parts of the package: document.xml with its paragraphs, and core.xml. */
export function reportParts(
  doc: ReportDocument,
  options: DocxOptions,
  packageDocumentXml: string,
  now = new Date(),
): { documentXml: string; coreXml: string } {
  return {
    documentXml: withParagraphs(packageDocumentXml, bodyParagraphs(doc, options)),
    coreXml: corePropertiesXml(doc.meta.title, now),
  };
}

/**
 * The .docx bytes: the package's parts (docx's, for this font profile) with the report's own, zipped by
 * `deflater` (Node's zlib), or stored without one. The parts are not changed.
 */
export function assembleDocx(
  doc: ReportDocument,
  options: DocxOptions,
  packageParts: ReadonlyMap<string, string | Uint8Array>,
  deflater?: Deflater,
): Uint8Array {
  const { documentXml, coreXml } = reportParts(doc, options, String(packageParts.get(DOCUMENT_PART) ?? ''));
  const parts = new Map(packageParts);
  parts.set(DOCUMENT_PART, documentXml);
  parts.set(CORE_PROPERTIES_PART, coreXml);
  return zipParts(parts, deflater);
}
