/**
 * Undo and redo as Word does them (issue 14): the caret after Ctrl+Z is at the place of the undone change and
 * after Ctrl+Y at the end of the redone text; a side form's step focuses its field; a fix, a finding or 替换
 * clicked before the check after an edit has run acts on the right text; the 编辑 menu's 撤销/重做 go through the one history.
 * In the built renderer, in Chromium.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeNeeding } from '../support/needs';
import { useApp } from './support/app';

describeNeeding(['chromium', 'cjk-fonts'], 'undo, redo and fixes in the clerk’s editor', () => {
  const app = useApp({ folder: '撤销 重做-' });

  async function newReport(): Promise<Page> {
    const p = await app.open();
    await p.getByLabel('单位名称').fill('柳河镇');
    await p.getByLabel('报告年度').fill('2025');
    await p.getByRole('button', { name: '开始写报告' }).click();
    await p.locator('[data-section-editor="measures"]').waitFor();
    return p;
  }

  const blocks = (p: Page, section: string) => p.locator(`[data-section-editor="${section}"] > *`);
  const partText = (p: Page, section: string) => p.locator(`[data-section-editor="${section}"]`).textContent();
  /** The caret as the clerk sees it: its part, its block and how many characters of the block precede it. */
  const caret = (p: Page) =>
    p.evaluate<{ section: string | null; block: number; offset: number; collapsed: boolean } | null>(`(() => {
      const s = getSelection();
      if (!s || !s.rangeCount || !document.activeElement?.isContentEditable) return null;
      const node = s.focusNode;
      const element = node.nodeType === 1 ? node : node.parentElement;
      const editor = element.closest('[data-section-editor]');
      if (!editor) return null;
      const block = [...editor.children].find((b) => b.contains(node));
      const range = document.createRange();
      range.setStart(block, 0);
      range.setEnd(node, s.focusOffset);
      return { section: editor.getAttribute('data-section-editor'), block: [...editor.children].indexOf(block), offset: range.toString().length, collapsed: s.isCollapsed };
    })()`);

  it('Ctrl+Z and Ctrl+Y work while a button has the focus, as in Word', async () => {
    const p = await newReport();
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('甲乙丙');
    await p.keyboard.press('Control+z');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('');
    // The focus goes to a button of the status bar (clicked, as the tester did): Ctrl+Y still redoes.
    const fold = p.getByRole('button', { name: '全宽写作' });
    await fold.focus();
    await p.keyboard.press('Control+y');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('甲乙丙');
    await fold.focus();
    await p.keyboard.press('Control+z');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('');
    await fold.focus();
    await p.keyboard.press('Control+Shift+z');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('甲乙丙');
  });

  it('Ctrl+Z puts the caret where the undone text was typed, Ctrl+Y at the end of the redone text', async () => {
    const p = await newReport();
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('村级调解员力量薄弱。');
    await p.waitForTimeout(1100); // its own undo step
    await p.keyboard.insertText('培训不足。');
    // The caret moves on (a click in another part) before the clerk undoes.
    await blocks(p, 'plans').first().click();
    await p.keyboard.press('Control+z');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('村级调解员力量薄弱。');
    expect(await caret(p)).toEqual({ section: 'shortcomings', block: 0, offset: 10, collapsed: true });
    await p.keyboard.press('Control+y');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('村级调解员力量薄弱。培训不足。');
    expect(await caret(p)).toEqual({ section: 'shortcomings', block: 0, offset: 15, collapsed: true });
    // Typing on goes where the caret shows.
    await p.keyboard.insertText('经费紧张。');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('村级调解员力量薄弱。培训不足。经费紧张。');
  });

  it('after Ctrl+Z of typing in the middle of a line and Ctrl+Y, the caret is after the redone words', async () => {
    const p = await newReport();
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('执法力量不足，经费紧张。');
    await p.waitForTimeout(1100);
    // Into the middle of the line: after 执法力量不足，
    await p.keyboard.press('End');
    for (let i = 0; i < 5; i++) await p.keyboard.press('ArrowLeft');
    await p.waitForTimeout(50);
    await p.keyboard.insertText('装备陈旧，');
    await p.keyboard.press('End');
    await p.waitForTimeout(50);
    await p.keyboard.press('Control+z');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('执法力量不足，经费紧张。');
    expect(await caret(p)).toEqual({ section: 'shortcomings', block: 0, offset: 7, collapsed: true });
    await p.keyboard.press('Control+y');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('执法力量不足，装备陈旧，经费紧张。');
    expect(await caret(p)).toEqual({ section: 'shortcomings', block: 0, offset: 12, collapsed: true });
  });

  it('undoing a change of 成文日期 or a figure from the text focuses that field; undoing typing from a field returns to the text', async () => {
    const p = await newReport();
    const date = p.locator('#meta-date');
    const figure = p.locator('details.indicators input[aria-label="法治培训"]');
    const dateBefore = await date.inputValue();
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('开展法治培训。');
    await date.click();
    await date.press('Control+a');
    await p.keyboard.type('2026年1月8日');
    await figure.click();
    await p.keyboard.type('9');
    await p.waitForTimeout(1100);
    // Back in the text, Ctrl+Z undoes the figure: the figure's field gets the focus, as Word shows the change.
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.press('Control+z');
    await expect.poll(() => figure.inputValue()).toBe('');
    await expect.poll(() => p.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe('法治培训');
    // From the figure's field, the next Ctrl+Z undoes the date and focuses 成文日期, caret at its end.
    await p.keyboard.press('Control+z');
    await expect.poll(() => date.inputValue()).toBe(dateBefore);
    await expect.poll(() => p.evaluate('document.activeElement?.id')).toBe('meta-date');
    expect(await p.evaluate('document.activeElement.selectionStart')).toBe(dateBefore.length);
    // Ctrl+Y redoes the date where it is; once more, the figure, focused.
    await p.keyboard.press('Control+y');
    await expect.poll(() => date.inputValue()).toBe('2026年1月8日');
    await p.keyboard.press('Control+y');
    await expect.poll(() => figure.inputValue()).toBe('9');
    await expect.poll(() => p.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe('法治培训');
    // Three steps back from the figure: the typing in the text is undone, and the caret is in the text there.
    for (let i = 0; i < 3; i++) await p.keyboard.press('Control+z');
    await expect.poll(() => partText(p, 'measures')).not.toContain('开展法治培训。');
    await expect.poll(() => caret(p)).toMatchObject({ section: 'measures', block: 1, offset: 0 });
    await p.keyboard.insertText('健全制度。');
    await expect.poll(() => partText(p, 'measures')).toContain('健全制度。');
    expect(await figure.inputValue()).toBe('');
  });

  it('Ctrl+Z of a fix clicked in the findings panel puts the caret at the undone words, Ctrl+Y after the fixed ones', async () => {
    const p = await newReport();
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('对其它问题建立台账。');
    await p.waitForTimeout(1100); // its own undo step
    // The caret is in part 三 when the clerk clicks the fix of a word in part 一.
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('人员不足。');
    await p.waitForTimeout(1100);
    await p.locator('.finding-actions button', { hasText: '改为“其他”' }).first().click();
    await expect.poll(() => blocks(p, 'measures').nth(1).textContent()).toBe('对其他问题建立台账。');
    await p.keyboard.press('Control+z');
    await expect.poll(() => blocks(p, 'measures').nth(1).textContent()).toBe('对其它问题建立台账。');
    expect(await partText(p, 'shortcomings')).toBe('人员不足。');
    await expect.poll(() => caret(p)).toEqual({ section: 'measures', block: 1, offset: 3, collapsed: true });
    await p.keyboard.press('Control+y');
    await expect.poll(() => blocks(p, 'measures').nth(1).textContent()).toBe('对其他问题建立台账。');
    await expect.poll(() => caret(p)).toEqual({ section: 'measures', block: 1, offset: 3, collapsed: true });
    // The undo before it, of typing in part 三, still puts the caret where that was typed.
    await p.keyboard.press('Control+z');
    await p.keyboard.press('Control+z');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('');
    await expect.poll(() => caret(p)).toEqual({ section: 'shortcomings', block: 0, offset: 0, collapsed: true });
  });

  it('Ctrl+Z of 全部改正 puts the caret at the first undone fix, not where the caret was', async () => {
    const p = await newReport();
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('落实普法责任制。其它村居已完成换届。');
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('研究其它重大事项。');
    await p.waitForTimeout(1100);
    await blocks(p, 'plans').first().click();
    await p.keyboard.insertText('明年继续。');
    await p.waitForTimeout(1100);
    await p.locator('.finding-actions button', { hasText: /^全部改正（2/ }).click();
    await expect.poll(() => partText(p, 'shortcomings')).toBe('研究其他重大事项。');
    await p.keyboard.press('Control+z');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('研究其它重大事项。');
    expect(await blocks(p, 'measures').nth(1).textContent()).toBe('落实普法责任制。其它村居已完成换届。');
    await expect.poll(() => caret(p)).toEqual({ section: 'measures', block: 1, offset: 10, collapsed: true });
  });

  /**
   * Within the check's pause after an edit (~25 ms), in one task: the edit (`edit`, run in the page), then the
   * click on a button of the 改为“其他” finding's row, as a robot or a quick clerk would — before the panel's
   * offsets are renewed.
   */
  const editThenClick = (p: Page, edit: string, button: string) =>
    p.evaluate(`new Promise((resolve) => {
      ${edit};
      setTimeout(() => {
        const starts = (b, text) => b.textContent.startsWith(text);
        const row = [...document.querySelectorAll('.finding-actions')].find((r) => [...r.children].some((b) => starts(b, '改为“其他”')));
        [...row.children].find((b) => starts(b, ${JSON.stringify(button)})).click();
        resolve(true);
      }, 0);
    })`);
  const caretToStart = (p: Page, section: string, index: number) =>
    p.evaluate(`(() => {
      const block = document.querySelectorAll('[data-section-editor="${section}"] > *')[${index}];
      const range = document.createRange();
      range.selectNodeContents(block);
      range.collapse(true);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);

  it('a fix clicked right after typing before its words, before the check has run, changes those words', async () => {
    const p = await newReport();
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('其它村居均已完成换届。');
    const fix = p.locator('.finding-actions button', { hasText: '改为“其他”' });
    await fix.first().waitFor();
    await caretToStart(p, 'measures', 1);
    await p.waitForTimeout(100);
    await editThenClick(p, "document.execCommand('insertText', false, '全乡')", '改为“其他”');
    await expect.poll(() => blocks(p, 'measures').nth(1).textContent()).toBe('全乡其他村居均已完成换届。');
    await expect.poll(() => fix.count()).toBe(0);
  });

  it('全部改正 clicked right after Ctrl+Z fixes only what the undo left, where it is now', async () => {
    const p = await newReport();
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('对其它问题建立台账。');
    await p.waitForTimeout(1100); // its own undo step
    await caretToStart(p, 'measures', 1);
    await p.waitForTimeout(100);
    await p.keyboard.insertText('其它村居已完成，');
    await p.locator('.finding-actions button', { hasText: /^全部改正（2/ }).waitFor();
    // Ctrl+Z (as the 编辑 menu sends it: historyUndo) takes the second typing away; the click follows at once.
    await editThenClick(
      p,
      `document.querySelector('[data-section-editor="measures"]').dispatchEvent(new InputEvent('beforeinput', { inputType: 'historyUndo', bubbles: true, cancelable: true }))`,
      '全部改正',
    );
    await expect.poll(() => blocks(p, 'measures').nth(1).textContent()).toBe('对其他问题建立台账。');
    // The panel shows the fresh check: nothing of the kind is left.
    await expect.poll(() => p.locator('.finding-actions button', { hasText: '改为“其他”' }).count()).toBe(0);
    expect(app.browserDialogs).toEqual([]);
  });

  it('a finding clicked right after typing before its words selects those words, not the old place', async () => {
    const p = await newReport();
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('群众可拨打13912345678反映问题。');
    const phone = p.locator('.finding-text', { hasText: '13912345678' });
    await phone.waitFor();
    // The caret at the start of that line, where the clerk goes on typing.
    await p.keyboard.press('Home');
    await p.keyboard.insertText('另');
    await expect.poll(() => blocks(p, 'measures').nth(1).textContent()).toBe('另群众可拨打13912345678反映问题。');
    // Typed and clicked in one go, within the check's pause: the panel's offsets are a moment old.
    await p.evaluate(`new Promise((resolve) => {
      document.execCommand('insertText', false, '外，');
      setTimeout(() => {
        [...document.querySelectorAll('.finding-text')].find((b) => b.textContent.includes('13912345678')).click();
        resolve(true);
      }, 0);
    })`);
    await expect.poll(() => p.evaluate<string>('getSelection().toString()')).toBe('13912345678');
    expect(await blocks(p, 'measures').nth(1).textContent()).toBe('另外，群众可拨打13912345678反映问题。');
  });

  /** A line with 普法宣传 `count` times, and 查找和替换 open on it, set to replace it with 法治宣传教育. */
  async function replaceBarOn(line: string, count: number) {
    const p = await newReport();
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText(line);
    await p.keyboard.press('Control+h');
    const bar = p.getByRole('search', { name: '查找和替换' });
    await bar.getByLabel('查找内容').fill('普法宣传');
    await expect.poll(() => bar.getByRole('status').textContent()).toBe(`第 1 / ${count} 处`);
    await bar.getByLabel('替换为').fill('法治宣传教育');
    return { p, bar };
  }
  const replaceBarOnTwoMatches = () => replaceBarOn('开展普法宣传，普法宣传进村居。', 2);

  it('a second click on 替换 before the text was searched anew replaces nothing it did not show', async () => {
    const { p, bar } = await replaceBarOnTwoMatches();
    // A double click on 替换 on a busy machine: the second click comes before the matches are found again.
    await p.evaluate(`new Promise((resolve) => {
      const replace = [...document.querySelectorAll('.find-bar button')].find((b) => b.textContent === '替换');
      replace.click();
      setTimeout(() => {
        replace.click();
        resolve(true);
      }, 0);
    })`);
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('第 1 / 1 处');
    expect(await blocks(p, 'measures').nth(1).textContent()).toBe('开展法治宣传教育，普法宣传进村居。');
    // The next match is shown; the next click replaces it.
    await bar.getByRole('button', { name: '替换', exact: true }).click();
    await expect.poll(() => blocks(p, 'measures').nth(1).textContent()).toBe('开展法治宣传教育，法治宣传教育进村居。');
  });

  it('Esc right after 替换, before the text was searched anew, selects the next match, not the old place', async () => {
    const { p, bar } = await replaceBarOnTwoMatches();
    await p.evaluate(`new Promise((resolve) => {
      const replace = [...document.querySelectorAll('.find-bar button')].find((b) => b.textContent === '替换');
      replace.click();
      setTimeout(() => {
        replace.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
        resolve(true);
      }, 0);
    })`);
    await expect.poll(() => bar.count()).toBe(0);
    // As Word leaves it: the replaced words stay, the next match is selected in the text.
    expect(await blocks(p, 'measures').nth(1).textContent()).toBe('开展法治宣传教育，普法宣传进村居。');
    await expect.poll(() => p.evaluate<string>('getSelection().toString()')).toBe('普法宣传');
    await p.keyboard.insertText('法治宣传');
    await expect.poll(() => blocks(p, 'measures').nth(1).textContent()).toBe('开展法治宣传教育，法治宣传进村居。');
  });

  it('↓ or Enter right after 替换, before the text was searched anew, goes on from where the matches are now', async () => {
    const { p, bar } = await replaceBarOn('开展普法宣传，普法宣传进村居，普法宣传到户。', 3);
    const highlighted = `(() => { const h = CSS.highlights.get('find-current'); return h ? [...h].map(String).join('|') : ''; })()`;
    // 替换, then ↓, then Enter in 查找内容, each a moment after the other: what each shows is read at once.
    const seen = await p.evaluate<string[]>(`new Promise((resolve) => {
      const buttons = [...document.querySelectorAll('.find-bar button')];
      buttons.find((b) => b.textContent === '替换').click();
      setTimeout(() => {
        const seen = [];
        buttons.find((b) => b.getAttribute('aria-label') === '下一处').click();
        seen.push(${highlighted});
        setTimeout(() => {
          const field = document.querySelector('.find-bar input[aria-label="查找内容"]');
          field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
          seen.push(${highlighted});
          resolve(seen);
        }, 0);
      }, 0);
    })`);
    // After 替换 the second match is the next one (as Word selects it): ↓ goes to the third, Enter back round
    // to the second; never a stretch of the changed text at the old offsets.
    expect(seen).toEqual(['普法宣传', '普法宣传']);
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('第 1 / 2 处');
    await bar.getByRole('button', { name: '替换', exact: true }).click();
    await expect
      .poll(() => blocks(p, 'measures').nth(1).textContent())
      .toBe('开展法治宣传教育，法治宣传教育进村居，普法宣传到户。');
  });

  it('替换 worked from the keyboard keeps the focus in the bar: Enter again replaces the next match, never splits the text', async () => {
    const { p, bar } = await replaceBarOnTwoMatches();
    const paragraphs = await blocks(p, 'measures').count();
    await bar.getByRole('button', { name: '替换', exact: true }).focus();
    await p.keyboard.press('Enter');
    await expect.poll(() => blocks(p, 'measures').nth(1).textContent()).toBe('开展法治宣传教育，普法宣传进村居。');
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('第 1 / 1 处');
    await p.keyboard.press('Enter');
    await expect.poll(() => blocks(p, 'measures').nth(1).textContent()).toBe('开展法治宣传教育，法治宣传教育进村居。');
    expect(await blocks(p, 'measures').count()).toBe(paragraphs);
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('没有找到');
    await p.keyboard.press('Escape');
    await expect.poll(() => bar.count()).toBe(0);
    // The two replacements, undone one by one, in the one history.
    await p.keyboard.press('Control+z');
    await expect.poll(() => blocks(p, 'measures').nth(1).textContent()).toBe('开展法治宣传教育，普法宣传进村居。');
  });

  it('after 全部替换 (or 替换 of the last match) Esc closes the bar, and Ctrl+Z undoes the replacement', async () => {
    const { p, bar } = await replaceBarOnTwoMatches();
    await bar.getByRole('button', { name: '全部替换' }).click();
    await expect.poll(() => blocks(p, 'measures').nth(1).textContent()).toBe('开展法治宣传教育，法治宣传教育进村居。');
    // As Word says 完成 N 处替换: how many were replaced, not only that none is left.
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('完成 2 处替换');
    // Nothing left to replace: the buttons are disabled, and the keys still reach the bar.
    await p.keyboard.press('Escape');
    await expect.poll(() => bar.count()).toBe(0);
    await p.keyboard.press('Control+z');
    await expect.poll(() => blocks(p, 'measures').nth(1).textContent()).toBe('开展普法宣传，普法宣传进村居。');

    await p.keyboard.press('Control+h');
    await bar.getByLabel('查找内容').fill('进村居');
    await bar.getByLabel('替换为').fill('进村入户');
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('第 1 / 1 处');
    await bar.getByRole('button', { name: '替换', exact: true }).click();
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('没有找到');
    await p.keyboard.press('Escape');
    await expect.poll(() => bar.count()).toBe(0);
    expect(await blocks(p, 'measures').nth(1).textContent()).toBe('开展普法宣传，普法宣传进村入户。');
  });

  it('Ctrl+F on words typed a moment ago, before the text was checked again, shows them as the first match', async () => {
    const p = await newReport();
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('开展宪法宣传周活动。');
    // Checked: the sub-heading over the line is no longer flagged as empty.
    await expect.poll(() => p.locator('.findings').textContent()).not.toContain('（一）健全政府机构职能体系');
    // Typed, selected and searched for in one go, within the check's pause.
    await p.evaluate(`(() => {
      document.execCommand('insertText', false, '组织法律明白人培训。');
      const walker = document.createTreeWalker(document.querySelector('[data-section-editor="measures"]'), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf('法律明白人');
        if (at >= 0) getSelection().setBaseAndExtent(node, at, node, at + 5);
      }
      document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', code: 'KeyF', ctrlKey: true, bubbles: true, cancelable: true }));
    })()`);
    const bar = p.getByRole('search', { name: '查找和替换' });
    await expect.poll(() => bar.getByLabel('查找内容').inputValue()).toBe('法律明白人');
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('第 1 / 1 处');
    const highlighted = `(() => { const h = CSS.highlights.get('find-current'); return h ? [...h].map(String).join('|') : ''; })()`;
    expect(await p.evaluate<string>(highlighted)).toBe('法律明白人');
  });

  it('the 编辑 menu’s 撤销/重做 step through the one history from a table cell and a figure’s field', async () => {
    const p = await newReport();
    await blocks(p, 'measures').first().click();
    await p.getByRole('button', { name: '插入表格' }).click();
    const cell = p.locator('.report-table-grid input[data-row="1"][data-column="0"]');
    await cell.click();
    await p.keyboard.type('调解委员会');
    await p.waitForTimeout(1100);
    const figure = p.locator('details.indicators input[aria-label="法治培训"]');
    await figure.click();
    await p.keyboard.type('6');
    await cell.click(); // the focus in the cell, as the clerk opens the menu
    const menu = (command: string) => p.evaluate(`window.__menu(${JSON.stringify(command)})`);
    await menu('undo');
    await expect.poll(() => figure.inputValue()).toBe('');
    expect(await cell.inputValue()).toBe('调解委员会');
    await menu('undo');
    await expect.poll(() => cell.inputValue()).toBe('');
    await menu('redo');
    await expect.poll(() => cell.inputValue()).toBe('调解委员会');
    await menu('redo');
    await expect.poll(() => figure.inputValue()).toBe('6');
  });

  it('视图’s 放大/缩小/实际大小 and Ctrl+= / Ctrl+- / Ctrl+0 zoom the document, as the status bar does', async () => {
    const p = await newReport();
    const shown = () => p.locator('.zoom-value').textContent();
    const menu = (command: string) => p.evaluate(`window.__menu(${JSON.stringify(command)})`);
    await menu('zoomIn');
    await expect.poll(shown).toBe('110%');
    await menu('zoomIn');
    await expect.poll(shown).toBe('120%');
    await menu('zoomOut');
    await expect.poll(shown).toBe('110%');
    await menu('zoomReset');
    await expect.poll(shown).toBe('100%');
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.press('Control+=');
    await expect.poll(shown).toBe('110%');
    await p.keyboard.press('Control+-');
    await p.keyboard.press('Control+-');
    await expect.poll(shown).toBe('90%');
    await p.keyboard.press('Control+0');
    await expect.poll(shown).toBe('100%');
    // The keys typed nothing into the text.
    expect(await blocks(p, 'measures').nth(1).textContent()).toBe('');
  });
});
