/**
 * The report as a GB/T 9704-2012 《党政机关公文格式》 .docx: one function per document element, each citing
 * the clause it implements (shared/spec/format.md gives the OOXML values).
 *
 * The grid. 版心 is 156 × 225 mm (5.2.1): 8844 × 12756 twips with the margins below. 22 lines: 12756 / 22 =
 * 579.8, so every line is exactly 579 twips (28.95 pt) — 22 × 579 = 12738 fits, 23 lines do not. 28
 * characters: at 3号 (16 pt) 28 characters need 448 pt but the line is 442.2 pt, so each character is
 * narrowed by 0.25 pt (w:spacing −5 twentieths): 28 × 15.75 = 441 pt fits, 29 do not. Word's own 22 × 28
 * page setup gets the same with a linesAndChars grid and charSpace −849, but LibreOffice misreads that grid
 * (about 14 characters a line), so we use exact line height and character spacing, which both Word/WPS and
 * LibreOffice honour, and keep a line-only docGrid so Word's page setup still shows 22 lines.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { Block, ReportDocument } from '../model/report';
import { FONT_PROFILES, type FontProfile, type FontProfileId } from './fonts';
import { splitRunInHeading } from './runIn';
import { balanceTitle } from './title';

export interface DocxOptions {
  fontProfile: FontProfileId;
  /** Bold "1." headings: a local option many counties want. */
  boldLevel3: boolean;
  /** Print the 主送机关 line when the report has one. */
  includeAddressee: boolean;
}

export const DEFAULT_DOCX_OPTIONS: DocxOptions = { fontProfile: 'windows', boldLevel3: false, includeAddressee: true };

/** Twips. */
export const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 1134, header: 851 };
export const LINE_TWIPS = 579;
/** One character of body text: 16 pt − 0.25 pt, in twips. */
export const CHAR_TWIPS = 315;
export const CHAR_SPACING = -5;
/** 2号 title lines: 35 pt, the usual 公文 title pitch. */
export const TITLE_LINE_TWIPS = 700;
const BODY_SIZE = 32; // half-points: 3号 16 pt
const TITLE_SIZE = 44; // 2号 22 pt
const PAGE_NUMBER_SIZE = 28; // 4号 14 pt

function fonts(eastAsia: string, profile: FontProfile) {
  return { ascii: profile.latin, hAnsi: profile.latin, eastAsia, cs: profile.latin, hint: 'eastAsia' };
}

function run(text: string, eastAsia: string, profile: FontProfile, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: fonts(eastAsia, profile), size: BODY_SIZE, characterSpacing: CHAR_SPACING, ...extra });
}

const exactLine = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const indentTwoChars = { firstLine: 2 * CHAR_TWIPS, firstLineChars: 200 };

/** 5.2.1 页边与版心尺寸 and 5.2.2 字体和字号: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 × 28. */
export function pageProperties() {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.footer, gutter: 0 },
    },
    // The pitch is recorded, but the grid is not switched on: LibreOffice snaps every line taller than the
    // pitch (the 35 pt title) to two grid lines, Word does not, and the pages would differ.
    grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_TWIPS },
  };
}

/** 5.2.2 and 7.3.3: defaults every paragraph inherits — 3号仿宋, Times New Roman for Latin, exact 22-line pitch. */
export function documentDefaults(profile: FontProfile) {
  return {
    document: {
      run: { font: fonts(profile.body, profile), size: BODY_SIZE, characterSpacing: CHAR_SPACING },
      // No widow/orphan control: it moves lines to the next page, and a full 9704 page has 22 lines.
      // Stated explicitly, because LibreOffice turns it on when the file says nothing.
      paragraph: { spacing: exactLine, widowControl: false },
    },
    // Word's built-in styles carry blue and italic; a clerk who applies one by hand must still get 9704.
    title: { run: { font: fonts(profile.title, profile), size: TITLE_SIZE, color: '000000' } },
    heading1: { run: { font: fonts(profile.heading1, profile), size: BODY_SIZE, color: '000000' } },
    heading2: { run: { font: fonts(profile.heading2, profile), size: BODY_SIZE, color: '000000' } },
    heading3: { run: { font: fonts(profile.body, profile), size: BODY_SIZE, color: '000000' } },
    heading4: { run: { font: fonts(profile.body, profile), size: BODY_SIZE, color: '000000', italics: false } },
  };
}

