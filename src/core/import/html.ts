/**
 * A saved web page (a portal's 政府信息公开 page) → the report's lines. The page is parsed (lenient HTML
 * parsing of @xmldom/xmldom); navigation, headers of the site, footers, share bars and scripts are
 * removed and listed; block elements end lines. The page's <title> is kept aside: a report whose body
 * has no title line takes it from there. Tables of figures are kept aside too, as rows of cells, so the
 * importer can make them table blocks (withTables, as for Word's tables); a table that lays out the page
 * (long cells, a table inside) is read as lines only.
 */
import type { DocxTable } from './docxTables';
import { xmlParser } from './docxNumbering';
import { isChrome, isNavigation } from './chrome';
import { BOLD_HINT, MAX_BOLD_HEADING, RUN_IN_BOLD, runInBoldTitle } from './types';

/** Elements that are never the report's words. */
const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'nav',
  'footer',
  'aside',
  'form',
  'select',
  'button',
  'object',
  'svg',
  'template',
]);
/** Site furniture by its class or id: menus, breadcrumbs, share bars, footers. */
const FURNITURE =
  /(^|[\s_-])(nav|navbar|menu|crumbs?|breadcrumbs?|footer|foot|share|sidebar|position|location|toolbar|copyright|dqwz|wzdh|ewm|qrcode)([\s_-]|\d|$)/i;
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'dt',
  'dd',
  'dl',
  'blockquote',
  'pre',
  'center',
  'hr',
  'header',
  'main',
  'body',
  'title',
  'caption',
]);

export interface PageText {
  text: string;
  /** The page's <title>, split from the site name ("…报告_XX县人民政府" → "…报告"). */
  pageTitle: string;
  /** Navigation and furniture removed, one entry per element, for the import's warnings. */
  removed: string[];
  /** The page's tables of figures (not its layout tables): rows of cells, each cell its lines. */
  tables: DocxTable[];
  /**
   * Lines that are cells of a table of figures with no page chrome in it: never navigation, even when a cell
   * holds a menu word alone ("政务公开 | 12 | 条" in a table of 公开 figures).
   */
  cells: Set<string>;
  /**
   * Lines outside tables in bold (<strong>, <b>, or font-weight bold/600+ in a style), with the hint a Word
   * paragraph so set gives: BOLD_HINT when wholly bold and at most MAX_BOLD_HEADING long, RUN_IN_BOLD when bold
   * exactly through its first 。 or ：. The text importer weighs both by wording, for Word and web alike.
   */
  styled: Map<string, number>;
}

/** Bold by its tag or its own style; false where a style sets the weight back to normal. */
function weightOf(node: Node_): boolean | undefined {
  const style = (node.getAttribute?.('style') ?? '').toLowerCase();
  const m = /font-weight\s*:\s*([a-z0-9]+)/.exec(style);
  if (m) return m[1] === 'bold' || m[1] === 'bolder' || (/^\d+$/.test(m[1]!) && Number(m[1]) >= 600);
  const tag = lower(node);
  return tag === 'strong' || tag === 'b' ? true : undefined;
}

/** Whether every word of the element is bold (given whether the element around it is), and it has words. */
function whollyBold(node: Node_, bold: boolean): boolean {
  let words = false;
  const visit = (n: Node_, on: boolean): boolean => {
    if (n.nodeType === 3) {
      if (!/\S/.test(n.data ?? '')) return true;
      words = true;
      return on;
    }
    if (n.nodeType !== 1) return true;
    const here = weightOf(n) ?? on;
    for (let c = n.firstChild; c; c = c.nextSibling) if (!visit(c, here)) return false;
    return true;
  };
  return visit(node, bold) && words;
}

/** The words at the start of the element that are bold, up to the first that is not. */
function boldPrefix(node: Node_, bold: boolean): string {
  let prefix = '';
  let open = true;
  const visit = (n: Node_, on: boolean) => {
    if (!open) return;
    if (n.nodeType === 3) {
      if (!/\S/.test(n.data ?? '')) return;
      if (on) prefix += n.data ?? '';
      else open = false;
      return;
    }
    if (n.nodeType !== 1) return;
    const here = weightOf(n) ?? on;
    for (let c = n.firstChild; c && open; c = c.nextSibling) visit(c, here);
  };
  visit(node, bold);
  return prefix;
}

/** Elements that make a line of their own and hold no other such element: a paragraph of the page. */
const LINE_TAGS = new Set(['p', 'div', 'li', 'center', 'dd', 'section', 'article', 'blockquote']);

/** The page's bold lines outside tables, as the importer sees them (spaces collapsed, trimmed), with their hint. */
function boldLines(root: Node_): Map<string, number> {
  const found = new Map<string, number>();
  const visit = (node: Node_, bold: boolean) => {
    for (const c of childElements(node)) {
      const tag = lower(c);
      if (tag === 'table' || DROP_TAGS.has(tag) || tag === 'head') continue;
      const here = weightOf(c) ?? bold;
      const inner = childElements(c).some((e) => BLOCK.has(lower(e)) && lower(e) !== 'br');
      if (LINE_TAGS.has(tag) && !inner) {
        const text = textOf(c).replace(/\s+/g, ' ').trim();
        if (!text || found.has(text)) continue;
        if (whollyBold(c, here)) {
          if (text.length <= MAX_BOLD_HEADING) found.set(text, BOLD_HINT);
        } else {
          const title = runInBoldTitle(text);
          if (title && boldPrefix(c, here).replace(/\s+/g, ' ').trim() === title) found.set(text, RUN_IN_BOLD);
        }
        continue;
      }
      visit(c, here);
    }
  };
  visit(root, false);
  return found;
}

/** A cell longer than this, or with more lines, is a page's layout, not a figure of a table. */
const MAX_CELL_CHARS = 200;
const MAX_CELL_LINES = 4;

