/**
 * The report as a GB/T 9704-2012 《党政机关公文格式》 .docx: one function per document element, each citing
 * the clause it implements (shared/spec/format.md gives the OOXML values).
 *
 * The grid (5.2.3: 22 lines of 28 characters). The 版心 is 156 × 225 mm (5.2.1): 8844 × 12756 twips, i.e.
 * 442.2 × 637.8 pt.
 * - Lines: 12756 / 22 = 579.8, so the pitch is 579 twips (28.95 pt): 22 × 579 = 12738 fits, 23 do not (an
 *   exact 29 pt, 580 twips, gives 21 lines only: 22 × 580 = 12760).
 * - Characters: 28 characters of 3号 (16 pt) need 448 pt, 5.8 pt more than the line, so the pitch must
 *   shrink to 442.2 / 28 = 15.793 pt. Word stores that in the section's grid as charSpace, the change to
 *   the Normal font's 16 pt in 1/4096 pt: (15.793 − 16) × 4096 = −849 (−848 would give 442.203 pt, over
 *   the line). That linesAndChars grid, pitch 579 and charSpace −849, is exactly what Word writes for
 *   "22 行 × 28 字" in 页面设置, so a reviewer who opens that dialog sees the right figures.
 * - But LibreOffice renders such a grid wrongly: it reads the same −849 (as −1 pt + 3247/4096 pt, rounded
 *   to whole twips) into a cell of 15.73 pt and then gives every 16 pt character two cells, 14 a line.
 *   So no paragraph snaps to the grid (w:snapToGrid off in the defaults, which Word, WPS and LibreOffice
 *   all honour) and the layout is stated outright instead: lines exactly 579 twips, and characters
 *   narrowed by 0.3 pt (w:spacing −6 twentieths) to 15.7 pt. 28 × 15.7 = 439.6 pt fits Word's 442.2 pt
 *   line and also LibreOffice's, which it trims to a whole number of its 15.73 pt cells (28 × 15.73 =
 *   440.5 pt); 29 × 15.7 = 455.3 pt fits neither. Word/WPS, LibreOffice and the app's preview
 *   (paginate.ts) then break the same lines and pages.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  ImportedXmlComponent,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
} from 'docx';
import type { Block, ReportDocument, SubheadingLevel } from '../model/report';
import { FONT_PROFILES, type FontProfile, type FontProfileId } from './fonts';
import { splitRunInHeading } from './runIn';
import {
  attachmentLines,
  CHAR_SPACING,
  CHAR_TWIPS,
  GRID_CHAR_SPACE,
  LINE_TWIPS,
  PAGE,
  signatureIndents,
  TITLE_LINE_TWIPS,
} from './layout';
import { balanceTitle } from './title';
import { zipParts, type Deflater } from './zip';

export { attachmentLines, charWidth, CHAR_SPACING, CHAR_TWIPS, GRID_CHAR_SPACE, LINE_TWIPS, PAGE, signatureIndents, TITLE_LINE_TWIPS } from './layout';

export interface DocxOptions {
  fontProfile: FontProfileId;
  /** Bold "1." headings: a local option many counties want. */
  boldLevel3: boolean;
  /** Print the 主送机关 line when the report has one. */
  includeAddressee: boolean;
}

export const DEFAULT_DOCX_OPTIONS: DocxOptions = { fontProfile: 'windows', boldLevel3: false, includeAddressee: true };

const BODY_SIZE = 32; // half-points: 3号 16 pt
const TITLE_SIZE = 44; // 2号 22 pt
const PAGE_NUMBER_SIZE = 28; // 4号 14 pt
/** One character of the 4号 page number, twips (7.5: 空一字). */
const PAGE_NUMBER_INDENT = 280;

function fonts(eastAsia: string, profile: FontProfile) {
  // hint eastAsia: “” — … and other shared punctuation take the Chinese font, not Times New Roman.
  return { ascii: profile.latin, hAnsi: profile.latin, eastAsia, cs: profile.latin, hint: 'eastAsia' };
}

/**
 * Text and attribute values as XML: the five markup characters escaped, and the control characters XML 1.0
 * does not allow (a stray one pasted from another program) dropped, so Word never refuses the file.
 */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what this removes
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => XML_ESCAPES[c] ?? '');
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

/** A run of body-size text, narrowed to 15.7 pt a character (see the head of this file). */
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
}

