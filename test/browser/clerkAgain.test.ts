/**
 * A second pass as a township clerk and a county reviewer (issue #14), in the built renderer in Chromium, on
 * the flows the first pass left: the start screen and the dialogs at 1093×614 (1366×768 at Windows' 125 %),
 * drafting from last year's report, the reviewer's desk, and keys pressed while an IME composes.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { exportDocx } from '../../src/core/export/docx';
import { importText } from '../../src/core/import/index';
import { tableBlock } from '../../src/core/model/report';
import { MAIN_WORK, useApp } from './support/app';
import { CARET_SECTION } from './support/chromium';
import { newReport } from './support/report';
import { describeNeeding } from '../support/needs';

const SMALL = { width: 1093, height: 614 };

/** Last year's report of 柳溪镇 as the app exports it: measures with a table of figures, and two plans for 2026. */
async function lastYearDocx(): Promise<Buffer> {
  const imported = importText(
    [
      '柳溪镇2025年法治政府建设情况报告',
      '2025年，柳溪镇围绕建设法治乡镇目标推进各项工作，现将有关情况报告如下。',
      '一、2025年推进法治政府建设的主要举措和成效',
      '镇党委理论学习中心组开展法治专题学习4次，调解矛盾纠纷213件。',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '镇党委书记主持召开党委会专题研究法治建设3次。',
      '三、存在的不足和原因',
      '执法人员只有5名，主要原因是编制有限。',
      '四、下一步工作打算',
      '（一）加强执法队伍建设，新增持证执法人员3名。',
      '（二）完成12个村的规章制度合法性审查。',
      '五、其他需要报告的情况',
      '无。',
      '柳溪镇人民政府',
      '2026年1月10日',
    ].join('\n'),
  );
  if (!imported.ok) throw new Error(imported.error);
  const doc = imported.doc;
  const measures = doc.sections.find((s) => s.part === 'measures')!;
  measures.blocks.push(
    tableBlock([
      ['项目', '2025年', '单位'],
      ['行政复议案件', '2', '件'],
    ]),
  );
  return Buffer.from(await exportDocx(doc));
}

