import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckJson } from './main';
import { runCli as run } from '../../test/support/cli';
import { countyOutline, outlinePart, writeProfile, type CountyProfileFile } from '../../test/support/countyFixtures';

/** A township report written for these tests: no 主送机关, its 第一责任人 part left out on purpose, one placeholder. */
const REPORT_TXT = [
  '山口镇关于2025年度法治政府建设情况的报告',
  '2025年，山口镇围绕年度目标推进法治政府建设。现将有关情况报告如下：',
  '一、主要举措和成效',
  '对镇政府合同开展合法性审查9次。村级帐目公开28次。全年办理法律援助案件待填写件。',
  '二、存在的不足和原因',
  '执法力量不足，主要原因是编制少。',
  '三、2026年工作打算',
  '完善合法性审查机制。',
  '四、其他需要报告的情况',
  '无。',
  '山口镇人民政府',
  '2026年1月12日',
].join('\n');

const PROFILE: CountyProfileFile = {
  version: 1,
  审核单位: '青山县司法局',
  主送机关: '县委全面依法治县委员会办公室',
  必需数据: ['法律顾问'],
  占位符: ['待填写'],
  易混用词: [{ 错: '帐目', 对: '账目', 说明: '钱物出入的记载用“账”' }],
  规则级别: { 'section.thin': '建议' },
  关闭规则: ['section.missing'],
};

/** A profile of ours as Notepad saves it in ANSI on a Chinese Windows (GB18030, CRLF); saved by Python. */
const PROFILE_GB18030 = Buffer.from(
  '7b0d0a20202276657273696f6e223a20312c0d0a202022cbb5c3f7223a2022c7e0c9bdcfd8cbbeb7a8bed6d3a1b7a2a3acb8f7cfe7d5f2b0b4b4cbbcecb2e9c4eab6c8b1a8b8e6222c0d0a202022b9d8b1d5b9e6d4f2223a205b22c8b1c9d9b1d8b1b8b2bfb7d6225d0d0a7d0d0a',
  'hex',
);

let dir: string;
let report: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), '县里的配置-'));
  report = join(dir, '山口镇.txt');
  writeFileSync(report, REPORT_TXT);
});

/** A profile written into this test's folder. */
const profileFile = (profile: CountyProfileFile | string, name = '青山县.json') => writeProfile(dir, profile, name);