/** One paragraph (w:p): its properties in CT_PPr's order (spacing, ind, jc, outlineLvl), then its runs. */
export function paragraphXml(format: ParagraphFormat, runs: readonly string[] = []): string {
  const indent = format.indent ? Object.entries(format.indent).map(([key, value]) => ` w:${key}="${value}"`).join('') : '';
  return (
    '<w:p><w:pPr>' +
    `<w:spacing w:after="0" w:before="0" w:line="${format.line}" w:lineRule="exact"/>` +
    (indent ? `<w:ind${indent}/>` : '') +
    (format.align ? `<w:jc w:val="${format.align}"/>` : '') +
    (format.outlineLevel === undefined ? '' : `<w:outlineLvl w:val="${format.outlineLevel}"/>`) +
    `</w:pPr>${runs.join('')}</w:p>`
  );
}

/** Two characters, in twips for LibreOffice (which ignores firstLineChars) and in characters for Word/WPS. */
const indentTwoChars = { firstLine: 2 * CHAR_TWIPS, firstLineChars: 200 };
const twips = (chars: number) => Math.round(chars * CHAR_TWIPS);

/** 5.2.1 页边与版心尺寸, 5.2.3 行数和字数, 7.5 (footer distance): A4, 天头 37 mm, 订口 28 mm, 22 × 28 grid. */
export function pageSettings() {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.footer, gutter: 0 },
    },
    grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_TWIPS, charSpace: GRID_CHAR_SPACE },
  };
}

/**
 * 5.2.2 字体和字号 (一般用3号仿宋体字) and 5.2.3: the document defaults every paragraph inherits. Written as
 * XML because `docx` has no paragraph-level w:snapToGrid; the element order is CT_PPrBase's and CT_RPr's.
 * - snapToGrid off (paragraph and run): lines and characters as stated, never snapped (head of file).
 * - autoSpaceDE/DN on (Word's own default): the gap between Chinese and Latin letters or digits that
 *   LibreOffice always sets; the preview computes it (layout.ts, AUTOSPACE_CHARS), so all three agree.
 * - adjustRightInd off: Word may not widen the right indent to fit the grid.
 * - widowControl off: it moves lines to the next page, and a full 9704 page has 22 lines (LibreOffice
 *   turns it on when the file says nothing).
 * - lang zh-CN: Chinese line-breaking rules and glyphs in every renderer.
 */
function documentDefaultsXml(profile: FontProfile): string {
  const f = fonts(profile.body, profile);
  const rFonts = `<w:rFonts w:ascii="${escapeXml(f.ascii)}" w:hAnsi="${escapeXml(f.hAnsi)}" w:eastAsia="${escapeXml(f.eastAsia)}" w:cs="${escapeXml(f.cs)}" w:hint="eastAsia"/>`;
  return (
    '<w:docDefaults>' +
    `<w:rPrDefault><w:rPr>${rFonts}<w:snapToGrid w:val="0"/><w:sz w:val="${BODY_SIZE}"/><w:szCs w:val="${BODY_SIZE}"/>` +
    '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:autoSpaceDE/><w:autoSpaceDN/>' +
    `<w:adjustRightInd w:val="0"/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${LINE_TWIPS}" w:lineRule="exact"/>` +
    '<w:jc w:val="both"/></w:pPr></w:pPrDefault>' +
    '</w:docDefaults>'
  );
}

/**
 * 5.2.2 and 7.3.1/7.3.3: the styles a clerk may apply by hand in Word or WPS, each with the profile's
 * fonts, no colour and no bold, so they too give 9704. Normal carries 16 pt: Word derives the grid's
 * character pitch from it, and LibreOffice its grid cell. Only these styles are written: docx's other
 * defaults (blue Heading 5/6, captions…) have no place in a 公文.
 */
export function stylesAndDefaults(profile: FontProfile): IStylesOptions {
  const body = { font: fonts(profile.body, profile), size: BODY_SIZE };
  const heading = (id: string, name: string, eastAsia: string, outlineLevel: number): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: fonts(eastAsia, profile), size: BODY_SIZE, characterSpacing: CHAR_SPACING },
    paragraph: { indent: indentTwoChars, outlineLevel },
  });
  return {
    importedStyles: [ImportedXmlComponent.fromXmlString(documentDefaultsXml(profile))],
    paragraphStyles: [
      { id: 'Normal', name: 'Normal', quickFormat: true, run: body },
      {
        id: 'Title',
        name: 'Title',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: fonts(profile.title, profile), size: TITLE_SIZE },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { line: TITLE_LINE_TWIPS, lineRule: LineRuleType.EXACT } },
      },
      heading('Heading1', 'heading 1', profile.heading1, 0),
      heading('Heading2', 'heading 2', profile.heading2, 1),
      heading('Heading3', 'heading 3', profile.body, 2),
      heading('Heading4', 'heading 4', profile.body, 3),
    ],
  };
}

