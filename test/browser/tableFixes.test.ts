/**
 * What a tester playing the clerk found around tables (issue 14): a paste in a cell lands in the cell, one
 * Backspace or Delete beside a filled table never removes it. In the built renderer, in Chromium.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { importText } from '../../src/core/import/index';
import { serializeReport } from '../../src/core/model/file';
import { tableBlock } from '../../src/core/model/report';
import { expect, it } from 'vitest';
import { describeNeeding } from '../support/needs';
import { useApp } from './support/app';

describeNeeding(['chromium', 'cjk-fonts'], 'table fixes, in Chromium', () => {
  const app = useApp({ folder: '表格修正-' });

  const part = (p: Page, key: string) => p.locator(`[data-section-editor="${key}"] > *`);
  const cell = (p: Page, row: number, column: number) =>
    p.locator(`.report-table-grid input[data-row="${row}"][data-column="${column}"]`);
  const tableRows = (p: Page) =>
    p.$$eval('.report-table-grid tr', (rows) =>
      rows.map((tr) => Array.from(tr.querySelectorAll('input'), (input) => input.value)),
    );
  const focused = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

  /** A new report with a 3×3 table inserted in part 一 (caret in its first cell). */
  async function reportWithTable(viewport?: { width: number; height: number }): Promise<Page> {
    const p = await app.open(viewport ? { viewport } : {});
    await p.getByLabel('单位名称').fill('青石镇');
    await p.getByLabel('报告年度').fill('2025');
    await p.getByRole('button', { name: '开始写报告' }).click();
    await part(p, 'measures').first().click();
    await p.getByRole('button', { name: '插入表格' }).click();
    await expect.poll(() => focused(p)).toBe('表头第1列');
    return p;
  }

  /** A paste of `plain` where the focus is, as the browser sends it for Ctrl+V. */
  const paste = (p: Page, plain: string) =>
    p.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      (document.activeElement ?? document.body).dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, plain);

  it('pastes into the table cell, not at the last caret in the body text', async () => {
    const p = await reportWithTable();
    await part(p, 'opening').first().click();
    await p.keyboard.press('End');
    const opening = await part(p, 'opening').first().textContent();
    await cell(p, 1, 1).click();
    await paste(p, '粘贴测试');
    await expect.poll(() => cell(p, 1, 1).inputValue()).toBe('粘贴测试');
    expect(await part(p, 'opening').first().textContent()).toBe(opening);
    // Typing goes on after the pasted words.
    await p.keyboard.type('甲');
    await expect.poll(() => cell(p, 1, 1).inputValue()).toBe('粘贴测试甲');
  });

  it('fills cells across from a block copied out of a spreadsheet, as one undo step', async () => {
    const p = await reportWithTable();
    await cell(p, 1, 0).click();
    await paste(p, '行政复议\t3\t件\r\n人民调解\t86\t件\r\n普法宣传\t24\t场次\r\n');
    await expect
      .poll(() => tableRows(p))
      .toEqual([
        ['', '', ''],
        ['行政复议', '3', '件'],
        ['人民调解', '86', '件'],
        ['普法宣传', '24', '场次'],
      ]);
    await p.keyboard.press('Control+z');
    await expect
      .poll(() => tableRows(p))
      .toEqual([
        ['', '', ''],
        ['', '', ''],
        ['', '', ''],
      ]);
  });

  it('Backspace after a filled table and Delete before it move into the table and delete nothing', async () => {
    const p = await reportWithTable();
    await cell(p, 2, 2).fill('12');
    await cell(p, 0, 0).fill('项目');
    // The paragraph after the table.
    await cell(p, 2, 2).click();
    await p.keyboard.press('ArrowDown');
    await p.keyboard.type('表后');
    await p.keyboard.press('Home');
    await p.keyboard.press('Backspace');
    await expect.poll(() => focused(p)).toBe('第2行第3列');
    expect(await p.locator('.report-table-grid').count()).toBe(1);
    expect(await cell(p, 2, 2).inputValue()).toBe('12');
    // The caret is at the end of the last cell: a second Backspace edits the cell, not the document.
    await p.keyboard.press('Backspace');
    await expect.poll(() => cell(p, 2, 2).inputValue()).toBe('1');

    // The block before the table (the part's template sub-heading or paragraph), caret at its end, Delete.
    const before = part(p, 'measures').first();
    await before.click();
    await p.keyboard.press('End');
    await p.keyboard.press('Delete');
    await expect.poll(() => focused(p)).toBe('表头第1列');
    expect(await p.locator('.report-table-grid').count()).toBe(1);
    expect(await tableRows(p)).toEqual([
      ['项目', '', ''],
      ['', '', ''],
      ['', '', '1'],
    ]);
    expect(await part(p, 'measures').allTextContents()).toContain('表后');
  });

  it('an empty table goes with one Backspace from the paragraph after it', async () => {
    const p = await reportWithTable();
    await cell(p, 2, 0).click();
    await p.keyboard.press('ArrowDown');
    await p.keyboard.type('表后');
    await p.keyboard.press('Home');
    await p.keyboard.press('Backspace');
    await expect.poll(() => p.locator('.report-table-grid').count()).toBe(0);
    expect(await part(p, 'measures').allTextContents()).toContain('表后');
  });

  it('打印预览 leaves the text alone: 插入表格 and the paragraph formats are disabled there', async () => {
    const p = await reportWithTable();
    await p.getByRole('button', { name: '打印预览' }).click();
    await p.locator('.document-preview').waitFor();
    expect(await p.getByRole('button', { name: '插入表格' }).isDisabled()).toBe(true);
    for (const name of ['正文', '（一）标题', '1. 标题', '（1）标题'])
      expect(await p.getByRole('button', { name, exact: true }).isDisabled(), name).toBe(true);
    await p.getByRole('button', { name: '返回编辑' }).click();
    expect(await p.getByRole('button', { name: '插入表格' }).isDisabled()).toBe(false);
    expect(await p.locator('.report-table-grid').count()).toBe(1);
  });

  it('a blank table is a warning whose one-click fix deletes it, undoably', async () => {
    const p = await reportWithTable();
    const finding = p.locator('.findings li').filter({ hasText: '这个表格还是空的' });
    await finding.getByRole('button', { name: '删除这个空表格' }).click();
    await expect.poll(() => p.locator('.report-table-grid').count()).toBe(0);
    await expect.poll(() => finding.count()).toBe(0);
    await p.keyboard.press('Control+z');
    await expect.poll(() => p.locator('.report-table-grid').count()).toBe(1);
    // Filled, it is no longer flagged.
    await cell(p, 1, 0).fill('行政复议案件');
    await expect.poll(() => finding.count()).toBe(0);
  });

  it('find/replace shows a match in a table cell, marked and selected, and 替换 changes that cell', async () => {
    const p = await reportWithTable();
    await cell(p, 1, 0).fill('开展人民调解');
    await part(p, 'opening').first().click();
    await p.keyboard.press('End');
    await p.keyboard.insertText('全年人民调解工作有序推进。');
    await part(p, 'plans').last().click();
    await p.keyboard.press('End');
    await p.keyboard.insertText('深化人民调解。');
    await p.keyboard.press('Control+h');
    await p.getByLabel('查找内容').fill('人民调解');
    const bar = p.locator('.find-bar');
    await expect.poll(() => bar.textContent()).toContain('第 1 / 3 处');
    await p.getByRole('button', { name: '下一处' }).click();
    await expect.poll(() => bar.textContent()).toContain('第 2 / 3 处');
    // The cell is marked, in sight, with the words selected in it.
    await expect.poll(() => cell(p, 1, 0).evaluate((e) => e.classList.contains('find-current-field'))).toBe(true);
    expect(await cell(p, 1, 0).isVisible()).toBe(true);
    expect(
      await cell(p, 1, 0).evaluate((e: HTMLInputElement) => e.value.slice(e.selectionStart!, e.selectionEnd!)),
    ).toBe('人民调解');
    const box = (await cell(p, 1, 0).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await p.getByLabel('替换为').fill('矛盾调处');
    await p.getByRole('button', { name: '替换', exact: true }).click();
    await expect.poll(() => cell(p, 1, 0).inputValue()).toBe('开展矛盾调处');
    // The next match (in 工作安排) is shown, and the cell is no longer marked.
    await expect.poll(() => bar.textContent()).toContain('第 2 / 2 处');
    expect(await cell(p, 1, 0).evaluate((e) => e.classList.contains('find-current-field'))).toBe(false);
  });

  it("the reviewer's read-only view shows a table as a table, and ✗ for a part with no text as the editor does", async () => {
    const imported = importText(
      [
        '石门乡关于2025年度法治政府建设情况的报告',
        '一、主要举措和成效',
        '全年排查矛盾纠纷52件，化解51件。',
        '二、存在的不足和原因',
        '三、2026年工作安排',
        '继续深化基层依法治理。',
        '石门乡人民政府',
        '2026年1月18日',
      ].join('\n'),
    );
    if (!imported.ok) throw new Error(imported.error);
    const doc = imported.doc;
    doc.sections
      .find((s) => s.part === 'measures')!
      .blocks.push(
        tableBlock([
          ['项目', '件数', '备注'],
          ['行政复议案件', '12', '均已办结'],
        ]),
      );
    const folder = join(app.work, '报告');
    mkdirSync(folder);
    writeFileSync(join(folder, '石门乡.nianbao'), serializeReport(doc));
    const p = await app.open();
    await p.getByRole('button', { name: '批量检查一个文件夹的报告…' }).click();
    app.standIn.dialogs.openFolder = folder;
    await p.getByRole('button', { name: '选择文件夹…' }).click();
    await p.getByRole('button', { name: '石门乡.nianbao' }).click({ timeout: 30_000 });
    const table = p.locator('.review-text table');
    await table.waitFor();
    expect(
      await table
        .locator('tr')
        .evaluateAll((rows) => rows.map((tr) => Array.from(tr.querySelectorAll('th, td'), (c) => c.textContent))),
    ).toEqual([
      ['项目', '件数', '备注'],
      ['行政复议案件', '12', '均已办结'],
    ]);
    // 二、 has its heading and no text: ✗, as in the editor's outline and the findings' 部分没有正文.
    const outline = p.locator('.review-outline li');
    expect(await outline.filter({ hasText: '存在的不足' }).textContent()).toMatch(/^✗/);
    expect(await outline.filter({ hasText: '主要举措' }).textContent()).toMatch(/^✓/);
  });

  it("the table's right-click menu has the UI's font at any zoom and stays inside a small window", async () => {
    const p = await reportWithTable({ width: 1093, height: 614 });
    for (let i = 0; i < 3; i++) await p.getByRole('button', { name: '放大' }).click();
    await expect.poll(() => p.locator('.zoom-value').textContent()).toBe('130%');
    await cell(p, 2, 1).scrollIntoViewIfNeeded();
    const at = (await cell(p, 2, 1).boundingBox())!;
    // Right-clicked low in the window, where a menu opened downwards would run off it.
    await p.mouse.click(at.x + 5, Math.min(at.y + 5, 600), { button: 'right' });
    const menu = p.getByRole('menu');
    await menu.waitFor();
    const box = (await menu.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(614);
    const uiFont = await p.getByRole('button', { name: '保存' }).evaluate((e) => getComputedStyle(e).fontSize);
    const itemFont = await p.getByRole('menuitem', { name: '删除表格' }).evaluate((e) => getComputedStyle(e).fontSize);
    expect(itemFont).toBe(uiFont);
    // 删除表格 is reachable and works.
    await p.getByRole('menuitem', { name: '删除表格' }).click();
    await expect.poll(() => p.locator('.report-table-grid').count()).toBe(0);
  });

  it('忽略 on a finding about a cell, typed a moment ago, moves it to 已忽略', async () => {
    const p = await reportWithTable();
    await cell(p, 1, 0).click();
    await p.keyboard.type('复议,诉讼');
    const finding = p.locator('.findings li', { hasText: '半角' }).first();
    await finding.waitFor();
    const message = await finding.locator('.finding-text').textContent();
    // The caret back in the cell, a keystroke there, then 忽略 at once.
    await cell(p, 1, 0).click();
    await p.keyboard.press('End');
    await p.keyboard.type('。');
    await finding.getByRole('button', { name: '忽略' }).click();
    // Listed (with its 忽略 button) no more; in 已忽略 (with 恢复). How soon is the bench's business, not a
    // stopwatch's on a shared machine.
    const listed = p
      .locator('.findings li', { hasText: '半角' })
      .filter({ has: p.getByRole('button', { name: '忽略', exact: true }) });
    await expect.poll(() => listed.count()).toBe(0);
    await expect.poll(() => p.locator('details.finding-group').textContent()).toContain(message!.slice(-10));
  });

  it('the header row has the weight in the editor that it has in the preview (as exported)', async () => {
    const p = await reportWithTable();
    await cell(p, 0, 0).fill('项目');
    await cell(p, 1, 0).fill('行政复议案件');
    const weight = (locator: ReturnType<Page['locator']>) => locator.evaluate((e) => getComputedStyle(e).fontWeight);
    const editorHeader = await weight(cell(p, 0, 0));
    expect(editorHeader).toBe(await weight(cell(p, 1, 0)));
    await p.getByRole('button', { name: '打印预览' }).click();
    const previewHeader = p.getByRole('columnheader').filter({ hasText: '项目' }).first();
    await previewHeader.waitFor();
    expect(await weight(previewHeader)).toBe(editorHeader);
  });
});