/** 7.2 (page 1) 标题: 2号小标宋, centred, long titles in balanced lines (梯形或菱形), never broken mid-word. */
export function titleParagraphs(title: string, profile: FontProfile): Paragraph[] {
  return balanceTitle(title).map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        // A 22 pt line needs more than the 28.95 pt body pitch to breathe; 35 pt is the usual 公文 title pitch.
        spacing: { line: TITLE_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun({ text: line, font: fonts(profile.title, profile), size: TITLE_SIZE })],
      }),
  );
}

/** An empty line of body pitch: 7.3.1 (空一行) between title and 主送机关, body and 署名. */
export function blankLine(): Paragraph {
  return new Paragraph({ spacing: exactLine, children: [] });
}

/** 7.3.2 主送机关: under the title, flush left, ending with a full-width colon. */
export function addresseeParagraph(addressee: string, profile: FontProfile): Paragraph {
  const text = addressee.replace(/[:：]?\s*$/, '：');
  return new Paragraph({ spacing: exactLine, children: [run(text, profile.body, profile)] });
}

/** 7.3.3 正文: 3号仿宋, first line indented two characters, wrapped lines flush left. */
export function bodyParagraph(text: string, profile: FontProfile): Paragraph {
  return new Paragraph({ spacing: exactLine, indent: indentTwoChars, children: [run(text, profile.body, profile)] });
}

/**
 * 7.3.3 结构层次序数: 第一层 "一、" 黑体, 第二层 "（一）" 楷体, 第三层 "1." and 第四层 "（1）" 仿宋, each
 * indented two characters; the numbers are literal text, never Word numbering. A paragraph that begins
 * with a run-in heading ("1.强化学习。正文……") keeps the heading font up to the first 。 only.
 */
export function headingParagraph(text: string, level: 1 | 2 | 3 | 4, profile: FontProfile, options: DocxOptions): Paragraph {
  const font = level === 1 ? profile.heading1 : level === 2 ? profile.heading2 : profile.body;
  const bold = level === 3 && options.boldLevel3;
  return new Paragraph({ spacing: exactLine, indent: indentTwoChars, children: [run(text, font, profile, bold ? { bold } : {})] });
}

/** A body paragraph whose text starts with a heading number: heading font for the run-in title only. */
export function runInParagraph(text: string, profile: FontProfile, options: DocxOptions): Paragraph {
  const split = splitRunInHeading(text);
  if (!split) return bodyParagraph(text, profile);
  const font = split.level === 1 ? profile.heading1 : split.level === 2 ? profile.heading2 : profile.body;
  const bold = split.level === 3 && options.boldLevel3;
  return new Paragraph({
    spacing: exactLine,
    indent: indentTwoChars,
    children: [run(split.heading, font, profile, bold ? { bold } : {}), run(split.rest, profile.body, profile)],
  });
}

/** 7.3.4 附件说明: one blank line under the body, two characters in, "附件：1. 名称", later items aligned. */
export function attachmentNote(items: readonly string[], profile: FontProfile): Paragraph[] {
  if (items.length === 0) return [];
  const numbered = items.length > 1;
  const label = '附件：';
  return [
    blankLine(),
    ...items.map(
      (item, i) =>
        new Paragraph({
          spacing: exactLine,
          indent: i === 0 ? indentTwoChars : { left: (2 + label.length) * CHAR_TWIPS },
          children: [run(`${i === 0 ? label : ''}${numbered ? `${i + 1}. ` : ''}${item}`, profile.body, profile)],
        }),
    ),
  ];
}

/** Width in characters as 9704 counts them: Latin letters and digits are half a character. */
export function charWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

/**
 * Right indents, in characters, of each 署名 line and of the 成文日期 (7.3.5.2 不加盖印章的公文): 署名 two
 * characters from the right; the date on the next line, its first character two characters right of the
 * 署名's first character; when the date is the longer, the 署名 moves left so the date keeps two
 * characters to the right. A shorter co-signer line is centred under the widest one.
 */