/**
 * 7.3.1 标题: 2号小标宋体字, 居中, 分一行或多行; 回行时词意完整、排列对称, 梯形或菱形 (balanceTitle).
 * 35 pt lines: a 22 pt line needs more than the 28.95 pt body pitch to breathe.
 */
export function titleParagraphs(title: string, profile: FontProfile): string[] {
  return balanceTitle(title).map((line) => paragraphXml({ align: 'center', line: TITLE_LINE_TWIPS }, [runXml(line, profile, { eastAsia: profile.title, size: TITLE_SIZE })]));
}

/** An empty line of body pitch: the 空一行 of 7.3.2 (under the title), 7.3.4 and 7.3.5.2 (under the body). */
export function blankLine(): string {
  return paragraphXml({ line: LINE_TWIPS });
}

/** 7.3.2 主送机关: 标题下空一行, 居左顶格, 回行时仍顶格, 最后标全角冒号. */
export function addresseeParagraph(addressee: string, profile: FontProfile): string {
  const text = addressee.trim().replace(/[:：]?$/, '：');
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
 * level only feeds Word's and WPS's navigation pane.
 */
export function headingParagraph(text: string, level: 1 | SubheadingLevel, profile: FontProfile, options: Pick<DocxOptions, 'boldLevel3'>): string {
  const bold = level === 3 && options.boldLevel3;
  return paragraphXml({ align: 'both', line: LINE_TWIPS, indent: indentTwoChars, outlineLevel: level - 1 }, [run(text, headingFont(level, profile), profile, bold)]);
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
      paragraphXml({ align: 'both', line: LINE_TWIPS, indent: { left: twips(line.rest), hanging: twips(line.rest - line.first) } }, [run(line.text, profile.body, profile)]),
    ),
  ];
}

/** 7.3.5.2: the 署名 lines, right-aligned with the indents above. */
export function signatureBlock(signatureLines: readonly string[], date: string, profile: FontProfile): string[] {
  const signature = signatureLines.filter((s) => s.trim());
  const indents = signatureIndents(signature, date);
  return signature.map((line, i) => paragraphXml({ align: 'right', line: LINE_TWIPS, indent: { right: twips(indents.signature[i]!) } }, [run(line, profile.body, profile)]));
}

/** 7.3.5.2 成文日期 (7.3.5.4: "2025年1月12日" as written), on the line under the 署名. */
export function dateLine(signatureLines: readonly string[], date: string, profile: FontProfile): string[] {
  if (!date.trim()) return [];
  const indents = signatureIndents(signatureLines.filter((s) => s.trim()), date);
  return [paragraphXml({ align: 'right', line: LINE_TWIPS, indent: { right: twips(indents.date) } }, [run(date, profile.body, profile)])];
}

/**
 * 7.5 页码: 4号半角宋体阿拉伯数字, 数字左右各放一条一字线 ("— 1 —"); 单页码居右空一字, 双页码居左空一字.
 * Word shows the even footer only with w:evenAndOddHeaders in settings (buildDocument).
 */
export function pageNumberFooters(profile: FontProfile) {
  const font = profile.pageNumber;
  const footer = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: IParagraphOptions['indent']) =>
    new Footer({
      children: [
        new Paragraph({
          alignment,
          indent,
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: font, hAnsi: font, eastAsia: font, cs: font, hint: 'eastAsia' }, size: PAGE_NUMBER_SIZE })],
        }),
      ],
    });
  return { default: footer(AlignmentType.RIGHT, { right: PAGE_NUMBER_INDENT }), even: footer(AlignmentType.LEFT, { left: PAGE_NUMBER_INDENT }) };
}

function blockParagraph(block: Block, profile: FontProfile, options: DocxOptions): string {
  if (block.kind === 'subheading') return headingParagraph(block.text, block.level, profile, options);
  return runInParagraph(block.text, profile, options);
}

