/**
 * .docx files whose heading numbers are Word's automatic numbering (numbering.xml + w:numPr), built from a
 * text description for the tests and the corpus: a line "@0 主要举措和成效" is a paragraph numbered at
 * level 0 of list 1, "@1 …" at level 1, "@s1 …" a paragraph of style Heading1 (numbered by its style);
 * other lines are plain paragraphs. The numbering is the one Chinese Word offers: 一、 （一） 1. （1）.
 */
import JSZip from 'jszip';

export interface NumberedParagraph {
  text: string;
  numId?: string;
  ilvl?: number;
  style?: string;
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
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${NS}>${style('Heading1', 'heading 1', 0)}${style('Heading2', 'heading 2', 1)}</w:styles>`;
}

export async function buildDocx(paragraphs: NumberedParagraph[], numbering: string | undefined, styles = stylesXml(false)): Promise<Uint8Array> {
  const body = paragraphs
    .map((p) => {
      const ppr =
        (p.style ? `<w:pStyle w:val="${p.style}"/>` : '') + (p.numId !== undefined ? `<w:numPr><w:ilvl w:val="${p.ilvl ?? 0}"/><w:numId w:val="${p.numId}"/></w:numPr>` : '');
      return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(p.text)}</w:t></w:r></w:p>`;
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
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}<w:sectPr/></w:body></w:document>`);
  if (numbering) zip.file('word/numbering.xml', numbering);
  zip.file('word/styles.xml', styles);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A description ("@0 …", "@1 …", "@s1 …", plain lines) → a .docx numbered by Word's Chinese list. */
export function numberedDocxFromText(description: string): Promise<Uint8Array> {
  const paragraphs = description
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line): NumberedParagraph => {
      const m = /^@(s?)(\d)\s+(.*)$/.exec(line);
      if (!m) return { text: line };
      if (m[1]) return { text: m[3]!, style: `Heading${Number(m[2])}` };
      return { text: m[3]!, numId: '1', ilvl: Number(m[2]) };
    });
  return buildDocx(paragraphs, numberingXml({ '0': CHINESE_LEVELS }, [{ numId: '1', abstractId: '0' }]), stylesXml(true));
}
