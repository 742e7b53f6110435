/**
 * What the clerk sees after Ctrl+Z / Ctrl+Y is what the app saves, checks and counts (issue 14): undo
 * puts back a whole earlier state of the editor, and the report model must follow it, or an undone
 * sentence comes back in the saved file and a Ctrl+A, Delete, Ctrl+Z empties it. In the built renderer,
 * in Chromium.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeNeeding } from '../support/needs';
import { MAIN_WORK, useApp } from './support/app';
import { newReport as createReport } from './support/report';

describeNeeding(['chromium', 'cjk-fonts'], 'undo reaches the saved report, in Chromium', () => {
  const app = useApp({ folder: '撤销-' });

  const newReport = () => createReport(app, { unit: '云溪镇' });

  const blocks = (p: Page, section: string) => p.locator(`[data-section-editor="${section}"] > *`);

  /** The text of each part as the saved file holds it. */
  async function saved(p: Page): Promise<Record<string, string>> {
    const path = join(app.work, `保存${Date.now()}.nianbao`);
    app.standIn.dialogs.saveReport = path;
    await p.keyboard.press('Control+Shift+S');
    // The file first: a title without * may still be the one of the last save, shown before this change.
    await expect.poll(() => existsSync(path), MAIN_WORK).toBe(true);
    await expect.poll(() => p.evaluate(() => document.title.endsWith('*'))).toBe(false);
    const file = JSON.parse(readFileSync(path, 'utf8')) as {
      sections: Array<{ part: string | null; blocks: Array<{ text: string }> }>;
    };
    return Object.fromEntries(file.sections.map((s) => [s.part, s.blocks.map((b) => b.text).join('')]));
  }

  it('an undone sentence is not saved, and a redone one is', async () => {
    const p = await newReport();
    await blocks(p, 'other').first().click();
    await p.keyboard.insertText('无。');
    await p.waitForTimeout(1100);
    await p.keyboard.insertText('另有专项情况说明。');
    await p.keyboard.press('Control+z');
    await expect.poll(() => blocks(p, 'other').first().textContent()).toBe('无。');
    expect((await saved(p)).other).toBe('无。');
    await p.keyboard.press('Control+y');
    await expect.poll(() => blocks(p, 'other').first().textContent()).toBe('无。另有专项情况说明。');
    expect((await saved(p)).other).toBe('无。另有专项情况说明。');
  });

  it('Ctrl+A, Delete, Ctrl+Z keeps every part in the saved file', async () => {
    const p = await newReport();
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('全年审查合同12份。');
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('执法人员偏少。');
    const before = await saved(p);
    await p.keyboard.press('Control+a');
    await p.keyboard.press('Delete');
    await p.keyboard.press('Control+z');
    await expect.poll(() => blocks(p, 'shortcomings').first().textContent()).toBe('执法人员偏少。');
    const after = await saved(p);
    expect(after).toEqual(before);
    expect(after.measures).toContain('全年审查合同12份。');
  });

  it('a fix undone with Ctrl+Z brings its finding back', async () => {
    const p = await newReport();
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('执法人员少,车辆旧,经费紧。');
    const finding = p.locator('.findings li', { hasText: '半角' }).first();
    await finding.waitFor();
    await finding.locator('.finding-actions button').first().click();
    await expect.poll(() => blocks(p, 'shortcomings').first().textContent()).toBe('执法人员少，车辆旧，经费紧。');
    await expect.poll(() => p.locator('.findings li', { hasText: '半角' }).count()).toBe(0);
    await blocks(p, 'plans').first().click();
    await p.keyboard.press('Control+z');
    await expect.poll(() => blocks(p, 'shortcomings').first().textContent()).toBe('执法人员少,车辆旧,经费紧。');
    await expect.poll(() => p.locator('.findings li', { hasText: '半角' }).count()).toBeGreaterThan(0);
  });
});
