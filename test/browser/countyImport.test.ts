/**
 * The county's outlines in the clerk's 导入 and 新建, in Chromium: with a profile whose township outline has
 * parts the built-in one lacks, an imported .txt has its parts named as the county names them; a .docx of a
 * 街道 is read again onto the county's street outline chosen in the dialog, and opens with those parts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { exportDocx } from '../../src/core/export/docx';
import { importText } from '../../src/core/import/index';
import { useApp } from './support/app';
import { ROOT } from './support/chromium';
import { countyOutlines } from '../support/countyFixtures';
import { describeNeeding } from '../support/needs';

const screenshots = join(ROOT, 'test-output/screenshots');

/** 桐林县's outlines: its township outline words the parts its own way; its 街道 have an outline of their own. */
const { township: TOWNSHIP, street: STREET } = countyOutlines('桐林县', 'tonglin-street', {
  measures: ['年度重点任务完成情况', '重点任务'],
  publicity: ['普法宣传和依法治理', '普法'],
  shortcomings: ['差距与不足', '差距'],
  plans: ['来年工作打算', '打算'],
});

describeNeeding(['chromium', 'cjk-fonts'], 'the county’s outlines in 导入 and 新建', () => {
  // Each test starts at the start screen with 桐林县's profile imported (its card says it is in use).
  const app = useApp({
    folder: '县提纲 导入-',
    profile: { version: 1, 审核单位: '桐林县司法局', 提纲模板: [TOWNSHIP, STREET] },
  });
  beforeAll(() => mkdirSync(screenshots, { recursive: true }));

  /** The part the import dialog put a heading under, as the clerk reads it in its list. */
  const mappedTo = (heading: string) =>
    app.page.getByLabel(`“${heading}”对应的内容`).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);

  it('新建 offers the county’s outlines', async () => {
    const kinds = await app.page.getByLabel('报告类型').locator('option').allTextContents();
    expect(kinds).toEqual(expect.arrayContaining(['桐林县乡镇法治建设年度报告', '桐林县街道法治建设报告']));
    // The county's township outline takes the built-in one's place.
    expect(kinds).not.toContain('乡镇（街道）法治政府建设年度报告');
  });

  it('maps an imported .txt onto the county’s township outline', async () => {
    const path = join(app.work, '桃源乡2025.txt');
    writeFileSync(
      path,
      [
        '桃源乡2025年度法治建设工作报告',
        '一、年度重点任务完成情况',
        '全乡排查化解矛盾纠纷26件。',
        '二、普法宣传和依法治理',
        '开展送法下乡活动7场次。',
        '三、差距与不足',
        '法治宣传形式单一，原因是专业人员不足。',
        '四、来年工作打算',
        '2026年建成村级法治文化阵地。',
        '桃源乡人民政府',
        '2026年1月12日',
      ].join('\n'),
    );
    app.standIn.dialogs.importDocument = path;
    await app.page.getByRole('button', { name: /^导入/ }).first().click();
    await app.page.getByRole('dialog', { name: '核对导入结果' }).waitFor();
    expect(await app.page.getByRole('dialog').textContent()).toContain('识别为“桐林县乡镇法治建设年度报告”');
    expect(await mappedTo('二、普法宣传和依法治理')).toBe('普法宣传和依法治理');
    expect(await mappedTo('三、差距与不足')).toBe('差距与不足');
    expect(await mappedTo('四、来年工作打算')).toBe('来年工作打算');
    await app.page.screenshot({ path: join(screenshots, 'county-import-1-dialog.png') });
    await app.page.getByRole('button', { name: '开始编辑' }).click();
    await app.page.locator('section[data-part="publicity"]').waitFor();
    expect(await app.page.locator('section[data-part="publicity"]').textContent()).toContain('送法下乡');
    expect(await app.page.getByRole('navigation', { name: '提纲' }).textContent()).toContain('普法宣传和依法治理');
  });

  it('reads a 街道’s .docx again onto the county’s street outline chosen in the dialog', async () => {
    const plain = importText(
      [
        '江北街道法治建设情况报告（2025年）',
        '第一部分 依法履职情况',
        '街道全年办结行政复议应诉案件3件。',
        '第二部分 问题短板',
        '社区法律服务还不均衡，主要是经费有限。',
        '第三部分 下步打算',
        '2026年推进社区法律顾问全覆盖。',
        '江北街道办事处',
        '2026年2月3日',
      ].join('\n'),
    );
    if (!plain.ok) throw new Error(plain.error);
    const path = join(app.work, '江北街道.docx');
    writeFileSync(path, await exportDocx(plain.doc));
    app.standIn.dialogs.importDocument = path;
    await app.page.getByRole('button', { name: /^导入/ }).first().click();
    await app.page.getByRole('dialog', { name: '核对导入结果' }).waitFor();
    await app.page.getByLabel('按哪个提纲').selectOption({ label: '桐林县街道法治建设报告' });
    await expect.poll(() => app.page.getByRole('dialog').textContent()).toContain('识别为“桐林县街道法治建设报告”');
    expect(await mappedTo('第一部分 依法履职情况')).toBe('依法履职情况');
    expect(await mappedTo('第二部分 问题短板')).toBe('问题短板');
    expect(await mappedTo('第三部分 下步打算')).toBe('下步打算');
    await app.page.getByRole('button', { name: '开始编辑' }).click();
    await app.page.locator('section[data-part="performance"]').waitFor();
    expect(await app.page.locator('section[data-part="gaps"]').textContent()).toContain('经费有限');
    const outline = (await app.page.getByRole('navigation', { name: '提纲' }).textContent()) ?? '';
    expect(outline).toContain('问题短板');
    expect(outline).not.toContain('存在的不足');
  });
});
