/**
 * 导入 in the app onto the county's outlines, in Node: after 导入县里的配置, a report imported through the
 * dialog, dropped on the window or chosen again in another outline has its parts named as the county names
 * them, as `nianbao import --profile` does.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../core/export/docx';
import { importText } from '../../core/import/index';
import type { TemplateInput } from '../../core/templates/schema';
import { countyOutlines, writeProfile } from '../../../test/support/countyFixtures';
import { createHandlers, type Dialogs } from './index';

const none = async () => null;

/**
 * 松山县's outlines: the township one has four parts, one of them (普法) not in the built-in outline; the street
 * one has an id of its own, chosen in the import dialog, never detected.
 */
const { township: COUNTY_TOWNSHIP, street: COUNTY_STREET } = countyOutlines('松山县', 'songshan-street', {
  measures: ['重点任务落实情况', '落实'],
  publicity: ['普法宣传和依法治理', '普法'],
  shortcomings: ['短板弱项', '短板'],
  plans: ['明年工作思路', '思路'],
});

const TOWN = [
  '竹溪乡2025年度法治建设工作报告',
  '一、重点任务落实情况',
  '全乡调处矛盾纠纷18件，聘请法律顾问1名。',
  '二、普法宣传和依法治理',
  '组织“法律明白人”培训4场次。',
  '三、短板弱项',
  '村级法治力量不足，原因是专职人员少。',
  '四、明年工作思路',
  '2026年完善公共法律服务站点。',
  '竹溪乡人民政府',
  '2026年1月9日',
].join('\n');

const STREET = [
  '河西街道法治建设情况报告（2025年）',
  '第一部分 依法履职情况',
  '街道全年办理行政复议应诉案件2件。',
  '第二部分 问题短板',
  '社区法律服务覆盖还不均衡，主要是经费有限。',
  '第三部分 下步打算',
  '2026年推进社区法律顾问全覆盖。',
  '河西街道办事处',
  '2026年2月3日',
].join('\n');

function setup() {
  const folder = mkdtempSync(join(tmpdir(), '导入 县提纲-'));
  const userData = join(folder, 'userData');
  const choice = { profile: null as string | null, document: null as string | null, folder: null as string | null };
  const dialogs: Dialogs = {
    openReport: none,
    saveReport: none,
    importDocument: async () => choice.document,
    exportDocx: none,
    exportPdf: none,
    exportWeb: none,
    openFolder: async () => choice.folder,
    saveTable: none,
  };
  const handlers = createHandlers({
    dialogs,
    userDataDir: userData,
    profileDialogs: { openProfile: async () => choice.profile },
  });
  return { folder, userData, choice, handlers };
}

async function loadProfile(s: ReturnType<typeof setup>, templates: TemplateInput[]): Promise<void> {
  s.choice.profile = writeProfile(
    s.folder,
    { version: 1, 审核单位: '松山县司法局', 提纲模板: templates },
    '松山县配置.json',
  );
  expect((await s.handlers['profile:import']({})).ok).toBe(true);
}

/** What the import dialog shows: each heading of the file and the part it was put under. */
const parts = (answer: { ok: boolean; value?: unknown }) => {
  const value = answer.ok
    ? (answer.value as { mapping?: Array<{ heading: string; part: string | null }> } | null)
    : null;
  return value?.mapping ? value.mapping.map((m) => [m.heading, m.part]) : answer;
};

