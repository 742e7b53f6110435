/**
 * The clerk's editor defects a tester found (issue 14), in the built renderer in Chromium: a report only
 * opened is not "changed"; a click in the 提纲 puts the caret in that part; the small layout and console
 * defects.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { serializeReport } from '../../src/core/model/file';
import { createReportFromTemplate } from '../../src/core/model/fromTemplate';
import { tableBlock, type ReportDocument } from '../../src/core/model/report';
import { defaultRegistry } from '../../src/core/templates/registry';
import { describeNeeding } from '../support/needs';
import { useApp } from './support/app';

describeNeeding(['chromium', 'cjk-fonts'], 'the clerk’s editor fixes, in Chromium', () => {
  const app = useApp({ folder: '编辑修正 测试-' });

  /** A saved report of our own, with text in every part and, if asked, a table of figures. */
  function savedReport(name: string, withTable: boolean): string {
    const doc: ReportDocument = createReportFromTemplate(defaultRegistry.get('township')!, {
      unit: '柳塘镇',
      year: 2025,
    });
    const texts: Record<string, string> = {
      measures: '全年开展送法进村活动十二场，聘请法律顾问覆盖全部村（社区）。',
      shortcomings: '执法人员偏少，主要原因是编制不足。',
      plans: '明年将完善合法性审查工作机制。',
    };
    doc.sections = doc.sections.map((s) => {
      const text = s.part ? texts[s.part] : undefined;
      if (!text) return s;
      const blocks = [
        ...s.blocks.filter((b) => b.kind !== 'paragraph' || b.text),
        { kind: 'paragraph' as const, text },
      ];
      if (withTable && s.part === 'measures')
        blocks.push(
          tableBlock([
            ['项目', '数量'],
            ['调解纠纷', '36件'],
          ]),
        );
      return { ...s, blocks };
    });
    doc.meta.date = '2026年1月10日';
    const path = join(app.work, name);
    writeFileSync(path, serializeReport(doc));
    return path;
  }

  async function openSaved(withTable: boolean): Promise<Page> {
    const p = await app.open();
    app.standIn.dialogs.openReport = savedReport(withTable ? '柳塘镇（有表格）.nianbao' : '柳塘镇.nianbao', withTable);
    await p.getByRole('button', { name: '打开本软件保存的报告…' }).click();
    await p.locator('[data-section-editor="measures"]').waitFor();
    return p;
  }

  const menu = async (p: Page, item: string) => {
    await p.getByText('文件', { exact: true }).click();
    await p.getByRole('button', { name: item }).click();
  };

  for (const withTable of [false, true])
    it(`a report only opened${withTable ? ' (with a table)' : ''} is not marked changed, and 新建 asks nothing`, async () => {
      const p = await openSaved(withTable);
      await p.waitForTimeout(1000);
      expect(await p.title()).not.toMatch(/\*/);
      await menu(p, '新建…');
      await p.getByRole('button', { name: '开始写报告' }).waitFor();
      expect(await p.getByRole('dialog', { name: '保存修改' }).count()).toBe(0);
      // Nor is it backed up as unsaved work: the next start offers nothing.
      const next = await app.open();
      await next.getByRole('button', { name: '开始写报告' }).waitFor();
      await next.waitForTimeout(300);
      expect(await next.getByRole('alert', { name: '恢复未保存的内容' }).count()).toBe(0);
    });

  it('a keystroke after opening marks it changed, and undoing it keeps the mark (as Word does)', async () => {
    const p = await openSaved(false);
    await p.locator('[data-section-editor="shortcomings"] > *').first().click();
    await p.keyboard.press('End');
    await p.keyboard.insertText('另');
    await expect.poll(() => p.title()).toMatch(/ \*$/);
    await p.keyboard.press('Control+z');
    await p.waitForTimeout(300);
    expect(await p.title()).toMatch(/ \*$/);
  });

  /** The part the caret is in (its section key's part). */
  const caretPart = (p: Page) =>
    p.evaluate(() =>
      getSelection()?.anchorNode?.parentElement?.closest('[data-section-editor]')?.getAttribute('data-section-editor'),
    );

  it('a click on a part in the 提纲 puts the caret there: typing lands in that part', async () => {
    const p = await openSaved(false);
    await p.locator('[data-section-editor="measures"] > *').last().click();
    const outline = p.getByRole('navigation', { name: '提纲' });
    await outline.getByRole('button', { name: /不足/ }).click();
    await expect.poll(() => caretPart(p)).toBe('shortcomings');
    await p.keyboard.insertText('另有经费不足。');
    await expect
      .poll(() => p.locator('[data-section-editor="shortcomings"]').textContent())
      .toContain('编制不足。另有经费不足。');
    expect(await p.locator('[data-section-editor="measures"]').textContent()).not.toContain('另有经费不足');
    // A part with nothing typed yet: the caret waits in its empty paragraph.
    await outline.getByRole('button', { name: /其他需要报告/ }).click();
    await expect.poll(() => caretPart(p)).toBe('other');
    await p.keyboard.insertText('无。');
    await expect.poll(() => p.locator('[data-section-editor="other"]').textContent()).toContain('无。');
    // The part's place is in view, with the caret.
    const inView = await p.evaluate(() => {
      const rect = getSelection()!.getRangeAt(0).getBoundingClientRect();
      const pane = document.querySelector('[data-section-editor="other"]')!.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= innerHeight && pane.top < innerHeight;
    });
    expect(inView).toBe(true);
  });

  const small = { width: 1093, height: 614 };

  it('at 1093×614, the message about a moved recent file is in view where the clerk clicked', async () => {
    const first = await openSaved(false);
    await first.close();
    renameSync(join(app.work, '柳塘镇.nianbao'), join(app.work, '柳塘镇（已移走）.nianbao'));
    const p = await app.open({ viewport: small });
    const moved = p.getByRole('navigation', { name: '最近打开' }).getByRole('button', { name: /柳塘镇\.nianbao/ });
    await moved.scrollIntoViewIfNeeded();
    await moved.click();
    const bar = p.locator('.message');
    await expect.poll(() => bar.textContent()).toContain('找不到“柳塘镇.nianbao”');
    const box = await bar.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= small.height).toBe(true);
  });

  it('at 1093×614, the 成文日期 field shows its whole example', async () => {
    const p = await app.open({ viewport: small });
    app.standIn.dialogs.openReport = savedReport('柳塘镇.nianbao', false);
    await p.getByRole('button', { name: '打开本软件保存的报告…' }).click();
    const field = p.locator('#meta-date');
    await field.fill('');
    const placeholder = await field.getAttribute('placeholder');
    expect(placeholder).toMatch(/2026年1月15日/);
    // The example's width in the field's own font, against the room inside the field.
    const fits = await field.evaluate((e: HTMLInputElement) => {
      const style = getComputedStyle(e);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = style.font;
      const room = e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return context.measureText(e.placeholder).width <= room;
    });
    expect(fits).toBe(true);
  });

  it('loads without a console warning or a failed request', async () => {
    const p = await app.open({ goto: false });
    const warnings: string[] = [];
    const failed: string[] = [];
    p.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
    });
    p.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await p.goto(app.standIn.url);
    await p.getByRole('button', { name: '开始写报告' }).waitFor();
    await p.waitForTimeout(500);
    expect(warnings).toEqual([]);
    expect(failed).toEqual([]);
  });
});
