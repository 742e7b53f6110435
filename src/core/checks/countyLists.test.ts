/** A county's calendar entries and figures: merged once, used by every rule, never mixed up with another profile's. */
import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../model/fromTemplate';
import type { ReportDocument } from '../model/report';
import { parseProfile, type CountyProfile } from '../profile/schema';
import { defaultRegistry } from '../templates/registry';
import { calendarOf, indicatorsOf, mergeCalendar, mergeIndicators } from './countyLists';
import { checkReport } from './index';
import { BUILTIN_INDICATORS, INDICATORS } from './indicators';
import { BUILTIN_CALENDAR, ERA_CALENDAR } from './years';

function profile(extra: Record<string, unknown>): CountyProfile {
  const parsed = parseProfile(JSON.stringify({ version: 2, ...extra }, null, 2));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.profile;
}

function report(year: number, paragraphs: string[], date = `${year + 1}年1月18日`): ReportDocument {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '石门乡', year, date });
  doc.sections[1]!.blocks = paragraphs.map((text) => ({ kind: 'paragraph' as const, text }));
  return doc;
}

const findings = (doc: ReportDocument, county?: CountyProfile, prefix = 'era.') =>
  checkReport(doc, county ? { profile: county } : {})
    .findings.filter((f) => f.rule.startsWith(prefix))
    .map((f) => `${f.rule}:${f.severity}:${doc.sections[1]!.blocks.length ? f.message : ''}`);

describe('mergeCalendar', () => {
  it('replaces the entry a county names and adds the others after the built-in ones', () => {
    const merged = mergeCalendar(ERA_CALENDAR, {
      congresses: [{ name: '二十一大', number: 21, date: '2027-10-18' }],
      plenums: [{ congress: 20, session: 4, date: '2025-10-23' }],
      programmes: [
        { name: '十五五', from: 2026, to: 2030, patterns: ['十五五', '“十五五”'] },
        { name: '清风行动', from: 2024, to: 2026, patterns: ['清风行动'] },
      ],
      formulas: [],
    });
    expect(merged.congresses.at(-1)).toEqual({ name: '二十一大', number: 21, date: '2027-10-18' });
    expect(merged.congresses).toHaveLength(ERA_CALENDAR.congresses.length + 1);
    // Replaced in place: one 二十届四中全会, with the county's date.
    expect(merged.plenums.filter((p) => p.congress === 20 && p.session === 4)).toEqual([
      { congress: 20, session: 4, date: '2025-10-23' },
    ]);
    expect(merged.programmes.find((p) => p.name === '十五五')!.patterns).toContain('“十五五”');
    expect(merged.programmes.filter((p) => p.name === '十五五')).toHaveLength(1);
    expect(merged.programmes.at(-1)!.name).toBe('清风行动');
    expect(merged.formulas).toEqual(ERA_CALENDAR.formulas);
    // The built-in calendar itself is untouched.
    expect(ERA_CALENDAR.plenums.find((p) => p.congress === 20 && p.session === 4)!.date).toBe('2025-10-20');
  });
});

describe('mergeIndicators', () => {
  it('rewords a built-in figure, keeps the others, and appends the county’s own', () => {
    const merged = mergeIndicators(INDICATORS, [
      {
        id: 'legal_advisers',
        name: '法律顾问',
        units: null,
        keywords: ['驻村律师'],
        exclude: [],
        replaceKeywords: false,
      },
      {
        id: 'law_literate',
        name: '法律明白人',
        units: ['名'],
        keywords: ['学法骨干'],
        exclude: [],
        replaceKeywords: true,
      },
      {
        id: '法治文化阵地',
        name: '法治文化阵地',
        units: ['个', '处'],
        keywords: ['法治文化阵地', '法治长廊'],
        exclude: [],
        replaceKeywords: false,
      },
    ]);
    expect(merged).toHaveLength(INDICATORS.length + 1);
    const advisers = merged.find((i) => i.id === 'legal_advisers')!;
    expect(advisers.keywords).toEqual(['法律顾问', '驻村律师']);
    expect(advisers.units).toEqual(INDICATORS.find((i) => i.id === 'legal_advisers')!.units);
    expect(merged.find((i) => i.id === 'law_literate')).toMatchObject({ keywords: ['学法骨干'], units: ['名'] });
    expect(merged.at(-1)).toEqual({
      id: '法治文化阵地',
      name: '法治文化阵地',
      units: ['个', '处'],
      keywords: ['法治文化阵地', '法治长廊'],
    });
    expect(merged.slice(0, 3)).toEqual(INDICATORS.slice(0, 3));
  });
});

