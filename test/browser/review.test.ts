/**
 * The county reviewer's desk in Chromium: a folder of four reports (one unreadable, one in a sub-folder),
 * filters and the totals line, a row opened read-only and back, comments written into copies, a workbook.
 * The folder is made once; each test opens a fresh window over a fresh stand-in (its own user-data folder)
 * and chooses the folder itself, so any one passes alone and in any order.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { exportDocx } from '../../src/core/export/docx';
import { importText } from '../../src/core/import/index';
import { useApp } from './support/app';
import { ROOT } from './support/chromium';
import { describeNeeding } from '../support/needs';

const screenshots = join(ROOT, 'test-output/screenshots');

/** Each town its own figures; `training` null leaves 法治培训 out of the report (for the chart's 未填报). */
function report(
  unit: string,
  extra: string[] = [],
  figures: { disputes: number; training: number | null } = { disputes: 41, training: 3 },
): string {
  return [
    `${unit}关于2025年度法治政府建设情况的报告`,
    '一、主要举措和成效',
    `全年排查矛盾纠纷${figures.disputes}件，化解${figures.disputes - 1}件。${figures.training === null ? '' : `${unit}开展法治培训${figures.training}场次。`}`,
    ...extra,
    `${unit}人民政府`,
    '2026年1月20日',
  ].join('\n');
}

