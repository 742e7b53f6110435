/** year.stale on texts of our own: relative time read months later, and sentences copied from last year. */
import { describe, expect, it } from 'vitest';
import { proofCheck } from './proofTestKit';

const stale = (text: string, part = 1) => proofCheck(text, 'year.stale', { year: 2025, part });

describe('year.stale: relative time', () => {
  it.each([
    ['今年以来，我镇共受理申请36件。', '2025年以来，我镇共受理申请36件。'],
    ['受理量比去年同期增长12%。', '受理量比2024年同期增长12%。'],
    ['计划明年完成全部整改。', '计划2026年完成全部整改。'],
  ])('advises on “%s”, fixed as “%s”', (text, expected) => {
    const { findings, fixed } = stale(text);
    expect(findings.map((f) => f.severity)).toEqual(['info']);
    expect(fixed).toBe(expected);
  });

  it.each(['近期，镇政府召开专题会议。', '日前，我镇组织集中学法。', '前不久完成了换届。'])(
    'advises on “%s” without a fix',
    (text) => {
      const { findings } = stale(text);
      expect(findings.map((f) => f.severity)).toEqual(['info']);
      expect(findings[0]!.fix).toBeUndefined();
    },
  );

  it('gives no fix for 今年 in the plans part, written early the next year', () => {
    const plans = 4; // township: opening, measures, leadership, shortcomings, plans
    const { findings } = stale('今年将重点推进行政执法规范化建设。', plans);
    expect(findings.map((f) => f.section)).toEqual(['plans']);
    expect(findings[0]!.fix).toBeUndefined();
  });

  it.each([
    '如今年轻干部学法热情高涨。',
    '过去年份积累的问题已全部化解。',
    '加强精神文明建设，说明年度计划，声明年限。',
    '各村须于3月31日前报送材料，节日前开展安全检查，工作日前一天通知。',
    '围绕“今年办成十件实事”开展活动。',
    '学习《关于今年法治宣传工作的通知》。',
    '明确近期目标和中长期规划。',
    '2025年，我镇共受理申请36件，比2024年增长12%。',
  ])('says nothing about “%s”', (text) => {
    expect(stale(text).findings).toEqual([]);
  });
});

describe('year.stale: copied from last year', () => {
  it('warns when 今年 comes with an event dated to another year', () => {
    const { findings } = stale('今年，我镇于2024年3月召开法治建设专题会议。');
    expect(findings.map((f) => f.severity).sort()).toEqual(['info', 'warning']);
  });

  it('warns when a 本年度 figure names last year', () => {
    const { findings } = stale('本年度共办理2024年行政复议案件5件。');
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it.each([
    '今年，我镇于2025年3月召开法治建设专题会议。',
    '本年度共办理行政复议案件5件，比2024年减少2件。',
    '全年巩固2024年专项整治成果，新增调解组织3个。',
    '本年度办结2024年结转案件2件。',
  ])('says nothing copied about “%s”', (text) => {
    expect(stale(text).findings.filter((f) => f.severity === 'warning')).toEqual([]);
  });
});
