/**
 * Nothing private leaves through an export: a clerk with a mobile number in the text presses 导出 Word (and
 * 导出 PDF, 打印…), is told why with 查看, which takes the caret to the number; deletes it; and the export goes
 * out. A county that turned the rule off in its profile (it publishes its offices' numbers) is not refused.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importProfile, MAIN_WORK, useApp } from './support/app';
import { CARET_SECTION } from './support/chromium';
import { newReport, startReport } from './support/report';

describe('导出 holds back a phone number', () => {
  const app = useApp({ folder: '隐私 导出-' });
  const blocks = (p: Page, section: string) => p.locator(`[data-section-editor="${section}"] > *`);
  const bar = (p: Page) => p.getByRole('alert');
  // This machine lacks the 公文 fonts (as the other browser tests expect): the app asks once per kind of export.
  const acceptFonts = (p: Page) =>
    p.getByRole('dialog', { name: '缺少字体' }).getByRole('button', { name: '仍然导出' }).click();

  it('says why, 查看 shows the number, and once it is deleted the Word file is written without it', async () => {
    const p = await newReport(app, { unit: '石桥镇' });
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('全年开展法治培训8场次，群众可拨打13912345678咨询法律问题。');
    const docx = join(app.work, '石桥镇.docx');
    const pdf = join(app.work, '石桥镇.pdf');
    app.standIn.dialogs.exportDocx = docx;
    app.standIn.dialogs.exportPdf = pdf;
    let printed = 0;
    app.standIn.printToPdf.current = async () => (printed++, new TextEncoder().encode('%PDF-1.4'));

    await p.getByRole('button', { name: '导出 Word' }).click();
    await acceptFonts(p);
    await expect
      .poll(() => bar(p).textContent(), MAIN_WORK)
      .toContain('还有 1 处电话号码或身份证号码，不能导出 Word 文件。请先按检查结果删去。');
    expect(existsSync(docx)).toBe(false);
    // The text is untouched.
    expect(await blocks(p, 'measures').nth(1).textContent()).toContain('13912345678');

    // 导出 PDF shows the preview first; refused, 查看 goes back to the text and selects the number.
    await p.getByRole('button', { name: '导出 PDF' }).click();
    await acceptFonts(p);
    await expect.poll(() => bar(p).textContent(), MAIN_WORK).toContain('不能导出 PDF');
    expect(printed).toBe(0);
    expect(existsSync(pdf)).toBe(false);
    await bar(p).getByRole('button', { name: '查看' }).click();
    await expect.poll(() => p.locator('.document').isVisible()).toBe(true);
    await expect.poll(() => p.evaluate<string>('getSelection().toString()')).toBe('13912345678');
    expect(await p.evaluate<string | undefined>(CARET_SECTION)).toBe('measures');

    await p.keyboard.press('Backspace');
    await expect
      .poll(() => blocks(p, 'measures').nth(1).textContent())
      .toBe('全年开展法治培训8场次，群众可拨打咨询法律问题。');
    await p.getByRole('button', { name: '导出 Word' }).click();
    await expect.poll(() => existsSync(docx), MAIN_WORK).toBe(true);
    await expect.poll(() => p.getByRole('status').filter({ hasText: '已导出 Word 文件' }).count()).toBe(1);
    const text = (await mammoth.extractRawText({ path: docx })).value;
    expect(text).toContain('群众可拨打咨询法律问题');
    expect(text).not.toContain('13912345678');
  });

  it("exports a report that gives an office's 举报电话 without asking anything of it", async () => {
    const p = await newReport(app, { unit: '石桥镇' });
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('公布举报电话0871-1234567，接受群众监督。');
    const docx = join(app.work, '举报电话.docx');
    app.standIn.dialogs.exportDocx = docx;
    await p.getByRole('button', { name: '导出 Word' }).click();
    await acceptFonts(p);
    await expect.poll(() => existsSync(docx), MAIN_WORK).toBe(true);
    expect((await mammoth.extractRawText({ path: docx })).value).toContain('0871-1234567');
  });

  it('refuses 打印… as 导出 PDF: the print dialog never opens, 查看 shows the number, and once it is deleted it prints', async () => {
    const p = await newReport(app, { unit: '石桥镇' });
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('设立法律服务热线，值班手机15823456789全天接听。');
    // 打印… of the 文件 menu: the preview is shown, then main is asked, and refuses before the dialog opens.
    await p.evaluate(`window.__menu('print')`);
    await expect
      .poll(() => bar(p).textContent(), MAIN_WORK)
      .toContain('还有 1 处电话号码或身份证号码，不能打印。请先按检查结果删去。');
    expect(app.standIn.printed.count).toBe(0);
    await bar(p).getByRole('button', { name: '查看' }).click();
    await expect.poll(() => p.locator('.document').isVisible()).toBe(true);
    await expect.poll(() => p.evaluate<string>('getSelection().toString()')).toBe('15823456789');
    expect(await p.evaluate<string | undefined>(CARET_SECTION)).toBe('measures');

    await p.keyboard.press('Backspace');
    await expect.poll(() => blocks(p, 'measures').nth(1).textContent()).toBe('设立法律服务热线，值班手机全天接听。');
    // The preview toolbar's 打印… now opens the system's dialog.
    await p.keyboard.press('Control+p');
    await p.locator('.pv-page').first().waitFor();
    await p.getByRole('toolbar').getByRole('button', { name: '打印…' }).first().click();
    await expect.poll(() => app.standIn.printed.count, MAIN_WORK).toBe(1);
    // The page clears the refusal when main's answer arrives, a moment after the stand-in counted the print.
    await expect.poll(() => bar(p).count(), MAIN_WORK).toBe(0);
  });

  it('prints and exports the number where the county turned 电话号码 off in its profile', async () => {
    await app.open();
    await importProfile(app, { 审核单位: '青山县司法局', 关闭规则: ['privacy.phone'] });
    const p = await startReport(app.page, { unit: '石桥镇' });
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('镇综治中心值班电话0731-84561234，接受群众咨询。');
    await p.evaluate(`window.__menu('print')`);
    await expect.poll(() => app.standIn.printed.count, MAIN_WORK).toBe(1);
    const docx = join(app.work, '青山县.docx');
    app.standIn.dialogs.exportDocx = docx;
    await p.keyboard.press('Escape');
    await p.getByRole('button', { name: '导出 Word' }).click();
    await acceptFonts(p);
    await expect.poll(() => existsSync(docx), MAIN_WORK).toBe(true);
    expect((await mammoth.extractRawText({ path: docx })).value).toContain('0731-84561234');
  });
});
