/** number.form on texts of our own (GB/T 15835-2011): what a proofreader marks, and forms that are right. */
import { describe, expect, it } from 'vitest';
import { proofCheck } from './proofTestKit';

const check = (text: string) => proofCheck(text, 'number.form');

describe('number.form', () => {
  it.each([
    ['23年3月起施行新的考核办法。', '2023年3月起施行新的考核办法。'],
    ['自’24年度起纳入考核。', '自2024年度起纳入考核。'],
    ['8月1号召开专题会议。', '8月1日召开专题会议。'],
    ['覆盖率提高15～30%。', '覆盖率提高15%～30%。'],
    ['办案时间缩短了10-20%。', '办案时间缩短了10%～20%。'],
    ['每村补助3至5万元。', '每村补助3万至5万元。'],
    ['共办理案件１２件，结案率９８．５%。', '共办理案件12件，结案率98.5%。'],
    ['发生率下降.5个百分点。', '发生率下降0.5个百分点。'],
    ['发放宣传资料5千余份，受益群众3百人。', '发放宣传资料5000余份，受益群众300人。'],
  ])('“%s” becomes “%s”', (text, expected) => {
    const { findings, fixed } = check(text);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(fixed).toBe(expected);
  });

  it.each([
    '2023年3月起施行新的考核办法。',
    '近10年来未发生重大案件，连续12年被评为先进。',
    '满18年3个月的人员，连续15年度被评为先进，累计12年度达标。',
    '全镇共有23年度考核优秀的干部。'.replace('23年度', '2023年度'),
    '8月1日召开会议，下发2号文件，在3号楼办公。',
    '覆盖率提高15%～30%，每村补助3万～5万元。',
    '依据GB/T 9704-2012设置版式，ISO 9001:2015认证。',
    '化解率98.3%，增长0.5个百分点。',
    '架设10千伏线路3千米，运送物资2千克。',
    '占比3百分点。'.replace('3百分点', '3个百分点'),
    '上报《关于印发〔2024〕3号文件的通知》。',
  ])('says nothing about “%s”', (text) => {
    expect(check(text).findings).toEqual([]);
  });
});
