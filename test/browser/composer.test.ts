/**
 * One document editor (issue 14): undo, Ctrl+A, arrows and mouse selection run across the parts of the
 * report; 忽略 and 添加部分 are undone with Ctrl+Z like typing; a click on an empty paragraph types there;
 * an IME composition's keys never reach the editor's key handlers. In the built renderer, in Chromium.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeNeeding } from '../support/needs';
import { useApp } from './support/app';
import { importLines, newReport as createReport } from './support/report';
import { ime } from './support/ime';
import { CARET_SECTION } from './support/chromium';

describeNeeding(['chromium', 'cjk-fonts'], 'one editor for the whole report, in Chromium', () => {
  const app = useApp({ folder: '整篇 编辑-' });
  const newReport = () => createReport(app, { unit: '云溪镇' });

  const importText = (lines: string[]) => importLines(app, lines);

  const blocks = (p: Page, section: string) => p.locator(`[data-section-editor="${section}"] > *`);
  const partText = (p: Page, section: string) => p.locator(`[data-section-editor="${section}"]`).textContent();
  /** Where the caret is: the part of the selection's start. */
  const caretPart = (p: Page) => p.evaluate<string | undefined>(CARET_SECTION);
  /** Put the caret at the end of a block's text, as a click after its last character would. */
  const caretAtEnd = (p: Page, section: string, index: number) =>
    p.evaluate(`(() => {
      const block = document.querySelectorAll('[data-section-editor="${section}"] > *')[${index}];
      const range = document.createRange();
      range.selectNodeContents(block);
      range.collapse(false);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);

  it('Ctrl+Z in part 四 undoes the last edit made in part 三', async () => {
    const p = await newReport();
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('执法人员少，主要原因是编制不足。');
    await p.waitForTimeout(1100); // its own undo step
    await p.keyboard.insertText('车辆也旧。');
    await blocks(p, 'plans').first().click();
    expect(await caretPart(p)).toBe('plans');
    await p.keyboard.press('Control+z');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('执法人员少，主要原因是编制不足。');
    await p.keyboard.press('Control+z');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('');
    await p.keyboard.press('Control+y');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('执法人员少，主要原因是编制不足。');
  });

  it('Ctrl+A selects the text of every part, and copy gives all of it', async () => {
    const p = await newReport();
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('全年审查合同12份。');
    await blocks(p, 'other').first().click();
    await p.keyboard.insertText('无其他需要报告的情况。');
    await blocks(p, 'plans').first().click();
    await p.evaluate(
      "window.__copied = null; document.addEventListener('copy', (e) => { window.__copied = e.clipboardData.getData('text/plain'); })",
    );
    await p.keyboard.press('Control+a');
    const selected = await p.evaluate<string>('getSelection().toString()');
    expect(selected).toContain('全年审查合同12份。');
    expect(selected).toContain('无其他需要报告的情况。');
    await p.keyboard.press('Control+c');
    const copied = await p.evaluate<string>('window.__copied');
    expect(copied.indexOf('全年审查合同12份。')).toBeGreaterThanOrEqual(0);
    expect(copied.indexOf('无其他需要报告的情况。')).toBeGreaterThan(copied.indexOf('全年审查合同12份。'));
  });

  it('Backspace and Delete remove one character: a Chinese character, a whole emoji, an accent; Ctrl+Z brings them back', async () => {
    const p = await newReport();
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('调解员👍不足，cafe\u0301好');
    await p.waitForTimeout(1100); // typing is its own undo step
    await caretAtEnd(p, 'shortcomings', 0);
    const seen: Array<string | null> = [];
    const step = async (key: string) => {
      await p.keyboard.press(key);
      await p.waitForTimeout(100);
      seen.push(await partText(p, 'shortcomings'));
    };
    await step('Backspace');
    await step('Backspace');
    // Keys milliseconds apart: each acts where the caret is on screen, even when the browser reports the
    // caret's move after the next key (a busy machine; see the test of that above).
    await p.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await p.keyboard.press('ArrowRight');
    await step('Delete');
    await step('Delete');
    await step('Backspace');
    await p.keyboard.insertText('者');
    await p.keyboard.press('Control+z');
    await p.keyboard.press('Control+z');
    await p.waitForTimeout(100);
    seen.push(await partText(p, 'shortcomings'));
    // As before the quick path: the accent alone goes first, as Chromium deletes it; the emoji as a whole.
    expect(seen).toEqual([
      '调解员👍不足，cafe\u0301',
      '调解员👍不足，cafe',
      '调解员不足，cafe',
      '调解员足，cafe',
      '调解足，cafe',
      '调解员足，cafe',
    ]);
  });

  it('Backspace inside a word whose characters repeat, and typing right after it, act where the caret is', async () => {
    // A changed text is written by its changed characters only (editor/textInPlace.ts); where that leaves the
    // page's caret off by one (the first of two equal characters deleted), the editor must still put it right.
    const p = await newReport();
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('法法治镇镇');
    await p.keyboard.press('Home');
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('Backspace');
    await p.keyboard.insertText('依');
    await p.keyboard.press('End');
    await p.keyboard.press('ArrowLeft');
    await p.keyboard.press('Backspace');
    await p.keyboard.press('Backspace');
    await p.keyboard.insertText('建');
    await p.keyboard.press('Delete');
    await p.keyboard.insertText('设');
    expect(await partText(p, 'shortcomings')).toBe('依法建设');
  });

  it('a key handled before the browser reported the caret’s last move acts where the caret is on screen', async () => {
    const p = await newReport();
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('调解员不足，经费少');
    await p.waitForTimeout(100);
    // On a busy machine Chromium may run the next key before the selectionchange of the caret's move (Home,
    // an arrow): here, in one task, the caret is moved (as the browser moves it) and Delete comes at once.
    await p.evaluate(`(() => {
      const text = document.querySelector('[data-section-editor="shortcomings"] > *').firstChild.firstChild ?? document.querySelector('[data-section-editor="shortcomings"] > *').firstChild;
      getSelection().collapse(text, 3);
      document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', code: 'Delete', bubbles: true, cancelable: true }));
    })()`);
    await expect.poll(() => partText(p, 'shortcomings')).toBe('调解员足，经费少');
    // An arrow key Lexical takes while it still has the caret at the end of the part (its edge, where → goes
    // on into the next part), though the caret is already in the middle of the line.
    await p.keyboard.press('End');
    await p.waitForTimeout(100);
    await p.evaluate(`(() => {
      const text = document.querySelector('[data-section-editor="shortcomings"] > *').firstChild.firstChild ?? document.querySelector('[data-section-editor="shortcomings"] > *').firstChild;
      getSelection().collapse(text, 2);
      document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', code: 'ArrowRight', bubbles: true, cancelable: true }));
    })()`);
    await p.waitForTimeout(100);
    expect(await caretPart(p)).toBe('shortcomings');
    await p.keyboard.insertText('甲');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('调解甲员足，经费少');
    expect(await partText(p, 'plans')).toBe('');
  });

  it('ArrowDown on the last line of a part goes into the next part', async () => {
    const p = await newReport();
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('人员少。');
    await caretAtEnd(p, 'shortcomings', 0);
    await p.keyboard.press('ArrowDown');
    await expect.poll(() => caretPart(p)).toBe('plans');
    await p.keyboard.insertText('加强培训。');
    await expect.poll(() => partText(p, 'plans')).toBe('加强培训。');
    expect(await partText(p, 'shortcomings')).toBe('人员少。');
  });

  it('Shift+ArrowDown, Shift+End and Shift+ArrowUp extend the selection across two parts, and Ctrl+C copies both', async () => {
    const p = await newReport();
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('基层执法人员偏少。');
    await blocks(p, 'plans').first().click();
    await p.keyboard.insertText('明年补齐执法力量。');
    await p.evaluate(
      "window.__copied = null; document.addEventListener('copy', (e) => { window.__copied = e.clipboardData.getData('text/plain'); })",
    );
    /** The part the selection's moving end (focus) is in. */
    const focusPart = () =>
      p.evaluate<string | undefined>(
        "(() => { const n = getSelection().focusNode; const e = n && (n.nodeType === 1 ? n : n.parentElement); return e?.closest('[data-section]')?.getAttribute('data-section'); })()",
      );
    const selected = () => p.evaluate<string>('getSelection().toString()');

    // From the start of the last line of part 三: down into part 四, then to the end of that line.
    await caretAtEnd(p, 'shortcomings', 0);
    await p.keyboard.press('Home');
    await p.keyboard.press('Shift+ArrowDown');
    await expect.poll(focusPart).toBe('plans');
    expect(await selected()).toContain('基层执法人员偏少。');
    await p.keyboard.press('Shift+End');
    await expect.poll(selected).toContain('明年补齐执法力量。');
    expect(await focusPart()).toBe('plans');
    await p.keyboard.press('Control+c');
    const copied = await p.evaluate<string>('window.__copied');
    expect(copied.indexOf('基层执法人员偏少。')).toBeGreaterThanOrEqual(0);
    expect(copied.indexOf('明年补齐执法力量。')).toBeGreaterThan(copied.indexOf('基层执法人员偏少。'));

    // From the end of part 四's first line, Shift+ArrowUp reaches back into part 三.
    await caretAtEnd(p, 'plans', 0);
    await p.keyboard.press('Shift+ArrowUp');
    await expect.poll(focusPart).toBe('shortcomings');
    expect(await selected()).toContain('明年补齐执法力量。');
    // Nothing was changed by selecting.
    expect(await partText(p, 'shortcomings')).toBe('基层执法人员偏少。');
    expect(await partText(p, 'plans')).toBe('明年补齐执法力量。');
  });

  it('a mouse drag selects across the boundary of two parts', async () => {
    const p = await newReport();
    await blocks(p, 'shortcomings').first().click();
    await p.keyboard.insertText('基层执法人员偏少。');
    await blocks(p, 'plans').first().click();
    await p.keyboard.insertText('明年补齐执法力量。');
    await blocks(p, 'shortcomings')
      .first()
      .evaluate((e) => e.scrollIntoView({ block: 'center' }));
    /** The middle of a character of a part's first block, on the screen. */
    const charAt = (section: string, at: number) =>
      p.evaluate<{ x: number; y: number }>(`(() => {
        const text = document.createTreeWalker(document.querySelector('[data-section-editor="${section}"] > *'), NodeFilter.SHOW_TEXT).nextNode();
        const range = document.createRange();
        range.setStart(text, ${at});
        range.setEnd(text, ${at + 1});
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      })()`);
    const from = await charAt('shortcomings', 4);
    const to = await charAt('plans', 4);
    // From inside 人员 of part 三 to inside 执法 of part 四, over the heading of 四.
    await p.mouse.move(from.x - 5, from.y);
    await p.mouse.down();
    await p.mouse.move(to.x - 5, to.y, { steps: 8 });
    await p.mouse.up();
    const selected = await p.evaluate<string>('getSelection().toString()');
    expect(selected).toContain('人员偏少。');
    expect(selected).toContain('明年补齐');
    expect(selected).not.toContain('执法力量');
    // Typing over it keeps both parts and their headings.
    await p.keyboard.insertText('和');
    await expect.poll(() => partText(p, 'shortcomings')).toBe('基层执法和');
    expect(await partText(p, 'plans')).toBe('执法力量。');
    expect(await p.locator('section[data-part="plans"] .doc-heading .heading-input').inputValue()).toBe(
      '下一年度主要安排',
    );
  });

  it('text typed after a click or a double click on an empty paragraph lands in it, not in the sub-heading after it', async () => {
    const p = await newReport();
    const measures = blocks(p, 'measures');
    // The template's part 一: sub-headings with an empty paragraph under each.
    const kinds = await measures.evaluateAll((items) =>
      items.map((i) => (i.getAttribute('data-level') ? 'h' : i.textContent ? 'p' : 'empty')),
    );
    const empties = kinds.flatMap((k, i) => (k === 'empty' && kinds[i + 1] === 'h' ? [i] : []));
    expect(empties.length).toBeGreaterThan(2);
    const [first, second, third] = empties as [number, number, number];
    const headings = await measures.evaluateAll((items) =>
      items.filter((i) => i.getAttribute('data-level')).map((i) => i.textContent),
    );
    // After typing in another part, a click low in the empty line, near the next sub-heading.
    await blocks(p, 'plans').first().click();
    await p.keyboard.type('x');
    await measures.nth(first).evaluate((e) => e.scrollIntoView({ block: 'center' }));
    const box = (await measures.nth(first).boundingBox())!;
    await p.mouse.click(box.x + box.width / 2, box.y + box.height - 3);
    await p.keyboard.insertText('合法性审查28份。');
    await expect.poll(() => measures.nth(first).textContent()).toBe('合法性审查28份。');
    // A double click selects the empty line's paragraph break; typing keeps the sub-heading after it.
    await measures.nth(second).dblclick();
    await p.keyboard.type('28');
    await expect.poll(() => measures.nth(second).textContent()).toBe('28');
    await measures.nth(third).dblclick();
    await p.keyboard.insertText('备案3件。');
    await expect.poll(() => measures.nth(third).textContent()).toBe('备案3件。');
    expect(
      await measures.evaluateAll((items) =>
        items.filter((i) => i.getAttribute('data-level')).map((i) => i.textContent),
      ),
    ).toEqual(headings);
    expect(await partText(p, 'plans')).toBe('x');
  });

  it('one undo history: Ctrl+Z steps back through the text, 成文日期 and a figure in reverse order, Ctrl+Y redoes', async () => {
    const p = await newReport();
    const date = p.locator('#meta-date');
    const figure = p.locator('details.indicators input[aria-label="法治培训"]');
    const dateBefore = await date.inputValue();
    const figureBefore = await figure.inputValue();
    await blocks(p, 'measures').nth(1).click();
    await p.keyboard.insertText('全年开展法治培训12场次。');
    await date.click();
    await date.press('Control+a');
    await p.keyboard.type('2026年1月20日');
    await figure.click();
    await p.keyboard.type('12');
    const measures = () => partText(p, 'measures');
    expect(await measures()).toContain('全年开展法治培训12场次。');

    await p.keyboard.press('Control+z');
    await expect.poll(() => figure.inputValue()).toBe(figureBefore);
    expect(await date.inputValue()).toBe('2026年1月20日');
    await p.keyboard.press('Control+z');
    await expect.poll(() => date.inputValue()).toBe(dateBefore);
    expect(await measures()).toContain('全年开展法治培训12场次。');
    await p.keyboard.press('Control+z');
    await expect.poll(measures).not.toContain('法治培训12场次');

    await p.keyboard.press('Control+y');
    await expect.poll(measures).toContain('全年开展法治培训12场次。');
    expect(await date.inputValue()).toBe(dateBefore);
    await p.keyboard.press('Control+y');
    await expect.poll(() => date.inputValue()).toBe('2026年1月20日');
    await p.keyboard.press('Control+y');
    await expect.poll(() => figure.inputValue()).toBe('12');

    // And from the text: Ctrl+Z there undoes the figure changed last, and leaves the text as it is.
    await blocks(p, 'measures').nth(1).click();
    expect(await caretPart(p)).toBe('measures');
    await p.keyboard.press('Control+z');
    await expect.poll(() => figure.inputValue()).toBe(figureBefore);
    expect(await measures()).toContain('全年开展法治培训12场次。');
    expect(await date.inputValue()).toBe('2026年1月20日');
  });

  it('an IME composition in a side field is one undo step, however slow, and its keys undo nothing', async () => {
    const p = await newReport();
    const unit = p.locator('#meta-unit');
    await unit.click();
    await unit.press('End');
    const input = await ime(p);
    await input.compose('q');
    await p.waitForTimeout(1200); // longer than a pause: still the same step
    // A key the IME owns (keyCode 229) that spells Ctrl+Z must not undo.
    await input.cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      modifiers: 2,
      windowsVirtualKeyCode: 229,
      key: 'z',
      code: 'KeyZ',
    });
    await input.compose('qiao');
    await p.waitForTimeout(1200);
    await input.commit('桥');
    await expect.poll(() => unit.inputValue()).toBe('云溪镇桥');
    await p.keyboard.press('Control+z');
    await expect.poll(() => unit.inputValue()).toBe('云溪镇');
    await p.keyboard.press('Control+y');
    await expect.poll(() => unit.inputValue()).toBe('云溪镇桥');
  });

  it('忽略 a finding, then Ctrl+Z in the text brings it back', async () => {
    const p = await newReport();
    const warnings = p.locator('.finding-warning li');
    await expect.poll(() => warnings.count()).toBeGreaterThan(0);
    const first = (await warnings.first().locator('.finding-text').textContent())!;
    await warnings.first().getByRole('button', { name: '忽略' }).click();
    await expect.poll(() => p.locator('.findings details summary').textContent()).toBe('已忽略（1）');
    await blocks(p, 'plans').first().click();
    await p.keyboard.press('Control+z');
    await expect.poll(() => p.locator('.findings details').count()).toBe(0);
    expect(await p.locator('.finding-warning .finding-text').allTextContents()).toContain(first);
  });

  it('a part added from the outline is removed again by Ctrl+Z', async () => {
    const p = await importText([
      '石岭镇关于2025年度法治政府建设情况的报告',
      '一、主要举措和成效',
      '全年开展法治培训8场次。',
      '二、2026年工作安排',
      '继续加强法治培训。',
    ]);
    const before = await p.locator('.doc-heading').count();
    await p.locator('.outline .missing', { hasText: '存在的不足和原因' }).click();
    await expect.poll(() => p.locator('.doc-heading').count()).toBe(before + 1);
    await expect
      .poll(() => caretPart(p))
      .toBe(await p.locator('section[data-part="shortcomings"]').getAttribute('data-section'));
    // In sight: the part just added was scrolled to.
    const shown = await p.evaluate<boolean>(
      "(() => { const s = document.querySelector('section[data-part=\"shortcomings\"]').getBoundingClientRect(); const pane = document.querySelector('.document').getBoundingClientRect(); return s.bottom > pane.top && s.top < pane.bottom; })()",
    );
    expect(shown).toBe(true);
    await p.keyboard.press('Control+z');
    await expect.poll(() => p.locator('.doc-heading').count()).toBe(before);
    // The outline follows the text a render later (the app re-renders the editor's changes as a transition).
    await expect.poll(() => p.locator('.outline .missing', { hasText: '存在的不足和原因' }).count()).toBe(1);
    await expect.poll(() => p.locator('.outline').textContent()).toContain('二、2026年工作安排');
  });

  it('an IME composition at the start of part 二 reaches no key handler: no split, no merge, no lost text', async () => {
    const p = await newReport();
    await blocks(p, 'leadership').first().click();
    await p.keyboard.insertText('书记带头学法。');
    await p.waitForTimeout(1100);
    // The caret before the first character, where Backspace would otherwise be guarded.
    await p.evaluate(`(() => {
      const text = document.createTreeWalker(document.querySelector('[data-section-editor="leadership"] > *'), NodeFilter.SHOW_TEXT).nextNode();
      const range = document.createRange();
      range.setStart(text, 0);
      range.collapse(true);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);
    await p.waitForTimeout(100);
    const count = await blocks(p, 'leadership').count();
    const input = await ime(p);
    await input.compose('dangwei');
    // Keys during the composition arrive as keyCode 229: Backspace edits the candidate, Enter confirms it.
    await input.keyWhileComposing('Backspace');
    await input.compose('dangwe');
    await input.compose('党委');
    await input.keyWhileComposing('Enter');
    await input.commit('党委');
    await input.releaseEnter();
    await expect.poll(() => blocks(p, 'leadership').first().textContent()).toBe('党委书记带头学法。');
    expect(await blocks(p, 'leadership').count()).toBe(count);
    expect(await partText(p, 'measures')).not.toContain('党委');
    expect(await p.locator('.doc-heading').nth(1).locator('.heading-input').inputValue()).toBe(
      '党政主要负责人履行推进法治建设第一责任人职责情况',
    );
  });
});
