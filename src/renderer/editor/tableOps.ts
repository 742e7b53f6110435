/**
 * What the clerk can do to a table in the editor, as pure functions on its rows (the first row is the
 * header): change a cell, add or remove a row or a column. Every result is rectangular and keeps at least
 * one row and one column, so the exporter and the checker always get a table they can lay out.
 */
export type Rows = readonly (readonly string[])[];

/** The number of columns: the longest row's (imported tables may have short rows). */
export function columnCount(rows: Rows): number {
  return Math.max(1, ...rows.map((row) => row.length));
}

/** Every row padded to the same number of cells. */
export function rectangular(rows: Rows): string[][] {
  const columns = columnCount(rows);
  const list = rows.length ? rows : [[]];
  return list.map((row) => Array.from({ length: columns }, (_, c) => row[c] ?? ''));
}

/** An empty table of `bodyRows` rows under a header row. */
export function emptyTable(columns: number, bodyRows: number): string[][] {
  return Array.from({ length: bodyRows + 1 }, () => Array.from({ length: Math.max(1, columns) }, () => ''));
}

export function setCell(rows: Rows, row: number, column: number, text: string): string[][] {
  const next = rectangular(rows);
  if (next[row] && column >= 0 && column < next[row]!.length) next[row]![column] = text;
  return next;
}

/** A new empty row at `at` (0 … rows.length). */
export function insertRow(rows: Rows, at: number): string[][] {
  const next = rectangular(rows);
  const index = Math.max(0, Math.min(at, next.length));
  next.splice(
    index,
    0,
    Array.from({ length: columnCount(next) }, () => ''),
  );
  return next;
}

/** Without row `at`; the last row stays (a table without rows is no table: the clerk deletes the table). */
export function removeRow(rows: Rows, at: number): string[][] {
  const next = rectangular(rows);
  if (next.length > 1 && at >= 0 && at < next.length) next.splice(at, 1);
  return next;
}

export function insertColumn(rows: Rows, at: number): string[][] {
  const next = rectangular(rows);
  const index = Math.max(0, Math.min(at, columnCount(next)));
  return next.map((row) => [...row.slice(0, index), '', ...row.slice(index)]);
}

export function removeColumn(rows: Rows, at: number): string[][] {
  const next = rectangular(rows);
  if (columnCount(next) <= 1) return next;
  return next.map((row) => row.filter((_, c) => c !== at));
}

/**
 * Where [start, end) of the table's plain text (tableText: cells joined by tabs, rows by line breaks) falls:
 * the cell holding `start`, and the range in that cell (`end` kept inside it). Null past the table's end.
 */
export function cellRange(
  rows: Rows,
  start: number,
  end: number,
): { row: number; column: number; from: number; to: number } | null {
  let at = 0;
  for (let row = 0; row < rows.length; row++) {
    const cells = rows[row]!;
    for (let column = 0; column < cells.length; column++) {
      // A cell's own tabs and line breaks read as one space (tableText), as the offsets count them.
      const length = cells[column]!.replace(/[\t\r\n]+/g, ' ').length;
      if (start <= at + length) {
        const from = Math.max(0, start - at);
        return { row, column, from, to: Math.max(from, Math.min(length, end - at)) };
      }
      at += length + 1;
    }
  }
  return null;
}

/**
 * The cells of pasted text copied from a spreadsheet (Excel, WPS: tabs between cells, one line per row), or
 * null for a single line, which is pasted into the cell as it is.
 */
export function pastedBlock(text: string): string[][] | null {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  if (lines.length < 2 && !lines[0]!.includes('\t')) return null;
  return lines.map((line) => line.split('\t').map((cell) => cell.trim()));
}

/** The table with `block` written over its cells from `at` on, rows and columns added where it runs over. */
export function pasteBlock(rows: Rows, [row, column]: readonly [number, number], block: Rows): string[][] {
  let next = rectangular(rows);
  while (next.length < row + block.length) next = insertRow(next, next.length);
  const width = Math.max(...block.map((line) => line.length));
  while (columnCount(next) < column + width) next = insertColumn(next, columnCount(next));
  block.forEach((line, r) => line.forEach((text, c) => (next[row + r]![column + c] = text)));
  return next;
}
