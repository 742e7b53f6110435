/**
 * The county's 审核意见 come back to the clerk, in Chromium: a Word file returned with comments is imported
 * (the dialog says how many), the comments are a group of their own above the findings, a click (or Enter)
 * takes the caret to the words in view, 已处理 and its Ctrl+Z, save, reopen, and the exported Word file
 * carries none of them. All with the keyboard, at 1366×768 and 1093×614.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, Packer, Paragraph, TextRun } from 'docx';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { readDocxComments } from '../../src/core/import/docxComments';
import { readDocxPart } from '../../src/core/import/docxFast';
import { parseReportFile } from '../../src/core/model/file';
import { MAIN_WORK, useApp } from './support/app';
import { ROOT } from './support/chromium';
import { describeNeeding } from '../support/needs';

const screenshots = join(ROOT, 'test-output/screenshots');
const when = new Date('2026-03-05T02:00:00Z');

/** 枫林镇's report as the county returned it: long enough that the last comment's words are out of sight. */
async function returnedReport(): Promise<Uint8Array> {
  const filler = Array.from(
    { length: 24 },
    (_, i) => new Paragraph(`（${i + 1}）第${i + 1}村组织村民学习宪法和民法典，参加群众一百余人，反响良好。`),
  );
  const on = (id: number, before: string, words: string, after: string) =>
    new Paragraph({
      children: [
        new TextRun(before),
        new CommentRangeStart(id),
        new TextRun(words),
        new CommentRangeEnd(id),
        new TextRun({ children: [new CommentReference(id)] }),
        new TextRun(after),
      ],
    });
  const doc = new Document({
    comments: {
      children: [
        { id: 0, author: '县司法局 赵审核', date: when, children: [new Paragraph('“较好”请用数据说明。')] },
        { id: 1, author: '县司法局 赵审核', date: when, children: [new Paragraph('缺少原因分析，请补充。')] },
        { id: 2, author: '县依法治县办', date: when, children: [new Paragraph('明年目标请量化。')] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('枫林镇2025年度法治政府建设情况报告'),
          new Paragraph('县委、县政府：'),
          new Paragraph('2025年，枫林镇认真落实法治政府建设各项任务，现报告如下。'),
          new Paragraph('一、主要举措和成效'),
          on(0, '全镇依法行政工作', '完成较好', '，行政复议纠错率下降。'),
          ...filler,
          new Paragraph('二、党政主要负责人履行推进法治建设第一责任人职责情况'),
          new Paragraph('镇党委书记专题听取法治工作汇报四次。'),
          new Paragraph('三、存在的不足和原因'),
          on(1, '', '部分执法人员业务能力不强。', ''),
          new Paragraph('四、2026年工作打算'),
          on(2, '', '进一步提升群众法治意识', '，推进法治乡村建设。'),
          new Paragraph('枫林镇人民政府'),
          new Paragraph('2026年1月21日'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describeNeeding(['chromium', 'cjk-fonts'], 'the county’s 审核意见 in the app', () => {
  const app = useApp({ folder: '审核意见 ' });
  beforeAll(() => mkdirSync(screenshots, { recursive: true }));

  const group = (p: Page) => p.getByRole('region', { name: '县里的审核意见' });
  const status = (p: Page) => group(p).getByRole('status');
  const selected = (p: Page) => p.evaluate<string>('getSelection().toString()');
  /** Is the page's selection inside the visible part of the document pane? */
  const selectionShown = (p: Page) =>
    p.evaluate<boolean>(`(() => {
      const rect = getSelection().getRangeAt(0).getBoundingClientRect();
      const pane = document.querySelector('.document').getBoundingClientRect();
      return rect.height > 0 && rect.top >= pane.top && rect.bottom <= pane.bottom;
    })()`);
  /** Tab until the focused element's text matches; fails rather than loop for ever. */
  const tabTo = async (p: Page, text: RegExp) => {
    for (let i = 0; i < 80; i++) {
      await p.keyboard.press('Tab');
      if (text.test((await p.evaluate<string>('document.activeElement.textContent')) ?? '')) return;
    }
    throw new Error(`no control ${text} reached with Tab`);
  };

  async function importReturned(p: Page): Promise<void> {
    const path = join(app.work, '枫林镇（审核意见）.docx');
    writeFileSync(path, await returnedReport());
    app.standIn.dialogs.importDocument = path;
    await p.getByRole('button', { name: /^导入/ }).first().click();
    const dialog = p.getByRole('dialog', { name: '核对导入结果' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('读到批注（审核意见）3 条');
    await p.screenshot({ path: join(screenshots, `review-comments-1-import-${p.viewportSize()!.width}.png`) });
    await dialog.getByRole('button', { name: '开始编辑' }).click();
    await group(p).waitFor();
  }

  it('imports them, leads to their words, marks one 已处理 and undoes it, saves, reopens and exports clean', async () => {
    const p = await app.open();
    await importReturned(p);
    expect(await group(p).getByRole('heading').textContent()).toBe('县里的审核意见（3 条）');
    await expect.poll(() => status(p).textContent()).toBe('还有 3 条未处理');
    const texts = await group(p).locator('.finding-text').allTextContents();
    expect(texts[0]).toContain('“较好”请用数据说明。');
    expect(texts[0]).toContain('“完成较好”');
    expect(texts[0]).toContain('县司法局 赵审核');
    expect(texts[2]).toContain('县依法治县办');
    // Above the checker's own findings.
    const order = await p
      .locator('.findings')
      .evaluate((panel) => Array.from(panel.querySelectorAll('h3'), (h) => h.textContent ?? ''));
    expect(order[0]).toBe('县里的审核意见（3 条）');
    expect(order.length).toBeGreaterThan(1);
    await p.screenshot({ path: join(screenshots, 'review-comments-2-panel-1366.png') });
    // The toolbar's 检查 still takes the keyboard to the checker's first finding, below the comments.
    await p.getByRole('toolbar').getByRole('button', { name: /^检查/ }).focus();
    await p.keyboard.press('Enter');
    await expect
      .poll(() => p.evaluate<boolean>("!!document.activeElement?.closest('.finding-error, .finding-warning')"))
      .toBe(true);

    // With the keyboard alone: Tab to the last comment, Enter, the caret on its words, scrolled into view.
    await p.locator('.document').evaluate((pane) => (pane.scrollTop = 0));
    await group(p).locator('.finding-text').last().focus();
    await p.keyboard.press('Enter');
    await expect.poll(() => selected(p)).toBe('进一步提升群众法治意识');
    await expect.poll(() => selectionShown(p)).toBe(true);
    await p.screenshot({ path: join(screenshots, 'review-comments-3-jump-1366.png') });
    // A click does the same for a comment on a whole paragraph.
    await group(p).locator('.finding-text').nth(1).click();
    await expect.poll(() => selected(p)).toBe('部分执法人员业务能力不强。');

    // 已处理 from the keyboard: the group says how many are left; Ctrl+Z brings it back, as with 忽略.
    await group(p).locator('.finding-text').first().focus();
    await tabTo(p, /^已处理$/);
    await p.keyboard.press('Enter');
    await expect.poll(() => status(p).textContent()).toBe('还有 2 条未处理');
    expect(await group(p).locator('summary').textContent()).toBe('已处理（1）');
    await p.keyboard.press('Control+z');
    await expect.poll(() => status(p).textContent()).toBe('还有 3 条未处理');
    await p.keyboard.press('Control+y');
    await expect.poll(() => status(p).textContent()).toBe('还有 2 条未处理');
    await p.screenshot({ path: join(screenshots, 'review-comments-4-resolved-1366.png') });

    // Saved with the report, and there again when it is opened.
    const saved = join(app.work, '枫林镇2025.nianbao');
    app.standIn.dialogs.saveReport = saved;
    await p.keyboard.press('Control+s');
    await expect.poll(() => existsSync(saved), MAIN_WORK).toBe(true);
    const parsed = parseReportFile(readFileSync(saved, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.doc.reviewComments?.map((c) => c.text)).toEqual([
      '“较好”请用数据说明。',
      '缺少原因分析，请补充。',
      '明年目标请量化。',
    ]);
    await p.reload();
    app.standIn.dialogs.openReport = saved;
    await p.getByRole('button', { name: '打开本软件保存的报告…' }).click();
    await group(p).waitFor();
    await expect.poll(() => status(p).textContent()).toBe('还有 2 条未处理');
    // 改为未处理 from the keyboard: the 已处理 list opens with Enter.
    await group(p).locator('summary').focus();
    await p.keyboard.press('Enter');
    await tabTo(p, /^改为未处理$/);
    await p.keyboard.press('Enter');
    await expect.poll(() => status(p).textContent()).toBe('还有 3 条未处理');

    // The report that goes out is clean: no comment in the exported Word file.
    const exported = join(app.work, '枫林镇定稿.docx');
    app.standIn.dialogs.exportDocx = exported;
    await p.getByRole('button', { name: '导出 Word' }).click();
    const fonts = p.getByRole('dialog', { name: '缺少字体' });
    if (await fonts.isVisible().catch(() => false)) await fonts.getByRole('button', { name: '仍然导出' }).click();
    await expect
      .poll(async () => {
        if (!existsSync(exported)) {
          if (await fonts.isVisible().catch(() => false)) await fonts.getByRole('button', { name: '仍然导出' }).click();
          return false;
        }
        return true;
      }, MAIN_WORK)
      .toBe(true);
    const bytes = new Uint8Array(readFileSync(exported));
    expect(await readDocxComments(bytes)).toEqual([]);
    expect(await readDocxPart(bytes, 'word/comments.xml')).toBeUndefined();
    const body = (await readDocxPart(bytes, 'word/document.xml')) ?? '';
    expect(body).toContain('进一步提升群众法治意识');
    for (const text of ['请用数据说明', '请补充', '请量化', '赵审核']) expect(body).not.toContain(text);
  });

  it('fit a small screen (1093×614): the group, its words and 已处理 in reach', async () => {
    const p = await app.open({ viewport: { width: 1093, height: 614 } });
    await importReturned(p);
    await expect.poll(() => status(p).textContent()).toBe('还有 3 条未处理');
    await group(p).locator('.finding-text').last().click();
    await expect.poll(() => selected(p)).toBe('进一步提升群众法治意识');
    await expect.poll(() => selectionShown(p)).toBe(true);
    const resolve = group(p).getByRole('button', { name: '已处理' }).first();
    await resolve.scrollIntoViewIfNeeded();
    expect(await resolve.isVisible()).toBe(true);
    await p.screenshot({ path: join(screenshots, 'review-comments-5-panel-1093.png') });
  });
});
