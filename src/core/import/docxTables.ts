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
  /** Per row and column, whether the cell continues the one above (w:vMerge, a rowspan): its label is repeated. */
  continued?: boolean[][];
}

/** A cell that is a figure ("12", "86件", "98.5%"), not a label: a figure merged down is one figure, never repeated. */
const FIGURE = /^(?:约|近|共)?\s*\d[\d.,，]*\s*(?:万)?\s*[%％]?\s*[（(]?[^\d\s]{0,2}[）)]?$/;

/**
 * The rows as the table block shows them: a row label merged down over several rows ("行政复议案件" beside
 * 收到 and 办结) is repeated in each row of figures it spans, so every row keeps its meaning when read alone
 * (the checker reads row label + column label + cell). A figure merged down stays once (one figure), and a
 * header merged down over a second header row (no figures) is a column's label, not repeated.
 */
export function repeatMergedLabels(
  rows: string[][],
  continued: readonly (readonly boolean[])[] | undefined,
): string[][] {
  if (!continued) return rows;
  const merged: string[] = []; // per column: the text of the cell a continued cell belongs to
  return rows.map((row, r) => {
    const figures = row.some((text) => FIGURE.test(text.trim()));
    return row.map((text, c) => {
      if (!continued[r]?.[c]) {
        merged[c] = text;
        return text;
      }
      const label = merged[c] ?? '';
      return !text && figures && label && !FIGURE.test(label.trim()) ? label : text;
    });
  });
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
  // w:vMerge without w:val="restart" continues the cell above in the same grid column.
  const continues = (tc: XmlElement): boolean => {
    const merge = children(children(tc, 'tcPr')[0] ?? tc, 'vMerge')[0];
    return !!merge && (merge.getAttributeNS(W, 'val') ?? 'continue') !== 'restart';
  };
  return children(body, 'tbl').map((tbl) => {
    const trs = children(tbl, 'tr');
    const rows = trs.map((tr) =>
      children(tr, 'tc').flatMap((tc) => [cellParagraphs(tc), ...Array.from({ length: span(tc) - 1 }, () => [])]),
    );
    const continued = trs.map((tr) =>
      children(tr, 'tc').flatMap((tc) => Array.from({ length: span(tc) }, (_, k) => k === 0 && continues(tc))),
    );
    return continued.some((row) => row.includes(true)) ? { rows, continued } : { rows };
  });
}

const normal = (text: string) => text.replace(/\s+/g, '');

/** `doc` with each table's run of cell lines replaced by one table block (see the head of this file). */
export function withTables(doc: ReportDocument, tables: readonly DocxTable[]): ReportDocument {
  if (!tables.length) return doc;
  const sections = doc.sections.map((s) => ({ ...s, blocks: [...s.blocks] }));
  for (const table of tables) {
    const lines = table.rows.flat(2).map(normal).filter(Boolean);
    if (!lines.length) continue;
    const rows = repeatMergedLabels(
      table.rows.map((row) =>
        row.map((cell) =>
          cell
            .map((p) => p.trim())
            .filter(Boolean)
            .join(' '),
        ),
      ),
      table.continued,
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
