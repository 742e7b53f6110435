/**
 * The source of the .docx package of GB/T 9704-2012 《党政机关公文格式》 around the report's paragraphs
 * (paragraphs.ts): the document defaults, styles, page-number footers and section, one function per
 * element, each citing the clause it implements (shared/spec/format.md gives the OOXML values), packed by
 * docx through its public Packer. Build-time only: scripts/docx-package.ts writes what it packs into
 * generated/docxPackage.ts, which docx.ts exports from; so no export loads docx.
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
import type { ReportDocument } from '../model/report';
import { entryText, readZipEntries } from '../review/zipEntries';
import { FONT_PROFILES, type FontProfile, type FontProfileId } from './fonts';
import { CHAR_SPACING, GRID_CHAR_SPACE, LINE_TWIPS, PAGE, TITLE_LINE_TWIPS } from './layout';
import {
  BODY_SIZE,
  CORE_PROPERTIES_PART,
  corePropertiesXml,
  DEFAULT_DOCX_OPTIONS,
  DOCUMENT_PART,
  escapeXml,
  indentTwoChars,
  reportParts,
  TITLE_SIZE,
  type DocxOptions,
} from './paragraphs';
import { packageOverrides } from './packageParts';

const PAGE_NUMBER_SIZE = 28; // 4号 14 pt
/** One character of the 4号 page number, twips (7.5: 空一字). */
const PAGE_NUMBER_INDENT = 280;

function fonts(eastAsia: string, profile: FontProfile) {
  // hint eastAsia: “” — … and other shared punctuation take the Chinese font, not Times New Roman.
  return { ascii: profile.latin, hAnsi: profile.latin, eastAsia, cs: profile.latin, hint: 'eastAsia' };
}

