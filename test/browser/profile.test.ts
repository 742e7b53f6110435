/**
 * 县里的配置 in Chromium: a file with a mistake refused by its line, a good one imported and shown on the
 * start screen, remembered after a reload, used by the checker and by a new report's 主送机关, and removed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { useApp } from './support/app';
import { startReport } from './support/report';
import { ROOT } from './support/chromium';
import { describeNeeding } from '../support/needs';

const screenshots = join(ROOT, 'test-output/screenshots');

describeNeeding(['chromium', 'cjk-fonts'], 'the county profile in Chromium', () => {
  // Each test: a fresh stand-in over a fresh user-data folder (no profile kept) and a fresh window at the start screen.
  const app = useApp({ folder: '县里的配置 浏览器-', openFirst: true });
  beforeAll(() => mkdirSync(screenshots, { recursive: true }));

  const card = () => app.page.getByRole('region', { name: '县里的配置' });

  it('refuses a profile with a mistake, naming its line, and keeps none', async () => {
    const bad = join(app.work, '有错的配置.json');
    writeFileSync(bad, '{\n  "version": 1,\n  "审核单位": "青山县司法局"，\n  "关闭规则": ["section.empty"]\n}');
    app.standIn.profileDialog.current = bad;
    await card().getByRole('button', { name: '导入县里的配置…' }).click();
    await expect.poll(() => app.page.getByRole('alert').textContent()).toMatch(/第 3 行.*全角逗号/);
    expect(await card().textContent()).not.toContain('正在使用');
  });

  /** 青山县's profile, imported through 导入县里的配置… on the start screen. */
  async function importGood(): Promise<void> {
    const good = join(app.work, '青山县配置.json');
    writeFileSync(
      good,
      JSON.stringify(
        {
          version: 1,
          审核单位: '青山县司法局',
          公开期限: '3月15日',
          主送机关: '县委依法治县办：',
          关闭规则: ['section.empty'],
          规则级别: { 'section.thin': '错误' },
        },
        null,
        2,
      ),
    );
    app.standIn.profileDialog.current = good;
    await card().getByRole('button', { name: '导入县里的配置…' }).click();
    await expect.poll(() => card().textContent()).toContain('正在使用：青山县司法局');
  }

  it('imports a good one, shows what it changes, and remembers it after a reload', async () => {
    await importGood();
    const text = (await card().textContent()) ?? '';
    expect(text).toContain('公开期限：次年3月15日前');
    expect(text).toContain('关闭的规则：部分没有正文');
    expect(text).toContain('规则级别：部分字数过少为错误');
    await app.page.screenshot({ path: join(screenshots, 'profile-1-start.png') });
    await app.page.reload();
    await expect.poll(() => card().textContent()).toContain('正在使用：青山县司法局');
  });

  it('a new report gets the county’s 主送机关, and the checker follows the county’s rules', async () => {
    await importGood();
    await startReport(app.page, { unit: '石桥镇' });
    expect(await app.page.locator('.doc-addressee').textContent()).toBe('县委依法治县办：');
    // Every part of a fresh report is empty: with section.empty off, none is reported so.
    await expect.poll(() => app.page.locator('.findings .ready').textContent()).toMatch(/可以提交|还不能提交/);
    const findings = (await app.page.locator('.findings .finding-text').allTextContents()).join('\n');
    expect(findings).not.toContain('部分还没有正文');
  });

  it('a county’s own figure gets a field in the figures form, and the card names its figures and calendar entries', async () => {
    const file = join(app.work, '石门县配置.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 2,
        审核单位: '石门县司法局',
        时间表: { 规划: [{ 名称: '法治乡村三年行动', 起: 2024, 止: 2026 }] },
        数据项: [{ 名称: '法治文化阵地', 单位: ['个'], 关键词: ['法治文化阵地'], 必需: true }],
      }),
    );
    app.standIn.profileDialog.current = file;
    await card().getByRole('button', { name: '导入县里的配置…' }).click();
    await expect.poll(() => card().textContent()).toContain('正在使用：石门县司法局');
    const text = (await card().textContent()) ?? '';
    expect(text).toContain('数据项：法治文化阵地');
    expect(text).toContain('时间表：法治乡村三年行动（2024—2026年）');
    await startReport(app.page, { unit: '石桥镇' });
    await expect.poll(() => app.page.locator('.indicators').getByLabel('法治文化阵地').count()).toBe(1);
    const findings = (await app.page.locator('.findings .finding-text').allTextContents()).join('\n');
    expect(findings).toContain('法治文化阵地');
  });

  it('removes the profile', async () => {
    await importGood();
    await card().getByRole('button', { name: '移除' }).click();
    await expect.poll(() => card().textContent()).toContain('导入县里的配置…');
    await app.page.reload();
    await expect.poll(() => card().textContent()).toContain('导入县里的配置…');
  });
});
