/**
 * The renderer for real, in Debian's Chromium: a clerk creates a 2025 township report, types Chinese into
 * two sections (one word through a real IME composition), saves, reloads, reopens, and exports a .docx
 * whose text holds what was typed, in order, under the right headings. Each test starts from a fresh window
 * (its own browser context) over a fresh stand-in with its own user-data folder, and writes what it needs
 * itself, so any one passes alone (-t) and in any order; Chromium is started once per file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, expect, it } from 'vitest';
import { describeNeeding } from '../support/needs';
import { MAIN_WORK, useApp } from './support/app';
import { startReport } from './support/report';
import { ime } from './support/ime';
import { CARET_SECTION, ROOT } from './support/chromium';

const screenshots = join(ROOT, 'test-output/screenshots');

describeNeeding(['chromium', 'cjk-fonts'], 'the editor in Chromium', () => {
  // The app asks in its own dialogs (Electron implements no window.prompt): a browser dialog would be a bug, so any is recorded.
  const app = useApp({
    folder: '浏览器 测试-',
    viewport: { width: 1440, height: 900 },
    openFirst: true,
    browserDialogs: 'accept',
  });
  beforeAll(() => mkdirSync(screenshots, { recursive: true }));

  /** A new 2025 report of 青石镇 from the township template. */
  async function newReport(): Promise<void> {
    await startReport(app.page, { unit: '青石镇' });
  }

  const MEASURES = '全年开展法治培训10场次。法治';
  const SHORTCOMINGS = '基层法治力量不足，主要原因是专职人员少。';
  const PLANS = ['2026年重点抓好三项工作：', '一是深化综合行政执法改革。', '二是推进公正文明执法。'];

  /** A new report with text typed into three parts, unsaved: where a clerk is after a while of writing. */
  async function writtenReport(): Promise<void> {
    await newReport();
    await blocks('measures').nth(1).click();
    await app.page.keyboard.insertText(MEASURES);
    await blocks('shortcomings').first().click();
    await app.page.keyboard.insertText(SHORTCOMINGS);
    await blocks('plans').first().click();
    for (const [i, line] of PLANS.entries()) {
      if (i) await app.page.keyboard.press('Enter');
      await app.page.keyboard.insertText(line);
    }
    await expect.poll(() => blocks('plans').allTextContents()).toEqual(PLANS);
  }

  const editor = (section: string) => app.page.locator(`[data-section-editor="${section}"]`);
  /** Part headings as printed: the fixed number and the wording in its field. */
  const headings = () =>
    app.page
      .locator('.doc-heading')
      .evaluateAll((items) =>
        items.map(
          (h) =>
            (h.querySelector('.heading-number')?.textContent ?? '') +
            ((h.querySelector('.heading-input') as unknown as { value: string } | null)?.value ?? h.textContent),
        ),
      );
  const blocks = (section: string) => editor(section).locator(':scope > *');

  it('creates a 2025 township report from the template', async () => {
    await app.page.screenshot({ path: join(screenshots, '1-start.png') });
    await app.page.getByLabel('单位名称').fill('青石镇');
    await app.page.getByLabel('报告年度').fill('2025');
    await app.page.getByRole('button', { name: '开始写报告' }).click();
    await expect
      .poll(() => headings())
      .toEqual([
        '一、主要举措和成效',
        '二、党政主要负责人履行推进法治建设第一责任人职责情况',
        '三、存在的不足和原因',
        '四、下一年度主要安排',
        '五、其他需要报告的情况',
      ]);
    expect(await app.page.locator('.doc-title').textContent()).toBe('青石镇关于2025年度法治政府建设情况的报告');
    expect(await app.page.locator('.ready').textContent()).toContain('还不能提交');
  });

  it('types Chinese, and an IME composition confirmed with Enter neither splits the paragraph nor doubles the word', async () => {
    await newReport();
    await blocks('measures').nth(1).click();
    await app.page.keyboard.insertText('全年开展法治培训10场次。');
    await app.page.waitForTimeout(1200); // a new undo step for the composed word
    const before = await blocks('measures').count();
    const input = await ime(app.page);
    await input.compose('f');
    await input.compose('fazhi');
    await input.compose('法治');
    // The Enter that confirms the candidate arrives as keyCode 229 while composing.
    await input.keyWhileComposing('Enter');
    await input.commit('法治');
    await input.releaseEnter();
    await expect.poll(() => blocks('measures').nth(1).textContent()).toBe('全年开展法治培训10场次。法治');
    expect(await blocks('measures').count()).toBe(before);

    await app.page.keyboard.press('Control+z');
    await expect.poll(() => blocks('measures').nth(1).textContent()).toBe('全年开展法治培训10场次。');
    await app.page.keyboard.press('Control+y');
    await expect.poll(() => blocks('measures').nth(1).textContent()).toBe('全年开展法治培训10场次。法治');

    await blocks('shortcomings').first().click();
    await app.page.keyboard.insertText('基层法治力量不足，主要原因是专职人员少。');
    await expect.poll(() => app.page.locator('.outline .ok').allTextContents()).toContain('✓三、存在的不足和原因');
    // The figure typed in the prose shows beside its form field.
    await expect
      .poll(() => app.page.locator('.indicators tr', { hasText: '法治培训' }).textContent())
      .toContain('正文：10');
    await app.page.screenshot({ path: join(screenshots, '2-editor.png') });
  });

  it('keeps template headings: Backspace at the start of a section does not delete its heading', async () => {
    await newReport();
    await blocks('shortcomings').first().click();
    await app.page.keyboard.insertText(SHORTCOMINGS);
    // Put the caret before the first character through the DOM, as a mouse click there would.
    await app.page.evaluate(`(() => {
      const p = document.querySelector('[data-section-editor="shortcomings"] > *');
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const text = walker.nextNode();
      const range = document.createRange();
      range.setStart(text, 0);
      range.collapse(true);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    })()`);
    await app.page.waitForTimeout(100);
    await app.page.keyboard.press('Backspace');
    await app.page.keyboard.press('Backspace');
    expect((await headings())[2]).toBe('三、存在的不足和原因');
    expect(await blocks('shortcomings').first().textContent()).toBe('基层法治力量不足，主要原因是专职人员少。');
  });

  it('reduces a paste from Word or a web page to plain paragraphs', async () => {
    await newReport();
    await blocks('plans').first().click();
    // What Word puts on the clipboard: styled HTML plus a plain-text copy; a web page may offer HTML only.
    const paste = (html: string, plain: string) =>
      app.page.evaluate(`(() => {
        const data = new DataTransfer();
        data.setData('text/html', ${JSON.stringify(html)});
        if (${JSON.stringify(plain)}) data.setData('text/plain', ${JSON.stringify(plain)});
        const target = document.querySelector('[data-section-editor="plans"]');
        target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      })()`);
    await paste(
      '<p class="MsoNormal" style="font-family:黑体"><b>2026年</b>重点抓好三项工作：</p><p class="MsoNormal">一是深化<span style="color:red">综合行政执法</span>改革。</p>',
      '2026年重点抓好三项工作：\r\n\r\n一是深化综合行政执法改革。\r\n',
    );
    await app.page.keyboard.press('Enter');
    await paste('<div>二是推进<b>公正文明</b>执法。</div>', '');
    await expect
      .poll(() => blocks('plans').allTextContents())
      .toEqual(['2026年重点抓好三项工作：', '一是深化综合行政执法改革。', '二是推进公正文明执法。']);
    const markup = await editor('plans').innerHTML();
    expect(markup).not.toMatch(/<(b|strong|i|em|span style)|黑体|color/);
  });

  it('检查 in the toolbar tells whether the report can be handed in, and shows the findings', async () => {
    await writtenReport();
    const check = app.page.getByRole('toolbar').getByRole('button', { name: /^检查/ });
    // The button and the panel tell the same check: read together (the check after the last line may land
    // between two reads).
    const errors = () => app.page.locator('.finding-error li').count();
    await expect
      .poll(async () => {
        const count = await errors();
        return count > 0 && (await check.textContent()) === `检查：还有 ${count} 个错误`;
      })
      .toBe(true);
    // At this window size the status sits below the metadata and figures forms, out of sight.
    const shown =
      "(() => { const r = document.querySelector('.findings .ready').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()";
    await app.page.evaluate("document.querySelector('.side').scrollTop = 0");
    expect(await app.page.evaluate<boolean>(shown)).toBe(false);
    await check.click();
    await expect.poll(() => app.page.evaluate<boolean>(shown)).toBe(true);
    // The app menu's 检查 does the same, and the caret stays in the text.
    await blocks('plans').first().click();
    await app.page.evaluate("document.querySelector('.side').scrollTop = 0; window.__menu('check')");
    await expect.poll(() => app.page.evaluate<boolean>(shown)).toBe(true);
    // One editor holds every part now: the caret is in it, in part 四.
    expect(await app.page.evaluate<boolean>("document.activeElement?.getAttribute('contenteditable') === 'true'")).toBe(
      true,
    );
    expect(
      await app.page.evaluate<string | undefined>(
        "getSelection().anchorNode?.parentElement?.closest('[data-section-editor]')?.getAttribute('data-section-editor')",
      ),
    ).toBe('plans');
  });

  it('after a crash, offers the unsaved text back on the next start', async () => {
    await writtenReport();
    // The journal is written a second after the last change: the next start reads it once, so wait for the file
    // (on a busy machine the write may take longer than the second).
    const journals = join(app.work, 'userData', 'journal');
    await expect
      .poll(
        () =>
          existsSync(journals) &&
          readdirSync(journals).some((n) => readFileSync(join(journals, n), 'utf8').includes(SHORTCOMINGS)),
        { timeout: 10_000 },
      )
      .toBe(true);
    const crashed = await app.open();
    const banner = crashed.getByRole('alert', { name: '恢复未保存的内容' });
    await expect.poll(() => banner.textContent()).toContain('未保存的报告');
    await crashed.screenshot({ path: join(screenshots, '4-recovery.png') });
    await banner.getByRole('button', { name: '恢复' }).click();
    await expect
      .poll(() => crashed.locator('[data-section-editor="shortcomings"]').textContent())
      .toBe('基层法治力量不足，主要原因是专职人员少。');
    await crashed.close();
  });

  it('a save that fails says so in Chinese, and keeps the text and the unsaved mark', async () => {
    await writtenReport();
    app.standIn.dialogs.saveReport = join(app.work, '不存在的文件夹', '青石镇2025.nianbao');
    await app.page.getByRole('toolbar').getByRole('button', { name: '保存', exact: true }).click();
    const bar = app.page.locator('.message-error');
    await expect.poll(() => bar.textContent()).toContain('保存');
    // Plain Chinese for the clerk, not a system error code.
    expect(await bar.textContent()).not.toMatch(/ENOENT|EACCES|Error/);
    expect(await app.page.title()).toMatch(/ \*$/);
    expect(await blocks('shortcomings').first().textContent()).toBe('基层法治力量不足，主要原因是专职人员少。');
    await bar.getByRole('button', { name: '关闭提示' }).click();
  });

  it('saves with Ctrl+S, and the text is there again after a reload', async () => {
    await writtenReport();
    const path = join(app.work, '青石镇2025.nianbao');
    app.standIn.dialogs.saveReport = path;
    await app.page.keyboard.press('Control+s');
    await expect.poll(() => existsSync(path), MAIN_WORK).toBe(true);
    await expect.poll(() => app.page.title()).toBe('法治年报助手 — 青石镇2025.nianbao');
    expect(readFileSync(path, 'utf8')).toContain('全年开展法治培训10场次。法治');

    await app.page.reload();
    app.standIn.dialogs.openReport = path;
    await app.page.getByRole('button', { name: '打开本软件保存的报告…' }).click();
    await expect.poll(() => blocks('measures').nth(1).textContent()).toBe('全年开展法治培训10场次。法治');
    expect(await blocks('shortcomings').first().textContent()).toBe('基层法治力量不足，主要原因是专职人员少。');
  });

  it('text typed while a slow save waits (antivirus holds the file) stays unsaved, journaled, and is saved next time', async () => {
    await writtenReport();
    const path = join(app.work, '青石镇2025.nianbao');
    app.standIn.dialogs.saveReport = path;
    await app.page.keyboard.press('Control+s');
    await expect.poll(() => app.page.title()).toBe('法治年报助手 — 青石镇2025.nianbao');
    const journals = join(app.work, 'userData', 'journal');
    app.standIn.busyUntil.current = Date.now() + 1200;
    await app.page.keyboard.press('Control+s');
    await blocks('shortcomings').first().click();
    await app.page.keyboard.press('End');
    await app.page.keyboard.insertText('又补一句。');
    await expect
      .poll(
        () =>
          app.page
            .locator('.message')
            .first()
            .textContent({ timeout: 1000 })
            .catch(() => ''),
        { timeout: 15_000 },
      )
      .toContain('保存期间的修改还没有保存');
    expect(await app.page.title()).toMatch(/ \*$/);
    expect(readFileSync(path, 'utf8')).not.toContain('又补一句。');
    // The journal holding it is there (written within the maximum wait), not deleted by the save.
    await expect
      .poll(
        () =>
          existsSync(journals)
            ? readdirSync(journals).some((n) => readFileSync(join(journals, n), 'utf8').includes('又补一句。'))
            : false,
        { timeout: 10_000 },
      )
      .toBe(true);
    for (let i = 0; i < 5; i++) await app.page.keyboard.press('Backspace');
    await app.page.keyboard.press('Control+s');
    await expect.poll(() => app.page.title()).toBe('法治年报助手 — 青石镇2025.nianbao');
    expect(readFileSync(path, 'utf8')).not.toContain('又补一句。');
  });

  it('exports a .docx with the typed text, in order, under the right headings', async () => {
    await writtenReport();
    const path = join(app.work, '导出.docx');
    app.standIn.dialogs.exportDocx = path;
    await app.page.getByRole('button', { name: '导出 Word' }).click();
    // Debian has none of the Windows 公文 fonts: the clerk is told before the file is written, in the app's own dialog.
    const fonts = app.page.getByRole('dialog', { name: '缺少字体' });
    await expect.poll(() => fonts.textContent()).toContain('仿宋');
    expect(existsSync(path)).toBe(false);
    await fonts.getByRole('button', { name: '仍然导出' }).click();
    await expect.poll(() => existsSync(path), MAIN_WORK).toBe(true);
    expect(app.browserDialogs).toEqual([]);
    // The title is set on balanced lines, so compare without line breaks.
    const value = (await mammoth.extractRawText({ path })).value.replace(/\s+/g, '');
    const order = [
      '青石镇关于2025年度法治政府建设情况的报告',
      '一、主要举措和成效',
      '全年开展法治培训10场次。法治',
      '三、存在的不足和原因',
      '基层法治力量不足，主要原因是专职人员少。',
      '四、下一年度主要安排',
      '一是深化综合行政执法改革。',
      '五、其他需要报告的情况',
    ];
    const positions = order.map((text) => value.indexOf(text));
    expect(
      positions.filter((p) => p < 0),
      value,
    ).toEqual([]);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('lists what is missing and jumps to it when clicked', async () => {
    await writtenReport();
    const finding = app.page.locator('.finding-error .finding-text', { hasText: '第一责任人' }).first();
    await expect.poll(() => finding.textContent()).toContain('第一责任人');
    await finding.click();
    await app.page.screenshot({ path: join(screenshots, '3-findings.png') });
    // A string expression: this file is typed for Node, the expression runs in the page.
    const focused = await app.page.evaluate<string | undefined>(CARET_SECTION);
    expect(focused).toBe('leadership');
  });

  it('fixes a zero-padded date in one click, and remembers a finding the clerk ignores', async () => {
    await writtenReport();
    await app.page.locator('#meta-date').fill('2026年01月15日');
    const fix = app.page.getByRole('button', { name: '改为“2026年1月15日”' });
    await fix.click();
    await expect.poll(() => app.page.locator('#meta-date').inputValue()).toBe('2026年1月15日');
    await expect.poll(() => app.page.locator('.finding-text', { hasText: '2026年01月15日' }).count()).toBe(0);
    const before = await app.page.locator('section.finding-group > ul > li').count();
    await app.page.locator('.finding-warning li').first().getByRole('button', { name: '忽略' }).click();
    await expect.poll(() => app.page.locator('.findings details summary').textContent()).toBe('已忽略（1）');
    expect(await app.page.locator('section.finding-group > ul > li').count()).toBeLessThan(before);
  });

  it('previews the pages and prints them to a PDF of 22 lines a page, page for page', async () => {
    await writtenReport();
    const fixture = join(ROOT, '../shared/fixtures/reports/001_f6cbd3b905036bb2.txt');
    if (existsSync(fixture)) {
      // A long real report, imported through the app; its 撰稿人 line's mobile number taken out first (in this
      // test's folder), since a report with one is not exported (privateExport.test.ts).
      const copy = join(app.work, '长报告.txt');
      writeFileSync(copy, readFileSync(fixture, 'utf8').replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, ''));
      app.standIn.dialogs.importDocument = copy;
      await app.page.getByText('文件', { exact: true }).click();
      await app.page.getByRole('button', { name: '导入 Word 或文本文件…' }).click();
      // The report in the window has unsaved changes: the app asks first.
      await app.page.getByRole('dialog', { name: '保存修改' }).getByRole('button', { name: '不保存' }).click();
      await app.page.getByRole('button', { name: '开始编辑' }).click();
    }
    await app.page.getByRole('button', { name: '打印预览' }).click();
    const pages = await app.page.locator('.pv-page').count();
    expect(await app.page.locator('.preview-summary').textContent()).toContain(`共 ${pages} 页`);
    await app.page.screenshot({ path: join(screenshots, '6-preview.png') });
    const pdf = join(app.work, '报告.pdf');
    app.standIn.dialogs.exportPdf = pdf;
    app.standIn.printToPdf.current = async () =>
      new Uint8Array(await app.page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await app.page.getByRole('button', { name: '导出 PDF' }).click();
    // A fresh window has not yet been told about this machine's missing fonts: it asks first, as for Word.
    await app.page.getByRole('dialog', { name: '缺少字体' }).getByRole('button', { name: '仍然导出' }).click();
    // Printing seven pages takes a few seconds on a busy two-core machine.
    await expect.poll(() => existsSync(pdf), { timeout: 30_000 }).toBe(true);
    if (spawnSync('which', ['pdftotext']).status !== 0) return;
    // Lines by their position on the page (text order in a Chromium PDF is not reading order).
    const bbox = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
    const printed = bbox
      .split('<page')
      .slice(1)
      .map((p) => {
        const words = [...p.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
          y: Number(m[1]),
          text: m[2]!,
        }));
        const rows: Array<{ y: number; text: string }> = [];
        for (const w of words.sort((a, b) => a.y - b.y)) {
          const row = rows.find((r) => Math.abs(r.y - w.y) < 8);
          if (row) row.text += w.text;
          else rows.push({ ...w });
        }
        return rows.filter((r) => !/^—\d+—$/.test(r.text));
      });
    expect(printed).toHaveLength(pages);
    for (const rows of printed.slice(1, -1)) expect(rows).toHaveLength(22);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f');
    expect(text[0]).toMatch(/—\s*1\s*—/);
    await app.page.getByRole('button', { name: '返回编辑' }).click();
  });

  it('keeps a version every five minutes of editing, to compare and restore in 历史版本', async () => {
    await app.page.close();
    const other = await app.open({ goto: false });
    await other.clock.install();
    await other.goto(app.standIn.url);
    await other.getByLabel('单位名称').fill('白沙镇');
    await other.getByRole('button', { name: '开始写报告' }).click();
    await other.locator('[data-section-editor="shortcomings"] > *').first().click();
    await other.keyboard.insertText('第一稿：人员不足。');
    await other.clock.runFor(5 * 60 * 1000 + 1000);
    await other.keyboard.insertText('第二稿补充。');
    await other.getByText('文件', { exact: true }).click();
    await other.getByRole('button', { name: '历史版本…' }).click();
    const dialog = other.getByRole('dialog', { name: '历史版本' });
    await expect.poll(() => dialog.locator('.history-list li').count()).toBe(1);
    expect(await dialog.locator('.diff-added').first().textContent()).toContain('第一稿：人员不足。第二稿补充。');
    await other.screenshot({ path: join(screenshots, '7-history.png') });
    await dialog.getByRole('button', { name: '恢复到这个版本' }).click();
    await expect
      .poll(() => other.locator('[data-section-editor="shortcomings"]').textContent())
      .toBe('第一稿：人员不足。');
  });

  it('drafts this year’s report from last year’s file, with last year’s plans to answer', async () => {
    const lastYear = join(app.work, '青石镇2024.txt');
    writeFileSync(
      lastYear,
      [
        '青石镇关于2024年度法治政府建设情况的报告',
        '一、主要举措和成效',
        '全年开展法治培训6场次。',
        '二、存在的不足和原因',
        '人员少，主要原因是编制不足。',
        '三、2025年工作安排',
        '（一）开展法治培训。',
        '（二）完善合法性审查。',
      ].join('\n'),
    );
    app.standIn.dialogs.importDocument = lastYear;
    await app.page.getByRole('button', { name: '用去年的报告起草今年的…' }).click();
    // The dialog says what is happening: this year's report drafted from last year's file, not an import.
    const dialog = app.page.getByRole('dialog', { name: '用去年的报告起草2025年度报告' });
    expect(await dialog.locator('h2').textContent()).toBe('用去年的报告起草2025年度报告：青石镇2024.txt');
    await dialog.getByRole('button', { name: '开始编辑' }).click();
    await expect.poll(() => app.page.locator('.doc-title').textContent()).toContain('2025年度');
    const measures = (
      await app.page.locator('section[data-part="measures"] [data-section-editor]').allTextContents()
    ).join('');
    expect(measures).toContain('2025年计划：开展法治培训。');
    expect(measures).not.toContain('全年开展法治培训6场次');
    await expect.poll(() => app.page.locator('.findings').textContent()).toContain('去年的报告为今年安排了');
    // The draft's own words draw no "“去年”没有写明时间".
    expect(await app.page.locator('.findings').textContent()).not.toContain('“去年”');
  });

  it('checks a folder of reports in 批量检查 and exports the table', async () => {
    const folder = join(app.work, '各镇报告');
    mkdirSync(folder);
    writeFileSync(
      join(folder, '白沙镇.txt'),
      [
        '白沙镇关于2025年度法治政府建设情况的报告',
        '一、主要举措和成效',
        '排查矛盾纠纷30件，化解30件。',
        '二、存在的不足和原因',
        '人员少。',
      ].join('\n'),
    );
    writeFileSync(join(folder, '坏文件.docx'), 'not a zip');
    await app.page.getByRole('button', { name: '批量检查一个文件夹的报告…' }).click();
    app.standIn.dialogs.openFolder = folder;
    await app.page.getByRole('button', { name: '选择文件夹…' }).click();
    await expect.poll(() => app.page.locator('.review-table tbody tr').count(), MAIN_WORK).toBe(2);
    expect(await app.page.locator('.review-table').textContent()).toContain('白沙镇');
    expect(await app.page.locator('.review-progress').textContent()).toContain('已检查 2 / 2 份');
    await app.page.screenshot({ path: join(screenshots, '5-review.png') });
    const csv = join(app.work, '结果.csv');
    app.standIn.dialogs.saveTable = csv;
    await app.page.getByRole('button', { name: '导出表格（CSV）…' }).click();
    await expect.poll(() => existsSync(csv), MAIN_WORK).toBe(true);
    expect(readFileSync(csv, 'utf8')).toContain('坏文件.docx');
  });

  it('fits the toolbar on one row of a 1366 × 768 screen; 版式设置 sets the fonts and bold for every export and is remembered', async () => {
    await app.page.close();
    const small = await app.open({ viewport: { width: 1366, height: 768 }, goto: false });
    try {
      await small.goto(app.standIn.url);
      await startReport(small, { unit: '白石镇' });
      await small.getByText('版式设置', { exact: true }).click();
      const panel = small.getByRole('group', { name: '版式设置' });
      await panel.getByLabel('字体').selectOption('gb2312');
      await panel.getByLabel('“1.”标题加粗').check();
      await small.keyboard.press('Escape');
      await expect.poll(() => panel.isVisible()).toBe(false);

      await small.locator('[data-section-editor="measures"] > *').nth(1).click();
      await small.keyboard.insertText('1.严格合法性审查。全年审查合同12份。');
      // With the check's verdict at its widest (“检查：还有 N 个错误”).
      await expect.poll(() => small.locator('.check-status').textContent()).toContain('个错误');
      const toolbar = small.getByRole('toolbar', { name: '工具栏' });
      // Controls on one row share a vertical centre (separators are shorter than buttons).
      const centres = await toolbar
        .locator(':scope > *')
        .evaluateAll((items) =>
          items.map((item) => Math.round(item.getBoundingClientRect().top + item.getBoundingClientRect().height / 2)),
        );
      expect(new Set(centres).size, `toolbar controls centred at ${centres.join(',')}`).toBe(1);

      const path = join(app.work, '版式.docx');
      app.standIn.dialogs.exportDocx = path;
      await small.getByRole('button', { name: '导出 Word' }).click();
      await small.getByRole('dialog', { name: '缺少字体' }).getByRole('button', { name: '仍然导出' }).click();
      await expect.poll(() => existsSync(path), MAIN_WORK).toBe(true);
      const documentXml = await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string');
      const runIn = documentXml.match(/<w:p>(?:(?!<\/w:p>).)*1\.严格合法性审查。(?:(?!<\/w:p>).)*<\/w:p>/s)![0];
      expect(runIn).toContain('w:eastAsia="仿宋_GB2312"');
      expect(runIn).toContain('<w:b/>');

      await small.reload();
      await startReport(small, { unit: '白石镇' });
      await small.getByText('版式设置', { exact: true }).click();
      expect(await panel.getByLabel('字体').inputValue()).toBe('gb2312');
      expect(await panel.getByLabel('“1.”标题加粗').isChecked()).toBe(true);
      await small.screenshot({ path: join(screenshots, '8-layout-settings.png') });
    } finally {
      await small.close();
    }
  });
});