describeNeeding(['chromium', 'cjk-fonts'], 'the reviewer’s desk in Chromium', () => {
  const work = mkdtempSync(join(tmpdir(), '审核台 测试-'));
  const folder = join(work, '各镇报告');
  /** Last year's reports of two of the towns (东坪镇 sent none). */
  const lastYearFolder = join(work, '去年各镇报告');
  // Each test's own folder (app.work, inside work): the app's user data, the commented copies, the workbook.
  const app = useApp({ folder: '本测试-', parent: () => work, viewport: { width: 1440, height: 900 } });

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    mkdirSync(join(folder, '二组'), { recursive: true });
    writeFileSync(join(folder, '白沙镇.txt'), report('白沙镇', ['二、存在的不足和原因', '人员少。']));
    writeFileSync(join(folder, '坏文件.docx'), 'not a zip');
    writeFileSync(
      join(folder, '二组', '溪口镇.txt'),
      report('溪口镇', ['联系电话13912345678。'], { disputes: 120, training: 5 }),
    );
    const imported = importText(
      report('东坪镇', ['二、存在的不足和原因', '基层力量不足，主要原因是人员少。'], { disputes: 65, training: null }),
    );
    if (!imported.ok) throw new Error(imported.error);
    writeFileSync(join(folder, '东坪镇.docx'), await exportDocx(imported.doc));
    mkdirSync(lastYearFolder);
    const yearBefore = (text: string) => text.replace(/2025/g, '2024').replace(/2026/g, '2025');
    writeFileSync(
      join(lastYearFolder, '溪口镇2024.txt'),
      yearBefore(report('溪口镇', [], { disputes: 90, training: 4 })),
    );
    writeFileSync(
      join(lastYearFolder, '白沙镇2024.txt'),
      yearBefore(report('白沙镇', [], { disputes: 30, training: null })),
    );
  }, 240_000);

  const rows = () => app.page.locator('.review-table tbody tr');

  /** A fresh window at the reviewer's desk (批量检查), nothing chosen yet. */
  async function openDesk(): Promise<void> {
    await app.open();
    await app.page.getByRole('button', { name: '批量检查一个文件夹的报告…' }).click();
  }

  /** 选择文件夹… of this year's folder, every report checked. */
  async function checkFolder(): Promise<void> {
    app.standIn.dialogs.openFolder = folder;
    await app.page.getByRole('button', { name: '选择文件夹…' }).click();
    // Four files checked one after another: seconds on a busy two-core machine, not poll's default second.
    await expect
      .poll(() => app.page.locator('.review-progress').textContent(), { timeout: 30_000 })
      .toContain('已检查 4 / 4 份');
  }

  /** 批量检查 of the folder, every report checked and listed. */
  async function chooseFolder(): Promise<void> {
    await openDesk();
    await checkFolder();
    await expect.poll(() => rows().count()).toBe(4);
  }

  /** 去年的文件夹… of last year's folder: the desk names it and counts its two reports. */
  async function chooseLastYear(): Promise<void> {
    app.standIn.reviewDialogs.lastYearFolder = lastYearFolder;
    await app.page.getByRole('button', { name: '去年的文件夹…' }).click();
    await expect
      .poll(() => app.page.locator('.review-lastyear').textContent(), { timeout: 30_000 })
      .toContain('对比去年：去年各镇报告（2 份）');
  }

  /** 导出工作簿（Excel）… into this test's folder, read back. */
  async function exportWorkbook(name: string): Promise<ExcelJS.Workbook> {
    const xlsx = join(app.work, name);
    app.standIn.reviewDialogs.saveWorkbook = xlsx;
    await app.page.getByRole('button', { name: '导出工作簿（Excel）…' }).click();
    await expect.poll(() => existsSync(xlsx), { timeout: 60_000 }).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    return workbook;
  }

  it('gives every file a row, the unreadable one with its reason, and a totals line', async () => {
    await chooseFolder();
    const table = (await app.page.locator('.review-table').textContent()) ?? '';
    expect(table).toContain('乡镇（街道）法治政府建设年度报告');
    expect(table).toContain('2026年1月20日');
    expect(table).toContain(join('二组', '溪口镇.txt'));
    expect(await app.page.locator('.review-table tfoot').textContent()).toMatch(
      /合计 4 份：需修改 \d 份，可以提交 \d 份，无法读取 1 份/,
    );
    await app.page.screenshot({ path: join(screenshots, 'review-1-table.png') });
  });

  it('filters by verdict', async () => {
    await chooseFolder();
    await app.page.getByRole('radio', { name: /无法读取/ }).check();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('坏文件.docx');
    expect(await rows().first().textContent()).toContain('不是有效的 Word 文件');
    await app.page.getByRole('radio', { name: /需修改/ }).check();
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    expect(await app.page.locator('.review-table tbody').textContent()).not.toContain('坏文件.docx');
  });

  it('opens a report read-only with its outline and findings, and Escape goes back to the filtered table', async () => {
    await chooseFolder();
    await app.page.getByRole('radio', { name: /需修改/ }).check();
    await app.page.getByRole('button', { name: '白沙镇.txt' }).click();
    await expect.poll(() => app.page.locator('.review-report').isVisible()).toBe(true);
    expect(await app.page.locator('.review-readonly').textContent()).toBe('只读');
    expect(await app.page.locator('.review-outline').textContent()).toContain('✗');
    expect(await app.page.locator('.review-text').textContent()).toContain('全年排查矛盾纠纷41件');
    expect(await app.page.locator('.review-text [contenteditable]').count()).toBe(0);
    await expect.poll(() => app.page.locator('.review-findings li').count()).toBeGreaterThan(0);
    await app.page.screenshot({ path: join(screenshots, 'review-2-report.png') });
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.locator('.review-report').count()).toBe(0);
    expect(await app.page.getByRole('radio', { name: /需修改/ }).isChecked()).toBe(true);
    await app.page
      .getByRole('button', { name: '东坪镇.docx' })
      .click()
      .catch(() => undefined);
    if (await app.page.locator('.review-report').count()) {
      await app.page.getByRole('button', { name: '← 返回列表' }).click();
      await expect.poll(() => app.page.locator('.review-report').count()).toBe(0);
    }
    await app.page.getByRole('radio', { name: /全部/ }).check();
    await expect.poll(() => rows().count()).toBe(4);
  });

  /** The chart's town labels from top to bottom, as drawn: the SVG's text, ordered by where it sits. */
  const barLabels = () =>
    app.page.locator('.review-chart-canvas svg').evaluate((svg) =>
      Array.from(svg.querySelectorAll('text'))
        .map((t) => ({
          text: t.textContent ?? '',
          top: t.getBoundingClientRect().top,
          left: t.getBoundingClientRect().left,
        }))
        .filter((t) => /镇$/.test(t.text))
        .sort((a, b) => a.top - b.top)
        .map((t) => t.text),
    );

  it('charts one figure at a time, the towns sorted by it, and lists the towns that leave it out', async () => {
    await chooseFolder();
    await app.page.getByRole('tab', { name: '图表' }).click();
    const figure = app.page.getByRole('combobox', { name: /指标/ });
    await expect.poll(() => figure.count(), { timeout: 30_000 }).toBe(1);
    // The figure every town gives comes first: 矛盾纠纷, largest at the top.
    expect(await figure.locator('option:checked').textContent()).toContain('矛盾纠纷排查化解（3/3 份填报）');
    await expect.poll(barLabels).toEqual(['溪口镇', '东坪镇', '白沙镇']);
    const drawn = (await app.page.locator('.review-chart-canvas svg').textContent()) ?? '';
    expect(drawn).toContain('120件');
    expect(drawn).toContain('41件');
    expect(await app.page.locator('.review-chart-canvas').getAttribute('aria-label')).toMatch(
      /矛盾纠纷排查化解（件），从高到低：溪口镇 120件，东坪镇 65件，白沙镇 41件/,
    );
    expect(await app.page.locator('.review-chart-missing').textContent()).toBe('未填报（0 份）：无');

    await figure.selectOption({ label: '法治培训（2/3 份填报）' });
    await expect.poll(barLabels).toEqual(['溪口镇', '白沙镇']);
    expect(await app.page.locator('.review-chart-canvas svg').textContent()).toContain('5场次');
    expect(await app.page.locator('.review-chart-missing').textContent()).toBe('未填报（1 份）：东坪镇');
    await app.page.screenshot({ path: join(screenshots, 'review-3-chart.png'), fullPage: true });

    await app.page.getByRole('tab', { name: '表格' }).click();
    await expect.poll(() => rows().count()).toBe(4);
  });

  it('表格 and 图表 are one stop for Tab, and the arrow keys switch between them, as tabs do', async () => {
    await chooseFolder();
    const table = app.page.getByRole('tab', { name: '表格' });
    const chart = app.page.getByRole('tab', { name: '图表' });
    // One Tab stop: the chosen tab; the other is reached with the arrows.
    expect([await table.getAttribute('tabindex'), await chart.getAttribute('tabindex')]).toEqual(['0', '-1']);
    await table.focus();
    await app.page.keyboard.press('ArrowRight');
    await expect.poll(() => chart.getAttribute('aria-selected')).toBe('true');
    expect(await app.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('图表');
    await expect.poll(() => app.page.getByRole('combobox', { name: /指标/ }).count(), { timeout: 30_000 }).toBe(1);
    await app.page.keyboard.press('ArrowLeft');
    await expect.poll(() => table.getAttribute('aria-selected')).toBe('true');
    expect(await app.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('表格');
    await expect.poll(() => rows().count()).toBe(4);
    // Home and End, and the arrows wrap round.
    await app.page.keyboard.press('End');
    await expect.poll(() => chart.getAttribute('aria-selected')).toBe('true');
    await app.page.keyboard.press('ArrowRight');
    await expect.poll(() => table.getAttribute('aria-selected')).toBe('true');
    expect([await table.getAttribute('tabindex'), await chart.getAttribute('tabindex')]).toEqual(['0', '-1']);
  });

  it('writes the findings into commented copies, never over the originals, and files the workbook', async () => {
    await chooseFolder();
    const out = join(app.work, '批注');
    app.standIn.reviewDialogs.commentsFolder = out;
    await app.page.getByRole('button', { name: '写回批注…' }).click();
    await expect
      .poll(() => app.page.locator('.message').textContent(), { timeout: 60_000 })
      .toContain('已把批注写入 3 份 Word 文件');
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(
      ['东坪镇（审核意见）.docx', '二组', join('二组', '溪口镇（审核意见）.docx'), '白沙镇（审核意见）.docx'].sort(),
    );
    expect(readdirSync(folder).sort()).toEqual(['东坪镇.docx', '二组', '坏文件.docx', '白沙镇.txt'].sort());

    const workbook = await exportWorkbook('审核结果.xlsx');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '问题清单', '主要数据']);
    expect(workbook.getWorksheet('汇总')!.rowCount).toBe(6);
  }, 120_000);

  /** Every text the chart draws, top to bottom (then left to right). */
  const drawnTexts = () =>
    app.page.locator('.review-chart-canvas svg').evaluate((svg) =>
      Array.from(svg.querySelectorAll('text'))
        .map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }))
        .sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left)
        .map((t) => t.text),
    );

  it('compares with last year’s folder: a 去年 bar beside each town, the towns without one marked, and the workbook’s change column', async () => {
    await openDesk();
    // Last year's folder first (it is optional, and may be chosen before or after this year's).
    await chooseLastYear();
    await checkFolder();

    await app.page.getByRole('tab', { name: '图表' }).click();
    await expect.poll(() => app.page.getByRole('combobox', { name: /指标/ }).count(), { timeout: 30_000 }).toBe(1);
    // The legend, then each town with last year's bar (grey) and this year's; 东坪镇 sent no report last year.
    await expect.poll(drawnTexts).toContain('东坪镇（去年无报告）');
    const texts = await drawnTexts();
    expect(texts).toEqual(
      expect.arrayContaining(['去年', '今年', '溪口镇', '白沙镇', '90件', '120件', '30件', '41件']),
    );
    expect(texts.filter((t) => /镇/.test(t))).toEqual(['溪口镇', '东坪镇（去年无报告）', '白沙镇']);
    expect(texts.indexOf('去年')).toBeLessThan(texts.indexOf('溪口镇'));
    // Last year's bars are drawn in their own colour, one for each town that has one (and the legend's mark).
    const grey = await app.page
      .locator('.review-chart-canvas svg path[fill="#9aa6b2"], .review-chart-canvas svg path[style*="154,166,178"]')
      .count();
    expect(grey).toBe(3);
    expect(await app.page.locator('.review-chart-canvas').getAttribute('aria-label')).toContain(
      '溪口镇 120件（去年 90件），东坪镇 65件（去年无报告），白沙镇 41件（去年 30件）',
    );
    // 法治培训: 白沙镇 gave none last year.
    await app.page.getByRole('combobox', { name: /指标/ }).selectOption({ label: '法治培训（2/3 份填报）' });
    await expect.poll(drawnTexts).toContain('白沙镇（去年未填报）');
    expect(await drawnTexts()).toEqual(expect.arrayContaining(['4场次', '5场次', '3场次']));
    await app.page.screenshot({ path: join(screenshots, 'review-4-last-year.png'), fullPage: true });

    const workbook = await exportWorkbook('对比去年.xlsx');
    const sheet = workbook.getWorksheet('主要数据')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const disputes = sheet
      .getRows(2, sheet.rowCount - 1)!
      .find((r) => String(r.getCell(1).value).includes('矛盾纠纷'))!;
    const cell = (name: string) => disputes.getCell(header.indexOf(name) + 1).value;
    expect(header).toEqual(expect.arrayContaining(['溪口镇 2025', '溪口镇 上一年', '溪口镇 增减', '东坪镇 上一年']));
    expect([cell('溪口镇 2025'), cell('溪口镇 上一年'), cell('溪口镇 增减')]).toEqual([120, 90, 30]);
    expect([cell('白沙镇 2025'), cell('白沙镇 上一年'), cell('白沙镇 增减')]).toEqual([41, 30, 11]);
    expect(cell('东坪镇 2025')).toBe(65);
    expect(cell('东坪镇 上一年')).toBeNull();
  }, 120_000);

  it('remembers last year’s folder for the session, and forgets it when asked', async () => {
    await openDesk();
    await chooseLastYear();
    await app.page.getByRole('button', { name: '← 返回' }).click();
    await app.page.getByRole('button', { name: '批量检查一个文件夹的报告…' }).click();
    expect(await app.page.locator('.review-lastyear').textContent()).toContain('对比去年：去年各镇报告（2 份）');
    await app.page.getByRole('button', { name: '不对比去年' }).click();
    expect(await app.page.locator('.review-lastyear').count()).toBe(0);

    // Without last year, the workbook has one column per town and the chart one bar.
    await checkFolder();
    await app.page.getByRole('tab', { name: '图表' }).click();
    await expect.poll(barLabels, { timeout: 30_000 }).toEqual(['溪口镇', '东坪镇', '白沙镇']);
    expect(await drawnTexts()).not.toContain('去年');
    const workbook = await exportWorkbook('不对比.xlsx');
    expect((workbook.getWorksheet('主要数据')!.getRow(1).values as unknown[]).slice(1)).toEqual([
      '指标',
      '白沙镇',
      '东坪镇',
      '溪口镇',
    ]);
  }, 120_000);
});
