/** genre.request and basis.repealed on texts of our own, in every kind of report. */
import { describe, expect, it } from 'vitest';
import { proofCheck } from './proofTestKit';

describe('genre.request', () => {
  it.each(['妥否，请批示。', '当否,请批复。', '以上事项请予审批。', '所需经费请予批准。'])('warns about “%s” in a report', (text) => {
    for (const template of ['township', 'department', 'duty'] as const) {
      const { findings } = proofCheck(`2025年工作情况如上。${text}`, 'genre.request', { template });
      expect(findings.map((f) => f.severity)).toEqual(['warning']);
    }
  });

  it('offers 特此报告 for a closing 特此请示', () => {
    const { findings } = proofCheck('工作情况如上。', 'genre.request', { closing: ['特此请示。'] });
    expect(findings.map((f) => f.fix?.replacement)).toEqual(['特此报告']);
  });

  it.each(['特此报告。', '以上报告，请审阅。', '对群众提出的“请予审批”类申请，做到当场答复。', '申请人请求复议的，依法受理。'])('says nothing about “%s”', (text) => {
    expect(proofCheck(text, 'genre.request', { closing: ['特此报告。'] }).findings).toEqual([]);
  });
});

describe('basis.repealed', () => {
  it('flags the 2000 公文处理办法 cited as current, with the 2012 条例 as the fix', () => {
    const { findings, fixed } = proofCheck('严格按照《国家行政机关公文处理办法》规范公文运转。', 'basis.repealed');
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
    expect(fixed).toBe('严格按照《党政机关公文处理工作条例》规范公文运转。');
  });

  it('flags laws the 民法典 replaced in a report on 2021 or later, not in one on 2020', () => {
    const text = '深入宣传《婚姻法》《中华人民共和国合同法》等法律。';
    expect(proofCheck(text, 'basis.repealed', { year: 2023 }).fixed).toBe('深入宣传《中华人民共和国民法典》《中华人民共和国民法典》等法律。');
    expect(proofCheck(text, 'basis.repealed', { year: 2020 }).findings).toEqual([]);
  });

  it('gives no fix where an article is cited', () => {
    const { findings } = proofCheck('依据《合同法》第五十二条认定无效。', 'basis.repealed', { year: 2022 });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.fix).toBeUndefined();
  });

  it.each([
    '《中华人民共和国民法典》施行后，《合同法》《物权法》同时废止。',
    '聘请合同法律顾问3名，审查合同法律风险。',
    '开展《民法典》婚姻家庭编宣传。',
    '严格执行《党政机关公文处理工作条例》。',
  ])('says nothing about “%s”', (text) => {
    expect(proofCheck(text, 'basis.repealed', { year: 2024 }).findings).toEqual([]);
  });
});
