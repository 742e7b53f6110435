/**
 * The proofreading rules (numbers, marks, wording, relative time, genre) on whole reports: silent on clean
 * reports of every kind written for the project, and on the real reports of ../shared/fixtures exactly the
 * hits a reviewer would mark (each read by hand), nothing else and never an error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../import/index';
import { createReportFromTemplate } from '../model/fromTemplate';
import { toPlainText } from '../model/plainText';
import type { ReportDocument } from '../model/report';
import { defaultRegistry } from '../templates/registry';
import { checkReport } from './index';
import { describeNeeding } from '../../../test/support/needs';

const PROOF_RULES = new Set([
  'number.form',
  'punct.range',
  'punct.ellipsis',
  'word.confusable',
  'year.stale',
  'genre.request',
  'genre.closing',
  'basis.repealed',
]);

function proofHits(doc: ReportDocument): string[] {
  const text = toPlainText(doc).text;
  const result = checkReport(doc);
  return [...result.findings, ...result.ignored]
    .filter((f) => PROOF_RULES.has(f.rule))
    .map((f) => `${f.rule}:${f.severity}:${f.start === null ? '' : text.slice(f.start, f.end!)}`);
}

function fromParts(
  template: 'township' | 'department' | 'duty',
  unit: string,
  year: number,
  parts: Record<string, string[]>,
): ReportDocument {
  const doc = createReportFromTemplate(defaultRegistry.get(template)!, { unit, year, date: `${year + 1}年1月12日` });
  for (const section of doc.sections) {
    const paragraphs = parts[section.part ?? ''];
    if (paragraphs) section.blocks = paragraphs.map((text) => ({ kind: 'paragraph' as const, text }));
  }
  doc.closing = ['特此报告。'];
  return doc;
}

describe('clean reports of every kind: no proofreading finding', () => {
  it('a township report with ranges, dates, quotations and the terms that keep 法制', () => {
    const doc = fromParts('township', '白沙镇', 2024, {
      opening: [
        '2024年，白沙镇深入贯彻党的二十大和二十届二中、三中全会精神，对照《法治政府建设实施纲要（2021—2025年）》推进各项工作。现将有关情况报告如下：',
      ],
      measures: [
        '严格落实重大执法决定法制审核制度，镇司法所作为政府法制机构，全年法制审核重大执法决定9件，审核率100%。',
        '截至2024年12月31日，共受理行政复议申请3件，办结时限由原来的10天缩短为3～5天；1—6月开展专项整治2次，3月1日—5日集中宣传。',
        '发放宣传资料3000余份，覆盖率提高到85%～90%，每村补助3万～5万元，群众满意度98.5%，较2023年提高0.5个百分点。',
        '开展宪法、民法典等主题宣传，聘请法制副校长4名，开展青少年法制教育12场次；其他工作按计划推进。',
        '各村须于3月31日前报送材料，严格执行《党政机关公文处理工作条例》，围绕“今年办成十件实事”开展活动。',
      ],
      leadership: [
        '镇党委书记、镇长认真履行推进法治建设第一责任人职责，制定重大行政决策程序规定，制订年度学法计划和实施方案，主持召开专题会议4次。',
      ],
      shortcomings: ['基层法治力量仍然不足。主要原因是专职人员少，培训投入不够。'],
      plans: ['2025年，我镇将明确近期目标和中长期规划，推进“八五”普法（2021—2025年）总结验收，谋划“九五”普法。'],
      other: ['无。'],
    });
    expect(proofHits(doc)).toEqual([]);
  });

  it('a county department report', () => {
    const doc = fromParts('department', '青山县市场监督管理局', 2025, {
      opening: ['2025年，县市场监督管理局坚持依法行政，现将有关情况报告如下：'],
      measures: [
        '全年办理行政处罚案件126件，罚没款38.6万元，行政复议纠错0件；依据GB/T 19001-2016开展质量管理，执行GB/T 9704-2012公文格式。',
        '落实“双随机、一公开”监管，抽查企业260户次，抽查比例5%～8%；对第12～15条执法文书模板作了修改。',
        '全面推行行政执法公示、执法全过程记录、重大执法决定法制审核“三项制度”，局法制科审核案件42件。',
        '宣传《中华人民共和国民法典》《中华人民共和国行政处罚法》，受益群众5000余人。',
      ],
      leadership: ['局党组书记、局长主持召开党组会议专题研究法治建设5次，带头讲法治课2次。'],
      shortcomings: ['执法人员专业能力有待提升。究其原因，主要是培训形式单一。'],
      plans: ['2026年，一是推进“九五”普法规划开局；二是开展执法人员轮训，每人每年不少于60学时。'],
      other: ['无其他需要报告的情况。'],
    });
    expect(proofHits(doc)).toEqual([]);
  });

  it('a 第一责任人述职 report', () => {
    const doc = fromParts('duty', '石桥镇', 2025, {
      opening: ['按照县委依法治县办要求，现将本人2025年度履行推进法治建设第一责任人职责情况报告如下：'],
      duties: [
        '本人主持召开镇党委会议专题研究法治工作6次，带头学习《中华人民共和国宪法》，督促落实重大执法决定法制审核制度。',
        '全年带头接访群众18批次，协调化解矛盾纠纷32件，化解率100%。',
      ],
      shortcomings: ['对村（社区）法治建设指导不够。原因在于精力投入不足。'],
      plans: ['2026年，本人将继续带头尊法学法守法用法，力争年内实现行政执法人员持证率100%。'],
    });
    expect(proofHits(doc)).toEqual([]);
  });
});

const dir = join(__dirname, '../../../../shared/fixtures/reports');

describeNeeding(['fixtures'], 'real reports', () => {
  const hits = (name: string) => {
    const imported = importText(readFileSync(join(dir, name), 'utf8'));
    if (!imported.ok) throw new Error(imported.error);
    return proofHits(imported.doc);
  };

  it('000 曹回镇 2023: its 法制建设/法制宣传 (the 法治 terms since 2016), three 今年 and one 、等', () => {
    expect(hits('000_0df16618c53cf598.txt').sort()).toEqual(
      [
        'word.confusable:warning:法制建设',
        'word.confusable:warning:法制宣传',
        'word.confusable:warning:法制宣传',
        'word.confusable:warning:法制宣传',
        'year.stale:info:今年',
        'year.stale:info:今年',
        'year.stale:info:今年',
        'punct.ellipsis:info:、',
      ].sort(),
    );
  });

  it('001 有庆镇 2020: nothing', () => {
    expect(hits('001_f6cbd3b905036bb2.txt')).toEqual([]);
  });

  it('003 花园镇 述职: only its 今年内, as advice', () => {
    expect(hits('003_a96ddfb8e6442cfd.txt')).toEqual(['year.stale:info:今年']);
  });
});
