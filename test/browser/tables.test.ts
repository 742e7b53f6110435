/**
 * Tables in the document (issue 14): the clerk inserts one, types in its cells, moves with Tab, Enter and
 * the arrows, adds and removes rows and columns from the right-click menu, and undoes any of it with Ctrl+Z;
 * a table read from an imported file is edited the same way, and what is typed is what is saved. In the
 * built renderer, in Chromium.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeNeeding } from '../support/needs';
import { MAIN_WORK, useApp } from './support/app';
import { newReport } from './support/report';
import { ime } from './support/ime';

describeNeeding(['chromium', 'cjk-fonts'], 'tables in the document, in Chromium', () => {
  const app = useApp({ folder: '表格-' });

  const open = () => app.open();

  /** A new report with the caret in the empty first paragraph of part 一, and a table inserted there. */
  async function reportWithTable(): Promise<Page> {
    const p = await newReport(app, { unit: '云溪镇' });
    await p.locator('[data-section-editor="measures"] > *').first().click();
    await p.getByRole('button', { name: '插入表格' }).click();
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('表头第1列');
    return p;
  }

  const cell = (p: Page, row: number, column: number) =>
    p.locator(`.report-table-grid input[data-row="${row}"][data-column="${column}"]`);
  const tableRows = (p: Page) =>
    p.$$eval('.report-table-grid tr', (rows) =>
      rows.map((tr) => Array.from(tr.querySelectorAll('input'), (input) => input.value)),
    );

  /** The table blocks of the saved report file. */
  async function savedTables(p: Page): Promise<string[][][]> {
    const path = join(app.work, `保存${Date.now()}.nianbao`);
    app.standIn.dialogs.saveReport = path;
    await p.keyboard.press('Control+Shift+S');
    // The file first: a title without * may still be the one of the last save, shown before this change.
    await expect.poll(() => existsSync(path), MAIN_WORK).toBe(true);
    await expect.poll(() => p.evaluate(() => document.title.endsWith('*'))).toBe(false);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as {
      sections: Array<{ blocks: Array<{ kind: string; rows?: string[][] }> }>;
    };
    return saved.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'table').map((b) => b.rows!));
  }

  it('types into the cells, moves with Tab and Enter, and saves what was typed', async () => {
    const p = await reportWithTable();
    await p.keyboard.type('项目');
    await p.keyboard.press('Tab');
    await p.keyboard.type('件数');
    await p.keyboard.press('Tab');
    await p.keyboard.type('备注');
    // Tab from the end of a row goes to the next row's first cell.
    await p.keyboard.press('Tab');
    await p.keyboard.type('行政复议');
    await p.keyboard.press('Tab');
    await p.keyboard.type('12');
    // Enter goes down a row, never splits the document around the table.
    await p.keyboard.press('Enter');
    await p.keyboard.type('3');
    expect(await tableRows(p)).toEqual([
      ['项目', '件数', '备注'],
      ['行政复议', '12', ''],
      ['', '3', ''],
    ]);
    expect(await p.locator('.report-table-grid').count()).toBe(1);
    expect(await savedTables(p)).toEqual([
      [
        ['项目', '件数', '备注'],
        ['行政复议', '12', ''],
        ['', '3', ''],
      ],
    ]);
  });

  it('adds a row when Tab is pressed in the last cell, as Word does', async () => {
    const p = await reportWithTable();
    await cell(p, 2, 2).click();
    await p.keyboard.press('Tab');
    await p.keyboard.type('新的一行');
    expect(await tableRows(p)).toHaveLength(4);
    expect((await tableRows(p))[3]).toEqual(['新的一行', '', '']);
  });

  it('undoes typing in a cell as one step with Ctrl+Z and redoes it with Ctrl+Y', async () => {
    const p = await reportWithTable();
    await cell(p, 1, 1).click();
    await p.keyboard.type('28');
    await p.waitForTimeout(1100);
    await cell(p, 1, 0).click();
    await p.keyboard.type('调解');
    await p.keyboard.press('Control+z');
    await expect.poll(() => cell(p, 1, 0).inputValue()).toBe('');
    expect(await cell(p, 1, 1).inputValue()).toBe('28');
    await p.keyboard.press('Control+z');
    await expect.poll(() => cell(p, 1, 1).inputValue()).toBe('');
    await p.keyboard.press('Control+y');
    await expect.poll(() => cell(p, 1, 1).inputValue()).toBe('28');
  });

  it('adds and removes rows and columns and the table itself from the right-click menu, each undoable', async () => {
    const p = await reportWithTable();
    await cell(p, 1, 0).fill('甲');
    await cell(p, 1, 0).click({ button: 'right' });
    await p.getByRole('menuitem', { name: '在下方插入行' }).click();
    expect(await tableRows(p)).toHaveLength(4);
    await cell(p, 0, 1).click({ button: 'right' });
    await p.getByRole('menuitem', { name: '删除此列' }).click();
    expect((await tableRows(p))[0]).toHaveLength(2);
    await cell(p, 0, 0).click({ button: 'right' });
    // Nothing goes above the header row.
    expect(await p.getByRole('menuitem', { name: '在上方插入行' }).isDisabled()).toBe(true);
    await p.getByRole('menuitem', { name: '删除表格' }).click();
    expect(await p.locator('.report-table-grid').count()).toBe(0);
    await p.keyboard.press('Control+z');
    await expect.poll(() => p.locator('.report-table-grid').count()).toBe(1);
    expect(await tableRows(p)).toHaveLength(4);
    expect((await tableRows(p))[1]).toEqual(['甲', '']);
  });

  it('leaves the table with the arrow keys and goes on typing in the text after it', async () => {
    const p = await reportWithTable();
    await cell(p, 2, 0).click();
    await p.keyboard.press('ArrowDown');
    await p.keyboard.type('表后的文字。');
    const after = await p.$$eval('[data-section-editor="measures"] > *', (blocks) =>
      blocks.map((b) => (b.querySelector('table') ? '[表格]' : b.textContent)),
    );
    // The first block of a new part is its template sub-heading; the table went in after it.
    expect(after.slice(after.indexOf('[表格]'), after.indexOf('[表格]') + 2)).toEqual(['[表格]', '表后的文字。']);
    expect(await tableRows(p)).toEqual([
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('writes nothing into a cell while the input method composes; the chosen words land once', async () => {
    const p = await reportWithTable();
    const input = await ime(p);
    await input.compose('tiaojie');
    // Enter confirms the candidate: the IME's key, not a move to the next row.
    await input.keyWhileComposing('Enter');
    await input.commit('调解');
    await expect.poll(() => cell(p, 0, 0).inputValue()).toBe('调解');
    expect(await p.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('表头第1列');
    expect(await savedTables(p)).toEqual([
      [
        ['调解', '', ''],
        ['', '', ''],
        ['', '', ''],
      ],
    ]);
  });

  it('edits a table read from an imported web page like one it inserted', async () => {
    const p = await open();
    const path = join(app.work, '去年的报告.html');
    writeFileSync(
      path,
      `<html><body><h1>云溪镇2024年法治政府建设年度报告</h1>
      <p>一、2024年推进法治政府建设的主要举措和成效</p>
      <p>全年办理行政复议案件情况如下。</p>
      <table><tr><th>类别</th><th>件数</th></tr><tr><td>行政复议</td><td>7</td></tr></table>
      <p>二、存在的不足和原因</p><p>个别干部法治意识不强。</p></body></html>`,
    );
    app.standIn.dialogs.importDocument = path;
    await p.getByRole('button', { name: /^导入/ }).first().click();
    await p.getByRole('button', { name: '开始编辑' }).click();
    await p.locator('.report-table-grid').waitFor();
    expect(await tableRows(p)).toEqual([
      ['类别', '件数'],
      ['行政复议', '7'],
    ]);
    await cell(p, 1, 1).fill('9');
    expect(await savedTables(p)).toEqual([
      [
        ['类别', '件数'],
        ['行政复议', '9'],
      ],
    ]);
  });

  it('leads a finding about a cell to that cell, and its one-click fix changes the cell', async () => {
    const p = await reportWithTable();
    await cell(p, 1, 0).click();
    await p.keyboard.type('复议,诉讼');
    const finding = p.locator('.findings li', { hasText: '半角' }).first();
    await finding.waitFor();
    await finding.locator('.finding-text').click();
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('第1行第1列');
    expect(
      await p.evaluate(() => {
        const input = document.activeElement as HTMLInputElement;
        return input.value.slice(input.selectionStart!, input.selectionEnd!);
      }),
    ).toBe(',');
    await finding.locator('.finding-actions button').first().click();
    await expect.poll(() => cell(p, 1, 0).inputValue()).toBe('复议，诉讼');
  });
});