export function signatureIndents(signature: readonly string[], date: string): { signature: number[]; date: number } {
  const widest = Math.max(0, ...signature.map(charWidth));
  const dateWidth = charWidth(date);
  let signatureRight = 2;
  let dateRight = signatureRight + widest - 2 - dateWidth;
  if (!signature.length || dateRight < 2) {
    dateRight = 2;
    if (signature.length) signatureRight = dateRight + dateWidth + 2 - widest;
  }
  return { signature: signature.map((line) => signatureRight + (widest - charWidth(line)) / 2), date: dateRight };
}

/** 7.3.5.2: the 署名 and 成文日期 paragraphs, right-aligned with the indents above. */
export function signatureBlock(signatureLines: readonly string[], date: string, profile: FontProfile): Paragraph[] {
  const signature = signatureLines.filter((s) => s.trim());
  if (signature.length === 0 && !date) return [];
  const indents = signatureIndents(signature, date);
  const right = (chars: number) => Math.round(chars * CHAR_TWIPS);
  return [
    blankLine(),
    ...signature.map(
      (line, i) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactLine, indent: { right: right(indents.signature[i]!) }, children: [run(line, profile.body, profile)] }),
    ),
    ...(date ? [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactLine, indent: { right: right(indents.date) }, children: [run(date, profile.body, profile)] })] : []),
  ];
}

/** 7.5 页码: 4号半角宋体 "— 1 —", odd pages right with one character in, even pages left with one character in. */
export function pageNumberFooters(profile: FontProfile) {
  const footer = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: IParagraphOptions['indent']) =>
    new Footer({
      children: [
        new Paragraph({
          alignment,
          indent,
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: { ascii: profile.pageNumber, hAnsi: profile.pageNumber, eastAsia: profile.pageNumber, cs: profile.pageNumber, hint: 'eastAsia' },
              size: PAGE_NUMBER_SIZE,
            }),
          ],
        }),
      ],
    });
  return { default: footer(AlignmentType.RIGHT, { right: 280 }), even: footer(AlignmentType.LEFT, { left: 280 }) };
}

function blockParagraph(block: Block, profile: FontProfile, options: DocxOptions): Paragraph {
  if (block.kind === 'subheading') return headingParagraph(block.text, block.level, profile, options);
  return runInParagraph(block.text, profile, options);
}

/** The whole document, in the order of 7.2–7.3: 份号/文号 lines we keep, title, 主送机关, body, 附件说明, 署名, 成文日期. */
export function buildDocument(doc: ReportDocument, options: DocxOptions): Document {
  const profile = FONT_PROFILES[options.fontProfile];
  const { meta } = doc;
  const children: Paragraph[] = [];
  if (meta.docNumber) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine, children: [run(meta.docNumber, profile.body, profile)] }), blankLine());
  if (meta.title.trim()) children.push(...titleParagraphs(meta.title, profile), blankLine());
  if (options.includeAddressee && meta.addressee.trim()) children.push(addresseeParagraph(meta.addressee, profile));
  for (const section of doc.sections) {
    if (section.heading) children.push(headingParagraph(section.heading, 1, profile, options));
    for (const block of section.blocks) {
      if (block.text.trim() === '') continue;
      children.push(blockParagraph(block, profile, options));
    }
  }
  for (const line of doc.closing) children.push(bodyParagraph(line, profile));
  children.push(...attachmentNote(meta.attachments, profile));
  children.push(...signatureBlock(meta.signature, meta.date, profile));
  return new Document({
    creator: '法治年报助手',
    title: meta.title.replace(/\n/g, ''),
    evenAndOddHeaderAndFooters: true,
    styles: { default: documentDefaults(profile) },
    sections: [{ properties: pageProperties(), footers: pageNumberFooters(profile), children }],
  });
}

export async function exportDocx(doc: ReportDocument, options: Partial<DocxOptions> = {}): Promise<Uint8Array> {
  const document = buildDocument(doc, { ...DEFAULT_DOCX_OPTIONS, ...options });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
