/**
 * Tables in plain text: figures pasted from Excel or WPS (cells separated by tabs) or set in columns with
 * runs of spaces, as a .txt keeps them. Each such run of rows becomes one table, as a Word or web table
 * does: its cells are put one per line (marked as table cells, so none is taken for a heading or joined to a
 * wrapped paragraph), and withTables makes them a table block once the report is read.
 *
 * Only clear evidence counts: two or more consecutive rows with the same number of cells (two or more),
 * every cell short and none a sentence; columns set with spaces also need a figure in a cell. A sentence
 * with one tab in it, or a signature and its date on one line, is never a table.
 */
import { isStaffLine } from '../text/conventions';
import type { DocxTable } from './docxTables';

/** A cell longer than this is a sentence, not a figure or a label. */
const MAX_CELL = 40;

/** Cells of a line, or undefined when it cannot be a row. */
function cellsOf(line: string): { cells: string[]; tabs: boolean } | undefined {
  // A spreadsheet's row keeps its trailing tabs (empty cells at the end: "合计<tab><tab>75<tab>").
  const t = line.replace(/^[ \u3000\t]+|[ \u3000]+$/g, '');
  if (!t) return undefined;
  const tabs = t.includes('\t');
  const cells = (tabs ? t.split('\t') : t.split(/[ \u3000]{2,}/)).map((c) => c.trim());
  if (cells.length < 2) return undefined;
  if (cells.some((c) => c.length > MAX_CELL || /[。；;！？]$/.test(c) || /[。！？].+/.test(c))) return undefined;
  // Wide gaps inside a clause of prose (a justified line copied out of a PDF) are no columns.
  if (!tabs && cells.some((c) => /[，、]/.test(c))) return undefined;
  // A tab-separated row from a spreadsheet may have empty cells; a row set with spaces has none.
  const filled = cells.filter(Boolean);
  if (filled.length < 2) return undefined;
  // "撰稿：李红<tab>审核：王强": fields set side by side (staff lines, a 主送/抄送 block), not a table row.
  if (filled.filter((c) => /[:：]/.test(c)).length * 2 >= filled.length || isStaffLine(t.replace(/\t/g, ' ')))
    return undefined;
  return { cells, tabs };
}

export interface TextTables {
  /** The text with each table's rows replaced by its non-empty cells, one per line. */
  text: string;
  tables: DocxTable[];
  /** The lines that are table cells. */
  cells: Set<string>;
}

/** `skip`: lines that are never a row (a Word table's own cell, read as a line of its own). */
export function findTextTables(text: string, skip: (line: string) => boolean = () => false): TextTables {
  if (!/\t|\S[ \u3000]{2,}\S/.test(text)) return { text, tables: [], cells: new Set() };
  const lines = text.split(/\r\n|\n|\r/);
  const out: string[] = [];
  const tables: DocxTable[] = [];
  const cells = new Set<string>();
  for (let i = 0; i < lines.length;) {
    const row = (line: string) => (skip(line.trim()) ? undefined : cellsOf(line));
    const first = row(lines[i]!);
    let rows: string[][] = [];
    let j = i;
    if (first) {
      rows = [first.cells];
      j = i + 1;
      while (j < lines.length) {
        const next = row(lines[j]!);
        if (!next || next.tabs !== first.tabs) break;
        rows.push(next.cells);
        j++;
      }
    }
    // The longest run of rows that agree: a closing note or a short 合计 row ends the table before it.
    let table: string[][] | undefined;
    while (rows.length >= 2 && !(table = shape(rows, first!.tabs))) rows.pop();
    j = i + rows.length;
    if (!table) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    tables.push({ rows: table.map((row) => row.map((cell) => (cell ? [cell] : []))) });
    for (const cell of table.flat()) {
      if (!cell) continue;
      out.push(cell);
      cells.add(cell);
    }
    i = j;
  }
  return tables.length ? { text: out.join('\n'), tables, cells } : { text, tables: [], cells };
}

/** The rows as a table when their columns agree (a header one cell short is missing its corner cell). */
function shape(rows: string[][], tabs: boolean): string[][] | undefined {
  const width = Math.max(...rows.map((r) => r.length));
  const fitted = rows.map((row, k) => (k === 0 && row.length === width - 1 ? ['', ...row] : row));
  if (fitted.some((row) => row.length !== width)) return undefined;
  if (tabs) return fitted;
  // Columns set with spaces: a table of figures has a figure in some cell below its header.
  if (!fitted.slice(1).some((row) => row.some((cell) => /\d|[一二三四五六七八九十百千万]+[件人次个场条项]/.test(cell))))
    return undefined;
  return fitted;
}