describe('--profile', () => {
  it('check applies the county’s words, figures and rule settings', async () => {
    const plain = JSON.parse((await run(['check', report, '--json'])).out) as CheckJson[];
    const rules = plain[0]!.findings.map((f) => f.rule);
    expect(rules).toContain('section.missing');
    expect(rules).not.toContain('word.confusable');

    const { code, out } = await run(['check', report, '--json', '--profile', profileFile(PROFILE)]);
    const findings = (JSON.parse(out) as CheckJson[])[0]!.findings;
    expect(findings.some((f) => f.rule === 'section.missing')).toBe(false);
    expect(findings.filter((f) => f.rule === 'section.thin').every((f) => f.severity === 'info')).toBe(true);
    expect(findings.find((f) => f.rule === 'word.confusable')?.message).toContain('账目');
    expect(findings.find((f) => f.rule === 'placeholder')?.message).toContain('待填写');
    expect(findings.some((f) => f.rule === 'indicator.missing' && f.message.includes('法律顾问'))).toBe(true);
    // The placeholder is still an error: the report cannot be submitted.
    expect(code).toBe(1);
  });

  it('reads a profile Notepad saved as GB18030 (ANSI)', async () => {
    const file = join(dir, '青山县（ANSI）.json');
    writeFileSync(file, PROFILE_GB18030);
    const { out } = await run(['check', report, '--json', '--profile', file]);
    expect((JSON.parse(out) as CheckJson[])[0]!.findings.some((f) => f.rule === 'section.missing')).toBe(false);
  });

  it('refuses a malformed profile with its line, exit status 2, and writes nothing', async () => {
    const bad = profileFile('{\n  "version": 1,\n  "审核单位": "青山县司法局"，\n  "关闭规则": []\n}');
    const before = readdirSync(dir).sort();
    const { code, err, out } = await run(['review', dir, '--comments', join(dir, '批注'), '--profile', bad]);
    expect(code).toBe(2);
    expect(err).toMatch(/青山县\.json.*第 3 行.*全角逗号/);
    expect(out).toBe('');
    expect(readdirSync(dir).sort()).toEqual(before);
    expect((await run(['check', report, '--profile', join(dir, '没有这个文件.json')])).code).toBe(2);
  });

  it('review signs the comments with the county named in the profile (--author still wins)', async () => {
    const profile = profileFile(PROFILE, '配置.json');
    const folder = join(dir, '各镇');
    mkdirSync(folder);
    writeFileSync(join(folder, '山口镇.txt'), REPORT_TXT);
    const author = async (extra: string[]) => {
      const out = join(dir, `批注${extra.length}`);
      const { code } = await run(['review', folder, '--comments', out, '--profile', profile, ...extra]);
      expect(code).toBe(1);
      const zip = await JSZip.loadAsync(readFileSync(join(out, '山口镇（审核意见）.docx')));
      const comments = await zip.file('word/comments.xml')!.async('string');
      expect(comments).toContain('帐目');
      return /w:author="([^"]*)"/.exec(comments)?.[1];
    };
    expect(await author([])).toBe('青山县司法局');
    expect(await author(['--author', '依法治县办'])).toBe('依法治县办');
  });

  it('export holds phone numbers back at the county’s rule levels: off or 建议 lets them out, 警告 does not', async () => {
    const input = join(dir, '山口镇电话.txt');
    writeFileSync(input, REPORT_TXT.replace('无。', '镇综治中心值班电话0731-84561234，接受群众咨询。'));
    const exported = async (profile: CountyProfileFile | null, out: string) => {
      const { code, err } = await run([
        'export',
        input,
        '-o',
        join(dir, out),
        ...(profile ? ['--profile', profileFile(profile, `${out}.json`)] : []),
      ]);
      return { code, err, written: readdirSync(dir).includes(out) };
    };
    expect(await exported(null, '默认.docx')).toMatchObject({ code: 1, written: false });
    expect(await exported({ version: 2, 关闭规则: ['privacy.phone'] }, '关闭.docx')).toMatchObject({
      code: 0,
      written: true,
    });
    expect(await exported({ version: 2, 规则级别: { 电话号码: '建议' } }, '建议.html')).toMatchObject({
      code: 0,
      written: true,
    });
    const warned = await exported({ version: 2, 规则级别: { 电话号码: '警告' } }, '警告.txt');
    expect(warned).toMatchObject({ code: 1, written: false });
    expect(warned.err).toMatch(/还有 1 处电话号码或身份证号码，不能导出用于网站发布的文本/);
    // An ID number is never let out by a profile that only turned the phone rule off.
    writeFileSync(input, REPORT_TXT.replace('无。', '值班电话0731-84561234。为申请人11010519491231002X办理法律援助。'));
    const withId = await exported({ version: 2, 关闭规则: ['privacy.phone'] }, '身份证.docx');
    expect(withId).toMatchObject({ code: 1, written: false });
    expect(withId.err).toContain('还有 1 处');
  });

  it('export puts the county’s 主送机关 on a report that names none', async () => {
    const out = join(dir, '山口镇.docx');
    expect((await run(['export', report, '-o', out, '--profile', profileFile(PROFILE)])).code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('县委全面依法治县委员会办公室');
  });

  it('import maps the parts onto the county’s outline: its township outline by default, another by --template', async () => {
    const outline = (id: string, name: string, parts: ReturnType<typeof outlinePart>[]) =>
      countyOutline({ id, name, parts, titleFormat: '{unit}{year}年度法治建设报告' });
    const part = outlinePart;
    const profile = profileFile({
      version: 1,
      提纲模板: [
        outline('township', '青山县乡镇提纲', [
          part('measures', '重点工作落实情况'),
          part('publicity', '普法和依法治理'),
          part('shortcomings', '短板弱项'),
        ]),
        outline('hill-street', '青山县街道提纲', [part('duty', '重点工作落实情况'), part('gaps', '短板弱项')]),
      ],
    });
    const text = join(dir, '石门乡.txt');
    writeFileSync(
      text,
      '石门乡2025年度法治建设报告\n一、重点工作落实情况\n调处纠纷12件。\n二、普法和依法治理\n普法讲座5场次。\n三、短板弱项\n人员少，原因是编制紧。',
    );
    const partsOf = (file: string) =>
      (JSON.parse(readFileSync(file, 'utf8')) as { sections: Array<{ heading: string; part: string | null }> }).sections
        .filter((s) => s.heading)
        .map((s) => s.part);
    const plain = join(dir, '通用.nianbao');
    expect((await run(['import', text, '-o', plain])).code).toBe(0);
    expect(partsOf(plain)).toEqual(['measures', 'measures', 'shortcomings']);
    const county = join(dir, '县里.nianbao');
    const imported = await run(['import', text, '-o', county, '--profile', profile]);
    expect(imported.code).toBe(0);
    expect(imported.err).toContain('二、普法和依法治理 → 普法和依法治理');
    expect(partsOf(county)).toEqual(['measures', 'publicity', 'shortcomings']);
    const street = join(dir, '街道.nianbao');
    expect((await run(['import', text, '-o', street, '--profile', profile, '--template', 'hill-street'])).code).toBe(0);
    // 普法 has no part of its own there: an area before 短板 is read as the first part's, as in any outline.
    expect(partsOf(street)).toEqual(['duty', 'duty', 'gaps']);
  });
});
