/**
 * A fast path for .docx files: the paragraphs of word/document.xml read straight from the zip.
 * mammoth builds a full DOM and spends most of its time collecting garbage (about 200 ms for a
 * 30,000-character LibreOffice file on a busy machine); reports are plain paragraphs, so this reads them
 * in a few milliseconds. It also reads what mammoth misplaces or cannot show: Word's automatic numbering,
 * footnotes and endnotes (mammoth puts them after the 成文日期, hiding the signature; here each becomes a
 * "注：…" paragraph right after the paragraph that refers to it) and text boxes (their paragraphs once —
 * an mc:AlternateContent holds the same box twice — right after the paragraph they are anchored in, never
 * a part heading unless styled as a heading). Only what it still cannot place — moved text, symbols,
 * embedded objects or documents, a zip feature not handled here, a malformed body — answers undefined, and
 * the caller uses mammoth (the tests compare both where both read a file).
 */
import { centralRecords, endOfCentralDirectory, ZIP64_MARKER, type CentralRecord } from '../zip/centralDirectory';
import { NumberingCounter, parse, readNumbering, xmlParser } from './docxNumbering';
import { isOn, readStyleFormatting } from './docxStyles';
import { BOLD_HINT, MAX_BOLD_HEADING, RUN_IN_BOLD, TABLE_CELL, runInBoldTitle, type DocxText } from './types';

type Entry = CentralRecord;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

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
const UNUSUAL = /<w:moveFrom\b|<w:sym\b|<w:object\b|<w:altChunk|<w:subDoc/;

/** Word's own prefix for a note shown in the text: "注：" is how a printed 公文 labels one. */
export const NOTE_PREFIX = '注：';

/**
 * The text of each footnote or endnote by id (word/footnotes.xml, word/endnotes.xml), its paragraphs
 * joined; the separator notes Word keeps (ids -1, 0) and empty ones are left out.
 */
export async function readNotes(xml: string | undefined): Promise<Map<string, string>> {
  const notes = new Map<string, string>();
  if (!xml) return notes;
  const root = parse(await xmlParser(), xml)?.documentElement;
  if (!root) return notes;
  const textOf = (node: Node): string => {
    let out = '';
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (el.namespaceURI !== W) {
        // Alternate content: the first choice only, as the document body is read.
        if (el.localName === 'Fallback') continue;
        out += textOf(el);
      } else if (el.localName === 't') out += el.textContent ?? '';
      else if (el.localName === 'tab') out += ' ';
      else if (el.localName === 'br' || el.localName === 'cr') out += ' ';
      else if (el.localName === 'p') out += (out && !/\s$/.test(out) ? ' ' : '') + textOf(el);
      else if (
        el.localName !== 'delText' &&
        el.localName !== 'instrText' &&
        el.localName !== 'rPr' &&
        el.localName !== 'pPr'
      )
        out += textOf(el);
    }
    return out;
  };
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const note = n as Element;
    if (note.localName !== 'footnote' && note.localName !== 'endnote') continue;
    const type = note.getAttributeNS(W, 'type') ?? note.getAttribute('w:type');
    const id = note.getAttributeNS(W, 'id') ?? note.getAttribute('w:id');
    if (id === null || (type && type !== 'normal')) continue;
    const text = textOf(note).replace(/\s+/g, ' ').trim();
    if (text) notes.set(id, text);
  }
  return notes;
}

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
  /<w:p\b[^>]*?(\/?)>|<\/w:p>|<w:t\b[^>]*?(?:\/>|>([^<]*)<\/w:t>)|<w:(tab|br|cr|noBreakHyphen|softHyphen)\b([^>]*)\/>|<w:pStyle w:val="([^"]*)"|<w:ilvl w:val="(\d+)"|<w:numId w:val="(\d+)"|<w:outlineLvl w:val="(\d+)"|<w:b(?:\s+w:val="([^"]*)")?\s*\/>|<w:rStyle w:val="([^"]*)"|<(\/?)w:(r|tbl)\b[^>]*?(\/?)>|<(\/?)w:txbxContent\b[^>]*?(\/?)>|<(\/?)mc:Fallback\b[^>]*?(\/?)>|<w:(footnote|endnote)Reference\b[^>]*?w:id="(-?\d+)"/g;

