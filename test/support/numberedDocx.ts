/**
 * .docx files whose heading numbers are Word's automatic numbering (numbering.xml + w:numPr), built from a
 * text description for the tests and the corpus: a line "@0 主要举措和成效" is a paragraph numbered at
 * level 0 of list 1, "@1 …" at level 1, "@s1 …" a paragraph of style Heading1 (numbered by its style);
 * other lines are plain paragraphs. The numbering is the one Chinese Word offers: 一、 （一） 1. （1）.
 * Headings marked by formatting alone: "@o0 …" a paragraph with its own outline level 0, "@t …" one of the
 * custom style "一级标题" (outline level 0 through its basedOn chain), "@b …" a wholly bold paragraph,
 * "@b 一是加强领导。|其余文字" bold only before the "|", "@k …" bold through the character style "Strong".
 * Notes and text boxes: "@fn 正文|脚注" a paragraph with a footnote after its text ("@en" an endnote), "@box 正文|框内一段|框内二段"
 * a paragraph with a text box anchored in it, written as Word 2010+ writes one (mc:AlternateContent: the
 * DrawingML box, then the same box in VML as the fallback). "@tbl 项目|件数;复议|6" a table (rows by ";", cells by "|";
 * a cell "^" is merged with the one above it, w:vMerge).
 */
import JSZip from 'jszip';

export interface NumberedParagraph {
  text: string;
  numId?: string;
  ilvl?: number;
  style?: string;
  /** Own w:outlineLvl in the paragraph's pPr. */
  outline?: number;
  /** Runs: text and whether each is bold (direct w:b) or bold by the character style "Strong". */
  runs?: { text: string; bold?: boolean; charStyle?: string }[];
  /** Body XML written as is instead of a paragraph (a table). */
  raw?: string;
  /** A footnote (or endnote) referred to at the end of the paragraph. */
  footnote?: string;
  endnote?: string;
  /** Paragraphs of a text box anchored in the paragraph. */
  box?: string[];
}

const MC =
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';

/** A text box as Word 2010+ saves it: the DrawingML shape, and the same content again as VML for older readers. */
function textBoxRun(paragraphs: string[]): string {
  const content = `<w:txbxContent>${paragraphs.map((t) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`).join('')}</w:txbxContent>`;
  return (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">' +
    '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>' +
    '<wp:extent cx="2000000" cy="600000"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="文本框 1"/>' +
    `<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>${content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
    `<mc:Fallback><w:pict><v:shape style="width:157pt;height:47pt"><v:textbox>${content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
  );
}

function notesXml(kind: 'footnote' | 'endnote', texts: string[]): string {
  const separators = `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}><w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>`;
  const notes = texts
    .map(
      (t, i) =>
        `<w:${kind} w:id="${i + 1}"><w:p><w:r><w:${kind}Ref/></w:r><w:r><w:t xml:space="preserve"> ${esc(t)}</w:t></w:r></w:p></w:${kind}>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${kind}s ${NS}>${separators}${notes}</w:${kind}s>`;
}

export interface LevelDef {
  format: string;
  text: string;
  start?: number;
  restart?: number;
  suffix?: 'tab' | 'space' | 'nothing';
  legal?: boolean;
}

export interface NumDef {
  numId: string;
  abstractId: string;
  startOverrides?: Record<number, number>;
}

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 一、 （一） 1. （1）, each level restarting under the one above, as Chinese Word's built-in list. */
export const CHINESE_LEVELS: LevelDef[] = [
  { format: 'chineseCounting', text: '%1、' },
  { format: 'chineseCounting', text: '（%2）' },
  { format: 'decimal', text: '%3.' },
  { format: 'decimal', text: '（%4）' },
];

export function numberingXml(abstracts: Record<string, LevelDef[]>, nums: NumDef[]): string {
  const abs = Object.entries(abstracts)
    .map(
      ([id, levels]) =>
        `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>` +
        levels
          .map(
            (l, i) =>
              `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.format}"/>` +
              (l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : '') +
              (l.legal ? '<w:isLgl/>' : '') +
              (l.suffix ? `<w:suff w:val="${l.suffix}"/>` : '') +
              `<w:lvlText w:val="${esc(l.text)}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>`,
          )
          .join('') +
        '</w:abstractNum>',
    )
    .join('');
  const ns = nums
    .map(
      (n) =>
        `<w:num w:numId="${n.numId}"><w:abstractNumId w:val="${n.abstractId}"/>` +
        Object.entries(n.startOverrides ?? {})
          .map(([ilvl, start]) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`)
          .join('') +
        '</w:num>',
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${NS}>${abs}${ns}</w:numbering>`;
}

/** Heading1 and Heading2 styles; `numbered` attaches list 1 to them (levels 0 and 1) as outline numbering does. */
export function stylesXml(numbered: boolean): string {
  const style = (id: string, name: string, ilvl: number) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:pPr>` +
    (numbered ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr>` : '') +
    `<w:outlineLvl w:val="${ilvl}"/></w:pPr></w:style>`;
  // Chinese templates often carry a custom "一级标题" whose outline level comes from the style it is based on.
  const custom =
    `<w:style w:type="paragraph" w:styleId="a4"><w:name w:val="标题基础"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="一级标题"/><w:basedOn w:val="a4"/><w:pPr><w:jc w:val="left"/></w:pPr></w:style>` +
    `<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${NS}>${style('Heading1', 'heading 1', 0)}${style('Heading2', 'heading 2', 1)}${custom}</w:styles>`;
}

