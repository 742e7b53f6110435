/**
 * A fast path for plain .docx files: the paragraphs of word/document.xml read straight from the zip.
 * mammoth builds a full DOM and spends most of its time collecting garbage (about 200 ms for a
 * 30,000-character LibreOffice file on a busy machine); reports are plain paragraphs, so this reads them
 * in a few milliseconds. Anything unusual — text boxes, alternate content, footnotes, moved text,
 * symbols, a zip feature not handled here, no 'deflate-raw' in this runtime — answers undefined and the
 * caller uses mammoth, which stays the reference (the tests compare both).
 */
import { centralRecords, endOfCentralDirectory, ZIP64_MARKER, type CentralRecord } from '../zip/centralDirectory';
import { NumberingCounter, readNumbering } from './docxNumbering';
import { isOn, readStyleFormatting } from './docxStyles';
import { BOLD_HINT, MAX_BOLD_HEADING, TABLE_CELL, type DocxText } from './types';

type Entry = CentralRecord;

/** The entries by name; undefined for anything the fast path does not read (ZIP64, a damaged directory). */
function centralDirectory(bytes: Uint8Array): Map<string, Entry> | undefined {
  const end = endOfCentralDirectory(bytes);
  const directory = end && centralRecords(bytes, end);
  if (!directory?.complete) return undefined;
  const entries = new Map<string, Entry>();
  for (const record of directory.records) {
    if (record.compressedSize === ZIP64_MARKER || record.offset === ZIP64_MARKER) return undefined;
    entries.set(record.name, record);
  }
  return entries;
}

async function readEntry(bytes: Uint8Array, entry: Entry): Promise<string | undefined> {
  if (entry.dataStart < 0) return undefined;
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (data.length !== entry.compressedSize) return undefined;
  if (entry.method === 0) return new TextDecoder().decode(data);
  if (entry.method !== 8 || typeof DecompressionStream === 'undefined') return undefined;
  const stream = new Response(data.slice()).body!.pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,4});/gi, (all, code: string) => {
    if (code[0] !== '#') return ENTITIES[code] ?? all;
    const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : all;
  });
}

/** Features whose text mammoth places with care; the fast path leaves them to it. */
const UNUSUAL = /<w:txbxContent|<mc:AlternateContent|<w:footnoteReference|<w:endnoteReference|<w:moveFrom\b|<w:sym\b|<w:object\b|<v:textbox|<w:altChunk|<w:subDoc/;

/** Heading level by style id, from styles.xml ("Heading1", or "1" named "heading 1" in Chinese Word). */
function headingStyles(styles: string): Map<string, number> {
  const levels = new Map<string, number>();
  for (const m of styles.matchAll(/<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const name = /<w:name w:val="([^"]*)"/.exec(m[2]!)?.[1] ?? '';
    const level = /^heading\s*([1-6])$/i.exec(name) ?? /^Heading([1-6])$/.exec(m[1]!);
    if (level) levels.set(m[1]!, Number(level[1]));
  }
  return levels;
}

const TOKEN =
  /<w:p\b[^>]*?(\/?)>|<\/w:p>|<w:t\b[^>]*?(?:\/>|>([^<]*)<\/w:t>)|<w:(tab|br|cr|noBreakHyphen|softHyphen)\b([^>]*)\/>|<w:pStyle w:val="([^"]*)"|<w:ilvl w:val="(\d+)"|<w:numId w:val="(\d+)"|<w:outlineLvl w:val="(\d+)"|<w:b(?:\s+w:val="([^"]*)")?\s*\/>|<w:rStyle w:val="([^"]*)"|<(\/?)w:(r|tbl)\b[^>]*?(\/?)>/g;


/**
 * `hintsOnly`: read even a file with the unusual features above, for its heading hints alone (outline
 * levels, bold, table cells), which mammoth does not give; its text then still comes from mammoth.
 */