describe('导入 onto the county’s outlines', () => {
  it('maps a .txt and a .docx onto the county’s township outline once its profile is imported', async () => {
    const s = setup();
    s.choice.document = join(s.folder, '竹溪乡2025.txt');
    writeFileSync(s.choice.document, TOWN);
    // Without the county's profile, 普法 is one more area of the built-in outline's 举措和成效.
    expect(parts(await s.handlers['report:import']({}))).toEqual([
      ['一、重点任务落实情况', 'measures'],
      ['二、普法宣传和依法治理', 'measures'],
      ['三、短板弱项', 'shortcomings'],
      ['四、明年工作思路', 'plans'],
    ]);

    await loadProfile(s, [COUNTY_TOWNSHIP]);
    const countyParts = [
      ['一、重点任务落实情况', 'measures'],
      ['二、普法宣传和依法治理', 'publicity'],
      ['三、短板弱项', 'shortcomings'],
      ['四、明年工作思路', 'plans'],
    ];
    const imported = await s.handlers['report:import']({});
    expect(parts(imported)).toEqual(countyParts);
    expect(imported.ok && imported.value?.doc.meta.templateId).toBe('township');

    const plain = importText(TOWN);
    if (!plain.ok) throw new Error(plain.error);
    s.choice.document = join(s.folder, '竹溪乡2025.docx');
    writeFileSync(s.choice.document, await exportDocx(plain.doc));
    expect(parts(await s.handlers['report:import']({}))).toEqual(countyParts);
    // A file dropped on the window is read the same way.
    expect(parts(await s.handlers['file:openDropped']({ path: s.choice.document }))).toEqual(countyParts);
  }, 60_000);

  it('reads the file again onto the outline chosen in the import dialog, the profile’s or the templates folder’s', async () => {
    const s = setup();
    await loadProfile(s, [COUNTY_TOWNSHIP, COUNTY_STREET]);
    expect(await s.handlers['report:reimport']({ templateId: 'songshan-street' })).toMatchObject({
      ok: false,
      error: '没有刚导入的文件，请重新导入。',
    });
    s.choice.document = join(s.folder, '河西街道.txt');
    writeFileSync(s.choice.document, STREET);
    const detected = await s.handlers['report:import']({});
    expect(detected.ok && detected.value?.doc.meta.templateId).toBe('township');

    const chosen = await s.handlers['report:reimport']({ templateId: 'songshan-street' });
    expect(chosen.ok && chosen.value.doc.meta.templateId).toBe('songshan-street');
    expect(parts(chosen)).toEqual([
      ['第一部分 依法履职情况', 'performance'],
      ['第二部分 问题短板', 'gaps'],
      ['第三部分 下步打算', 'next'],
    ]);

    // A template file the county put in the app's templates folder is an outline to choose too.
    mkdirSync(join(s.userData, 'templates'));
    writeFileSync(
      join(s.userData, 'templates', 'street.json'),
      JSON.stringify({ ...COUNTY_STREET, id: 'folder-street', name: '文件夹里的街道提纲' }),
    );
    const fromFolder = await s.handlers['report:reimport']({ templateId: 'folder-street' });
    expect(fromFolder.ok && fromFolder.value.mapping.map((m) => m.part)).toEqual(['performance', 'gaps', 'next']);

    expect(await s.handlers['report:reimport']({ templateId: 'nothing-like-it' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('没有这个提纲'),
    });
  }, 60_000);

  it('refuses a broken Word file in Chinese and writes nothing', async () => {
    const s = setup();
    await loadProfile(s, [COUNTY_TOWNSHIP]);
    s.choice.document = join(s.folder, '坏的.docx');
    writeFileSync(s.choice.document, 'PK 不是 Word 文件');
    const before = readdirSync(s.folder, { recursive: true }).map(String).sort();
    const answer = await s.handlers['report:import']({});
    expect(answer).toMatchObject({ ok: false, error: expect.stringContaining('坏的.docx') });
    expect(readdirSync(s.folder, { recursive: true }).map(String).sort()).toEqual(before);
    // The broken file is not "the file just imported".
    expect((await s.handlers['report:reimport']({ templateId: 'township' })).ok).toBe(false);
  });

  it('the reviewer’s desk opens a town’s report onto the county’s outline, as its row was checked', async () => {
    const s = setup();
    await loadProfile(s, [COUNTY_TOWNSHIP]);
    s.choice.folder = join(s.folder, '各乡镇');
    mkdirSync(s.choice.folder);
    writeFileSync(join(s.choice.folder, '竹溪乡.txt'), TOWN);
    const chosen = await s.handlers['review:chooseFolder']({});
    const file = chosen.ok ? chosen.value!.files[0]! : { id: 'none', name: '' };
    const row = await s.handlers['review:report']({ file });
    expect(row.ok && row.value.row.parts?.map((p) => p.title)).toEqual([
      '重点任务落实情况',
      '普法宣传和依法治理',
      '短板弱项',
      '明年工作思路',
    ]);
    const opened = await s.handlers['review:open']({ file });
    expect(opened.ok && opened.value.doc.sections.filter((x) => x.heading).map((x) => x.part)).toEqual([
      'measures',
      'publicity',
      'shortcomings',
      'plans',
    ]);
  });
});