export async function buildDocx(
  paragraphs: NumberedParagraph[],
  numbering: string | undefined,
  styles = stylesXml(false),
): Promise<Uint8Array> {
  const footnotes: string[] = [];
  const endnotes: string[] = [];
  const body = paragraphs
    .map((p) => {
      if (p.raw !== undefined) return p.raw;
      const ppr =
        (p.style ? `<w:pStyle w:val="${p.style}"/>` : '') +
        (p.numId !== undefined
          ? `<w:numPr><w:ilvl w:val="${p.ilvl ?? 0}"/><w:numId w:val="${p.numId}"/></w:numPr>`
          : '') +
        (p.outline !== undefined ? `<w:outlineLvl w:val="${p.outline}"/>` : '') +
        // The paragraph mark is bold in every paragraph, as Word leaves it after a bold line: it formats no text.
        '<w:rPr><w:b/></w:rPr>';
      const runs = (p.runs ?? [{ text: p.text }])
        .map((r) => {
          const rpr = (r.charStyle ? `<w:rStyle w:val="${r.charStyle}"/>` : '') + (r.bold ? '<w:b/><w:bCs/>' : '');
          return `<w:r>${rpr ? `<w:rPr>${rpr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(r.text)}</w:t></w:r>`;
        })
        .join('');
      let extra = p.box ? textBoxRun(p.box) : '';
      if (p.footnote !== undefined) extra += `<w:r><w:footnoteReference w:id="${footnotes.push(p.footnote)}"/></w:r>`;
      if (p.endnote !== undefined) extra += `<w:r><w:endnoteReference w:id="${endnotes.push(p.endnote)}"/></w:r>`;
      return `<w:p><w:pPr>${ppr}</w:pPr>${runs}${extra}</w:p>`;
    })
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      (footnotes.length
        ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
        : '') +
      (endnotes.length
        ? '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>'
        : '') +
      '</Relationships>',
  );
  if (footnotes.length) zip.file('word/footnotes.xml', notesXml('footnote', footnotes));
  if (endnotes.length) zip.file('word/endnotes.xml', notesXml('endnote', endnotes));
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS} ${MC}><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  if (numbering) zip.file('word/numbering.xml', numbering);
  zip.file('word/styles.xml', styles);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** One line of a description as a paragraph; "@fn", "@en" and "@box" wrap any other form ("@fn @0 标题|脚注"). */
function describedParagraph(line: string): NumberedParagraph {
  // "@tbl 项目|件数;复议|6": a table, rows split by ";", cells by "|".
  const table = /^@tbl\s+(.*)$/.exec(line);
  if (table) {
    // A cell "^" continues the cell above it (w:vMerge), which then starts the merge.
    const grid = table[1]!.split(';').map((row) => row.split('|'));
    const cell = (t: string, r: number, c: number) => {
      const merge = t === '^' ? '<w:vMerge/>' : grid[r + 1]?.[c] === '^' ? '<w:vMerge w:val="restart"/>' : '';
      const text = t === '^' ? '' : `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
      return `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>${merge}</w:tcPr><w:p>${text}</w:p></w:tc>`;
    };
    const rows = grid.map((row, r) => `<w:tr>${row.map((t, c) => cell(t, r, c)).join('')}</w:tr>`);
    return { text: '', raw: `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.join('')}</w:tbl>` };
  }
  const n = /^@(fn|en|box)\s+(.*)$/.exec(line);
  if (n) {
    const [text, ...rest] = n[2]!.split('|');
    const inner = text ? describedParagraph(text) : { text: '' };
    if (n[1] === 'box') return { ...inner, box: rest };
    return { ...inner, [n[1] === 'fn' ? 'footnote' : 'endnote']: rest.join('|') };
  }
  const f = /^@(o\d|t|b|k)\s+(.*)$/.exec(line);
  if (f) {
    const text = f[2]!;
    if (f[1]![0] === 'o') return { text, outline: Number(f[1]![1]) };
    if (f[1] === 't') return { text, style: 'a5' };
    if (f[1] === 'k') return { text, runs: [{ text, charStyle: 'Strong' }] };
    const [bold, plain] = text.split('|');
    return { text: text.replace('|', ''), runs: [{ text: bold!, bold: true }, ...(plain ? [{ text: plain }] : [])] };
  }
  const m = /^@(s?)(\d)\s+(.*)$/.exec(line);
  if (!m) return { text: line };
  if (m[1]) return { text: m[3]!, style: `Heading${Number(m[2])}` };
  return { text: m[3]!, numId: '1', ilvl: Number(m[2]) };
}

/** A description ("@0 …", "@1 …", "@s1 …", plain lines) → a .docx numbered by Word's Chinese list. */
export function numberedDocxFromText(description: string): Promise<Uint8Array> {
  const paragraphs = description
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map(describedParagraph);
  return buildDocx(
    paragraphs,
    numberingXml({ '0': CHINESE_LEVELS }, [{ numId: '1', abstractId: '0' }]),
    stylesXml(true),
  );
}
