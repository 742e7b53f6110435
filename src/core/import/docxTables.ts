/**
 * Tables of an imported .docx (w:tbl) as table blocks. The text reading (docxFast.ts or mammoth) gives one
 * line per paragraph of every cell, so a table of figures arrived as a column of short lines; here the
 * tables are read from word/document.xml with an XML parser, and where the report holds a table's cell
 * paragraphs as consecutive blocks of one section, those blocks become one table block. A table whose
 * text the importer did not keep in that order (split by a heading it found in a cell, say) is left as
 * the lines it was: never worse than before.
 */
import type { Block, ReportDocument } from '../model/report';
import { tableBlock } from '../model/report';
import { readDocxPart } from './docxFast';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface XmlElement {
  namespaceURI: string | null;
  localName: string;
  childNodes: ArrayLike<XmlNode>;
  getAttributeNS(ns: string, name: string): string | null;
}
type XmlNode = XmlElement | { nodeType: number; nodeValue: string | null };

const isElement = (node: XmlNode): node is XmlElement => (node as { nodeType: number }).nodeType === 1;
const children = (node: XmlElement, name: string): XmlElement[] =>
  Array.from(node.childNodes)
    .filter(isElement)
    .filter((c) => c.namespaceURI === W && c.localName === name);

/** A paragraph's text as the text reading gives it: w:t, tabs and breaks (as spaces: one cell, one line). */
function paragraphText(p: XmlElement): string {
  let text = '';
  const walk = (node: XmlElement) => {
    for (const child of Array.from(node.childNodes)) {
      if (!isElement(child)) continue;
      if (child.namespaceURI === W && child.localName === 't')
        text += Array.from(child.childNodes)
          .map((n) => (isElement(n) ? '' : (n.nodeValue ?? '')))
          .join('');
      else if (
        child.namespaceURI === W &&
        (child.localName === 'tab' || child.localName === 'br' || child.localName === 'cr')
      )
        text += ' ';
      else if (!(child.namespaceURI === W && (child.localName === 'delText' || child.localName === 'instrText')))
        walk(child);
    }
  };
  walk(p);
  return text;
}

/** One table: rows of cells, each cell its paragraphs' texts. Cells merged down (w:vMerge) or across (the columns after a w:gridSpan) are empty. */
export interface DocxTable {
  rows: string[][][];
}

/** The tables at the body's top level (a table inside a table stays its outer cell's text). */
export async function readDocxTables(documentXml: string): Promise<DocxTable[]> {
  if (!documentXml.includes('<w:tbl')) return [];
  const { DOMParser } = await import('@xmldom/xmldom');
  let root: XmlElement | null;
  try {
    root = new DOMParser({
      errorHandler: { warning: () => {}, error: () => {}, fatalError: () => {} },
    }).parseFromString(documentXml, 'text/xml').documentElement as unknown as XmlElement | null;
  } catch {
    return [];
  }
  const body = root ? children(root, 'body')[0] : undefined;
  if (!body) return [];
  const cellParagraphs = (tc: XmlElement): string[] =>
    Array.from(tc.childNodes)
      .filter(isElement)
      .flatMap((c) =>
        c.namespaceURI === W && c.localName === 'p'
          ? [paragraphText(c)]
          : c.namespaceURI === W && c.localName === 'tbl'
            ? children(c, 'tr').flatMap((tr) => children(tr, 'tc').flatMap(cellParagraphs))
            : [],
      );
  // A cell merged across (w:gridSpan) is followed by empty cells for the columns it covers, so every row has
  // the table's columns and a figure stays under its column's label, as Word shows it.
  const span = (tc: XmlElement): number => {
    const value = children(children(tc, 'tcPr')[0] ?? tc, 'gridSpan')[0]?.getAttributeNS(W, 'val');
    const n = Number(value);
    return Number.isInteger(n) && n > 1 && n <= 64 ? n : 1;
  };
  return children(body, 'tbl').map((tbl) => ({
    rows: children(tbl, 'tr').map((tr) =>
      children(tr, 'tc').flatMap((tc) => [cellParagraphs(tc), ...Array.from({ length: span(tc) - 1 }, () => [])]),
    ),
  }));
}

const normal = (text: string) => text.replace(/\s+/g, '');

/** `doc` with each table's run of cell lines replaced by one table block (see the head of this file). */
export function withTables(doc: ReportDocument, tables: readonly DocxTable[]): ReportDocument {
  if (!tables.length) return doc;
  const sections = doc.sections.map((s) => ({ ...s, blocks: [...s.blocks] }));
  for (const table of tables) {
    const lines = table.rows.flat(2).map(normal).filter(Boolean);
    if (!lines.length) continue;
    const rows = table.rows.map((row) =>
      row.map((cell) =>
        cell
          .map((p) => p.trim())
          .filter(Boolean)
          .join(' '),
      ),
    );
    found: for (const section of sections) {
      const texts = section.blocks.map((b: Block) => (b.kind === 'table' ? '\u0000' : normal(b.text)));
      for (let start = 0; start + lines.length <= texts.length; start++) {
        // Blank lines between cells may have been kept as empty paragraphs: step over them.
        let k = start;
        let i = 0;
        while (i < lines.length && k < texts.length) {
          if (texts[k] === '' && k > start) k++;
          else if (texts[k] === lines[i]) {
            k++;
            i++;
          } else break;
        }
        if (i === lines.length) {
          section.blocks.splice(start, k - start, tableBlock(rows));
          break found;
        }
      }
    }
  }
  return { ...doc, sections };
}

/** The tables of a .docx's main part, read again from the zip (the text reading keeps only their lines). */
export async function docxTables(bytes: Uint8Array): Promise<DocxTable[]> {
  const xml = await readDocxPart(bytes, 'word/document.xml');
  return xml ? readDocxTables(xml) : [];
}
