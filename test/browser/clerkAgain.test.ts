/**
 * A second pass as a township clerk and a county reviewer (issue #14), in the built renderer in Chromium, on
 * the flows the first pass left: the start screen and the dialogs at 1093×614 (1366×768 at Windows' 125 %),
 * drafting from last year's report, the reviewer's desk, and keys pressed while an IME composes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useApp } from './support/app';
import { describeNeeding } from '../support/needs';

const SMALL = { width: 1093, height: 614 };

/** Is the whole element inside the window, with the page not scrolled? */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  const scrolled = await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0);
  return !!box && scrolled === 0 && box.y >= 0 && box.y + box.height <= viewport.height;
}

describeNeeding(['chromium', 'cjk-fonts'], 'the clerk and the reviewer, second pass, in Chromium', () => {
  const app = useApp({ folder: '再走一遍 测试-' });

  /** Ten reports the clerk opened before, as 最近打开 keeps them (the app's own store in its data folder). */
  const tenRecent = () => {
    const files = Array.from({ length: 10 }, (_, i) => {
      const path = join(app.work, `第${i + 1}稿.nianbao`);
      writeFileSync(path, '{}');
      return path;
    });
    mkdirSync(join(app.work, 'userData'), { recursive: true });
    writeFileSync(join(app.work, 'userData', 'recent.json'), JSON.stringify({ version: 1, files }));
  };

  for (const viewport of [SMALL, { width: 1366, height: 768 }]) {
    it(`shows 新建, 用去年的报告起草, 导入, 最近打开 and 批量检查 without scrolling at ${viewport.width}×${viewport.height}`, async () => {
      tenRecent();
      const p = await app.open({ viewport });
      const recent = p.getByRole('navigation', { name: '最近打开' });
      await recent.getByRole('button').first().waitFor();
      for (const target of [
        p.getByRole('button', { name: '开始写报告' }),
        p.getByRole('button', { name: '用去年的报告起草今年的…' }),
        p.getByRole('button', { name: '导入 Word 或文本文件…' }),
        p.getByRole('button', { name: '打开本软件保存的报告…' }),
        recent.getByRole('heading', { name: '最近打开' }),
        recent.getByRole('button', { name: /第1稿\.nianbao/ }),
        recent.getByRole('button', { name: /第3稿\.nianbao/ }),
        p.getByRole('button', { name: '批量检查一个文件夹的报告…' }),
      ])
        expect(await inView(p, target), await target.textContent()).toBe(true);
    });
  }
});