describe('the lists a profile gives the checker', () => {
  it('is the built-in one for no profile and for a profile that changes neither list', () => {
    const plain = profile({ 审核单位: '石门县司法局' });
    expect(calendarOf(undefined)).toBe(BUILTIN_CALENDAR);
    expect(calendarOf(plain)).toBe(BUILTIN_CALENDAR);
    expect(indicatorsOf(plain)).toBe(BUILTIN_INDICATORS);
  });

  it('names the merged list by its content: equal changes share a name, other changes never do', () => {
    const a = profile({ 时间表: { 全会: [{ 届次: 20, 第几次全会: 5, 日期: '2026-10-20' }] } });
    const b = profile({ 时间表: { 全会: [{ 届次: 20, 第几次全会: 5, 日期: '2026-10-20' }] } });
    const c = profile({ 时间表: { 全会: [{ 届次: 20, 第几次全会: 5, 日期: '2027-03-02' }] } });
    expect(calendarOf(a).key).toBe(calendarOf(b).key);
    expect(calendarOf(a).key).not.toBe(calendarOf(c).key);
    expect(calendarOf(a).key).not.toBe(BUILTIN_CALENDAR.key);
    expect(calendarOf(a)).toBe(calendarOf(a)); // computed once per profile
  });
});

describe('a county calendar entry changes what the checker says', () => {
  const fifth = '全镇上下认真学习贯彻党的二十届五中全会精神。';

  it('a plenum the built-in calendar does not know yet is known once the county adds it', () => {
    const doc = report(2026, [fifth], '2027年1月18日');
    expect(findings(doc).join()).toContain('不在已知的全会日程中');
    const county = profile({ 时间表: { 全会: [{ 届次: 20, 第几次全会: 5, 日期: '2026年10月20日' }] } });
    expect(findings(doc, county)).toEqual([]);
    // …and a report written before that date is told it had not been held: the date is the county's.
    expect(findings(report(2026, [fifth], '2026年9月30日'), county).join()).toMatch(/五中全会.*还没有召开/);
    // The same lines checked again without the profile: nothing of the county's is left in the line cache.
    expect(findings(doc).join()).toContain('不在已知的全会日程中');
  });

  it('a county’s own programme is flagged outside its years, and a changed period moves the warning', () => {
    const county = profile({
      时间表: { 规划: [{ 名称: '强基三年行动', 起: 2023, 止: 2025, 写法: ['强基三年行动', '“强基”三年行动'] }] },
    });
    const line = '持续推进“强基”三年行动，夯实基层法治基础。';
    expect(findings(report(2024, [line]), county)).toEqual([]);
    expect(findings(report(2027, [line]))).toEqual([]);
    expect(findings(report(2027, [line]), county)).toEqual([
      expect.stringMatching(/^era\.programme:warning:.*2023—2025/),
    ]);
    // Replacing a built-in programme's years (a county that runs 八五普法 on to 2026) moves the finding too.
    const late = '深入开展“八五”普法，推进法治乡村建设。';
    expect(findings(report(2027, [late])).join()).toContain('八五普法');
    const longer = profile({
      时间表: { 规划: [{ 名称: '八五普法', 起: 2021, 止: 2027, 写法: ['八五普法', '“八五”普法'] }] },
    });
    expect(findings(report(2027, [late]), longer)).toEqual([]);
  });

  it('an old formula a county lists is flagged with its replacement', () => {
    const county = profile({
      时间表: {
        过时提法: [{ 名称: '本县原“三个一”工作提法', 原文: '一村一顾问一中心', 截至: 2023, 新提法: '一村一法律顾问' }],
      },
    });
    const doc = report(2025, ['全面落实一村一顾问一中心，服务群众。']);
    expect(findings(doc)).toEqual([]);
    const [finding] = checkReport(doc, { profile: county }).findings.filter((f) => f.rule === 'era.programme');
    expect(finding?.fix?.replacement).toBe('一村一法律顾问');
  });
});

describe('a county’s figures in the check', () => {
  const county = profile({
    数据项: [
      { 名称: '法治文化阵地', 单位: ['个', '处'], 关键词: ['法治文化阵地', '法治文化广场', '法治长廊'], 必需: true },
      { 名称: '法律顾问', 关键词: ['驻村律师'] },
    ],
  });

  it('finds the county’s own figure in the prose and in the summary, and the new wording of a built-in one', () => {
    const doc = report(2025, ['全镇建成法治文化阵地12个，其中法治长廊5处。', '为16个村配备驻村律师16名。']);
    const result = checkReport(doc, { profile: county });
    expect(result.indicators.find((i) => i.id === '法治文化阵地')).toMatchObject({
      found: true,
      value: 12,
      unit: '个',
    });
    expect(result.indicators.find((i) => i.id === 'legal_advisers')).toMatchObject({
      found: true,
      value: 16,
      unit: '名',
    });
    const plain = checkReport(doc);
    expect(plain.indicators.some((i) => i.id === '法治文化阵地')).toBe(false);
    expect(plain.indicators.find((i) => i.id === 'legal_advisers')).toMatchObject({ found: false });
  });

  it('a required county figure the report does not give is missing, by its name; the same text without the profile says nothing of it', () => {
    const doc = report(2025, ['全年组织集体学法6次。']);
    expect(findings(doc, county, 'indicator.missing').join()).toContain('法治文化阵地');
    expect(findings(doc, undefined, 'indicator.missing').join()).not.toContain('法治文化阵地');
  });

  it('two values of the county’s figure in one sentence wording are a mismatch, as for a built-in one', () => {
    const doc = report(2025, ['2025年全镇建成法治长廊5处。', '2025年全镇建成法治长廊6处。']);
    expect(findings(doc, county, 'indicator.mismatch').join()).toContain('法治长廊');
  });
});
