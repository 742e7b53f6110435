/**
 * One document editor (issue 14): undo, Ctrl+A, arrows and mouse selection run across the parts of the
 * report; 忽略 and 添加部分 are undone with Ctrl+Z like typing; a click on an empty paragraph types there;
 * an IME composition's keys never reach the editor's key handlers. In the built renderer, in Chromium.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeNeeding } from '../support/needs';
import { buildRenderer, CARET_SECTION, launchChromium, RENDERER_DIR } from './support/chromium';
import { startStandIn, type StandIn } from './support/standin';

describeNeeding(['chromium', 'cjk-fonts'], 'one editor for the whole report, in Chromium', () => {
  let browser: Browser;
  let standIn: StandIn;
  let page: Page;
  /** This test's folder: the clerk's files, and the app's user data under userData/. */
  let work: string;

  beforeAll(async () => {
    buildRenderer();
    browser = await launchChromium();
  });

  // Each test: a fresh stand-in over a fresh user-data folder, and a fresh window (open()), so any test passes alone or in any order.
  beforeEach(async () => {
    work = mkdtempSync(join(tmpdir(), '整篇 编辑-'));
    standIn = await startStandIn(RENDERER_DIR, join(work, 'userData'));
  });

  afterEach(async () => {
    await page?.close();
    await standIn?.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(): Promise<Page> {
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript(standIn.clientScript);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(standIn.url);
    return page;
  }

  async function newReport(): Promise<Page> {
    const p = await open();
    await p.getByLabel('单位名称').fill('云溪镇');
    await p.getByLabel('报告年度').fill('2025');
    await p.getByRole('button', { name: '开始写报告' }).click();
    await p.locator('[data-section-editor="measures"]').waitFor();
    return p;
  }

  async function importText(lines: string[]): Promise<Page> {
    const p = await open();
    const path = join(work, `导入${Date.now()}.txt`);
    writeFileSync(path, lines.join('\n'));
    standIn.dialogs.importDocument = path;
    await p.getByRole('button', { name: /^导入/ }).first().click();
    await p.getByRole('button', { name: '开始编辑' }).click();
    await p.locator('.doc-heading').first().waitFor();
    return p;
  }

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
    expect(await p.locator('.outline .missing', { hasText: '存在的不足和原因' }).count()).toBe(1);
    expect(await p.locator('.outline').textContent()).toContain('二、2026年工作安排');
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
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Input.imeSetComposition', { text: 'dangwei', selectionStart: 7, selectionEnd: 7 });
    // Keys during the composition arrive as keyCode 229: Backspace edits the candidate, Enter confirms it.
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      windowsVirtualKeyCode: 229,
      nativeVirtualKeyCode: 229,
      key: 'Process',
      code: 'Backspace',
    });
    await cdp.send('Input.imeSetComposition', { text: 'dangwe', selectionStart: 6, selectionEnd: 6 });
    await cdp.send('Input.imeSetComposition', { text: '党委', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      windowsVirtualKeyCode: 229,
      nativeVirtualKeyCode: 229,
      key: 'Process',
      code: 'Enter',
    });
    await cdp.send('Input.insertText', { text: '党委' });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', windowsVirtualKeyCode: 13, key: 'Enter', code: 'Enter' });
    await expect.poll(() => blocks(p, 'leadership').first().textContent()).toBe('党委书记带头学法。');
    expect(await blocks(p, 'leadership').count()).toBe(count);
    expect(await partText(p, 'measures')).not.toContain('党委');
    expect(await p.locator('.doc-heading').nth(1).locator('.heading-input').inputValue()).toBe(
      '党政主要负责人履行推进法治建设第一责任人职责情况',
    );
  });
});