interface Node_ {
  nodeType: number;
  localName?: string;
  data?: string;
  firstChild: Node_ | null;
  nextSibling: Node_ | null;
  getAttribute?(name: string): string | null;
}

function textOf(node: Node_): string {
  if (node.nodeType === 3) return node.data ?? '';
  let s = '';
  for (let c = node.firstChild; c; c = c.nextSibling) s += textOf(c);
  return s;
}

const lower = (node: Node_) => (node.localName ?? '').toLowerCase();
const childElements = (node: Node_): Node_[] => {
  const list: Node_[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) list.push(c);
  return list;
};

/** The rows of a table element (through thead/tbody/tfoot), each a list of its th/td cells. */
function tableRows(table: Node_): Node_[][] {
  const rows: Node_[][] = [];
  for (const child of childElements(table)) {
    const tag = lower(child);
    if (tag === 'tr') rows.push(childElements(child).filter((c) => /^t[dh]$/.test(lower(c))));
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') rows.push(...tableRows(child));
  }
  return rows;
}

function hasTable(node: Node_): boolean {
  return childElements(node).some((c) => lower(c) === 'table' || hasTable(c));
}

function isMenuTable(table: Node_): boolean {
  return tableRows(table).some(
    (cells) => cells.length >= 3 && isNavigation(cells.map((cell) => textOf(cell).replace(/\s+/g, '')).join(' | ')),
  );
}

export async function pageText(html: string): Promise<PageText> {
  const DOMParser = await xmlParser();
  const doc = new DOMParser({
    errorHandler: { warning: () => undefined, error: () => undefined, fatalError: () => undefined },
  }).parseFromString(html, 'text/html') as unknown as Node_;
  const removed: string[] = [];
  const tables: DocxTable[] = [];
  let pageTitle = '';
  const walk = (node: Node_, out: string[], record = true) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        out.push((c.data ?? '').replace(/[\t\r\n ]+/g, ' '));
        continue;
      }
      if (c.nodeType !== 1) continue;
      const tag = lower(c);
      if (tag === 'title') {
        if (record) pageTitle = textOf(c).trim();
        continue;
      }
      if (tag === 'head') {
        walk(c, out, record);
        continue;
      }
      const marks = `${c.getAttribute?.('class') ?? ''} ${c.getAttribute?.('id') ?? ''}`;
      if (DROP_TAGS.has(tag) || FURNITURE.test(marks)) {
        const words = textOf(c).replace(/\s+/g, ' ').trim();
        if (record && words && !/^(script|style|noscript|template|svg|object)$/.test(tag))
          removed.push(words.slice(0, 30));
        continue;
      }
      // A menu bar laid out as a table row (首页 | 政务公开 | 政务服务 | 互动交流) is furniture, cell by cell.
      if (tag === 'table' && !hasTable(c) && isMenuTable(c)) {
        if (record) removed.push(textOf(c).replace(/\s+/g, ' ').trim().slice(0, 30));
        continue;
      }
      if (tag === 'table' && record) {
        const table = figureTable(c);
        if (table) tables.push(table);
      }
      const block = BLOCK.has(tag);
      if (block) out.push('\n');
      walk(c, out, record);
      if (block) out.push('\n');
    }
  };
  /** A table of figures as rows of cells (each cell's lines, as the page's text gives them), or null for layout. */
  const figureTable = (table: Node_): DocxTable | null => {
    if (hasTable(table)) return null;
    // A cell spanning columns (colspan) is followed by empty cells for them, and one spanning rows (rowspan)
    // leaves an empty cell in its column of the rows below, so every figure stays under its column's label.
    const below = new Map<number, number>(); // column → rows still covered by a rowspan above
    const continued: boolean[][] = [];
    const rows = tableRows(table).map((cells) => {
      const row: string[][] = [];
      const merged: boolean[] = [];
      continued.push(merged);
      const fill = () => {
        while ((below.get(row.length) ?? 0) > 0) {
          below.set(row.length, below.get(row.length)! - 1);
          merged[row.length] = true;
          row.push([]);
        }
      };
      for (const cell of cells) {
        fill();
        const out: string[] = [];
        walk(cell, out, false);
        const span = (name: string) => Math.min(64, Math.max(1, Number(cell.getAttribute?.(name)) || 1));
        const [across, down] = [span('colspan'), span('rowspan')];
        for (let k = 0; k < across; k++) {
          if (down > 1) below.set(row.length, down - 1);
          row.push(
            k > 0
              ? []
              : out
                  .join('')
                  .split('\n')
                  .map((line) => line.trim())
                  .filter(Boolean),
          );
        }
      }
      fill();
      return row;
    });
    const cells = rows.flat();
    const layout = cells.some((lines) => lines.length > MAX_CELL_LINES || lines.join('').length > MAX_CELL_CHARS);
    if (!rows.length || !cells.some((lines) => lines.length) || layout) return null;
    return continued.some((row) => row.includes(true)) ? { rows, continued } : { rows };
  };
  const out: string[] = [];
  walk(doc, out);
  // "青石镇2025年法治政府建设年度报告_青石县人民政府门户网站": the report's part of the site's title.
  const titlePart = pageTitle.split(/\s*[_|｜—–-]\s*/).find((p) => /报告|总结|述职|述法/.test(p)) ?? '';
  const cells = new Set<string>();
  for (const table of tables) {
    const lines = table.rows.flat(2);
    // A metadata table (索引号：, 发布日期：) is the page's, not the report's.
    if (lines.some(isChrome)) continue;
    for (const line of lines) cells.add(line);
  }
  return { text: out.join(''), pageTitle: titlePart, removed, tables, cells, styled: boldLines(doc) };
}
