/**
 * What a clerk and a county reviewer tripped on when trying the whole app at 1366×768 and at 1093×614
 * (Windows at 125 %), each reproduced in the built renderer in Chromium before its fix.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { MAIN_WORK, useApp } from './support/app';
import { importLines, newReport, startReport } from './support/report';
import { describeNeeding } from '../support/needs';

const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1093, height: 614 },
];

/** Whether a click at the middle of the element would reach it (nothing drawn over it), as a user's would. */
const reachable = (p: Page, selector: string, name: string) =>
  p.evaluate(
    ({ selector, name }) => {
      const target = Array.from(document.querySelectorAll(selector)).find((e) => e.textContent?.trim() === name);
      if (!target) return `没有“${name}”`;
      const box = target.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return hit && target.contains(hit) ? 'reachable' : `covered by ${hit?.outerHTML.slice(0, 60)}`;
    },
    { selector, name },
  );

describeNeeding(['chromium', 'cjk-fonts'], 'what the clerk and the reviewer tripped on', () => {
  const app = useApp({ folder: '试用 ' });

  for (const viewport of SCREENS) {
    it(`文件 and 版式设置 open over the message bar at ${viewport.width}×${viewport.height}: 新建… is clickable after a save`, async () => {
      const p = await newReport(app, { unit: '青松镇', viewport });
      await p.locator('[data-section-editor="measures"] > *').nth(1).click();
      await p.keyboard.insertText('全年开展法治讲座十二场。');
      app.standIn.dialogs.saveReport = join(app.work, '青松镇.nianbao');
      await p.keyboard.press('Control+S');
      await expect.poll(() => p.locator('.message').textContent(), MAIN_WORK).toContain('已保存');
      await p.getByText('文件', { exact: true }).click();
      // The menu's first item sat under the message bar: a click on it reached the message instead.
      expect(await reachable(p, '.toolbar-menu-panel button', '新建…')).toBe('reachable');
      await p.getByRole('button', { name: '新建…' }).click();
      await p.getByRole('button', { name: '开始写报告' }).waitFor();
    });
  }

  it('closing 查找 with nothing found puts the caret back in the text where it was (Esc or ×), not on the page', async () => {
    const p = await newReport(app, { unit: '青松镇', viewport: SCREENS[1] });
    await p.locator('[data-section-editor="measures"] > *').nth(1).click();
    await p.keyboard.insertText('全年开展法治讲座十二场。');
    for (const close of ['Escape', '×'] as const) {
      await p.keyboard.press('Control+F');
      const bar = p.getByRole('search', { name: '查找和替换' });
      await bar.getByLabel('查找内容').fill('没有这句话');
      if (close === 'Escape') await p.keyboard.press('Escape');
      else await bar.getByRole('button', { name: '关闭查找' }).click();
      await expect.poll(() => bar.count()).toBe(0);
      await expect
        .poll(() => p.evaluate(() => (document.activeElement as HTMLElement | null)?.isContentEditable))
        .toBe(true);
      await p.keyboard.insertText(close === 'Escape' ? '另有三场。' : '听众五百人。');
    }
    expect(await p.locator('[data-section-editor="measures"]').textContent()).toContain(
      '全年开展法治讲座十二场。另有三场。听众五百人。',
    );
  });

  it('a fix or a replacement in 报告信息 is a step of Ctrl+Z: undone and redone, the words typed before it kept', async () => {
    const p = await importLines(
      app,
      [
        '青松镇2025年法治政府建设情况报告',
        '县依法治县办:',
        '一、主要举措和成效',
        '全年开展法治讲座十二场。',
        '青松镇人民政府',
        '2026年1月15日',
      ],
      { viewport: SCREENS[1] },
    );
    const addressee = p.locator('#meta-addressee');
    const measures = p.locator('[data-section-editor]', { hasText: '法治讲座' });
    await measures.getByText('全年开展法治讲座十二场。').click();
    await p.keyboard.press('End');
    await p.keyboard.insertText('听众五百人。');
    // The half-width colon of 主送机关, fixed from its finding.
    const finding = p.locator('.findings li', { hasText: '半角标点（:）' });
    await finding.getByRole('button', { name: '本段改为全角' }).click();
    await expect.poll(() => addressee.inputValue()).toBe('县依法治县办：');
    // Before: Ctrl+Z skipped the fix (it stayed) and took away the clerk's last words instead.
    await p.keyboard.press('Control+Z');
    await expect.poll(() => addressee.inputValue()).toBe('县依法治县办:');
    expect(await measures.textContent()).toContain('全年开展法治讲座十二场。听众五百人。');
    await p.keyboard.press('Control+Y');
    await expect.poll(() => addressee.inputValue()).toBe('县依法治县办：');
    // 全部替换 reaching the title: one Ctrl+Z gives the title back.
    await p.keyboard.press('Control+H');
    const bar = p.getByRole('search', { name: '查找和替换' });
    await bar.getByLabel('查找内容').fill('青松镇');
    await bar.getByLabel('替换为').fill('青松乡');
    await bar.getByRole('button', { name: '全部替换' }).click();
    const title = p.locator('#meta-title');
    await expect.poll(() => title.inputValue()).toBe('青松乡2025年法治政府建设情况报告');
    await p.keyboard.press('Escape');
    await p.keyboard.press('Control+Z');
    await expect.poll(() => title.inputValue()).toBe('青松镇2025年法治政府建设情况报告');
  });

  it('past the publication deadline, why 今天 is off is said only while 成文日期 is empty', async () => {
    // Opened in November: the 2025 report's deadline (next April) is past, so 今天 would be wrong.
    const p = await app.open({ viewport: SCREENS[1], goto: false });
    await p.clock.setFixedTime(new Date('2026-11-20T10:00:00+08:00'));
    await p.goto(app.standIn.url);
    await startReport(p, { unit: '青松镇', year: 2025 });
    const why = p.locator('label', { has: p.locator('#meta-date') }).locator('.hint');
    await expect.poll(() => why.textContent()).toContain('请填写这份报告实际成文的日期');
    await p.locator('#meta-date').fill('2026年1月15日');
    await expect.poll(() => why.count()).toBe(0);
    expect(await p.getByRole('button', { name: '今天' }).isDisabled()).toBe(true);
  });
});
