/** punct.range and punct.ellipsis on texts of our own (GB/T 15834-2011). */
import { describe, expect, it } from 'vitest';
import { proofCheck } from './proofTestKit';

describe('punct.range', () => {
  it.each([
    ['贯彻《法治政府建设实施纲要（2021-2025年）》。', '贯彻《法治政府建设实施纲要（2021—2025年）》。'],
    ['编制2026年-2030年普法规划。', '编制2026年—2030年普法规划。'],
    ['“八五”普法（2021－2025）顺利推进。', '“八五”普法（2021—2025）顺利推进。'],
    ['办结时限缩短为3-5天，每次培训2-3个课时。', '办结时限缩短为3～5天，每次培训2～3个课时。'],
    ['1-6月共受理申请20件，3月1-5日集中整治。', '1—6月共受理申请20件，3月1—5日集中整治。'],
    ['对第12-15条作了修改。', '对第12～15条作了修改。'],
  ])('“%s” becomes “%s”', (text, expected) => {
    const { findings, fixed } = proofCheck(text, 'punct.range');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(fixed).toBe(expected);
  });

  it.each([
    '贯彻《法治政府建设实施纲要（2021—2025年）》，办结时限3～5天。',
    '成文日期为2024-01-12，系统编号A3-5号。',
    '按GB/T 9704-2012排版，执行GB 2260-2007代码，依据GB/T 19001-2016公文管理，ISO 2001-2015认证。',
    '附件1-2：统计表。',
    '办案时间缩短了10-20%。',
  ])('says nothing about “%s”', (text) => {
    expect(proofCheck(text, 'punct.range').findings).toEqual([]);
  });
});

describe('punct.ellipsis', () => {
  it.each([
    ['开展送法进村、进校园、进企业...', '开展送法进村、进校园、进企业……'],
    ['开展送法进村、进校园。。。', '开展送法进村、进校园……'],
    ['开展送法进村…', '开展送法进村……'],
    ['开展宪法、民法典、等宣传活动。', '开展宪法、民法典等宣传活动。'],
    ['完成整改，，共计9项。', '完成整改，共计9项。'],
    ['完成整改9项，。', '完成整改9项。'],
    ['完成整改9项。。', '完成整改9项。'],
  ])('“%s” becomes “%s”, as advice', (text, expected) => {
    const { findings, fixed } = proofCheck(text, 'punct.ellipsis');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'info')).toBe(true);
    expect(fixed).toBe(expected);
  });

  it.each([
    '开展送法进村、进校园、进企业……，覆盖全镇。',
    '评定一等、二等、三等奖各一名，等级评定按规定执行。',
    '他说：“依法办事。”随后——会议结束。',
    '增长3.5%，网址www.example.gov.cn。',
  ])('says nothing about “%s”', (text) => {
    expect(proofCheck(text, 'punct.ellipsis').findings).toEqual([]);
  });
});
