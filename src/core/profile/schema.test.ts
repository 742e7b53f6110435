import { describe, expect, it } from 'vitest';
import { parseProfile, PROFILE_VERSION } from './schema';

const lines = (...l: string[]) => l.join('\n');

function error(text: string): string {
  const parsed = parseProfile(text);
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.error;
}

describe('reading a county profile', () => {
  it('reads every item a county writes, in its Chinese keys', () => {
    const parsed = parseProfile(
      lines(
        '\ufeff{',
        '  "version": 1,',
        '  "说明": "青山县2026年用",',
        '  "审核单位": "青山县司法局",',
        '  "公开期限": "3月15日",',
        '  "主送机关": "县委全面依法治县委员会办公室",',
        '  "必需数据": ["法律顾问", "mediation"],',
        '  "最少字数": { "主要举措和成效": 1500, "plans": 300 },',
        '  "占位符": ["待填写", "（此处填数字）"],',
        '  "易混用词": [ { "错": "帐目", "对": "账目", "说明": "指钱物出入记载时用“账”" } ],',
        '  "规则级别": { "section.thin": "错误", "缺少应有的数据": "警告" },',
        '  "关闭规则": ["punct.ellipsis", "结束语位置"]',
        '}',
      ),
    );
    expect(parsed).toMatchObject({
      ok: true,
      profile: {
        version: PROFILE_VERSION,
        reviewer: '青山县司法局',
        deadline: '03-15',
        addressee: '县委全面依法治县委员会办公室',
        requiredFigures: ['legal_advisers', 'mediation'],
        minChars: { measures: 1500, plans: 300 },
        placeholders: ['待填写', '（此处填数字）'],
        confusables: [{ wrong: '帐目', right: '账目', why: '指钱物出入记载时用“账”' }],
        severities: { 'section.thin': 'error', 'indicator.missing': 'warning' },
        off: ['punct.ellipsis', 'genre.closing'],
      },
    });
  });

  it('reads a profile with only its version as one that changes nothing', () => {
    expect(parseProfile('{"version": 1}')).toMatchObject({
      ok: true,
      profile: { reviewer: null, deadline: null, templates: [], off: [] },
    });
  });

  it('names the line and column of a Notepad slip, in words the clerk can act on', () => {
    expect(error(lines('{', '  "version": 1,', '  "审核单位": “青山县司法局”', '}'))).toMatch(
      /第 3 行第 11 列.*中文引号/,
    );
    expect(error(lines('{', '  "version": 1，', '  "审核单位": "青山县司法局"', '}'))).toMatch(
      /第 2 行第 15 列.*全角逗号/,
    );
    expect(error(lines('{', '  "version": 1,', '  "关闭规则": ["punct.ellipsis",],', '}'))).toMatch(
      /第 3 行.*多了一个逗号/,
    );
    expect(error(lines('{', '  "version": 1', '  "审核单位": "青山县司法局"', '}'))).toMatch(
      /第 3 行第 3 列.*少了逗号/,
    );
    expect(error(lines('{', '  "version": 1,', '  // 县里的配置', '}'))).toMatch(/第 3 行.*注释/);
    expect(error(lines('{', '  "version": 1,', '  "审核单位": "青山县司法局"'))).toMatch(/提前结束/);
  });

  it('names the line of a value the schema refuses', () => {
    expect(error(lines('{', '  "version": 1,', '  "审核单位": 12', '}'))).toMatch(/第 3 行.*审核单位.*文字/);
    expect(error(lines('{', '  "version": 1,', '', '  "审核科室": "法制股"', '}'))).toMatch(
      /第 4 行第 3 列.*不认识的项目“审核科室”/,
    );
    expect(error(lines('{', '  "version": 1,', '  "最少字数": {', '    "主要举措和成效": -5', '  }', '}'))).toMatch(
      /第 4 行.*负数/,
    );
    expect(error(lines('{', '  "version": 1,', '  "公开期限": "2月30日"', '}'))).toMatch(/第 3 行.*不是日期/);
    expect(
      error(lines('{', '  "version": 1,', '  "必需数据": [', '    "人民调解",', '    "网格员"', '  ]', '}')),
    ).toMatch(/第 5 行.*不认识的数据“网格员”/);
    expect(error(lines('{', '  "version": 1,', '  "最少字数": { "工作亮点": 300 }', '}'))).toMatch(
      /第 3 行.*没有名为“工作亮点”的部分/,
    );
    expect(error(lines('{', '  "version": 1,', '  "规则级别": {', '    "section.thin": "严重"', '  }', '}'))).toMatch(
      /第 4 行.*“错误”“警告”或“建议”/,
    );
    expect(error(lines('{', '  "version": 1,', '  "关闭规则": ["section.thinn"]', '}'))).toMatch(
      /第 3 行.*不认识的规则“section.thinn”/,
    );
    expect(error(lines('{', '  "version": 1,', '  "占位符": ["某"]', '}'))).toMatch(/第 3 行.*至少 2 个字/);
  });

  it('names the wrong field of an outline template inside the profile', () => {
    const text = lines(
      '{',
      '  "version": 1,',
      '  "提纲模板": [',
      '    {',
      '      "schemaVersion": 1,',
      '      "id": "Qingshan"',
      '    }',
      '  ]',
      '}',
    );
    expect(error(text)).toMatch(/第 6 行/);
  });

  it('reads a county outline template, which minimum lengths may then name', () => {
    const template = {
      schemaVersion: 1,
      id: 'qingshan',
      name: '青山县乡镇法治建设报告',
      description: '',
      kind: 'annual',
      basis: '',
      titleFormat: '{unit}{year}年度法治建设工作报告',
      opening: { hint: '', sample: '' },
      parts: [
        { id: 'highlights', title: '特色亮点', requirement: '特色亮点', required: true, hint: '', minChars: 100 },
      ],
      detect: {},
    };
    const parsed = parseProfile(
      JSON.stringify({ version: 1, 提纲模板: [template], 最少字数: { 特色亮点: 400 } }, null, 2),
    );
    expect(parsed).toMatchObject({
      ok: true,
      profile: { templates: [{ id: 'qingshan' }], minChars: { highlights: 400 } },
    });
  });

  it('says that a profile from a newer version needs a newer app, and refuses one without a version', () => {
    expect(error('{"version": 3, "新功能": true}')).toMatch(/第 3 版.*升级/);
    expect(error('{"审核单位": "青山县司法局"}')).toMatch(/缺少 "version"/);
    expect(error('[1, 2]')).toMatch(/\{ \}/);
  });

  it('refuses a file too large to be a profile without reading it as JSON', () => {
    expect(error(`{"version": 1, "说明": "${'很'.repeat(1_100_000)}"}`)).toMatch(/太大/);
  });
});