/** The body's paragraphs in the order of 7.3: (发文字号 when imported), 标题, 主送机关, 正文, 附件说明, 署名, 成文日期. */
export function bodyParagraphs(doc: ReportDocument, options: DocxOptions): string[] {
  const profile = FONT_PROFILES[options.fontProfile];
  const { meta } = doc;
  const paragraphs: string[] = [];
  // 7.2.5 发文字号 belongs to the 版头, which a report without 红头 does not have; an imported one is kept, centred.
  if (meta.docNumber.trim()) paragraphs.push(paragraphXml({ align: 'center', line: LINE_TWIPS }, [run(meta.docNumber.trim(), profile.body, profile)]), blankLine());
  if (meta.title.trim()) paragraphs.push(...titleParagraphs(meta.title, profile), blankLine());
  if (options.includeAddressee && meta.addressee.trim()) paragraphs.push(addresseeParagraph(meta.addressee, profile));
  for (const section of doc.sections) {
    if (section.heading.trim()) paragraphs.push(headingParagraph(section.heading, 1, profile, options));
    for (const block of section.blocks) {
      if (block.text.trim() === '') continue;
      paragraphs.push(blockParagraph(block, profile, options));
    }
  }
  for (const line of doc.closing) if (line.trim()) paragraphs.push(bodyParagraph(line, profile));
  paragraphs.push(...attachmentNote(meta.attachments, profile));
  const signature = signatureBlock(meta.signature, meta.date, profile);
  const date = dateLine(meta.signature, meta.date, profile);
  if (signature.length || date.length) paragraphs.push(blankLine(), ...signature, ...date);
  return paragraphs;
}

/**
 * The package around the body: docx's Document with 9704's styles, settings, page-number footers and
 * section (5.2, 7.5), and no paragraphs; `exportDocx` puts the body's paragraphs into its document.xml. The
 * paragraphs are written by the functions above rather than as docx Paragraphs: docx builds and walks an
 * object tree per run, which made a 30,000-character export several times slower in a fresh process.
 */
export function packageDocument(title: string, profile: FontProfile): Document {
  return new Document({
    creator: '法治年报助手',
    title: title.replace(/\n/g, ''),
    evenAndOddHeaderAndFooters: true,
    styles: stylesAndDefaults(profile),
    sections: [{ properties: pageSettings(), footers: pageNumberFooters(profile), children: [] }],
  });
}

/** The part of docx's Packer that writes each part's XML; Packer then zips the parts with fflate. */
interface PackageCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

/**
 * The package's parts (path → XML or bytes), as docx's Packer would zip them. docx keeps its compiler as a
 * private static of Packer; docx is pinned, and docx.test.ts fails if an upgrade moves it.
 */
export function compileDocxParts(document: Document): Map<string, string | Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: Partial<PackageCompiler> }).compiler;
  if (typeof compiler?.compile !== 'function') throw new Error('docx 库的版本与本软件不符，无法导出 Word 文件。');
  return compiler.compile(document);
}

const DOCUMENT_PART = 'word/document.xml';

/** document.xml with the paragraphs at the head of w:body, before the section properties (w:sectPr) that end it. */
export function withParagraphs(documentXml: string, paragraphs: readonly string[]): string {
  const at = documentXml.indexOf('<w:body>');
  if (at < 0) throw new Error('docx 生成的 document.xml 缺少正文（w:body）。');
  const bodyStart = at + '<w:body>'.length;
  return documentXml.slice(0, bodyStart) + paragraphs.join('') + documentXml.slice(bodyStart);
}

/**
 * The report as .docx bytes; pure (no Node built-ins), so the app, the CLI and the tests share it. With a
 * `deflater` (Node's zlib, in the CLI and the app's main process) the parts are zipped by `zipParts`;
 * without one (the browser), by docx's Packer with the finished document.xml as an override.
 */
export async function exportDocx(doc: ReportDocument, options: Partial<DocxOptions> = {}, deflater?: Deflater): Promise<Uint8Array> {
  const settings = { ...DEFAULT_DOCX_OPTIONS, ...options };
  const document = packageDocument(doc.meta.title, FONT_PROFILES[settings.fontProfile]);
  const parts = compileDocxParts(document);
  const documentXml = withParagraphs(String(parts.get(DOCUMENT_PART) ?? ''), bodyParagraphs(doc, settings));
  if (deflater) return zipParts(parts.set(DOCUMENT_PART, documentXml), deflater);
  return new Uint8Array(await Packer.toArrayBuffer(document, false, [{ path: DOCUMENT_PART, data: documentXml }]));
}
