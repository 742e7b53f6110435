/** genre.request and basis.repealed on texts of our own, in every kind of report. */
import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../model/fromTemplate';
import { toPlainText } from '../model/plainText';
import { defaultRegistry } from '../templates/registry';
import { checkReport } from './index';
import { proofCheck } from './proofTestKit';

describe('genre.request', () => {
  it.each(['妥否，请批示。', '当否,请批复。', '以上事项请予审批。', '所需经费请予批准。'])(
    'warns about “%s” in a report',
    (text) => {
      for (const template of ['township', 'department', 'duty'] as const) {
        const { findings } = proofCheck(`2025年工作情况如上。${text}`, 'genre.request', { template });
        expect(findings.map((f) => f.severity)).toEqual(['warning']);
      }
    },
  );

  it('offers 特此报告 for a closing 特此请示', () => {
    const { findings } = proofCheck('工作情况如上。', 'genre.request', { closing: ['特此请示。'] });
    expect(findings.map((f) => f.fix?.replacement)).toEqual(['特此报告']);
  });

  it.each([
    '特此报告。',
    '以上报告，请审阅。',
    '对群众提出的“请予审批”类申请，做到当场答复。',
    '申请人请求复议的，依法受理。',
  ])('says nothing about “%s”', (text) => {
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
    expect(proofCheck(text, 'basis.repealed', { year: 2023 }).fixed).toBe(
      '深入宣传《中华人民共和国民法典》《中华人民共和国民法典》等法律。',
    );
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

describe('genre.closing', () => {
  /** A report of the given kind whose parts hold `parts` (one paragraph, or several) and whose closing is `closing`. */
  function closingHits(
    template: 'township' | 'department' | 'duty',
    parts: Array<string | string[]>,
    closing: string[],
  ) {
    const doc = createReportFromTemplate(defaultRegistry.get(template)!, {
      unit: '青石镇',
      year: 2025,
      date: '2026年1月15日',
    });
    doc.sections = doc.sections.slice(0, parts.length);
    doc.sections.forEach(
      (s, i) => (s.blocks = [parts[i]!].flat().map((text) => ({ kind: 'paragraph' as const, text }))),
    );
    doc.closing = closing;
    const text = toPlainText(doc).text;
    return checkReport(doc)
      .findings.filter((f) => f.rule === 'genre.closing')
      .map((f) => `${f.severity}:${text.slice(f.start!, f.end!)}:${f.message.includes('重复') ? '重复' : '位置'}`);
  }
  const body = [
    '2025年，我单位坚持依法行政，现将有关情况报告如下：',
    '全年办理行政复议案件3件，全部按期办结，群众满意。',
    '下一步，我们将继续加强执法队伍建设，提升依法行政水平。',
  ];

  it.each(['township', 'department', 'duty'] as const)(
    'advises moving 特此报告 that stands before more body text (%s)',
    (template) => {
      const misplaced = [body[0]!, `${body[1]}特此报告。`, body[2]!];
      expect(closingHits(template, misplaced, [])).toEqual(['info:特此报告:位置']);
      // In one part, and in one paragraph: a sentence after it is more body too.
      expect(closingHits(template, [body[0]!, [`${body[1]}特此报告。`, body[2]!]], ['特此报告。'])).toEqual([
        'info:特此报告:位置',
      ]);
      expect(closingHits(template, [body[0]!, `${body[1]}特此报告。${body[2]}`], [])).toEqual(['info:特此报告:位置']);
    },
  );

  it('advises deleting a repeated closing formula, keeping the last', () => {
    expect(closingHits('township', [body[0]!, `${body[2]}特此报告。`], ['特此报告。'])).toEqual(['info:特此报告:重复']);
    expect(closingHits('department', body, ['特此报告。', '特此报告。'])).toEqual(['info:特此报告:重复']);
  });

  it.each([
    ['the usual closing', body, ['特此报告。']],
    ['no closing formula at all', body, []],
    ['特此汇报 as the writer chose', body, ['特此汇报。']],
    ['特此报告 at the end of the last paragraph', [body[0]!, `${body[2]}特此报告。`], []],
    ['特此报告 with its addressee and a request to read it', body, ['特此报告，请审阅。']],
    ['特此报告如下 opening a report', ['现将2025年工作情况特此报告如下：', body[1]!, body[2]!], ['特此报告。']],
    [
      'the formula quoted in the text',
      ['统一以“特此报告”作为结束语，全年规范公文格式12份。', body[1]!],
      ['特此报告。'],
    ],
    [
      'a signature the importer left in the body',
      [body[0]!, [`${body[2]}特此报告。`, '青石镇人民政府', '2026年1月15日']],
      [],
    ],
    [
      'an attachment after the date',
      [
        body[0]!,
        [`${body[2]}特此报告。`, '二〇二六年一月十五日', '附件1', '全年共办理行政处罚案件3件，其中简易程序2件。'],
      ],
      [],
    ],
  ])('says nothing about %s', (_, paragraphs, closing) => {
    expect(closingHits('township', paragraphs, closing)).toEqual([]);
  });
});