/** What is being read of one paragraph; a text box inside it starts a new one and returns to it after. */
interface ParagraphState {
  parts: string[];
  style?: string;
  ilvl?: number;
  numId?: string;
  outline?: number;
  // Bold is judged run by run: a paragraph is "wholly bold" when every run that has text is bold.
  inRun: boolean;
  runBold?: boolean;
  runStyle?: string;
  runHasText: boolean;
  allBold: boolean;
  anyBoldText: boolean;
  /** Length of the text its leading bold runs hold, while every run so far is bold. */
  boldPrefix: number;
  /** Paragraphs of the text boxes anchored in this paragraph, read in order: they follow it. */
  boxLines: string[];
  /** Its footnotes and endnotes, as "注：…" paragraphs: they follow it (or the table it stands in). */
  notes: string[];
}

const freshParagraph = (): ParagraphState => ({
  parts: [],
  inRun: false,
  runHasText: false,
  allBold: true,
  anyBoldText: false,
  boldPrefix: 0,
  boxLines: [],
  notes: [],
});

/** A text box's place in the reading: the paragraph it is anchored in, waiting, and that paragraph's table depth. */
interface BoxFrame {
  outer: ParagraphState;
  tableDepth: number;
}

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
    const counter = new NumberingCounter(
      await readNumbering(
        numbered ? await readEntry(bytes, numberingEntry) : undefined,
        numbered ? stylesXml : undefined,
      ),
    );
    // Notes, read only when the body refers to one.
    const notesOf = async (kind: 'footnote' | 'endnote') => {
      const entry = xml.includes(`<w:${kind}Reference`) ? entries.get(`word/${kind}s.xml`) : undefined;
      return readNotes(entry ? await readEntry(bytes, entry) : undefined);
    };
    const notes = { footnote: await notesOf('footnote'), endnote: await notesOf('endnote') };

    const paragraphs: string[] = [];
    const numberedParagraphs: Array<{ label: string; text: string }> = [];
    const styledHeadings = new Map<string, number>();
    // Texts of paragraphs outside tables: a cell's text that is also a paragraph of its own is not marked.
    const outside = new Set<string>();
    // Notes of paragraphs inside a table: they follow the whole table, which stays one run of cell lines.
    let tableNotes: string[] = [];
    let p: ParagraphState | undefined;
    let tableDepth = 0;
    const boxes: BoxFrame[] = [];
    let fallbackDepth = 0;
    const endRun = () => {
      if (!p) return;
      if (p.inRun && p.runHasText) {
        const bold =
          p.runBold ??
          (p.runStyle === undefined ? undefined : formatting.bold.get(p.runStyle)) ??
          (p.style === undefined ? undefined : formatting.bold.get(p.style)) ??
          false;
        if (bold) {
          p.anyBoldText = true;
          if (p.allBold) p.boldPrefix = p.parts.join('').length;
        } else p.allBold = false;
      }
      p.inRun = false;
      p.runBold = undefined;
      p.runStyle = undefined;
      p.runHasText = false;
    };
    const finish = () => {
      endRun();
      const at = p!;
      p = undefined;
      const numbering = counter.empty ? undefined : counter.resolve(at.numId, at.ilvl, at.style);
      const label = numbering ? counter.next(numbering.numId, numbering.ilvl) : '';
      const own = at.parts.join('');
      if (label) numberedParagraphs.push({ label, text: own });
      const text = label + own;
      const trimmed = text.trim();
      const inBox = boxes.length > 0;
      // Word shows a paragraph as a heading by its heading style, or else by its outline level (own or its style's).
      const outlineLevel = at.outline ?? (at.style === undefined ? undefined : formatting.outline.get(at.style));
      const level =
        (at.style === undefined ? undefined : styles.get(at.style)) ??
        (outlineLevel !== undefined && outlineLevel < 9 ? outlineLevel + 1 : undefined);
      // Table cells and text boxes are never part headings by number or bold: a header row is the table's, a
      // box is an aside. Paragraphs of the same text share one entry: a heading outside a table wins over a cell.
      if (tableDepth === 0 && !inBox) outside.add(trimmed);
      const known = styledHeadings.get(trimmed);
      if (!trimmed || (known !== undefined && known !== TABLE_CELL)) {
        // the first reading stands
      } else if (inBox && level === undefined) {
        if (known === undefined) styledHeadings.set(trimmed, TABLE_CELL);
      } else if (tableDepth > 0) {
        if (known === undefined) styledHeadings.set(trimmed, TABLE_CELL);
      } else if (level !== undefined) {
        styledHeadings.set(trimmed, level);
      } else if (at.allBold && at.anyBoldText && trimmed.length <= MAX_BOLD_HEADING) {
        styledHeadings.set(trimmed, BOLD_HINT);
      } else if (!label && !at.allBold && at.boldPrefix > 0) {
        // "加强组织领导。全年召开…": bold exactly through the first 。 or ：, the rest not.
        const title = runInBoldTitle(trimmed);
        if (title && own.slice(0, at.boldPrefix).trim() === title) styledHeadings.set(trimmed, RUN_IN_BOLD);
      }
      const lines = [text, ...at.boxLines];
      if (inBox) {
        boxes[boxes.length - 1]!.outer.boxLines.push(...lines, ...at.notes);
      } else if (tableDepth > 0) {
        paragraphs.push(...lines);
        tableNotes.push(...at.notes);
      } else {
        paragraphs.push(...lines, ...at.notes);
      }
    };
    for (const m of xml.matchAll(TOKEN)) {
      const token = m[0];
      if (m[16] !== undefined) {
        // mc:Fallback repeats the mc:Choice before it (a text box as VML for old Word): read once.
        if (m[17] !== '/') fallbackDepth = Math.max(0, fallbackDepth + (m[16] === '/' ? -1 : 1));
        continue;
      }
      if (fallbackDepth > 0) continue;
      if (m[14] !== undefined) {
        if (m[15] === '/') continue;
        if (m[14] !== '/') {
          // A text box: its paragraphs are read on their own and placed after the paragraph it is anchored in.
          if (!p) return undefined;
          endRun();
          boxes.push({ outer: p, tableDepth });
          p = undefined;
          tableDepth = 0;
        } else {
          const frame = boxes.pop();
          if (!frame || p) return undefined;
          p = frame.outer;
          tableDepth = frame.tableDepth;
        }
      } else if (m[18] !== undefined) {
        const text = (m[18] === 'footnote' ? notes.footnote : notes.endnote).get(m[19]!);
        if (p && text) p.notes.push(NOTE_PREFIX + text);
      } else if (m[12] !== undefined) {
        if (m[12] === 'tbl') {
          if (m[13] !== '/') {
            tableDepth = Math.max(0, tableDepth + (m[11] === '/' ? -1 : 1));
            if (tableDepth === 0 && tableNotes.length) {
              (boxes.length ? boxes[boxes.length - 1]!.outer.boxLines : paragraphs).push(...tableNotes);
              tableNotes = [];
            }
          }
        } else if (m[11] === '/') {
          endRun();
        } else if (p) {
          endRun();
          p.inRun = m[13] !== '/';
        }
      } else if (token.startsWith('<w:p') && !token.startsWith('<w:pS')) {
        if (p) return undefined; // a paragraph inside a paragraph outside a text box: leave it to mammoth
        p = freshParagraph();
        if (m[1] === '/') finish();
      } else if (token === '</w:p>') {
        if (!p) return undefined;
        finish();
      } else if (!p) {
        continue;
      } else if (m[2] !== undefined) {
        p.parts.push(unescapeXml(m[2]));
        if (m[2].trim()) p.runHasText = true;
      } else if (m[3] === 'tab') {
        p.parts.push('\t');
      } else if ((m[3] === 'br' && !/w:type="(page|column)"/.test(m[4] ?? '')) || m[3] === 'cr') {
        p.parts.push('\n');
      } else if (m[3] === 'noBreakHyphen') {
        p.parts.push('\u2011');
      } else if (m[5] !== undefined) {
        p.style = m[5];
      } else if (m[6] !== undefined) {
        p.ilvl = Number(m[6]);
      } else if (m[7] !== undefined) {
        p.numId = m[7];
      } else if (m[8] !== undefined) {
        p.outline = Number(m[8]);
      } else if (token.startsWith('<w:b')) {
        // Only a run's own bold counts; the paragraph mark's (in pPr) formats no text.
        if (p.inRun) p.runBold = isOn(m[9]);
      } else if (m[10] !== undefined) {
        if (p.inRun) p.runStyle = m[10];
      }
    }
    if (p || boxes.length) return undefined;
    paragraphs.push(...tableNotes);
    for (const [text, level] of styledHeadings)
      if (level === TABLE_CELL && outside.has(text)) styledHeadings.delete(text);
    return { text: paragraphs.join('\n'), styledHeadings, numbered: numberedParagraphs };
  } catch {
    return undefined;
  }
}

/** One part of a .docx (e.g. word/document.xml) as text, or undefined where the fast zip reader cannot read it. */
/** Whether the package holds a part of that name; undefined when its zip directory cannot be read here. */
export function hasDocxPart(bytes: Uint8Array, name: string): boolean | undefined {
  return centralDirectory(bytes)?.has(name);
}

export async function readDocxPart(bytes: Uint8Array, name: string): Promise<string | undefined> {
  const entry = centralDirectory(bytes)?.get(name);
  return entry ? readEntry(bytes, entry).catch(() => undefined) : undefined;
}
