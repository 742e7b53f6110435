/**
 * A long report (about 30,000 characters, as a county town's can be): the parts off screen are neither laid out
 * nor painted (content-visibility, so that a keystroke costs what is on screen), and every way of going
 * somewhere far still lands on the words, in view: the 提纲, a finding, 查找, Ctrl+End and Ctrl+Home.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { serializeReport } from '../../src/core/model/file';
import { createReportFromTemplate } from '../../src/core/model/fromTemplate';
import type { ReportDocument } from '../../src/core/model/report';
import { defaultRegistry } from '../../src/core/templates/registry';
import { describeNeeding } from '../support/needs';
import { useApp } from './support/app';

const WORK = [
  '镇党委理论学习中心组围绕宪法和行政法律法规开展专题学习，班子成员结合分管领域逐一交流学习体会。',
  '司法所会同综治中心对辖区各村逐户走访，登记邻里、婚姻家庭和土地承包方面的苗头问题并当场答复。',
  '镇政府常务会议审议的行政规范性文件和重大合同，均先经法律顾问出具书面意见后再提交会议讨论。',
  '综合行政执法队按照执法全过程记录要求配备执法记录仪，案卷按季度交由司法所评查并通报结果。',
];

describeNeeding(['chromium', 'cjk-fonts'], 'a long report, in Chromium', () => {
  const app = useApp({ folder: '长报告 测试-' });

  function longReport(): string {
    const doc: ReportDocument = createReportFromTemplate(defaultRegistry.get('township')!, {
      unit: '青禾镇',
      year: 2025,
    });
    let n = 0;
    const paragraphs = (count: number) =>
      Array.from({ length: count }, () => ({ kind: 'paragraph' as const, text: `（${++n}）${WORK[n % WORK.length]}` }));
    const texts: Record<string, ReturnType<typeof paragraphs>> = {
      measures: paragraphs(380),
      leadership: paragraphs(80),
      shortcomings: paragraphs(40),
      plans: [...paragraphs(50), { kind: 'paragraph', text: '明年对其它重点人群开展一次法律知识测评。' }],
      other: [...paragraphs(20), { kind: 'paragraph', text: '全年未发生行政复议被纠错案件，这是最末一段。' }],
    };
    doc.sections = doc.sections.map((s) => (s.part && texts[s.part] ? { ...s, blocks: texts[s.part]! } : s));
    doc.meta.date = '2026年1月12日';
    const path = join(app.work, '青禾镇（长）.nianbao');
    writeFileSync(path, serializeReport(doc));
    return path;
  }

  /** The rectangle's vertical extent lies inside the document's scrolling pane. */
  const IN_PANE = `(rect) => { const pane = document.querySelector('.document').getBoundingClientRect();
    return rect.height > 0 && rect.top >= pane.top - 1 && rect.bottom <= pane.bottom + 1; }`;
  /** The caret's line in view; in an empty paragraph (no line box of text) the paragraph's. */
  const caretInView = (p: Page) =>
    p.evaluate<boolean>(`(() => { const range = getSelection().getRangeAt(0);
      const node = range.startContainer; const element = node.nodeType === 1 ? node : node.parentElement;
      return (${IN_PANE})(range.getClientRects()[0] ?? element.getBoundingClientRect()); })()`);
  const selectedText = (p: Page) => p.evaluate<string>('getSelection().toString()');
  const caretPart = (p: Page) =>
    p.evaluate<string | undefined>(
      "getSelection().anchorNode?.parentElement?.closest('[data-section-editor]')?.getAttribute('data-section-editor')",
    );

  async function openLong(): Promise<Page> {
    const p = await app.open();
    app.standIn.dialogs.openReport = longReport();
    await p.getByRole('button', { name: '打开本软件保存的报告…' }).click();
    await p.locator('[data-section-editor="measures"]').waitFor();
    return p;
  }

  it('the parts far off screen wait unpainted, with a height near their own', async () => {
    const p = await openLong();
    expect((await p.locator('[data-section-editor]').allTextContents()).join('').length).toBeGreaterThan(28_000);
    // The last part is not rendered until it is near the screen…
    const lastShown = () =>
      p.evaluate<boolean>(
        `document.querySelector('[data-section-editor="other"] > *').checkVisibility({ contentVisibilityAuto: true })`,
      );
    expect(await lastShown()).toBe(false);
    const estimate = await p.evaluate<number>(`document.querySelector('.document').scrollHeight`);
    // …and once every part has been shown, the pane's height is within a tenth of the estimate it started with.
    await p.evaluate(`(async () => { const pane = document.querySelector('.document');
      for (let y = 0; y < pane.scrollHeight; y += pane.clientHeight) { pane.scrollTop = y; await new Promise(requestAnimationFrame); } })()`);
    expect(await lastShown()).toBe(true);
    const real = await p.evaluate<number>(`document.querySelector('.document').scrollHeight`);
    expect(Math.abs(real - estimate) / real).toBeLessThan(0.1);
  });

  it('the 提纲, a finding, 查找, Ctrl+End and Ctrl+Home each put the caret on their words, in view', async () => {
    const p = await openLong();
    const outline = p.getByRole('navigation', { name: '提纲' });
    await outline.getByRole('button', { name: /其他需要报告/ }).click();
    await expect.poll(() => caretPart(p)).toBe('other');
    await expect.poll(() => caretInView(p)).toBe(true);

    await p.getByRole('button', { name: /^检查/ }).first().click();
    const finding = p.locator('.finding-text', { hasText: '其它' }).first();
    await finding.click();
    await expect.poll(() => selectedText(p)).toBe('其它');
    expect(await caretPart(p)).toBe('plans');
    await expect.poll(() => caretInView(p)).toBe(true);

    await p.keyboard.press('Control+Home');
    await p.keyboard.press('Control+f');
    const find = p.getByRole('search', { name: '查找和替换' }).getByLabel('查找内容');
    await find.fill('最末一段');
    await find.press('Enter');
    await expect
      .poll(() =>
        p.evaluate<boolean>(
          `(() => { const h = CSS.highlights.get('find-current'); const r = h && [...h][0]; return !!r && (${IN_PANE})(r.getBoundingClientRect()); })()`,
        ),
      )
      .toBe(true);
    await p.keyboard.press('Escape');

    await p.locator('[data-section-editor="measures"] > *').nth(3).click();
    await p.keyboard.press('Control+End');
    await expect.poll(() => caretPart(p)).toBe('other');
    await expect.poll(() => caretInView(p)).toBe(true);
    await p.keyboard.type('完');
    await expect
      .poll(() => p.locator('[data-section-editor="other"] > *').last().textContent())
      .toBe('全年未发生行政复议被纠错案件，这是最末一段。完');

    // Shift+Ctrl+End from the middle of the report selects to its very end.
    await outline.getByRole('button', { name: /存在的不足|不足/ }).click();
    await expect.poll(() => caretPart(p)).toBe('shortcomings');
    await p.keyboard.press('Control+Shift+End');
    await expect.poll(() => selectedText(p).then((t) => t.replace(/\s/g, '').endsWith('这是最末一段。完'))).toBe(true);
    expect((await selectedText(p)).replace(/\s/g, '')).toContain('其它重点人群');

    await p.keyboard.press('Control+Home');
    await expect.poll(() => caretInView(p)).toBe(true);
    // Page by page down the report: what is typed lands where the caret is shown.
    await p.locator('[data-section-editor="measures"] > *').first().click();
    for (let i = 0; i < 4; i++) await p.keyboard.press('PageDown');
    await p.keyboard.type('※');
    await expect
      .poll(() =>
        p
          .locator('[data-section-editor="measures"]')
          .textContent()
          .then((t) => t?.includes('※')),
      )
      .toBe(true);
    await expect.poll(() => caretInView(p)).toBe(true);
    expect(await p.evaluate<string>('getSelection().anchorNode.textContent')).toContain('※');
    await p.keyboard.press('Control+a');
    expect((await selectedText(p)).replace(/\s/g, '')).toContain('这是最末一段。完');
  });
});