export async function fastDocxText(bytes: Uint8Array, hintsOnly = false): Promise<DocxText | undefined> {
  try {
    const entries = centralDirectory(bytes);
    const main = entries?.get('word/document.xml');
    if (!entries || !main) return undefined;
    const xml = await readEntry(bytes, main);
    if (xml === undefined || (!hintsOnly && UNUSUAL.test(xml)) || !xml.includes('<w:body')) return undefined;
    const stylesEntry = entries.get('word/styles.xml');
    const stylesXml = stylesEntry ? ((await readEntry(bytes, stylesEntry)) ?? '') : '';
    const styles = headingStyles(stylesXml);
    // Style formatting matters only to paragraphs and runs that name a style (and costs the XML parser's load).
    const formatting = await readStyleFormatting(/<w:[pr]Style\b/.test(xml) ? stylesXml : '');
    // Automatic numbering, read only when the document or its styles use it.
    const numberingEntry = entries.get('word/numbering.xml');
    const numbered = numberingEntry && (xml.includes('<w:numPr') || stylesXml.includes('<w:numPr'));
    const counter = new NumberingCounter(await readNumbering(numbered ? await readEntry(bytes, numberingEntry) : undefined, numbered ? stylesXml : undefined));

    const paragraphs: string[] = [];
    const styledHeadings = new Map<string, number>();
    // Texts of paragraphs outside tables: a cell's text that is also a paragraph of its own is not marked.
    const outside = new Set<string>();
    let current: string[] | undefined;
    let style: string | undefined;
    let ilvl: number | undefined;
    let numId: string | undefined;
    let outline: number | undefined;
    // Bold is judged run by run: a paragraph is "wholly bold" when every run that has text is bold.
    let inRun = false;
    let runBold: boolean | undefined;
    let runStyle: string | undefined;
    let runHasText = false;
    let allBold = true;
    let anyBoldText = false;
    let tableDepth = 0;
    const endRun = () => {
      if (inRun && runHasText) {
        const bold = runBold ?? (runStyle === undefined ? undefined : formatting.bold.get(runStyle)) ?? (style === undefined ? undefined : formatting.bold.get(style)) ?? false;
        if (bold) anyBoldText = true;
        else allBold = false;
      }
      inRun = false;
      runBold = undefined;
      runStyle = undefined;
      runHasText = false;
    };
    const finish = () => {
      endRun();
      const numbering = counter.empty ? undefined : counter.resolve(numId, ilvl, style);
      const label = numbering ? counter.next(numbering.numId, numbering.ilvl) : '';
      const text = label + (current ?? []).join('');
      paragraphs.push(text);
      const trimmed = text.trim();
      // Word shows a paragraph as a heading by its heading style, or else by its outline level (own or its style's).
      const outlineLevel = outline ?? (style === undefined ? undefined : formatting.outline.get(style));
      const level = (style === undefined ? undefined : styles.get(style)) ?? (outlineLevel !== undefined && outlineLevel < 9 ? outlineLevel + 1 : undefined);
      // Table cells are never part headings: a bold or outlined header row is a table's, not the report's.
      // Paragraphs of the same text share one entry: a heading outside a table wins over a cell.
      if (tableDepth === 0) outside.add(trimmed);
      const known = styledHeadings.get(trimmed);
      if (!trimmed || (known !== undefined && known !== TABLE_CELL)) {
        // the first reading stands
      } else if (tableDepth > 0) {
        if (known === undefined) styledHeadings.set(trimmed, TABLE_CELL);
      } else if (level !== undefined) {
        styledHeadings.set(trimmed, level);
      } else if (allBold && anyBoldText && trimmed.length <= MAX_BOLD_HEADING) {
        styledHeadings.set(trimmed, BOLD_HINT);
      }
      current = undefined;
      style = undefined;
      ilvl = undefined;
      numId = undefined;
      outline = undefined;
      allBold = true;
      anyBoldText = false;
    };
    for (const m of xml.matchAll(TOKEN)) {
      const token = m[0];
      if (m[12] !== undefined) {
        if (m[12] === 'tbl') {
          if (m[13] !== '/') tableDepth = Math.max(0, tableDepth + (m[11] === '/' ? -1 : 1));
        } else if (m[11] === '/') {
          endRun();
        } else if (current) {
          endRun();
          inRun = m[13] !== '/';
        }
      } else if (token.startsWith('<w:p') && !token.startsWith('<w:pS')) {
        if (current) return undefined; // nested paragraph: leave it to mammoth
        current = [];
        if (m[1] === '/') finish();
      } else if (token === '</w:p>') {
        if (!current) return undefined;
        finish();
      } else if (!current) {
        continue;
      } else if (m[2] !== undefined) {
        current.push(unescapeXml(m[2]));
        if (m[2].trim()) runHasText = true;
      } else if (m[3] === 'tab') {
        current.push('\t');
      } else if ((m[3] === 'br' && !/w:type="(page|column)"/.test(m[4] ?? '')) || m[3] === 'cr') {
        current.push('\n');
      } else if (m[3] === 'noBreakHyphen') {
        current.push('\u2011');
      } else if (m[5] !== undefined) {
        style = m[5];
      } else if (m[6] !== undefined) {
        ilvl = Number(m[6]);
      } else if (m[7] !== undefined) {
        numId = m[7];
      } else if (m[8] !== undefined) {
        outline = Number(m[8]);
      } else if (token.startsWith('<w:b')) {
        // Only a run's own bold counts; the paragraph mark's (in pPr) formats no text.
        if (inRun) runBold = isOn(m[9]);
      } else if (m[10] !== undefined) {
        if (inRun) runStyle = m[10];
      }
    }
    if (current) return undefined;
    for (const [text, level] of styledHeadings) if (level === TABLE_CELL && outside.has(text)) styledHeadings.delete(text);
    return { text: paragraphs.join('\n'), styledHeadings };
  } catch {
    return undefined;
  }
}

/** One part of a .docx (e.g. word/document.xml) as text, or undefined where the fast zip reader cannot read it. */
export async function readDocxPart(bytes: Uint8Array, name: string): Promise<string | undefined> {
  const entry = centralDirectory(bytes)?.get(name);
  return entry ? readEntry(bytes, entry).catch(() => undefined) : undefined;
}
