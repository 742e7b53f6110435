/**
 * The clerk's two ways into the editor, as every browser test file starts them: 新建 on the start screen
 * (unit and year, 开始写报告), or 导入 of a text file, taken as the import dialog maps it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { App } from './app';

type Viewport = { width: number; height: number };

export interface NewReportOptions {
  /** 单位名称 (default 云溪镇). */
  unit?: string;
  /** 报告年度 (default 2025). */
  year?: number;
}

/** 新建 on the start screen shown in page: the built-in township outline; resolves once part 一 is there to type in. */
export async function startReport(page: Page, { unit = '云溪镇', year = 2025 }: NewReportOptions = {}): Promise<Page> {
  await page.getByLabel('单位名称').fill(unit);
  await page.getByLabel('报告年度').fill(String(year));
  await page.getByRole('button', { name: '开始写报告' }).click();
  await page.locator('[data-section-editor="measures"]').waitFor();
  return page;
}

/** A fresh window (app.open()) with a new report in it. */
export async function newReport(app: App, options: NewReportOptions & { viewport?: Viewport } = {}): Promise<Page> {
  return startReport(await app.open({ viewport: options.viewport }), options);
}

/**
 * A fresh window with a text file of these lines (written into the test's folder) imported through 导入 and
 * opened with the parts as the import dialog maps them; resolves once a part heading is shown.
 */
export async function importLines(
  app: App,
  lines: string[],
  { name = `导入${Date.now()}.txt`, viewport }: { name?: string; viewport?: Viewport } = {},
): Promise<Page> {
  const page = await app.open({ viewport });
  const path = join(app.work, name);
  writeFileSync(path, lines.join('\n'));
  app.standIn.dialogs.importDocument = path;
  await page.getByRole('button', { name: /^导入/ }).first().click();
  await page.getByRole('button', { name: '开始编辑' }).click();
  await page.locator('.doc-heading').first().waitFor();
  return page;
}