describe('the sample profile templates/county-profile.example.json', () => {
  it('reads without a mistake, and changes what it says it changes', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const parsed = parseProfile(
      readFileSync(join(__dirname, '../../../templates/county-profile.example.json'), 'utf8'),
    );
    expect(parsed.ok ? '' : parsed.error).toBe('');
    expect(parsed.ok && parsed.profile).toMatchObject({
      reviewer: '青山县司法局',
      deadline: '03-31',
      severities: { 'section.thin': 'error', 'punct.pairs': 'info' },
      off: ['genre.closing'],
      requiredFigures: ['legal_advisers', 'mediation', 'reconsideration', '法治文化阵地'],
      calendar: { programmes: [{ name: '青山县法治乡村建设三年行动', from: 2024, to: 2026 }] },
      indicators: [{ id: '法治文化阵地' }, { id: 'legal_advisers', keywords: ['驻村律师'] }],
    });
  });
});

describe('时间表 and 数据项 (format 2)', () => {
  it('reads the county’s calendar entries and figures into the checker’s form', () => {
    const parsed = parseProfile(
      lines(
        '{',
        '  "version": 2,',
        '  "时间表": {',
        '    "党代会": [ { "届次": 21, "日期": "2027年10月18日" } ],',
        '    "全会": [ { "届次": 20, "第几次全会": 5, "日期": "2026-10-20" } ],',
        '    "规划": [ { "名称": "清风行动", "起": 2024, "止": 2026 } ],',
        '    "过时提法": [ { "名称": "原提法", "原文": "一村一顾问一中心", "截至": 2023, "新提法": "一村一法律顾问" } ]',
        '  },',
        '  "数据项": [',
        '    { "名称": "法治文化阵地", "单位": ["个", "处"], "关键词": ["法治文化阵地", "法治长廊"], "必需": true },',
        '    { "名称": "法律顾问", "关键词": ["驻村律师"], "排除": ["律师事务所"] }',
        '  ],',
        '  "必需数据": ["法治文化阵地", "人民调解"]',
        '}',
      ),
    );
    expect(parsed.ok ? '' : parsed.error).toBe('');
    expect(parsed).toMatchObject({
      ok: true,
      profile: {
        calendar: {
          congresses: [{ name: '二十一大', number: 21, date: '2027-10-18' }],
          plenums: [{ congress: 20, session: 5, date: '2026-10-20' }],
          programmes: [{ name: '清风行动', from: 2024, to: 2026, patterns: ['清风行动'] }],
          formulas: [{ text: '一村一顾问一中心', until: 2023, replacement: '一村一法律顾问' }],
        },
        indicators: [
          { id: '法治文化阵地', units: ['个', '处'], keywords: ['法治文化阵地', '法治长廊'], replaceKeywords: false },
          { id: 'legal_advisers', units: null, keywords: ['驻村律师'], exclude: ['律师事务所'] },
        ],
        requiredFigures: ['法治文化阵地', 'mediation'],
      },
    });
  });

  it('names the line of each mistake in them', () => {
    const v2 = (...body: string[]) => lines('{', '  "version": 2,', ...body, '}');
    expect(
      error(v2('  "时间表": {', '    "全会": [ { "届次": 20, "第几次全会": 5, "日期": "10月20日" } ]', '  }')),
    ).toMatch(/第 4 行.*“时间表 → 全会 → 第1项 → 日期”.*不是日期/);
    expect(error(v2('  "时间表": {', '    "党代会": [ { "届次": 12, "日期": "2027-10-18" } ]', '  }'))).toMatch(
      /第 4 行.*18 到 29/,
    );
    expect(error(v2('  "时间表": {', '    "规划": [ { "名称": "清风行动", "起": 2026, "止": 2024 } ]', '  }'))).toMatch(
      /第 4 行.*早于开始年份/,
    );
    // An unknown key inside 时间表 lists what may be written there, not the top level's keys.
    expect(error(v2('  "时间表": {', '    "会议": []', '  }'))).toMatch(
      /第 4 行.*不认识的项目“会议”（可用的项目：党代会、全会、规划、过时提法）/,
    );
    expect(error(v2('  "数据项": [', '    { "名称": "网格员队伍", "关键词": ["网格员"] }', '  ]'))).toMatch(
      /第 4 行.*要写“单位”/,
    );
    expect(error(v2('  "数据项": [', '    { "名称": "网格员队伍", "单位": ["名"] }', '  ]'))).toMatch(
      /第 4 行.*要写“关键词”/,
    );
    expect(error(v2('  "数据项": [', '    { "名称": "网格员队伍", "单位": ["名"], "关键词": ["网"] }', '  ]'))).toMatch(
      /第 4 行.*至少 2 个字/,
    );
    // A keyword that another figure uses would give one number to two figures.
    expect(
      error(
        v2(
          '  "数据项": [',
          '    { "名称": "网格员队伍", "单位": ["名"],',
          '      "关键词": ["网格员", "法律顾问"] }',
          '  ]',
        ),
      ),
    ).toMatch(/第 5 行.*“法律顾问”已用于“法律顾问”/);
    expect(error(v2('  "必需数据": ["网格员队伍"]'))).toMatch(/第 3 行.*不认识的数据“网格员队伍”.*数据项/);
  });

  it('asks for version 2 where a version 1 file uses them, and still reads a version 1 file without them', () => {
    expect(error(lines('{', '  "version": 1,', '  "数据项": []', '}'))).toMatch(/第 3 行.*第 2 版.*"version": 2/);
    expect(parseProfile('{"version": 1, "审核单位": "石门县司法局"}')).toMatchObject({ ok: true });
  });
});
