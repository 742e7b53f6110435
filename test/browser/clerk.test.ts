/**
 * What a clerk runs into first (issue #14), in the built renderer in Chromium: empty sub-headings, figure
 * and year fields, findings that must lead to the text, the 撰稿人 line, part headings, 全部改正, adding a
 * missing part in its place, the missing-font question, the app's own dialogs and a save during typing.
 * Each test starts a fresh window (its own browser context) over a fresh stand-in with its own user-data
 * folder, so any one passes alone and in any order; Chromium is started once per file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { MAIN_WORK, useApp } from './support/app';
import { importLines, newReport as createReport, startReport } from './support/report';
import { CARET_SECTION, ROOT } from './support/chromium';
import { describeNeeding } from '../support/needs';

describeNeeding(['chromium', 'cjk-fonts'], 'the clerk’s editor in Chromium', () => {
  const app = useApp({ folder: '文书 测试-' });
  const open = () => app.open();

  const newReport = (unit = '石桥镇') => createReport(app, { unit });

  const importText = (name: string, lines: string[]) => importLines(app, lines, { name });

  const blocks = (p: Page, section: string) => p.locator(`[data-section-editor="${section}"] > *`);
  const findingTexts = (p: Page) => p.locator('.findings .finding-text').allTextContents();
  /** Is the element (or the page's selection) inside the visible part of the document pane? */
  const selectionShown = (p: Page) =>
    p.evaluate<boolean>(`(() => {
      const range = getSelection().rangeCount ? getSelection().getRangeAt(0) : null;
      const rect = range && range.getBoundingClientRect().height ? range.getBoundingClientRect() : document.activeElement.getBoundingClientRect();
      const pane = document.querySelector('.document').getBoundingClientRect();
      return rect.top >= pane.top && rect.bottom <= pane.bottom;
    })()`);
  /** The part that has the focus: the focused field's, or, in the one document editor, the caret's. */
  const focusedSection = (p: Page) => p.evaluate<string | undefined>(CARET_SECTION);

  it('names a county template that is not valid JSON in the message bar, and the built-in ones still work', async () => {
    mkdirSync(join(app.work, 'userData', 'templates'), { recursive: true });
    writeFileSync(join(app.work, 'userData', 'templates', '东片模板.json'), '{"schemaVersion": 1, "id": "east",');
    const p = await open();
    await expect
      .poll(() => p.locator('.message-error').textContent())
      .toContain('县里的模板“东片模板.json”不是有效的 JSON');
    await startReport(p, { unit: '石桥镇' });
  });

  it('flags the template’s empty sub-headings, is not ready while they remain, and never prints them', async () => {
    const p = await newReport();
    // Text under （一） and （二） only, and in every other part.
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('调整乡镇机构职能，公布权责清单一份。');
    await blocks(p, 'measures').nth(3).click();
    await p.keyboard.insertText('制定规范性文件管理办法，备案审查文件三件。');
    for (const part of ['leadership', 'shortcomings', 'plans', 'other']) {
      await blocks(p, part).first().click();
      await p.keyboard.insertText(
        part === 'shortcomings' ? '执法力量不足，主要原因是编制少。' : '已按要求完成本项工作，情况良好。',
      );
    }
    await expect.poll(() => p.locator('.finding-error').textContent()).toContain('（三）健全行政决策制度体系');
    expect(await p.locator('.findings .ready').textContent()).toContain('还不能提交');
    await p.getByRole('button', { name: '打印预览' }).click();
    const preview = (await p.locator('.pv-page').allTextContents()).join('');
    expect(preview).toContain('（二）健全依法行政制度体系');
    expect(preview).not.toContain('健全行政决策制度体系');
  });

  it('an empty sub-heading is deleted in one click, all of them with 全部改正, and Ctrl+Z brings them back', async () => {
    const p = await newReport();
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('调整乡镇机构职能，公布权责清单一份。');
    await blocks(p, 'measures').nth(3).click();
    await p.keyboard.insertText('制定规范性文件管理办法，备案审查文件三件。');
    const measures = p.locator('[data-section-editor="measures"]');
    const emptyHeading = (title: string) =>
      p.locator('.findings li').filter({ hasText: `小标题“${title}”下面还没有正文` });
    await emptyHeading('（三）健全行政决策制度体系').getByRole('button', { name: '删除这个空小标题' }).click();
    await expect.poll(() => measures.textContent()).not.toContain('健全行政决策制度体系');
    expect(await measures.textContent()).toContain('（四）');
    await p.keyboard.press('Control+z');
    await expect.poll(() => measures.textContent()).toContain('（三）健全行政决策制度体系');
    // The panel of the text as it is now: (三) back and (二), filled above, not listed. An older check's panel
    // (before the second line was typed) also lists (三), and under load it may still be the one shown.
    await expect
      .poll(async () => [
        await emptyHeading('（三）健全行政决策制度体系').count(),
        await emptyHeading('（二）健全依法行政制度体系').count(),
      ])
      .toEqual([1, 0]);
    const count = await p.locator('.findings li').filter({ hasText: '下面还没有正文' }).count();
    expect(count).toBeGreaterThan(1);
    await p.getByRole('button', { name: `全部改正（${count} 处）` }).click();
    await expect.poll(() => findingTexts(p).then((t) => t.filter((m) => m.includes('下面还没有正文')))).toEqual([]);
    // The filled sub-headings and their text stay.
    expect(await measures.textContent()).toContain('（二）健全依法行政制度体系制定规范性文件管理办法');
    expect(await blocks(p, 'measures').count()).toBe(4);
    await p.keyboard.press('Control+z');
    await expect.poll(() => measures.textContent()).toContain('健全行政决策制度体系');
  });

  it('成文日期 suggests a date early in the year after the report’s, and offers today only when it fits', async () => {
    const p = await newReport();
    const thisYear = new Date().getFullYear();
    const dateField = p.locator('#meta-date');
    const today = p.getByRole('button', { name: '今天', exact: true });
    // A report of this year: its year has not ended, so today would be a date the checker rejects.
    await p.getByLabel('报告年度').fill(String(thisYear));
    await expect.poll(() => dateField.getAttribute('placeholder')).toBe(`如${thisYear + 1}年1月15日`);
    expect(await today.isDisabled()).toBe(true);
    expect(await p.locator('.meta').textContent()).toContain(`应在${thisYear + 1}年年初成文`);
    await p.getByLabel('报告年度').fill(String(thisYear - 5));
    await expect.poll(() => dateField.getAttribute('placeholder')).toBe(`如${thisYear - 4}年1月15日`);
  });

  it('figure fields keep decimals, signs and a unit typed after the number, and say what is wrong', async () => {
    const p = await newReport();
    const rate = p.getByLabel('学法考试参考率、合格率');
    await rate.click();
    await p.keyboard.type('98.5');
    await p.keyboard.press('Tab');
    expect(await rate.inputValue()).toBe('98.5');
    const reviews = p.getByLabel('合法性审查', { exact: true });
    await reviews.click();
    await p.keyboard.type('28份');
    await p.keyboard.press('Tab');
    expect(await reviews.inputValue()).toBe('28');
    expect(await p.locator('.indicators tr', { hasText: '合法性审查' }).locator('.unit').textContent()).toBe('份');
    const cases = p.getByLabel('行政处罚、行政强制案件');
    await cases.click();
    await p.keyboard.type('-3');
    await p.keyboard.press('Tab');
    expect(await cases.inputValue()).toBe('-3');
    const aid = p.getByLabel('法律援助');
    await aid.click();
    await p.keyboard.type('12箱');
    expect(await aid.inputValue()).toBe('12箱');
    expect(await p.locator('.indicators [role="alert"]').textContent()).toContain('“箱”不是这项数据的单位');
    // The figures reach the check: 98.5 is compared as 98.5, not 985.
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('干部学法考试合格率为95%。');
    await expect.poll(() => findingTexts(p)).toEqual(expect.arrayContaining([expect.stringMatching(/98\.5/)]));
    expect((await findingTexts(p)).join('')).not.toContain('985');
  });

  it('the report year can be retyped from the keyboard', async () => {
    const p = await newReport();
    const year = p.locator('#meta-year');
    await year.click();
    await year.press('Control+a');
    await p.keyboard.type('2026');
    expect(await year.inputValue()).toBe('2026');
    await p.getByRole('button', { name: '按单位和年度生成' }).click();
    expect(await p.locator('#meta-title').inputValue()).toContain('2026年度');
    await year.press('End');
    await year.press('Backspace');
    expect(await year.inputValue()).toBe('202');
    await p.keyboard.type('4');
    expect(await year.inputValue()).toBe('2024');
  });

  it('a finding leads to its text: selected, in sight and focused; 缺少成文日期 leads to the date field', async () => {
    const p = await newReport();
    await blocks(p, 'measures').nth(1).click();
    // Forty paragraphs pasted at once (typed one by one they took a minute on a busy machine), then the phone.
    const lines = Array.from(
      { length: 40 },
      (_, i) => `第${i + 1}项工作：按计划推进依法行政各项任务，定期检查落实情况并形成书面记录。`,
    );
    await p.evaluate(
      (text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document
          .querySelector('[data-section-editor="measures"]')!
          .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      lines.join('\n') + '\n',
    );
    await expect.poll(() => blocks(p, 'measures').filter({ hasText: '第40项工作' }).count()).toBe(1);
    await p.keyboard.insertText('群众可拨打热线13912345678反映问题。');
    await p.evaluate("document.querySelector('.document').scrollTop = 0");
    const phone = p.locator('.finding-text', { hasText: '13912345678' });
    await phone.click();
    await expect.poll(() => p.evaluate<string>('getSelection().toString()')).toBe('13912345678');
    expect(await focusedSection(p)).toBe('measures');
    await expect.poll(() => selectionShown(p)).toBe(true);

    await p.locator('.finding-text', { hasText: '成文日期' }).click();
    expect(await p.evaluate<string>('document.activeElement.id')).toBe('meta-date');
  });

  it('a finding about missing text puts the caret where that text goes: typing never replaces the heading', async () => {
    const p = await newReport();
    // 部分还没有正文 (reported on the part's heading): the caret in the part's empty body, the heading kept.
    await p.locator('.finding-text', { hasText: '第一责任人职责情况”部分还没有正文' }).click();
    await p.keyboard.insertText('党委书记主持研究法治建设三次。');
    await expect.poll(() => blocks(p, 'leadership').first().textContent()).toBe('党委书记主持研究法治建设三次。');
    expect(await p.locator('#heading-leadership').inputValue()).toContain('第一责任人职责情况');
    // 小标题下面还没有正文 (reported on the sub-heading): the caret on the empty line under it.
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('调整乡镇机构职能，公布权责清单一份。');
    const emptyHeading = p.locator('.finding-text', { hasText: '小标题“（三）健全行政决策制度体系”下面还没有正文' });
    await emptyHeading.click();
    await p.keyboard.insertText('重大行政决策全部经过合法性审查。');
    await expect.poll(() => blocks(p, 'measures').nth(5).textContent()).toBe('重大行政决策全部经过合法性审查。');
    expect(await blocks(p, 'measures').nth(4).textContent()).toBe('（三）健全行政决策制度体系');
    // 部分只有 N 字: the caret in the part's text, not on its heading.
    await p.locator('.finding-text', { hasText: '“主要举措和成效”部分只有' }).click();
    await p.keyboard.insertText('另聘请法律顾问一名。');
    await expect
      .poll(() => p.locator('[data-section-editor="measures"]').textContent())
      .toContain('另聘请法律顾问一名。');
    expect(await p.locator('#heading-measures').inputValue()).toBe('主要举措和成效');
  });

  it('a finding about a paragraph longer than the window shows the start of its selection', async () => {
    const p = await createReport(app, { unit: '石桥镇', viewport: { width: 1093, height: 614 } });
    await blocks(p, 'measures').nth(1).click();
    const sentences = Array.from({ length: 40 }, (_, i) => `第${i + 1}项工作按计划推进,定期检查落实情况。`);
    await p.keyboard.insertText(sentences.join(''));
    await p.evaluate("document.querySelector('.document').scrollTop = 0");
    await p.locator('.finding-text', { hasText: '这一段有 40 处半角标点' }).click();
    await expect.poll(() => p.evaluate<string>('getSelection().toString()')).toMatch(/^,定期检查/);
    // The selection is taller than the pane: its first line is in sight, not only its middle.
    const firstLineShown = () =>
      p.evaluate<boolean>(`(() => {
        const first = getSelection().getRangeAt(0).getClientRects()[0];
        const pane = document.querySelector('.document').getBoundingClientRect();
        return first.top >= pane.top && first.bottom <= pane.bottom;
      })()`);
    await expect.poll(firstLineShown).toBe(true);
  });

  it('in 打印预览, a finding or an outline item leads back to the place in the text', async () => {
    const p = await newReport();
    await p.getByRole('button', { name: '打印预览' }).click();
    await p.locator('.finding-text', { hasText: '第一责任人' }).first().click();
    await expect.poll(() => focusedSection(p)).toBe('leadership');
    expect(await p.locator('.document').isVisible()).toBe(true);
    await p.getByRole('button', { name: '打印预览' }).click();
    await p.locator('.outline button', { hasText: '四、下一年度主要安排' }).click();
    await expect.poll(() => p.locator('.document').isVisible()).toBe(true);
    const shown = await p.evaluate<boolean>(
      "(() => { const s = document.querySelector('section[data-section=\"plans\"]').getBoundingClientRect(); const pane = document.querySelector('.document').getBoundingClientRect(); return s.top >= pane.top && s.top < pane.bottom - 40; })()",
    );
    expect(shown).toBe(true);
  });

  it('the 撰稿人 line after the date can be edited or removed, and the phone in it leaves the export', async () => {
    const p = await importText('联系人.txt', [
      '石桥镇关于2025年度法治政府建设情况的报告',
      '一、主要举措和成效',
      '全年开展法治培训8场次。',
      '二、存在的不足和原因',
      '基层力量薄弱，主要原因是人员少。',
      '三、2026年工作安排',
      '继续加强法治培训。',
      '石桥镇人民政府',
      '2026年1月10日',
      '撰稿人：李明　联系电话：13698765432',
    ]);
    await p.locator('.finding-text', { hasText: '13698765432' }).click();
    expect(await p.evaluate<string>('document.activeElement.className')).toBe('closing-input');
    const line = p.locator(`#${await p.evaluate<string>('document.activeElement.id')}`);
    expect(await line.inputValue()).toContain('撰稿人：李明');
    await line.fill('撰稿人：李明');
    await expect
      .poll(() => findingTexts(p))
      .not.toEqual(expect.arrayContaining([expect.stringContaining('13698765432')]));
    await p
      .getByRole('button', { name: /^删除结尾第 \d+ 行$/ })
      .last()
      .click();
    await expect.poll(() => p.locator('.closing-input').count()).toBe(0);
    const path = join(app.work, '联系人.docx');
    app.standIn.dialogs.exportDocx = path;
    await p.getByRole('button', { name: '导出 Word' }).click();
    await p.getByRole('dialog', { name: '缺少字体' }).getByRole('button', { name: '仍然导出' }).click();
    await expect.poll(() => existsSync(path), MAIN_WORK).toBe(true);
    const text = (await mammoth.extractRawText({ path })).value;
    expect(text).not.toContain('撰稿人');
  });

  it('part headings can be reworded (the number stays), as the checker may ask', async () => {
    const p = await importText('标题.txt', [
      '青石乡2025年度法治政府建设工作报告',
      '一、工作成效',
      '全年开展法治培训8场次，审查合同12份。',
      '二、问题',
      '人员少，主要原因是编制不足。',
    ]);
    const heading = p.locator('.doc-heading .heading-input').nth(1);
    await heading.fill('存在的不足和原因');
    await expect.poll(() => p.locator('.outline').textContent()).toContain('二、存在的不足和原因');
    expect(await p.locator('.doc-heading').nth(1).locator('.heading-number').textContent()).toBe('二、');
  });

  it('全部改正 fixes the half-width punctuation of every paragraph at once', async () => {
    const p = await newReport();
    await blocks(p, 'measures').nth(1).click();
    for (const text of [
      '一是健全制度,完善机制。',
      '二是加强培训:全年5场。',
      '三是规范执法(含处罚)。',
      '四是推进公开,接受监督。',
    ]) {
      await p.keyboard.insertText(text);
      await p.keyboard.press('Enter');
    }
    const all = p.getByRole('button', { name: /^全部改正（4 段）$/ });
    await all.click();
    await expect
      .poll(() => p.locator('[data-section-editor="measures"]').textContent())
      .toContain('一是健全制度，完善机制。二是加强培训：全年5场。三是规范执法（含处罚）。四是推进公开，接受监督。');
    // Fixes typed into the editor are undone like typing.
    await p.keyboard.press('Control+z');
    await expect
      .poll(() => p.locator('[data-section-editor="measures"]').textContent())
      .not.toContain('四是推进公开，接受监督。');
  });

  it('a missing part is added where the outline puts it, and the caret goes there', async () => {
    const p = await importText('缺一部分.txt', [
      '青山镇关于2025年度法治政府建设情况的报告',
      '一、主要举措和成效',
      '全年开展法治培训8场次。',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '镇党委书记带头学法，主持专题会议4次。',
      '三、2026年工作安排',
      '继续加强法治培训。',
    ]);
    await p.locator('.outline .missing', { hasText: '存在的不足和原因' }).click();
    await expect
      .poll(() => p.locator('.outline li button:not(.missing)').allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('三、存在的不足和原因'),
          expect.stringContaining('四、2026年工作安排'),
        ]),
      );
    const order = await p
      .locator('.doc-heading .heading-input')
      .evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
    expect(order.indexOf('存在的不足和原因')).toBeLessThan(order.indexOf('2026年工作安排'));
    await expect
      .poll(() =>
        p.evaluate<string | undefined>(
          `document.querySelector('section[data-section="' + ${CARET_SECTION} + '"]')?.getAttribute('data-part')`,
        ),
      )
      .toBe('shortcomings');
    await p.keyboard.insertText('执法人员少，主要原因是编制不足。');
    await expect
      .poll(() => p.locator('section[data-part="shortcomings"] [data-section-editor]').textContent())
      .toBe('执法人员少，主要原因是编制不足。');
  });

  it('asks about missing fonts once, without suggesting the profile already chosen', async () => {
    const p = await newReport();
    app.standIn.dialogs.exportDocx = join(app.work, '字体一.docx');
    await p.getByRole('button', { name: '导出 Word' }).click();
    const fonts = p.getByRole('dialog', { name: '缺少字体' });
    await expect.poll(() => fonts.textContent()).toContain('本机没有安装以下字体');
    expect(await fonts.textContent()).not.toContain('改选为“Windows 自带字体”');
    await fonts.getByRole('button', { name: '仍然导出' }).click();
    await expect.poll(() => existsSync(join(app.work, '字体一.docx')), MAIN_WORK).toBe(true);
    app.standIn.dialogs.exportDocx = join(app.work, '字体二.docx');
    await p.getByRole('button', { name: '导出 Word' }).click();
    await expect.poll(() => existsSync(join(app.work, '字体二.docx')), MAIN_WORK).toBe(true);
    expect(await fonts.count()).toBe(0);
  });

  it('＋ 添加其他部分 asks for the title in the app’s own dialog (Electron has no window.prompt)', async () => {
    const p = await newReport();
    await p.getByRole('button', { name: '＋ 添加其他部分' }).click();
    const dialog = p.getByRole('dialog', { name: '添加其他部分' });
    await dialog.getByRole('textbox').fill('安全生产执法情况');
    await dialog.getByRole('textbox').press('Enter');
    await expect.poll(() => p.locator('.outline').textContent()).toContain('六、安全生产执法情况');
    await expect
      .poll(() =>
        p.evaluate<string | undefined>(
          `document.querySelector('section[data-section="' + ${CARET_SECTION} + '"] .doc-heading .heading-input')?.value`,
        ),
      )
      .toBe('安全生产执法情况');
    // Cancel adds nothing.
    await p.getByRole('button', { name: '＋ 添加其他部分' }).click();
    await p.keyboard.press('Escape');
    expect(await p.locator('.doc-heading').count()).toBe(6);
  });

  it('text typed while the file is being saved keeps the report marked unsaved', async () => {
    const p = await newReport();
    const path = join(app.work, '边存边写.nianbao');
    app.standIn.dialogs.saveReport = path;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await p.route('**/__ipc/report%3Asave', async (route) => {
      await held;
      await route.continue();
    });
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('人员少。');
    await p.keyboard.press('Control+s');
    await p.keyboard.insertText('主要原因是编制不足。');
    release();
    await expect.poll(() => existsSync(path), MAIN_WORK).toBe(true);
    await expect.poll(() => p.locator('.message').textContent()).toContain('已保存');
    expect(await p.title()).toMatch(/ \*$/);
    expect(readFileSync(path, 'utf8')).not.toContain('主要原因是编制不足。');
  });

  it('Ctrl+F finds across the parts and Ctrl+H replaces in the whole report; 字数 follows the typing', async () => {
    const p = await newReport();
    const count = p.getByRole('status', { name: '字数' });
    const shown = async () => Number((await count.textContent())!.replace(/\D/g, ''));
    const start = await shown();
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('开展巡查3次。');
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('巡查人员少，主要原因是编制不足。');
    // The 字数 is drawn after the keystroke's frame: wait for it rather than read it mid-way.
    const before = start + '开展巡查3次。'.length + '巡查人员少，主要原因是编制不足。'.length;
    await expect.poll(shown).toBe(before);
    await p.keyboard.insertText('另有五个字');
    await expect.poll(shown).toBe(before + 5);

    await p.keyboard.press('Control+f');
    const find = p.getByRole('search', { name: '查找和替换' });
    await find.getByLabel('查找内容').fill('巡查');
    // The first match is shown as soon as the words are typed, as in Word.
    await expect.poll(() => find.getByRole('status').textContent()).toBe('第 1 / 2 处');
    await p.keyboard.press('Enter');
    expect(await find.getByRole('status').textContent()).toBe('第 2 / 2 处');
    await p.keyboard.press('Escape');
    await expect.poll(() => p.evaluate<string>('getSelection().toString()')).toBe('巡查');
    expect(await focusedSection(p)).toBe('shortcomings');

    await p.keyboard.press('Control+h');
    await find.getByLabel('查找内容').fill('巡查');
    await find.getByLabel('替换为').fill('督查');
    await find.getByRole('button', { name: '全部替换' }).click();
    await expect.poll(() => p.locator('[data-section-editor="measures"]').textContent()).toContain('开展督查3次。');
    expect(await p.locator('[data-section-editor="shortcomings"]').textContent()).toContain('督查人员少');
    await expect.poll(() => find.getByRole('status').textContent()).toBe('完成 2 处替换');
  });

  it('fits a 1366 × 768 screen at 125 % (1093 × 614): one toolbar row, a wide page, side panels that fold away, zoom', async () => {
    const p = await app.open({ viewport: { width: 1093, height: 614 } });
    await startReport(p, { unit: '白鹭街道' });
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('1.严格合法性审查。全年审查合同12份。');
    await expect.poll(() => p.locator('.check-status').textContent()).toContain('个错误');
    const centres = await p
      .getByRole('toolbar', { name: '工具栏' })
      .locator(':scope > *')
      .evaluateAll((items) =>
        items.map((item) => Math.round(item.getBoundingClientRect().top + item.getBoundingClientRect().height / 2)),
      );
    expect(new Set(centres).size, `toolbar controls centred at ${centres.join(',')}`).toBe(1);
    const width = () => p.locator('[data-section-editor="measures"]').evaluate((e) => e.getBoundingClientRect().width);
    const narrow = await width();
    // At least 24 characters of 21 px on a line with the panels open (13 before).
    expect(narrow).toBeGreaterThan(24 * 21);
    await p.getByRole('button', { name: '全宽写作' }).click();
    expect(await p.locator('.outline').isVisible()).toBe(false);
    expect(await width()).toBeGreaterThan(narrow + 150);
    await p.screenshot({ path: join(ROOT, 'test-output/screenshots/9-full-width-1093.png') });
    await p.getByRole('button', { name: '显示两侧面板' }).click();
    expect(await p.locator('.outline').isVisible()).toBe(true);
    await p.getByRole('button', { name: '放大' }).click();
    expect(await p.locator('.zoom-value').textContent()).toBe('110%');
  });
});
