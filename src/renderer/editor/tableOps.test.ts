import { describe, expect, it } from 'vitest';
import {
  pasteBlock,
  pastedBlock,
  cellRange,
  columnCount,
  emptyTable,
  insertColumn,
  insertRow,
  rectangular,
  removeColumn,
  removeRow,
  setCell,
} from './tableOps';

const table = [['项目', '件数'], ['行政复议', '12'], ['行政诉讼']];

describe('table edits', () => {
  it('pads short imported rows so every row has every column', () => {
    expect(columnCount(table)).toBe(2);
    expect(rectangular(table)[2]).toEqual(['行政诉讼', '']);
  });

  it('changes one cell and leaves the given rows as they were', () => {
    const next = setCell(table, 1, 1, '15');
    expect(next[1]).toEqual(['行政复议', '15']);
    expect(table[1]).toEqual(['行政复议', '12']);
  });

  it('ignores a cell outside the table', () => {
    expect(setCell(table, 9, 0, 'x')).toEqual(rectangular(table));
    expect(setCell(table, 0, 5, 'x')).toEqual(rectangular(table));
  });

  it('adds an empty row where asked, clamped to the table', () => {
    expect(insertRow(table, 1)[1]).toEqual(['', '']);
    expect(insertRow(table, 99)).toHaveLength(4);
    expect(insertRow(table, 99)[3]).toEqual(['', '']);
  });

  it('removes a row but never the last one', () => {
    expect(removeRow(table, 1).map((r) => r[0])).toEqual(['项目', '行政诉讼']);
    expect(removeRow([['只有一行']], 0)).toEqual([['只有一行']]);
  });

  it('adds and removes columns, keeping at least one', () => {
    expect(insertColumn(table, 1)[0]).toEqual(['项目', '', '件数']);
    expect(removeColumn(table, 0)[0]).toEqual(['件数']);
    expect(removeColumn([['a'], ['b']], 0)).toEqual([['a'], ['b']]);
  });

  it('makes an empty table with a header row', () => {
    expect(emptyTable(3, 2)).toEqual([
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('finds the cell a finding in the table text is about, as the checker counts it', () => {
    // "项目\t件数\n行政复议\t12\n行政诉讼": 行政复议 starts at 6, 12 at 11.
    expect(cellRange(table, 6, 10)).toEqual({ row: 1, column: 0, from: 0, to: 4 });
    expect(cellRange(table, 12, 13)).toEqual({ row: 1, column: 1, from: 1, to: 2 });
    expect(cellRange(table, 14, 16)).toEqual({ row: 2, column: 0, from: 0, to: 2 });
    // A range running past its cell stops at the cell's end.
    expect(cellRange(table, 0, 5)).toEqual({ row: 0, column: 0, from: 0, to: 2 });
    expect(cellRange(table, 99, 100)).toBeNull();
  });
});

describe('a paste in a cell', () => {
  it('one line is pasted as it is; lines or tabs from a spreadsheet are cells', () => {
    expect(pastedBlock('粘贴测试')).toBeNull();
    expect(pastedBlock('粘贴测试\r\n')).toBeNull();
    expect(pastedBlock('行政复议\t3')).toEqual([['行政复议', '3']]);
    expect(pastedBlock('甲\t1\r\n乙\t2\r\n')).toEqual([
      ['甲', '1'],
      ['乙', '2'],
    ]);
  });

  it('fills the cells from the one pasted into, adding the rows and columns it runs over', () => {
    const rows = [
      ['项目', '件数'],
      ['', ''],
    ];
    expect(
      pasteBlock(
        rows,
        [1, 0],
        [
          ['行政复议', '3', '件'],
          ['人民调解', '86'],
        ],
      ),
    ).toEqual([
      ['项目', '件数', ''],
      ['行政复议', '3', '件'],
      ['人民调解', '86', ''],
    ]);
    // The table passed in is left as it was (the edit is one new state, one undo step).
    expect(rows).toEqual([
      ['项目', '件数'],
      ['', ''],
    ]);
  });
});