/** The element that has the keyboard: its tag and accessible label or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'BODY';
    return `${a.tagName}:${a.getAttribute('aria-label') ?? a.textContent?.trim() ?? ''}`;
  });

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
        expect(await inView(p, target), (await target.textContent()) ?? undefined).toBe(true);
    });
  }

  for (const viewport of [SMALL, { width: 1366, height: 768 }]) {
    it(`批量检查 at ${viewport.width}×${viewport.height}: each filter beside its button; the keyboard keeps its place through 选择文件夹, a report opened and closed with Esc, and 写回批注`, async () => {
      const folder = join(app.work, '各镇报告');
      mkdirSync(folder);
      for (const unit of ['石门乡', '青林镇'])
        writeFileSync(
          join(folder, `${unit}.txt`),
          [
            `${unit}2025年法治政府建设情况报告`,
            '一、主要举措和成效',
            '调解矛盾纠纷30件。',
            `${unit}人民政府`,
            '2026年1月9日',
          ].join('\n'),
        );
      writeFileSync(join(folder, '坏文件.docx'), 'not a zip');
      const p = await app.open({ viewport });
      await p.getByRole('button', { name: '批量检查一个文件夹的报告…' }).click();
      app.standIn.dialogs.openFolder = folder;
      // Keyboard only: Enter on 选择文件夹…, which keeps the keyboard while the folder is checked.
      await p.getByRole('button', { name: '选择文件夹…' }).focus();
      await p.keyboard.press('Enter');
      await expect.poll(() => p.locator('.review-table tbody tr').count(), MAIN_WORK).toBe(3);
      await expect.poll(() => p.locator('.review-progress').textContent(), MAIN_WORK).toContain('已检查 3 / 3 份');
      expect(await focused(p)).toBe('BUTTON:选择文件夹…');
      // Each filter's words sit on its radio button's line, to its right (not under a lone circle).
      for (const radio of await p.getByRole('radiogroup', { name: '筛选' }).getByRole('radio').all()) {
        const [button, words] = await radio.evaluate((input) => {
          const range = document.createRange();
          range.selectNodeContents(input.parentElement!);
          range.setStartAfter(input);
          return [input.getBoundingClientRect().toJSON(), range.getBoundingClientRect().toJSON()] as [DOMRect, DOMRect];
        });
        expect(words.left).toBeGreaterThanOrEqual(button.right);
        expect(words.top).toBeLessThan(button.bottom);
      }
      // Keyboard only: Enter on a town's file name opens it read-only, Esc goes back to that name.
      const name = p.getByRole('button', { name: '青林镇.txt' });
      await name.focus();
      await p.keyboard.press('Enter');
      await p.getByRole('button', { name: '返回列表' }).waitFor();
      await p.keyboard.press('Escape');
      await expect.poll(() => focused(p)).toBe('BUTTON:青林镇.txt');
      expect(await inView(p, name)).toBe(true);
      await p.keyboard.press('Tab');
      expect(await focused(p)).not.toBe('BODY');
      const copies = join(app.work, '批注');
      mkdirSync(copies);
      app.standIn.reviewDialogs.commentsFolder = copies;
      await p.getByRole('button', { name: '写回批注…' }).focus();
      await p.keyboard.press('Enter');
      await expect.poll(() => p.locator('.message').textContent(), MAIN_WORK).toContain('已把批注写入 2 份');
      expect(await focused(p)).toBe('BUTTON:写回批注…');
    });
  }

  /** 用去年的报告起草今年的 from the Word file the app exported last year, taken as the import dialog maps it. */
  const draftFromLastYear = async (p: Page) => {
    const path = join(app.work, '柳溪镇2025年报告.docx');
    writeFileSync(path, await lastYearDocx());
    app.standIn.dialogs.importDocument = path;
    await p.getByRole('button', { name: '用去年的报告起草今年的…' }).click();
    await p.getByRole('button', { name: '开始编辑' }).waitFor();
    // Keyboard only: 开始编辑 has the focus in the dialog.
    await p.keyboard.press('Enter');
    await p.locator('.doc-heading').first().waitFor();
  };

  it('a draft from last year takes the caret, so the keyboard types straight into the report', async () => {
    const p = await app.open({ viewport: SMALL });
    await draftFromLastYear(p);
    await expect.poll(() => p.evaluate<string | undefined>(CARET_SECTION)).toBe('opening');
    await p.keyboard.type('今年');
    await expect
      .poll(() => p.locator('section[data-part="opening"] [data-section-editor]').textContent())
      .toContain('今年');
  });

  it('the finding of an unanswered plan leads after its 完成情况：, and the answer keeps last year’s plan', async () => {
    const p = await app.open({ viewport: SMALL });
    await draftFromLastYear(p);
    const plan = p.locator('.findings li').filter({ hasText: '加强执法队伍建设' });
    await plan.locator('.finding-text').click();
    await p.keyboard.insertText('新增持证执法人员4名。');
    await expect
      .poll(() => p.locator('section[data-part="measures"] [data-section-editor]').textContent())
      .toContain('2026年计划：加强执法队伍建设，新增持证执法人员3名。　完成情况：新增持证执法人员4名。');
    await expect.poll(() => p.locator('.findings li').filter({ hasText: '加强执法队伍建设' }).count()).toBe(0);
    // The other plan is still to answer.
    expect(await p.locator('.findings li').filter({ hasText: '完成12个村' }).count()).toBe(1);
  });

  it('Esc leaves 打印预览, as in Word, and the keyboard goes on typing where it was', async () => {
    const p = await newReport(app, { unit: '柳溪镇', viewport: SMALL });
    await p.locator('[data-section-editor="measures"] > *').nth(1).click();
    await p.keyboard.insertText('调整镇级权责清单。');
    await p.keyboard.press('Control+p');
    await p.locator('.pv-page').first().waitFor();
    await p.keyboard.press('Escape');
    await expect.poll(() => p.locator('.pv-page').count()).toBe(0);
    await p.keyboard.insertText('公布事项186项。');
    await expect
      .poll(() => p.locator('[data-section-editor="measures"]').textContent())
      .toContain('调整镇级权责清单。公布事项186项。');
  });

  it('保存 and 导出 Word pressed with Enter keep the keyboard on their button while the file is written', async () => {
    const p = await newReport(app, { unit: '柳溪镇', viewport: SMALL });
    app.standIn.dialogs.saveReport = join(app.work, '柳溪镇.nianbao');
    await p.getByRole('button', { name: '保存', exact: true }).focus();
    await p.keyboard.press('Enter');
    await expect.poll(() => p.locator('.message').textContent(), MAIN_WORK).toContain('已保存');
    expect(await focused(p)).toBe('BUTTON:保存');
    const docx = join(app.work, '柳溪镇.docx');
    app.standIn.dialogs.exportDocx = docx;
    await p.getByRole('button', { name: '导出 Word' }).focus();
    await p.keyboard.press('Enter');
    // This machine lacks the 公文 fonts: the question first, 仍然导出 focused.
    await p.getByRole('button', { name: '仍然导出' }).waitFor();
    await p.keyboard.press('Enter');
    await expect.poll(() => existsSync(docx), MAIN_WORK).toBe(true);
    await expect.poll(() => p.locator('.message').textContent(), MAIN_WORK).toContain('已导出');
    expect(await focused(p)).toBe('BUTTON:导出 Word');
  });

  it('检查 pressed with Enter in the toolbar takes the keyboard to the first finding, and Enter there to its text', async () => {
    const p = await newReport(app, { unit: '柳溪镇', viewport: SMALL });
    await p.locator('.toolbar .check-status').focus();
    await p.keyboard.press('Enter');
    await expect.poll(() => focused(p)).toContain('“主要举措和成效”部分还没有正文');
    await p.keyboard.press('Enter');
    await expect.poll(() => p.evaluate<string | undefined>(CARET_SECTION)).toBe('measures');
    // F7 in the text checks and leaves the caret where it is.
    await p.keyboard.press('F7');
    await p.keyboard.insertText('调整镇级权责清单。');
    await expect
      .poll(() => p.locator('[data-section-editor="measures"]').textContent())
      .toContain('调整镇级权责清单。');
  });
});
