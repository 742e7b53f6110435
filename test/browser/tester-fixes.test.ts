/**
 * What the tester found while playing the clerk (issue #14), each reproduced in the built renderer in
 * Chromium before its fix: the unsaved-changes question, find and replace beyond the body, long part
 * headings, the keyboard between a heading and its text, a short screen (1093×614), the PDF's font
 * warning and the keyboard of every dialog. Each test opens a fresh window over a fresh stand-in.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { MAIN_WORK, useApp } from './support/app';
import { importLines, newReport as createReport } from './support/report';
import { describeNeeding } from '../support/needs';

describeNeeding(['chromium', 'cjk-fonts'], 'the tester’s findings in the clerk’s editor', () => {
  const app = useApp({ folder: '试用-' });
  const open = (viewport?: { width: number; height: number }) => app.open({ viewport });

  const newReport = (unit = '石桥镇') => createReport(app, { unit });

  const importText = (name: string, lines: string[], viewport?: { width: number; height: number }) =>
    importLines(app, lines, { name, viewport });

  const typeInMeasures = async (p: Page, text: string) => {
    await p.locator('[data-section-editor="measures"] > *').nth(1).click();
    await p.keyboard.insertText(text);
  };
  const bodyText = (p: Page) => p.locator('[data-section-editor]').allTextContents();
  const menu = async (p: Page, item: string) => {
    await p.getByText('文件', { exact: true }).click();
    await p.getByRole('button', { name: item }).click();
  };

  it('asks 保存 / 不保存 / 取消 before 新建 replaces unsaved work; Enter saves first, never discards', async () => {
    const p = await newReport('白沙镇');
    await typeInMeasures(p, '全年组织学法考试两次。');
    // A never-saved report: Enter = 保存, which asks where; cancelling that keeps the report and its text.
    await menu(p, '新建…');
    const question = p.getByRole('dialog', { name: '保存修改' });
    expect(await question.getByRole('button').allTextContents()).toEqual(['保存', '不保存', '取消']);
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('保存');
    await p.keyboard.press('Enter');
    await expect.poll(() => question.count()).toBe(0);
    expect((await bodyText(p)).join('')).toContain('全年组织学法考试两次。');
    // Escape cancels.
    await menu(p, '新建…');
    await question.waitFor();
    await p.keyboard.press('Escape');
    await expect.poll(() => question.count()).toBe(0);
    expect((await bodyText(p)).join('')).toContain('全年组织学法考试两次。');
    // Enter with a place to save: the file is written with the text, then the new report starts.
    const path = join(app.work, '白沙镇.nianbao');
    app.standIn.dialogs.saveReport = path;
    await menu(p, '新建…');
    await question.waitFor();
    await p.keyboard.press('Enter');
    await p.getByRole('button', { name: '开始写报告' }).waitFor();
    expect(readFileSync(path, 'utf8')).toContain('全年组织学法考试两次。');
  });

  it('closing the window with unsaved work asks the same question in the page: Escape stays, Enter saves first', async () => {
    const p = await newReport('白沙镇');
    await typeInMeasures(p, '全年开展行政执法检查六次。');
    // Main sends 'close' when the window's close button is clicked while the report is unsaved.
    await p.evaluate(`window.__menu('close')`);
    const question = p.getByRole('dialog', { name: '保存修改' });
    await question.waitFor();
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('保存');
    await p.keyboard.press('Escape');
    await expect.poll(() => question.count()).toBe(0);
    expect((await bodyText(p)).join('')).toContain('全年开展行政执法检查六次。');
    const path = join(app.work, '关闭前.nianbao');
    app.standIn.dialogs.saveReport = path;
    await p.evaluate(`window.__menu('close')`);
    await question.waitFor();
    await p.keyboard.press('Enter');
    await expect.poll(() => existsSync(path), MAIN_WORK).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('全年开展行政执法检查六次。');
  });

  it('asks the same question before 打开 and 导入; 不保存 goes on without saving', async () => {
    const p = await newReport('白沙镇');
    await typeInMeasures(p, '新增法律顾问一名。');
    await menu(p, '打开…');
    const question = p.getByRole('dialog', { name: '保存修改' });
    await question.getByRole('button', { name: '取消' }).click();
    expect((await bodyText(p)).join('')).toContain('新增法律顾问一名。');
    const source = join(app.work, '来稿.txt');
    writeFileSync(source, ['清水镇2025年法治政府建设情况报告', '一、主要举措', '开展普法宣传十次。'].join('\n'));
    app.standIn.dialogs.importDocument = source;
    await menu(p, '导入 Word 或文本文件…');
    await question.getByRole('button', { name: '不保存' }).click();
    await p.getByRole('dialog', { name: '核对导入结果' }).waitFor();
  });

  it('历史版本 takes the focus, keeps Tab inside, closes on Escape and gives the focus back', async () => {
    const p = await newReport('柳河镇');
    await menu(p, '历史版本…');
    const dialog = p.getByRole('dialog', { name: '历史版本' });
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    for (let i = 0; i < 6; i++) {
      await p.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await p.keyboard.press('Shift+Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await p.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // The menu item closed with its menu: the focus goes back to the menu it came from.
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('文件');
  });

  it('at 1093×614 the preview page fits its column and the import dialog’s buttons stay in sight', async () => {
    const small = { width: 1093, height: 614 };
    const parts = Array.from({ length: 14 }, (_, i) =>
      [`${'一二三四五六七八九十'[i % 10]}、第${i + 1}项工作`, `完成第${i + 1}项工作任务。`].join('\n'),
    );
    const p = await open(small);
    const path = join(app.work, '长稿.txt');
    writeFileSync(path, ['青石镇2025年法治政府建设情况报告', ...parts].join('\n'));
    app.standIn.dialogs.importDocument = path;
    await p.getByRole('button', { name: /^导入/ }).first().click();
    const dialog = p.getByRole('dialog', { name: '核对导入结果' });
    await dialog.waitFor();
    const box = (await dialog.boundingBox())!;
    for (const name of ['开始编辑', '取消']) {
      const button = (await dialog.getByRole('button', { name }).boundingBox())!;
      expect(button.y + button.height, name).toBeLessThanOrEqual(Math.min(box.y + box.height, small.height));
    }
    await dialog.getByRole('button', { name: '开始编辑' }).click();
    await p.getByRole('button', { name: '打印预览' }).click();
    const column = (await p.locator('.document-preview').boundingBox())!;
    const sheet = (await p.locator('.pv-page').first().boundingBox())!;
    expect(sheet.x).toBeGreaterThanOrEqual(column.x);
    expect(sheet.x + sheet.width).toBeLessThanOrEqual(column.x + column.width);
    expect(sheet.width).toBeGreaterThan(column.width / 2);
    // Printing is never scaled: the page keeps its A4 width in print.
    await p.emulateMedia({ media: 'print' });
    expect(
      await p
        .locator('.pv-page')
        .first()
        .evaluate((e) => getComputedStyle(e).zoom),
    ).toBe('1');
  });

  it('the PDF font warning says the PDF carries this computer’s fonts, not that another computer shows it right', async () => {
    const p = await newReport('石门镇');
    await p.getByText('版式设置').click();
    await p.getByRole('group', { name: '版式设置' }).getByLabel('字体').selectOption('gb2312');
    await p.getByRole('button', { name: '导出 PDF' }).click();
    const fonts = p.getByRole('dialog', { name: '缺少字体' });
    const text = await fonts.textContent();
    expect(text).not.toContain('在装有这些字体的电脑上打开则显示正常');
    expect(text).toContain('请先在本机安装这些字体，再重新导出 PDF');
    await fonts.getByRole('button', { name: '取消' }).click();
    expect(existsSync(join(app.work, 'x.pdf'))).toBe(false);
  });

  const LONG_HEADING =
    '坚持以法治思想为引领，全面落实党政主要负责人履行推进法治建设第一责任人职责，着力提升基层依法行政能力和水平的主要做法及成效';
  const longReport = [
    '青石镇人民政府关于2025年度法治政府建设情况的报告',
    `一、${LONG_HEADING}`,
    '全年召开专题会议四次。',
    '修订镇级议事规则一项。',
    '二、存在的不足和原因',
    '执法人员偏少。',
  ];
  const focused = (p: Page) =>
    p.evaluate(() => {
      const a = document.activeElement as HTMLTextAreaElement | null;
      return a?.classList.contains('heading-input')
        ? { field: 'heading', at: a.selectionStart, of: a.value.length }
        : { field: a?.isContentEditable ? 'text' : (a?.tagName ?? ''), at: getSelection()?.anchorOffset ?? -1, of: 0 };
    });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1093, height: 614 },
  ])
    it(`shows a ${LONG_HEADING.length}-character heading whole at ${viewport.width}×${viewport.height}, wrapped`, async () => {
      const p = await importText('长标题.txt', longReport, viewport);
      const field = p.locator('.doc-heading .heading-input').first();
      expect(await field.inputValue()).toBe(LONG_HEADING);
      const size = await field.evaluate((e) => ({
        sw: e.scrollWidth,
        cw: e.clientWidth,
        sh: e.scrollHeight,
        ch: e.clientHeight,
        lines: Math.round(e.clientHeight / parseFloat(getComputedStyle(e).lineHeight)),
      }));
      expect(size.sw).toBeLessThanOrEqual(size.cw);
      expect(size.sh).toBeLessThanOrEqual(size.ch + 1);
      expect(size.lines).toBeGreaterThan(1);
      // The heading's last line does not run under the part's text.
      const headingBox = (await field.boundingBox())!;
      const textBox = (await p.locator('[data-section-editor] > *').first().boundingBox())!;
      expect(headingBox.y + headingBox.height).toBeLessThanOrEqual(textBox.y + 1);
    });

  it('find and replace reach the title and part headings; typing shows the first match; 替换 replaces it', async () => {
    const p = await importText('查找.txt', [
      '垫河县青石镇2025年度法治政府建设情况的报告',
      '一、垫河县青石镇推进法治建设的主要举措',
      '全镇开展法治宣传十二场。',
      '二、存在的不足和原因',
      '法治队伍力量不足。',
      '三、垫河县青石镇下一年度工作安排',
      '继续开展法治宣传。',
    ]);
    await p.keyboard.press('Control+H');
    const bar = p.getByRole('search', { name: '查找和替换' });
    await bar.getByLabel('查找内容').fill('垫河县');
    // Found at once in the title and both headings, the first shown (highlighted) without pressing ↓.
    await expect.poll(() => bar.locator('.find-count').textContent()).toBe('第 1 / 3 处');
    expect(
      await p.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('find-current')),
    ).toBe(true);
    await bar.getByLabel('替换为').fill('垫江县');
    const replace = bar.getByRole('button', { name: '替换', exact: true });
    expect(await replace.isEnabled()).toBe(true);
    await replace.click();
    await expect.poll(() => bar.locator('.find-count').textContent()).toBe('第 1 / 2 处');
    expect(await p.locator('#meta-title').inputValue()).toContain('垫江县青石镇');
    // The next match, in heading 一: marked while the focus stays in the bar, replaced behind its fixed number.
    expect(await p.locator('.find-current-field').count()).toBe(1);
    await replace.click();
    await expect.poll(() => bar.locator('.find-count').textContent()).toBe('第 1 / 1 处');
    await replace.click();
    await expect.poll(() => bar.locator('.find-count').textContent()).toBe('没有找到');
    const headings = await p
      .locator('.doc-heading')
      .evaluateAll((hs) =>
        hs.map((h) => h.querySelector('.heading-number')!.textContent! + h.querySelector('textarea')!.value),
      );
    expect(headings).toEqual([
      '一、垫江县青石镇推进法治建设的主要举措',
      '二、存在的不足和原因',
      '三、垫江县青石镇下一年度工作安排',
    ]);
    // A heading's number is never found.
    await bar.getByLabel('查找内容').fill('三、');
    await expect.poll(() => bar.locator('.find-count').textContent()).toBe('没有找到');
    // 法治: the body's three and the two headings'.
    await bar.getByLabel('查找内容').fill('法治');
    await expect.poll(() => bar.locator('.find-count').textContent()).toBe('第 1 / 5 处');
    await p.keyboard.press('Escape');
    // Ctrl+F with words selected in the text searches for them.
    await p.locator('[data-section-editor] > *').filter({ hasText: '法治队伍力量不足' }).click();
    await p.keyboard.press('Home');
    await p.keyboard.press('Shift+ArrowRight');
    await p.keyboard.press('Shift+ArrowRight');
    await p.keyboard.press('Control+F');
    expect(await bar.getByLabel('查找内容').inputValue()).toBe('法治');
    await expect.poll(() => bar.locator('.find-count').textContent()).toBe('第 1 / 5 处');
  });

  it('Enter and ↓ in a heading go to the start of its text; ↑ on the first line goes back; no line break is typed', async () => {
    const p = await importText('键盘.txt', longReport);
    const field = p.locator('.doc-heading .heading-input').first();
    await field.click();
    await p.keyboard.press('End');
    await p.keyboard.press('Control+End');
    await p.keyboard.press('Enter');
    expect(await focused(p)).toEqual({ field: 'text', at: 0, of: 0 });
    await p.keyboard.type('甲');
    expect(await field.inputValue()).toBe(LONG_HEADING);
    expect((await p.locator('[data-section-editor] > *').allTextContents()).join('|')).toContain(
      '甲全年召开专题会议四次。',
    );
    // ↑ from the text's first line: back in the heading, at its end.
    await p.keyboard.press('ArrowUp');
    expect(await focused(p)).toEqual({ field: 'heading', at: LONG_HEADING.length, of: LONG_HEADING.length });
    // ↓ at the heading's end: the start of the text again.
    await p.keyboard.press('ArrowDown');
    expect(await focused(p)).toEqual({ field: 'text', at: 0, of: 0 });
    // An IME's Enter picks a candidate: it never leaves the heading.
    await field.focus();
    await field.dispatchEvent('keydown', { key: 'Enter', keyCode: 229, isComposing: true });
    expect((await focused(p)).field).toBe('heading');
    expect(await field.inputValue()).toBe(LONG_HEADING);
  });
});
