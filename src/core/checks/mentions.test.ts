/** Figures read in context: what each number is (our own sentences, in many wordings). */
import { describe, expect, it } from 'vitest';
import { countsIn, parseNumber, qualifierOf, ratesIn } from './mentions';
import { answerStart } from '../text/conventions';

const only = (text: string, inPlans = false) => {
  const counts = countsIn(text, inPlans);
  expect(counts).toHaveLength(1);
  return counts[0]!;
};

describe('parseNumber', () => {
  it.each([
    ['九十八点五', 98.5],
    ['一百', 100],
    ['两千', 2000],
    ['3.5万', 35000],
  ])('reads %s as %d', (text, value) => expect(parseNumber(text)).toBe(value));

  it('refuses what is not a number', () => {
    expect(parseNumber('点五')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });
});

describe('qualifiers', () => {
  it.each([
    ['本年度新培育法律明白人42名', 'new'],
    ['今年新增村级法律顾问3名', 'new'],
    ['新创建市级民主法治示范村1个', 'new'],
    ['全镇法律明白人队伍达到168名', 'cumulative'],
    ['累计培养“法治带头人”56名', 'cumulative'],
    ['截至年底共建成法治文化阵地9处', 'cumulative'],
    ['现有行政执法人员14名', 'existing'],
    ['全镇共有网格员88名', 'existing'],
    ['每村配备法律顾问1名', 'perUnit'],
    ['各村均设立调解室1个', 'perUnit'],
    ['平均每月开展普法活动3场', 'perUnit'],
    ['东西两社区分别新建法治广场1处', 'perUnit'],
    ['全年组织集体学法不少于12次', 'target'],
    ['力争培育法律明白人200名', 'target'],
    ['比上年增加5件', 'previous'],
    ['去年同期受理12件', 'previous'],
    ['调解纠纷数量下降了9件', 'change'],
    ['组织法治培训6场次', 'result'],
    ['受理行政复议案件2件', 'result'],
  ])('%s → %s', (text, qualifier) => expect(only(text).qualifier).toBe(qualifier));

  it('reads the clause a figure is in, not the sentence before it', () => {
    const [whole, part] = countsIn('受理行政诉讼案件3件，其中负责人出庭应诉1件', false);
    expect(whole!.qualifier).toBe('result');
    expect(part!.qualifier).toBe('part');
  });

  it('everything in a plans section is a target', () => {
    expect(only('组织法治培训6场次', true).qualifier).toBe('target');
    expect(qualifierOf('召开专题会议', true)).toBe('target');
  });

  it('marks rounded figures', () => {
    expect(only('发放宣传资料3000余份').approximate).toBe(true);
    expect(only('覆盖群众500人以上').approximate).toBe(true);
    expect(only('覆盖群众512人次').approximate).toBe(false);
  });

  it('does not read words with Chinese numerals as counts', () => {
    expect(countsIn('与村干部一起入户走访', false)).toEqual([]);
    expect(countsIn('行政处罚案件无一起被撤销', false)).toEqual([]);
    expect(countsIn('实行一次性告知', false)).toEqual([]);
    expect(countsIn('纠正违法行为三起', false)).toMatchObject([{ value: 3, unit: '起' }]);
    expect(countsIn('成功化解一起信访积案', false)).toMatchObject([{ value: 1, unit: '起' }]);
  });

  it('does not read dates and ordinals as counts', () => {
    expect(countsIn('2025年3月召开第2次会议', false)).toEqual([]);
  });
});

describe('the plan half of a draft’s checklist line', () => {
  it('gives targets before the offset, results after it', () => {
    const line = '2026年计划：年内调解纠纷30件。　完成情况：调解纠纷26件，化解24件。';
    const counts = countsIn(line, false, answerStart(line)!);
    expect(counts.map((c) => [c.value, c.qualifier])).toEqual([
      [30, 'target'],
      [26, 'result'],
      [24, 'result'],
    ]);
    // Without the offset (any other line), the same words are the year's.
    expect(countsIn('年内调解纠纷30件。', false).map((c) => c.qualifier)).toEqual(['result']);
  });
});

describe('rates and shares', () => {
  it.each([
    ['调解成功率达到98.5%', '调解成功率', 98.5, true],
    ['化解率为100％', '化解率', 100, true],
    ['成功率85.9%', '成功率', 85.9, true],
    ['办结18件，占比90%', '占比', 90, true],
    ['村（社区）法律顾问覆盖比例达100%', '法律顾问覆盖比例', 100, true],
    ['群众满意度达103%', '群众满意度', 103, true],
    ['占受理总数的95%', '占受理总数的', 95, true],
    ['参考率百分之九十八点五', '参考率', 98.5, true],
    ['案件数量同比增长120%', '案件数量同比增长', 120, false],
    ['任务完成率达125%', '任务完成率', 125, false],
  ])('%s', (text, name, value, bounded) => {
    const [rate] = ratesIn(text);
    expect(rate).toMatchObject({ name, value, bounded });
  });

  it('reads 九成 as an approximate 90%, and not 成员 or 统一成立', () => {
    expect(ratesIn('矛盾纠纷九成以上化解在村一级')[0]).toMatchObject({ value: 90, approximate: true });
    expect(ratesIn('班子三成员分别包村')).toEqual([]);
    expect(ratesIn('统一成立调解室')).toEqual([]);
  });
});
