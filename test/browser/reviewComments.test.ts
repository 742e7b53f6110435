/**
 * The county's 审核意见 come back to the clerk, in Chromium: a Word file returned with comments is imported
 * (the dialog says how many), the comments are a group of their own above the findings, a click (or Enter)
 * takes the caret to the words in view, 已处理 and its Ctrl+Z, save, reopen, and the exported Word file
 * carries none of them; Word's replies show under the comment they answer, and a comment the reviewer
 * resolved in Word comes in as 已处理. All with the keyboard, at 1366×768 and 1093×614.
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
import { commentEx, from, handBuilt, para, run, to, wordComment } from '../support/commentedDocx';

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

/**
 * 梧桐镇's report back from the county's Word 365: a thread (the county's comment, the town's reply, the
 * county's answer), a comment the reviewer has already marked 已解决, and one still open.
 */
function threadedReport(): Promise<Uint8Array> {
  const body = [
    para(run('梧桐镇2025年度法治政府建设情况报告')),
    para(run('县委、县政府：')),
    para(run('一、主要举措和成效')),
    para(run('全镇'), from(0), from(1), from(2), run('建成村级公共法律服务室十二个'), to(0), to(1), to(2), run('。')),
    para(from(3), run('全年办理法律援助案件九件'), to(3), run('。')),
    para(run('二、存在的不足和原因')),
    para(from(4), run('执法记录仪配备不足'), to(4), run('。')),
    para(run('梧桐镇人民政府')),
  ].join('');
  const comments = [
    wordComment(0, '县司法局 孙审核', '2026-03-09T01:00:00Z', [['2B000001', '服务室是否覆盖全部村？']]),
    wordComment(1, '梧桐镇司法所', '2026-03-10T02:00:00Z', [['2B000002', '全镇十二个村均已建成。']]),
    wordComment(2, '县司法局 孙审核', '2026-03-11T03:00:00Z', [['2B000003', '请在正文写明“全覆盖”。']]),
    wordComment(3, '县司法局 孙审核', '2026-03-09T01:05:00Z', [['2B000004', '案件数与统计表核对。']]),
    wordComment(4, '县依法治县办', '2026-03-09T04:00:00Z', [['2B000005', '请写明缺口数量。']]),
  ].join('');
  const extended = [
    commentEx('2B000001'),
    commentEx('2B000002', ' w15:paraIdParent="2B000001"'),
    commentEx('2B000003', ' w15:paraIdParent="2B000001"'),
    commentEx('2B000004', ' w15:done="1"'),
    commentEx('2B000005'),
  ].join('');
  return handBuilt({ body, comments, extended });
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

  it('show a reply under the comment it answers, and a comment resolved in Word among the 已处理, as Word does', async () => {
    const p = await app.open();
    const path = join(app.work, '梧桐镇（审核意见）.docx');
    writeFileSync(path, await threadedReport());
    app.standIn.dialogs.importDocument = path;
    await p.getByRole('button', { name: /^导入/ }).first().click();
    const dialog = p.getByRole('dialog', { name: '核对导入结果' });
    await dialog.waitFor();
    const said = (await dialog.getByRole('note').textContent()) ?? '';
    expect(said).toContain('读到批注（审核意见）3 条，其中 1 条审核人已标为解决');
    expect(said).toContain('另有 2 条回复');
    await dialog.getByRole('button', { name: '开始编辑' }).click();
    await group(p).waitFor();
    expect(await group(p).getByRole('heading').textContent()).toBe('县里的审核意见（3 条）');
    await expect.poll(() => status(p).textContent()).toBe('还有 2 条未处理');

    // One item for the thread: the county's comment, then the town's reply and the county's answer, in order.
    const thread = group(p).locator('li.review-comment').first();
    expect(await thread.locator('.finding-text').textContent()).toContain('服务室是否覆盖全部村？');
    const replies = thread.getByRole('list', { name: '2 条回复' }).getByRole('listitem');
    expect(await replies.allTextContents()).toEqual([
      expect.stringMatching(/^回复：全镇十二个村均已建成。梧桐镇司法所\u30002026年3月10日$/),
      expect.stringMatching(/^回复：请在正文写明“全覆盖”。县司法局 孙审核\u30002026年3月11日$/),
    ]);
    expect(await group(p).locator('.finding-text').allTextContents()).not.toContainEqual(
      expect.stringContaining('全镇十二个村均已建成'),
    );
    await thread.locator('.finding-text').click();
    await expect.poll(() => selected(p)).toBe('建成村级公共法律服务室十二个');
    await p.screenshot({ path: join(screenshots, 'review-comments-6-thread-1366.png') });

    // 已处理 puts the whole thread away; the comment resolved in Word is there already, and says so.
    await thread.getByRole('button', { name: '已处理' }).click();
    await expect.poll(() => status(p).textContent()).toBe('还有 1 条未处理');
    expect(await group(p).locator('summary').textContent()).toBe('已处理（2）');
    await group(p).locator('summary').click();
    const done = group(p).locator('details li.review-comment');
    expect(await done.allTextContents()).toEqual([
      expect.stringContaining('服务室是否覆盖全部村？'),
      expect.stringContaining('案件数与统计表核对。（审核人已标为解决）'),
    ]);
    expect(await done.first().getByRole('listitem').count()).toBe(2);
    // The clerk may still open it again.
    await done.last().getByRole('button', { name: '改为未处理' }).click();
    await expect.poll(() => status(p).textContent()).toBe('还有 2 条未处理');
    await p.keyboard.press('Control+z');
    await expect.poll(() => status(p).textContent()).toBe('还有 1 条未处理');
  });

  it('say so in the import dialog when a Word file’s comments could not be read, and list none', async () => {
    const p = await app.open();
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(await returnedReport());
    const xml = await zip.file('word/comments.xml')!.async('string');
    zip.file('word/comments.xml', xml.slice(0, xml.length / 2));
    const path = join(app.work, '枫林镇（批注损坏）.docx');
    writeFileSync(path, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    app.standIn.dialogs.importDocument = path;
    await p.getByRole('button', { name: /^导入/ }).first().click();
    const dialog = p.getByRole('dialog', { name: '核对导入结果' });
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('文件中有批注（审核意见），但批注部分无法读取，未导入');
    expect(text).not.toContain('读到批注');
    await dialog.getByRole('button', { name: '开始编辑' }).click();
    // Checked, and no group of 审核意见 above the findings.
    await p.locator('.findings .ready').waitFor();
    expect(await group(p).count()).toBe(0);
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