/** 5.2.1 页边与版心尺寸, 5.2.3 行数和字数, 7.5 (footer distance): A4, 天头 37 mm, 订口 28 mm, 22 × 28 grid. */
export function pageSettings() {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: {
        top: PAGE.top,
        bottom: PAGE.bottom,
        left: PAGE.left,
        right: PAGE.right,
        header: PAGE.header,
        footer: PAGE.footer,
        gutter: 0,
      },
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
 * - spacing −6 (and on Normal): text pasted into the file or cleared of its formatting in Word keeps the
 *   15.7 pt characters, 28 a line, not 27.
 */
function documentDefaultsXml(profile: FontProfile): string {
  const f = fonts(profile.body, profile);
  const rFonts = `<w:rFonts w:ascii="${escapeXml(f.ascii)}" w:hAnsi="${escapeXml(f.hAnsi)}" w:eastAsia="${escapeXml(f.eastAsia)}" w:cs="${escapeXml(f.cs)}" w:hint="eastAsia"/>`;
  return (
    '<w:docDefaults>' +
    `<w:rPrDefault><w:rPr>${rFonts}<w:snapToGrid w:val="0"/><w:spacing w:val="${CHAR_SPACING}"/><w:sz w:val="${BODY_SIZE}"/><w:szCs w:val="${BODY_SIZE}"/>` +
    '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:autoSpaceDE/><w:autoSpaceDN/>' +
    `<w:adjustRightInd w:val="0"/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${LINE_TWIPS}" w:lineRule="exact"/>` +
    '<w:jc w:val="both"/></w:pPr></w:pPrDefault>' +
    '</w:docDefaults>'
  );
}

/** The rFonts element of a style or default, the profile's Latin font beside `eastAsia`. */
function rFontsXml(eastAsia: string, profile: FontProfile): string {
  const latin = escapeXml(profile.latin);
  return `<w:rFonts w:ascii="${latin}" w:cs="${latin}" w:eastAsia="${escapeXml(eastAsia)}" w:hAnsi="${latin}" w:hint="eastAsia"/>`;
}

/**
 * 7.3.1: the Title style, as XML because it must undo Normal's −0.3 pt narrowing (w:spacing 0), which
 * docx's style options cannot say: the 2号 title is set at its full width, as titleParagraphs sets it.
 */
function titleStyleXml(profile: FontProfile): string {
  return (
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>' +
    `<w:pPr><w:spacing w:line="${TITLE_LINE_TWIPS}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>` +
    `<w:rPr>${rFontsXml(profile.title, profile)}<w:spacing w:val="0"/><w:sz w:val="${TITLE_SIZE}"/><w:szCs w:val="${TITLE_SIZE}"/></w:rPr></w:style>`
  );
}

/**
 * 7.5: Word's Footer style (页脚), which the page-number paragraphs take: a single line (not the body's
 * exact 28.95 pt) and 4号 宋体 at full width.
 */
function footerStyleXml(profile: FontProfile): string {
  return (
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>' +
    '<w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>' +
    `<w:rPr>${rFontsXml(profile.pageNumber, profile).replace(/w:(ascii|cs|hAnsi)="[^"]*"/g, `w:$1="${escapeXml(profile.pageNumber)}"`)}<w:spacing w:val="0"/><w:sz w:val="${PAGE_NUMBER_SIZE}"/><w:szCs w:val="${PAGE_NUMBER_SIZE}"/></w:rPr></w:style>`
  );
}

/**
 * 5.2.2 and 7.3.1/7.3.3: the styles a clerk may apply by hand in Word or WPS, each with the profile's
 * fonts, no colour and no bold, so they too give 9704. Normal carries 16 pt: Word derives the grid's
 * character pitch from it, and LibreOffice its grid cell. Only these styles are written: docx's other
 * defaults (blue Heading 5/6, captions…) have no place in a 公文.
 */
export function stylesAndDefaults(profile: FontProfile): IStylesOptions {
  const body = { font: fonts(profile.body, profile), size: BODY_SIZE, characterSpacing: CHAR_SPACING };
  const heading = (id: string, name: string, eastAsia: string, outlineLevel: number): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: fonts(eastAsia, profile), size: BODY_SIZE, characterSpacing: CHAR_SPACING },
    // A heading a clerk sets by hand in Word is kept with the next line, as the exported ones are.
    paragraph: { indent: indentTwoChars, outlineLevel, keepNext: true, keepLines: true },
  });
  return {
    importedStyles: [documentDefaultsXml(profile), titleStyleXml(profile), footerStyleXml(profile)].map((xml) =>
      ImportedXmlComponent.fromXmlString(xml),
    ),
    paragraphStyles: [
      { id: 'Normal', name: 'Normal', quickFormat: true, run: body },
      heading('Heading1', 'heading 1', profile.heading1, 0),
      heading('Heading2', 'heading 2', profile.heading2, 1),
      heading('Heading3', 'heading 3', profile.body, 2),
      heading('Heading4', 'heading 4', profile.body, 3),
    ],
  };
}

/**
 * 7.5 页码: 4号半角宋体阿拉伯数字, 数字左右各放一条一字线 ("— 1 —"); 单页码居右空一字, 双页码居左空一字;
 * 一字线上距版心下边缘 7 mm (PAGE.footer). The line is single, not the body's exact 28.95 pt, which would
 * set the number by the height of a body line. Word shows the even footer only with w:evenAndOddHeaders in
 * settings (buildDocument).
 */
export function pageNumberFooters(profile: FontProfile) {
  const font = profile.pageNumber;
  const footer = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: IParagraphOptions['indent']) =>
    new Footer({
      children: [
        new Paragraph({
          style: 'Footer',
          alignment,
          indent,
          spacing: { line: 240, lineRule: LineRuleType.AUTO },
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: { ascii: font, hAnsi: font, eastAsia: font, cs: font, hint: 'eastAsia' },
              size: PAGE_NUMBER_SIZE,
            }),
          ],
        }),
      ],
    });
  return {
    default: footer(AlignmentType.RIGHT, { right: PAGE_NUMBER_INDENT }),
    even: footer(AlignmentType.LEFT, { left: PAGE_NUMBER_INDENT }),
  };
}

/**
 * The package the report's paragraphs go into: docx's Document with 9704's styles, settings, page-number
 * footers and section (5.2, 7.5), and no paragraphs. It depends on the font profile only (not on the
 * other DocxOptions, which change paragraphs only), so it is packed once per profile, at build time.
 */
