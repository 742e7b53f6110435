/**
 * The Word habits of issue 14, in the built renderer in Chromium: 最近打开 on the start screen and from the
 * menu, a file dropped on the window, 打印… from the preview and what the print media shows, the
 * right-click menu of the document. Each test starts a fresh window.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { serializeReport } from '../../src/core/model/file';
import { createReportFromTemplate } from '../../src/core/model/fromTemplate';
import { defaultRegistry } from '../../src/core/templates/registry';
import type { NianbaoApi } from '../../src/shared/ipc';
import { MAIN_WORK, useApp } from './support/app';
import { newReport as createReport } from './support/report';
import { CARET_SECTION } from './support/chromium';
import { describeNeeding } from '../support/needs';

describeNeeding(['chromium', 'cjk-fonts'], 'Word habits in Chromium', () => {
  const app = useApp({ folder: '习惯 测试-' });
  const open = () => app.open();

  const newReport = (unit: string) => createReport(app, { unit });

  const unitField = (p: Page) => p.locator('#meta-unit');
  const reportFile = (name: string, unit: string, folder = app.work) => {
    const path = join(folder, name);
    writeFileSync(
      path,
      serializeReport(createReportFromTemplate(defaultRegistry.get('township')!, { unit, year: 2025 })),
    );
    return path;
  };

  /** Drops files made in the page on the element, as the clerk's file manager would. */
  const drop = (p: Page, selector: string, names: string[]) =>
    p.evaluate(
      ({ selector, names }) => {
        const data = new DataTransfer();
        for (const name of names) data.items.add(new File(['x'], name));
        const target = document.querySelector(selector)!;
        for (const type of ['dragenter', 'dragover', 'drop'])
          target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      },
      { selector, names },
    );

  it('lists a saved report under 最近打开 on the start screen and opens it with a click; a moved one is greyed and dropped with a message', async () => {
    const p = await newReport('青石镇');
    const path = join(app.work, '青石镇最近.nianbao');
    app.standIn.dialogs.saveReport = path;
    await p.keyboard.press('Control+s');
    await expect.poll(() => p.locator('.message').textContent()).toContain('已保存');
    await p.close();

    const start = await open();
    const recent = start.getByRole('navigation', { name: '最近打开' });
    await expect.poll(() => recent.getByRole('button').first().textContent()).toContain('青石镇最近.nianbao');
    await recent.getByRole('button', { name: /青石镇最近\.nianbao/ }).click();
    await expect.poll(() => unitField(start).inputValue()).toBe('青石镇');
    await start.close();

    renameSync(path, join(app.work, '青石镇已搬走.nianbao'));
    const again = await open();
    const moved = again
      .getByRole('navigation', { name: '最近打开' })
      .getByRole('button', { name: /青石镇最近\.nianbao/ });
    await expect.poll(() => moved.getAttribute('class')).toContain('recent-missing');
    expect(await moved.textContent()).toContain('已移动或删除');
    await moved.click();
    await expect
      .poll(() => again.locator('.message').textContent())
      .toMatch(/找不到“青石镇最近\.nianbao”.*已从“最近打开”中去掉/);
    await expect.poll(() => again.getByRole('button', { name: /青石镇最近\.nianbao/ }).count()).toBe(0);
    // Still on the start screen: nothing was opened.
    expect(await again.getByRole('button', { name: '开始写报告' }).count()).toBe(1);
  });

  it('lists a file brought in through 导入 under 最近打开, and a click imports it again', async () => {
    const p = await open();
    const source = join(app.work, '去年 报告.txt');
    writeFileSync(
      source,
      ['溪口镇关于2024年度法治政府建设情况的报告', '一、主要举措和成效', '建立法律顾问制度。'].join('\n'),
    );
    app.standIn.dialogs.importDocument = source;
    await p.getByRole('button', { name: /^导入/ }).first().click();
    await p.getByRole('button', { name: '开始编辑' }).click();
    await expect.poll(() => unitField(p).inputValue()).toBe('溪口镇');
    await p.close();

    const start = await open();
    const recent = start.getByRole('navigation', { name: '最近打开' });
    await expect.poll(() => recent.getByRole('button').first().textContent()).toContain('去年 报告.txt');
    await recent.getByRole('button', { name: /去年 报告\.txt/ }).click();
    // The import's review of parts, as 导入 shows it; then the report, unsaved (never saved over the .txt).
    await start.getByRole('button', { name: '开始编辑' }).click();
    await expect.poll(() => unitField(start).inputValue()).toBe('溪口镇');
    await expect.poll(() => start.title()).toMatch(/ \*$/);
  });

  /** The token main gives the page for a line of 最近打开 (what the menu's item sends). */
  const recentToken = (p: Page, name: string) =>
    p.evaluate(async (name) => {
      const answer = await (window as unknown as { nianbao: NianbaoApi }).nianbao.listRecent();
      return answer.ok ? (answer.value.find((r) => r.file.name === name)?.file ?? null) : null;
    }, name);

  it('opens a file double-clicked in the file manager: at start, and while running after the same question as 打开', async () => {
    // The app started by a double-click: main keeps the file until the page asks for it.
    app.standIn.osOpened.push(reportFile('双击 打开.nianbao', '白沙镇'));
    const p = await open();
    await expect.poll(() => unitField(p).inputValue()).toBe('白沙镇');
    await p.locator('[data-section-editor="measures"] p').first().click();
    await p.keyboard.type('今年新修订制度三项。');

    // A Word or text file double-clicked while the app runs with unsaved text: asked first, and 取消 keeps it.
    const source = join(app.work, '去年的 报告.txt');
    writeFileSync(
      source,
      ['溪口镇关于2024年度法治政府建设情况的报告', '一、主要举措和成效', '建立法律顾问制度。'].join('\n'),
    );
    app.standIn.osOpened.push(source);
    await p.evaluate('window.__osOpen()');
    const question = p.getByRole('dialog', { name: '保存修改' });
    await question.getByRole('button', { name: '取消' }).click();
    expect(await unitField(p).inputValue()).toBe('白沙镇');
    expect(await p.locator('[data-section-editor="measures"]').textContent()).toContain('今年新修订制度三项。');

    app.standIn.osOpened.push(source);
    await p.evaluate('window.__osOpen()');
    await question.getByRole('button', { name: '不保存' }).click();
    // It goes through 导入 (the review of parts), not the report opener.
    await p.getByRole('button', { name: '开始编辑' }).click();
    await expect.poll(() => unitField(p).inputValue()).toBe('溪口镇');
    expect(await recentToken(p, '去年的 报告.txt')).not.toBeNull();
  });

  it('opens a dropped report after the same question as 打开 when the report is unsaved, and remembers it', async () => {
    reportFile('白沙镇拖入.nianbao', '白沙镇', app.standIn.dropFolder);
    const p = await newReport('柳河镇');
    await p.locator('[data-section-editor="measures"] p').first().click();
    await p.keyboard.type('今年新修订制度三项。');
    await drop(p, '.document', ['白沙镇拖入.nianbao']);
    const question = p.getByRole('dialog', { name: '保存修改' });
    await question.getByRole('button', { name: '取消' }).click();
    expect(await unitField(p).inputValue()).toBe('柳河镇');
    expect(await recentToken(p, '白沙镇拖入.nianbao')).toBeNull();
    await drop(p, '.document', ['白沙镇拖入.nianbao']);
    await question.getByRole('button', { name: '不保存' }).click();
    await expect.poll(() => unitField(p).inputValue()).toBe('白沙镇');
    expect(await recentToken(p, '白沙镇拖入.nianbao')).not.toBeNull();
  });

  it('opens 最近打开 chosen in the application menu, asking first about unsaved changes', async () => {
    reportFile('石桥镇菜单.nianbao', '石桥镇', app.standIn.dropFolder);
    const p = await open();
    await drop(p, 'main.start', ['石桥镇菜单.nianbao']);
    await expect.poll(() => unitField(p).inputValue()).toBe('石桥镇');
    await p.close();
    const other = await newReport('柳河镇');
    await other.locator('[data-section-editor="measures"] p').first().click();
    await other.keyboard.type('全年办理行政复议案件二件。');
    const token = await recentToken(other, '石桥镇菜单.nianbao');
    expect(token).not.toBeNull();
    await other.evaluate(`window.__openRecent(${JSON.stringify(token)})`);
    await other.getByRole('dialog', { name: '保存修改' }).getByRole('button', { name: '不保存' }).click();
    await expect.poll(() => unitField(other).inputValue()).toBe('石桥镇');
  });

  it('imports a Word or text file dropped on the window through the same review as 导入, and refuses other kinds in Chinese', async () => {
    writeFileSync(
      join(app.standIn.dropFolder, '去年报告.txt'),
      [
        '龙泉乡2024年法治政府建设情况报告',
        '一、主要举措',
        '开展法治宣传活动十二场。',
        '二、存在的不足',
        '基层力量薄弱。',
      ].join('\n'),
    );
    const p = await open();
    await drop(p, 'main.start', ['照片.jpg']);
    await expect.poll(() => p.locator('.message').textContent()).toMatch(/“照片\.jpg”：只能打开本软件的报告/);
    expect(await p.getByRole('button', { name: '开始写报告' }).count()).toBe(1);

    await drop(p, 'main.start', ['去年报告.txt']);
    await p.getByRole('button', { name: '开始编辑' }).click();
    await expect.poll(() => unitField(p).inputValue()).toBe('龙泉乡');
    // A second drop of another kind changes nothing in the open report.
    await drop(p, '.document', ['表格.xlsx']);
    await expect.poll(() => p.locator('.message').textContent()).toContain('“表格.xlsx”');
    expect(await unitField(p).inputValue()).toBe('龙泉乡');
  });

  it('prints the preview’s pages from 打印… in the preview toolbar, and the print media shows nothing but the pages', async () => {
    const p = await newReport('石门镇');
    await p.locator('[data-section-editor="measures"] p').first().click();
    await p.keyboard.type('全面推行行政执法三项制度。');
    // Ctrl+P stays 打印预览.
    await p.keyboard.press('Control+p');
    await p.locator('.pv-page').first().waitFor();
    const before = app.standIn.printed.count;
    await p.getByRole('toolbar').getByRole('button', { name: '打印…' }).first().click();
    await expect.poll(() => app.standIn.printed.count).toBe(before + 1);

    await p.emulateMedia({ media: 'print' });
    const stray = await p.evaluate(() => {
      const shown: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        if (el.closest('.pv-page')) continue;
        // Ancestors of the pages carry them; anything else with a box of its own is stray.
        if (el.querySelector('.pv-page')) continue;
        shown.push(`${el.tagName}.${el.className}`);
      }
      return shown;
    });
    expect(stray).toEqual([]);
    expect(await p.locator('.pv-page').first().isVisible()).toBe(true);
    await p.screenshot({ path: join(__dirname, '../../test-output/screenshots/habits-print.png') });
  });

  it('prints from the menu command too, showing the preview first', async () => {
    const p = await newReport('石门镇');
    const before = app.standIn.printed.count;
    await p.evaluate(`window.__menu('print')`);
    await expect.poll(() => app.standIn.printed.count).toBe(before + 1);
    expect(await p.locator('.pv-page').count()).toBeGreaterThan(0);
  });

  it('打印 right after typing prints the words just typed, not the preview of a moment before', async () => {
    const p = await newReport('石门镇');
    await p.locator('[data-section-editor="measures"] p').nth(1).click();
    await p.keyboard.insertText('聘请法律顾问。');
    // What the window shows at the moment main is asked to print it (webContents.print prints the window).
    const printedText = await p.evaluate<string>(`new Promise((resolve) => {
      const fetchBefore = window.fetch;
      window.fetch = (url, init) => {
        if (String(url).includes(encodeURIComponent('window:print')))
          resolve(document.querySelector('.preview')?.textContent ?? '');
        return fetchBefore(url, init);
      };
      document.execCommand('insertText', false, '化解矛盾纠纷十二件。');
      window.__menu('print');
    })`);
    expect(printedText).toContain('聘请法律顾问。化解矛盾纠纷十二件。');
  });

  /** Right-clicks the middle of the first occurrence of `text` in the section's editor. */
  async function rightClickOn(p: Page, section: string, text: string) {
    const box = await p.evaluate(
      ({ section, text }) => {
        const root = document.querySelector(`[data-section-editor="${section}"]`)!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(text);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        return null;
      },
      { section, text },
    );
    if (!box) throw new Error(`no “${text}” in ${section}`);
    await p.mouse.click(box.x, box.y, { button: 'right' });
  }

  /** A paragraph of its own at the end of the section (the template's own lines stay as they are). */
  async function typeParagraph(p: Page, section: string, text: string) {
    await p.locator(`[data-section-editor="${section}"] > *`).last().click();
    // End of that line: in the one document editor Ctrl+End would go to the end of the whole report.
    await p.keyboard.press('End');
    await p.keyboard.press('Enter');
    await p.keyboard.type(text);
  }

  const menu = (p: Page) => p.getByRole('menu', { name: '右键菜单' });
  const sectionText = (p: Page, section: string) => p.locator(`[data-section-editor="${section}"]`).textContent();

  it('offers a finding’s fix and 忽略 where the right-click falls on its text', async () => {
    const p = await newReport('青石镇');
    await p.locator('[data-section-editor="measures"] p').first().click();
    await p.keyboard.type('对其它重点人群开展普法宣传。');
    await expect.poll(() => p.locator('.findings').textContent()).toContain('其它');
    await rightClickOn(p, 'measures', '其它');
    await menu(p).getByRole('menuitem', { name: '改为“其他”' }).click();
    await expect.poll(() => sectionText(p, 'measures')).toContain('对其他重点人群');
    expect(await menu(p).count()).toBe(0);

    await p.keyboard.press('End');
    await p.keyboard.type('其它村居同步推进。');
    await expect.poll(() => p.locator('.findings').textContent()).toContain('其它');
    await rightClickOn(p, 'measures', '其它');
    await menu(p).getByRole('menuitem', { name: '忽略此条检查结果' }).click();
    await expect
      .poll(() => p.locator('.findings summary', { hasText: '已忽略' }).textContent())
      .toContain('已忽略（1）');
    // Elsewhere in the text there is no finding: no fix, no 忽略.
    await rightClickOn(p, 'measures', '普法');
    expect(await menu(p).getByRole('menuitem').allTextContents()).toEqual([
      '剪切',
      '复制',
      '粘贴',
      '全选',
      '设为正文',
      '设为（一）标题',
      '设为1. 标题',
      '设为（1）标题',
      '插入表格',
    ]);
  });

  it('offers the fix of a word typed a moment ago, before the pause-then-check has run', async () => {
    const p = await newReport('青石镇');
    await p.locator('[data-section-editor="measures"] p').first().click();
    await p.keyboard.type('开展普法宣传。');
    await expect.poll(() => p.locator('.findings').textContent()).not.toContain('其它');
    // Typed and right-clicked in one go, within the check's pause (25 ms): the check has not run yet.
    const clicked = await p.evaluate(async () => {
      document.execCommand('insertText', false, '对其它人员');
      await new Promise((resolve) => setTimeout(resolve, 0));
      const root = document.querySelector('[data-section-editor="measures"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('其它');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 2);
        const r = range.getBoundingClientRect();
        node.parentElement!.dispatchEvent(
          new MouseEvent('contextmenu', {
            bubbles: true,
            cancelable: true,
            button: 2,
            clientX: r.left + r.width / 2,
            clientY: r.top + r.height / 2,
          }),
        );
        return true;
      }
      return false;
    });
    expect(clicked).toBe(true);
    await menu(p).getByRole('menuitem', { name: '改为“其他”' }).click();
    await expect.poll(() => sectionText(p, 'measures')).toContain('对其他人员');
  });

  it('is worked by keys: Esc back to the text, arrows and Enter to make a paragraph a heading', async () => {
    const p = await newReport('白沙镇');
    await typeParagraph(p, 'measures', '健全依法决策机制');
    await rightClickOn(p, 'measures', '依法决策');
    await expect.poll(() => menu(p).count()).toBe(1);
    await p.keyboard.press('Escape');
    expect(await menu(p).count()).toBe(0);
    expect(await p.evaluate<string | undefined>(CARET_SECTION)).toBe('measures');

    await rightClickOn(p, 'measures', '依法决策');
    // 剪切 and 复制 are greyed without a selection: the first key lands on 粘贴.
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('粘贴');
    for (let i = 0; i < 3; i++) await p.keyboard.press('ArrowDown');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('设为（一）标题');
    await p.keyboard.press('Enter');
    const last = p.locator('[data-section-editor="measures"] > *').last();
    await expect.poll(() => last.getAttribute('data-level')).toBe('2');
    expect(await last.textContent()).toBe('健全依法决策机制');
    // The caret is back in the text: typing goes on in the heading.
    await p.keyboard.type('体系');
    await expect.poll(() => last.textContent()).toContain('体系');
  });

  it('cuts, copies and pastes through the window’s own edit commands, on the selection right-clicked', async () => {
    const p = await newReport('龙泉乡');
    await typeParagraph(p, 'measures', '落实谁执法谁普法责任制');
    await p.keyboard.press('Shift+Home');
    await rightClickOn(p, 'measures', '普法责任');
    app.standIn.edits.length = 0;
    await menu(p).getByRole('menuitem', { name: '复制' }).click();
    await expect.poll(() => app.standIn.edits).toEqual(['copy']);
    // The selection is still the one right-clicked, and the editor has the focus again.
    expect(await p.evaluate(() => getSelection()?.toString())).toBe('落实谁执法谁普法责任制');
    expect(
      await p.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.isContentEditable),
    ).toBe(true);
    expect(await p.evaluate<string | undefined>(CARET_SECTION)).toBe('measures');
    await rightClickOn(p, 'measures', '普法责任');
    await menu(p).getByRole('menuitem', { name: '粘贴' }).click();
    await expect.poll(() => app.standIn.edits).toEqual(['copy', 'paste']);
  });

  it('a selection across two parts stays whole when right-clicked inside it, and 复制 copies both', async () => {
    const p = await newReport('龙泉乡');
    await typeParagraph(p, 'measures', '落实谁执法谁普法责任制');
    await typeParagraph(p, 'leadership', '党委书记履行第一责任人职责');
    // From 普法 in part 一 to 第一 in part 二, as a drag of the mouse would select it.
    await p.evaluate(() => {
      const textOf = (section: string, words: string) => {
        const root = document.querySelector(`[data-section-editor="${section}"]`)!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode())
          if (node.textContent!.includes(words)) return { node, at: node.textContent!.indexOf(words) };
        throw new Error(words);
      };
      const from = textOf('measures', '普法');
      const to = textOf('leadership', '第一');
      getSelection()!.setBaseAndExtent(from.node, from.at, to.node, to.at + 2);
    });
    await p.waitForTimeout(100);
    // In the second part of the selection: the menu is about the whole selection, not the point clicked.
    await rightClickOn(p, 'leadership', '党委');
    app.standIn.edits.length = 0;
    await menu(p).getByRole('menuitem', { name: '复制' }).click();
    await expect.poll(() => app.standIn.edits).toEqual(['copy']);
    const selected = await p.evaluate(() => getSelection()?.toString() ?? '');
    expect(selected.startsWith('普法责任制')).toBe(true);
    expect(selected.endsWith('党委书记履行第一')).toBe(true);
  });

  it('the keyboard’s menu key (Shift+F10) opens the menu at the caret: the finding there, and 复制 of the selection', async () => {
    const p = await newReport('龙泉乡');
    await typeParagraph(p, 'measures', '对其它重点人群开展普法宣传');
    await expect.poll(() => p.locator('.findings').textContent()).toContain('其它');
    await p.keyboard.press('Home');
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('Shift+F10');
    await menu(p).getByRole('menuitem', { name: '改为“其他”' }).click();
    await expect.poll(() => sectionText(p, 'measures')).toContain('对其他重点人群');

    await p.keyboard.press('End');
    await p.keyboard.press('Shift+Home');
    await p.keyboard.press('Shift+F10');
    app.standIn.edits.length = 0;
    await menu(p).getByRole('menuitem', { name: '复制' }).click();
    await expect.poll(() => app.standIn.edits).toEqual(['copy']);
    expect(await p.evaluate(() => getSelection()?.toString())).toBe('对其他重点人群开展普法宣传');
  });

  it('a right-click in a field (the title, a part heading, 查找) offers 剪切 复制 粘贴 全选 on that field', async () => {
    const p = await newReport('龙泉乡');
    const title = p.locator('#meta-title');
    await title.click();
    await p.keyboard.press('Control+a');
    await title.click({ button: 'right' });
    app.standIn.edits.length = 0;
    const items = menu(p).getByRole('menuitem');
    await expect.poll(() => items.allTextContents()).toEqual(['剪切', '复制', '粘贴', '全选']);
    await menu(p).getByRole('menuitem', { name: '复制' }).click();
    await expect.poll(() => app.standIn.edits).toEqual(['copy']);
    // The field has the focus again, its words still selected, for the window's copy to take them.
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('meta-title');
    expect(await title.evaluate((f: HTMLTextAreaElement) => f.value.slice(f.selectionStart, f.selectionEnd))).toBe(
      await title.inputValue(),
    );
    // Nothing selected in a part heading: 剪切 and 复制 are greyed; 粘贴 goes to the heading.
    const heading = p.locator('#heading-measures');
    await heading.click();
    await heading.click({ button: 'right' });
    await expect.poll(() => menu(p).getByRole('menuitem', { name: '剪切' }).isDisabled()).toBe(true);
    await menu(p).getByRole('menuitem', { name: '粘贴' }).click();
    await expect.poll(() => app.standIn.edits).toEqual(['copy', 'paste']);
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('heading-measures');
    // Esc closes the menu and gives the field back.
    await p.keyboard.press('Control+f');
    const find = p.getByRole('search', { name: '查找和替换' }).getByLabel('查找内容');
    await find.click({ button: 'right' });
    await expect.poll(() => menu(p).count()).toBe(1);
    await p.keyboard.press('Escape');
    await expect.poll(() => menu(p).count()).toBe(0);
    expect(await p.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('查找内容');
  });

  it('shows in 版式设置 which font profiles this machine lacks, and asks about missing fonts once per profile', async () => {
    const p = await newReport('石门镇');
    await p.getByText('版式设置').click();
    const panel = p.getByRole('group', { name: '版式设置' });
    const select = panel.getByLabel('字体');
    await select.selectOption('gb2312');
    // This machine has none of the 公文 fonts (only Noto CJK): said where the profile is chosen.
    expect(await select.locator('option:checked').textContent()).toContain('（本机缺字体）');
    expect(await panel.textContent()).toContain('本机没有：方正小标宋简体');
    const fonts = p.getByRole('dialog', { name: '缺少字体' });
    const exportAs = async (name: string) => {
      app.standIn.dialogs.exportDocx = join(app.work, name);
      await p.getByRole('button', { name: '导出 Word' }).click();
    };
    await exportAs('公文一.docx');
    await fonts.getByRole('button', { name: '仍然导出' }).click();
    await exportAs('公文二.docx');
    await expect.poll(() => existsSync(join(app.work, '公文二.docx')), MAIN_WORK).toBe(true);
    expect(await fonts.count()).toBe(0);
    // Another profile lacks other fonts: asked once for it too, never again for the first.
    await p.getByText('版式设置').click();
    await select.selectOption('kylin');
    await exportAs('麒麟.docx');
    await expect.poll(() => fonts.textContent()).toContain('方正仿宋_GBK');
    expect(await fonts.textContent()).not.toContain('改选为“统信');
    await fonts.getByRole('button', { name: '仍然导出' }).click();
    await expect.poll(() => existsSync(join(app.work, '麒麟.docx')), MAIN_WORK).toBe(true);
    await p.getByText('版式设置').click();
    await select.selectOption('gb2312');
    await exportAs('公文三.docx');
    await expect.poll(() => existsSync(join(app.work, '公文三.docx')), MAIN_WORK).toBe(true);
    expect(await fonts.count()).toBe(0);
  });
});