function packageDocument(profile: FontProfile): Document {
  return new Document({
    creator: '法治年报助手',
    evenAndOddHeaderAndFooters: true,
    styles: stylesAndDefaults(profile),
    sections: [{ properties: pageSettings(), footers: pageNumberFooters(profile), children: [] }],
  });
}

/**
 * The package's parts (path → XML) for a font profile, in the order docx's Packer zips them: docx's own
 * (packed with its public Packer, read back with the comment writer's bounded zip reader), with the parts
 * docx writes empty or wrong replaced (packageParts.ts) and docProps/core.xml as our own at a fixed time,
 * since docx stamps it with the time of packing and every export writes its own anyway.
 */
export async function compilePackageParts(profileId: FontProfileId): Promise<[string, string][]> {
  const zip = await Packer.toArrayBuffer(
    packageDocument(FONT_PROFILES[profileId]),
    false,
    [...packageOverrides(profileId)].map(([path, data]) => ({ path, data })),
  );
  const parts: [string, string][] = [];
  for (const entry of readZipEntries(new Uint8Array(zip))) {
    parts.push([
      entry.name,
      entry.name === CORE_PROPERTIES_PART ? corePropertiesXml('', PACKAGE_TIME) : await entryText(entry),
    ]);
  }
  return parts;
}

/** The time in the generated package's core.xml: fixed, so that generating twice gives the same file. */
const PACKAGE_TIME = new Date(Date.UTC(2026, 0, 1));

/**
 * The text of generated/docxPackage.ts: every profile's parts, each distinct text once (most parts are the
 * same in every profile), which halves what the bundles carry.
 */
export async function generatedPackageModule(): Promise<string> {
  const texts: string[] = [];
  const index = new Map<string, number>();
  const profiles: string[] = [];
  for (const profile of Object.keys(FONT_PROFILES) as FontProfileId[]) {
    const parts = (await compilePackageParts(profile)).map(([path, xml]) => {
      let at = index.get(xml);
      if (at === undefined) index.set(xml, (at = texts.push(xml) - 1));
      return `[${JSON.stringify(path)}, ${at}]`;
    });
    profiles.push(`  ${profile}: [${parts.join(', ')}],`);
  }
  return [
    '// Generated by `node scripts/run-ts.cjs scripts/docx-package.ts` (run by every build) from',
    '// src/core/export/packageSource.ts with docx: do not edit; change packageSource.ts and build.',
    '// docx.test.ts fails while this file differs from what the generator writes.',
    "import type { FontProfileId } from '../fonts';",
    '',
    '/** Every distinct part text of the three profiles. */',
    `export const PACKAGE_TEXTS: readonly string[] = [\n${texts.map((t) => `  ${JSON.stringify(t)},`).join('\n')}\n];`,
    '',
    "/** Each profile's parts in the order docx zips them: path, index in PACKAGE_TEXTS. */",
    `export const PACKAGE_PARTS: Readonly<Record<FontProfileId, readonly (readonly [string, number])[]>> = {\n${profiles.join('\n')}\n};`,
    '',
  ].join('\n');
}

/**
 * The whole report packed by docx's Packer, with the report's parts as overrides: what docx itself makes
 * of the report, for the tests that hold the exporter (docx.ts, zip.ts) to it. Never used by an export.
 */
export async function packWithDocx(doc: ReportDocument, options: Partial<DocxOptions> = {}): Promise<Uint8Array> {
  const settings = { ...DEFAULT_DOCX_OPTIONS, ...options };
  const packageXml = new Map(await compilePackageParts(settings.fontProfile)).get(DOCUMENT_PART) ?? '';
  const { documentXml, coreXml } = reportParts(doc, settings, packageXml);
  const overrides = [
    ...[...packageOverrides(settings.fontProfile)].map(([path, data]) => ({ path, data })),
    { path: DOCUMENT_PART, data: documentXml },
    { path: CORE_PROPERTIES_PART, data: coreXml },
  ];
  return new Uint8Array(
    await Packer.toArrayBuffer(packageDocument(FONT_PROFILES[settings.fontProfile]), false, overrides),
  );
}
