/**
 * Figures in context (issue #12): the same figure is compared only with itself, rates and shares in their
 * usual wordings, and what a figure counts. Our own texts, several wordings per form.
 */
import { describe, expect, it } from 'vitest';
import { townshipReport } from '../../../test/support/townshipReport';
import { checkReport } from './index';

/** A clean 2025 township report around the given paragraphs. */
function report(measures: string, more: { leadership?: string; plans?: string } = {}) {
  const filler = '镇政府坚持依法决策，健全重大行政决策程序，推进严格规范公正文明执法，深化基层依法治理。';
  return townshipReport({ measures: [measures, filler.repeat(20)], ...more });
}

const check = (measures: string, more?: { leadership?: string; plans?: string }) => checkReport(report(measures, more));
const of = (measures: string, rule: string, more?: { leadership?: string; plans?: string }) =>
  check(measures, more).findings.filter((f) => f.rule === rule);
const errorsOf = (measures: string, more?: { leadership?: string; plans?: string }) =>
  check(measures, more)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => f.rule);

describe('indicator.mismatch compares only the same figure', () => {
  it.each([
    ['new vs cumulative', '全年新培育法律明白人42名，全镇法律明白人总数达到168名。'],
    ['new vs existing', '今年新聘法律顾问2名，全镇现有法律顾问9名。'],
    ['a part vs its whole', '受理行政诉讼案件3件，其中行政机关负责人出庭应诉1件，行政诉讼案件均已审结。'],
    ['per village vs the total', '为全镇11个村每村配备法律顾问1名，全镇共聘请法律顾问4名。'],
    ['last year vs this year', '开展普法宣传活动26场次，上年开展普法宣传活动19场次。'],
    ['a change vs the figure', '全年受理行政复议案件4件，比上年减少行政复议案件2件。'],
  ])('%s: no finding', (_what, measures) => {
    expect(of(measures, 'indicator.mismatch')).toEqual([]);
  });

  it("next year's target is not this year's result", () => {
    const doc = {
      plans: '2026年，全镇组织集体学法不少于4次，开展法治培训不少于6场次，持续深化基层依法治理。'.repeat(2),
    };
    expect(of('全年组织集体学法5次，开展法治培训8场次。', 'indicator.mismatch', doc)).toEqual([]);
    // A target in the results part is a target too.
    expect(of('全年组织集体学法5次，明年计划组织集体学法不少于6次。', 'indicator.mismatch')).toEqual([]);
  });

  it('two kinds of meeting with the same keyword: at most a warning', () => {
    const found = of('镇党委召开专题会议4次研究法治建设，镇政府召开专题会议5次研究依法行政。', 'indicator.mismatch');
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
    const split = check('镇党委召开专题会议4次，研究法治建设重点问题。', {
      leadership: '党委书记主持召开专题会议5次，听取法治建设工作汇报。'.repeat(3),
    });
    expect(split.findings.filter((f) => f.rule === 'indicator.mismatch' && f.severity === 'error')).toEqual([]);
  });

  it('the same words about the whole year with two values: an error', () => {
    const found = of(
      '全年开展法治培训10场次，覆盖400人次。\n（二）强化依法行政。全年开展法治培训12场次。',
      'indicator.mismatch',
    );
    expect(found.map((f) => f.severity)).toEqual(['error']);
    expect(found[0]!.message).toContain('10场次');
    const again = of(
      '2025年共办理行政处罚案件26件。执法中队坚持教育与处罚相结合。2025年共办理行政处罚案件29件。',
      'indicator.mismatch',
    );
    expect(again.map((f) => f.severity)).toEqual(['error']);
  });

  it('the same words about two villages or two offices: at most a warning', () => {
    for (const text of [
      '东村：开展普法宣传活动5场次。西村：开展普法宣传活动8场次。',
      '1.东坪村。开展普法宣传活动5场次。\n2.西坪村。开展普法宣传活动8场次。',
      '镇司法所全年开展法治培训10场次。镇综合执法队全年开展法治培训12场次。',
    ]) {
      expect(of(text, 'indicator.mismatch').filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('the same words with the same value: nothing', () => {
    expect(of('全年开展法治培训10场次。各村积极参与，全年开展法治培训10场次。', 'indicator.mismatch')).toEqual([]);
  });

  it('the form against the prose: an error for a result, a warning for a cumulative figure, nothing for a target', () => {
    const result = report('全年排查矛盾纠纷96件，化解95件。');
    result.indicators.disputes = { value: 90, unit: '件' };
    expect(
      checkReport(result)
        .findings.filter((f) => f.rule === 'indicator.mismatch')
        .map((f) => f.severity),
    ).toEqual(['error']);

    const two = report('镇政府聘请法律顾问2名，村级法律顾问14名。');
    two.indicators.legal_advisers = { value: 16, unit: '名' };
    expect(
      checkReport(two)
        .findings.filter((f) => f.rule === 'indicator.mismatch')
        .map((f) => f.severity),
    ).toEqual(['warning']);

    const cumulative = report('全镇法律明白人达到168名，覆盖全部村组。');
    cumulative.indicators.law_literate = { value: 42, unit: '名' };
    expect(
      checkReport(cumulative)
        .findings.filter((f) => f.rule === 'indicator.mismatch')
        .map((f) => f.severity),
    ).toEqual(['warning']);

    const target = report('法律明白人队伍不断壮大。', {
      plans: '2026年，计划培育法律明白人不少于60名，推进法治乡村建设。'.repeat(3),
    });
    target.indicators.law_literate = { value: 42, unit: '名' };
    expect(checkReport(target).findings.filter((f) => f.rule === 'indicator.mismatch')).toEqual([]);
  });
});

describe('what a figure counts', () => {
  const indicator = (measures: string, id: string) => check(measures).indicators.find((i) => i.id === id)!;

  it('协调解决 is not 调解, a 调解员 is a person', () => {
    expect(indicator('镇领导包案协调解决难点问题7件。', 'mediation').found).toBe(false);
    expect(indicator('协调解决群众急难愁盼事项12件。', 'mediation').found).toBe(false);
    expect(indicator('培训村级调解员36人次。', 'mediation').found).toBe(false);
    expect(indicator('人民调解委员会调解纠纷30件。', 'mediation')).toMatchObject({ found: true, value: 30 });
  });

  it('a unit is read whole: 人次 (attendances) is no count of 人 (staff), 场次 no count of 场', () => {
    expect(indicator('全年培训行政执法人员210人次。', 'enforcers').found).toBe(false);
    expect(indicator('组织210人次行政执法人员参加培训。', 'enforcers').found).toBe(false);
    expect(indicator('全镇现有行政执法人员21人。', 'enforcers')).toMatchObject({ found: true, value: 21 });
    expect(indicator('全镇行政执法人员21人次参加培训，现有执法人员18名。', 'enforcers')).toMatchObject({
      found: true,
      value: 18,
    });
  });

  it('a count of something else between keyword and figure belongs to that thing', () => {
    expect(indicator('法律顾问全程参与，协助解决问题5个。', 'legal_advisers').found).toBe(false);
    expect(indicator('法律顾问提出修改建议4个。', 'legal_advisers').found).toBe(false);
    expect(indicator('镇政府聘请法律顾问2名。', 'legal_advisers')).toMatchObject({ found: true, value: 2 });
    expect(indicator('配备专职法律顾问1名。', 'legal_advisers')).toMatchObject({ found: true, value: 1 });
  });

  it('a per-village figure is not the total when a total is given', () => {
    expect(indicator('各村每村配备法律顾问1名，全镇共聘请法律顾问4名。', 'legal_advisers')).toMatchObject({ value: 4 });
    expect(indicator('实现村（社区）法律顾问全覆盖，每村1名；镇政府另聘法律顾问2名。', 'legal_advisers')).toMatchObject(
      { value: 2 },
    );
  });

  it("the side panel shows this year's result, not next year's target", () => {
    const result = check('全年组织班子集体学法9次。', {
      plans: '2026年，全镇组织集体学法不少于12次，持续深化基层依法治理，推进法治乡村建设。'.repeat(2),
    });
    expect(result.indicators.find((i) => i.id === 'study_sessions')).toMatchObject({ value: 9 });
    const onlyTarget = check('班子学法形成制度。', {
      plans: '2026年，全镇组织集体学法不少于12次，持续深化基层依法治理，推进法治乡村建设。'.repeat(2),
    });
    expect(onlyTarget.indicators.find((i) => i.id === 'study_sessions')).toMatchObject({ found: false });
  });

  it('a figure right before its keyword belongs to that keyword', () => {
    const result = check('办理18件行政处罚案件、3件行政强制案件。');
    expect(result.indicators.find((i) => i.id === 'enforcement_cases')).toMatchObject({ value: 18 });
    expect(result.findings.filter((f) => f.rule === 'indicator.mismatch')).toEqual([]);
  });
});

describe('indicator.ratio', () => {
  it.each([
    '现有执法人员14名，其中持有执法证件的16名。',
    '全镇在编执法人员20名，其中持证23名。',
    '排查矛盾纠纷40件，化解43件。',
    '受理信息公开申请5件，办结6件。',
    '共发现问题9项，整改11项。',
    '全镇执法人员68名，持证执法人员70名。',
    '受理行政复议申请3件，依法纠错4件。',
  ])('%s: an error', (measures) => {
    expect(errorsOf(measures)).toContain('indicator.ratio');
  });

  it.each([
    '现有执法人员14名，其中持证12名。',
    '受理案件12件、信访事项30件，其中办结35件。',
    '排查矛盾纠纷120件，化解118件，涉及群众260人。',
    '培训执法人员40人次，其中持证执法人员32人次。',
    '排查矛盾纠纷100余件，化解108件。',
    '调解纠纷74件，涉及金额120万元，其中调解成功71件。',
    '办理行政审批事项12件，解决群众诉求30件。',
    '排查矛盾纠纷40件，累计化解历年积案43件。',
  ])('%s: no error', (measures) => {
    expect(errorsOf(measures)).not.toContain('indicator.ratio');
  });
});

describe('indicator.rate-mismatch', () => {
  it.each([
    '调解74件，成功71件，成功率85.9%。',
    '全年调处矛盾纠纷74件，调解成功71件，调解成功率为85.9%。',
    '排查矛盾纠纷50件，化解40件，化解率96%。',
    '受理信息公开申请20件，按期答复15件，占比95%。',
    '排查矛盾纠纷200件，化解150件，化解率百分之九十。',
    '排查纠纷40件，化解20件，化解率九成以上。',
    '受理行政复议申请8件，纠错2件，纠错比例为50%。',
  ])('%s: a warning', (measures) => {
    expect(of(measures, 'indicator.rate-mismatch').map((f) => f.severity)).toEqual(['warning']);
  });

  it.each([
    '调解74件，成功71件，成功率95.9%。',
    '调解74件，成功71件，成功率96%。',
    '排查矛盾纠纷61件，化解54件，化解率88.5%。',
    '排查矛盾纠纷61件，化解54件，化解率89%。',
    '排查矛盾纠纷30件，化解28件，化解率九成以上。',
    '受理信息公开申请20件，按期答复19件，占比95%。',
    '调解纠纷74件，成功71件，群众满意率98%。',
  ])('%s: nothing', (measures) => {
    expect(of(measures, 'indicator.rate-mismatch')).toEqual([]);
  });
});

describe('indicator.rate-range', () => {
  it.each(['群众满意度达103%。', '调解成功率达到105％。', '执法人员持证比例为110%。', '办结案件占受理总数的120%。'])(
    '%s: an error',
    (measures) => {
      expect(of(measures, 'indicator.rate-range').map((f) => f.severity)).toEqual(['error']);
    },
  );

  it.each([
    '受理案件数同比增长120%。',
    '普法覆盖面较上年提高150%。',
    '年度任务完成率达125%。',
    '宣传经费是上年的130%。',
  ])('%s: no error', (measures) => {
    expect(of(measures, 'indicator.rate-range')).toEqual([]);
  });
});

describe('a figure belongs to an indicator only when its own subject stands by the number (issue #14)', () => {
  const summary = (measures: string, id: string) => check(measures).indicators.find((i) => i.id === id);

  it.each([
    ['an exam is not collective study', '组织干部职工参加学法考试2次，参考率100%。', 'study_sessions'],
    ['an exam before the keyword', '全年组织2次学法考试，干部职工全部参加。', 'study_sessions'],
    ['a knowledge contest', '举办学法知识竞赛3场，吸引干部群众踊跃参与。', 'study_sessions'],
    ['an assessment of training', '对参训人员开展培训考核4次，结果纳入年度考评。', 'training'],
    ['an exam pass rate is not the staff', '执法人员参加法律知识考试合格率达100%。', 'enforcers'],
    ['a training on reviews is a training', '组织合法性审查业务培训2次，提升审查能力。', 'legality_reviews'],
    ['a visitor mediated is a mediation', '领导接访群众时当场调解纠纷12件。', 'petitions'],
    ['a drill about disputes', '开展矛盾纠纷应急演练2起。', 'disputes'],
  ])('%s: not counted', (_what, measures, id) => {
    expect(summary(measures, id)).toEqual({ id, found: false });
  });

  it.each([
    ['集体学法', '全年组织政府班子集体学法12次。', 'study_sessions', 12],
    ['会前学法 with a filler', '坚持会前学法制度，全年共开展会前学法8次。', 'study_sessions', 8],
    ['学法 in a meeting', '召开中心组学法会议6次。', 'study_sessions', 6],
    ['the exam rate beside an exam', '组织干部职工参加学法考试2次，参考率100%。', 'exam_rate', 100],
    ['training with its form', '开展法治培训10场次，覆盖500余人次。', 'training', 10],
    ['a staff count', '镇综合执法队行政执法人员68名，均持证上岗。', 'enforcers', 68],
    ['reviews', '组织合法性审查13次，审查合同文书43份。', 'legality_reviews', 13],
    ['disputes with 化解率', '排查矛盾纠纷228件，化解228件，化解率100%。', 'disputes', 228],
    ['mediation', '人民调解组织调处纠纷，全年调解案件553件。', 'mediation', 553],
    ['petitions', '领导干部接访212人次，解决问题46件。', 'petitions', 212],
    ['a figure before the keyword', '配备1名法律顾问，为各村提供法律服务。', 'legal_advisers', 1],
  ])('%s: counted', (_what, measures, id, value) => {
    expect(summary(measures, id)).toMatchObject({ id, found: true, value });
  });

  it('the form is compared with the leadership study, not with a staff exam', () => {
    const doc = report('组织干部职工参加学法考试2次，参考率100%。领导班子集体学法6次。');
    doc.indicators.study_sessions = { value: 6, unit: '次' };
    const result = checkReport(doc);
    expect(result.findings.filter((f) => f.rule === 'indicator.mismatch')).toEqual([]);
    expect(result.indicators.find((i) => i.id === 'study_sessions')).toMatchObject({ value: 6 });
    const alone = report('组织干部职工参加学法考试2次，参考率100%。');
    alone.indicators.study_sessions = { value: 6, unit: '次' };
    expect(checkReport(alone).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('indicator.missing reads activities counted in 场', () => {
  it('finds the publicity figure in 开展普法宣传活动12场, and still misses it where no figure is given', () => {
    const missing = (text: string) =>
      of(text, 'indicator.missing').filter((f) => f.message.includes('普法宣传活动')).length;
    expect(missing('全年开展普法宣传活动12场，覆盖群众3000余人。')).toBe(0);
    expect(missing('全年深入开展普法宣传，群众法治意识明显增强。')).toBe(1);
  });
});

describe("a draft's checklist line: the plan half gives targets, the answer half the year's figures", () => {
  const training = (measures: string) => check(measures).indicators.find((i) => i.id === 'training')!;
  const mismatches = (measures: string, value: number, unit: string) => {
    const doc = report(measures);
    doc.indicators.training = { value, unit };
    return checkReport(doc).findings.filter((f) => f.rule === 'indicator.mismatch');
  };

  it.each([
    ['the year planned for', '2025年计划：开展“法律明白人”培训，年内培训200人次。　完成情况：'],
    ['the year unknown', '去年计划：开展“法律明白人”培训，年内培训200人次。　完成情况：'],
    ['a plan of two sentences', '2025年计划：办好农家书屋法治角。全年举办法治培训6期。完成情况：'],
  ])('unanswered, %s: the plan is no figure of the year', (_what, line) => {
    expect(training(line).found).toBe(false);
    const value = /6期/.test(line) ? { v: 4, u: '期' } : { v: 150, u: '人次' };
    expect(mismatches(line, value.v, value.u)).toEqual([]);
  });

  it.each([
    '2025年计划：开展“法律明白人”培训，年内培训200人次。　完成情况：全年实际培训180人次，超额完成的村有3个。',
    '去年计划：年内培训200人次。完成情况：培训180人次。',
  ])('answered: the answer is the year’s figure, the plan is not (%s)', (line) => {
    expect(training(line)).toMatchObject({ found: true, value: 180 });
    const found = mismatches(line, 150, '人次');
    expect(found.map((f) => f.message).join('')).toContain('180人次');
    expect(found.map((f) => f.message).join('')).not.toContain('200人次');
    expect(mismatches(line, 180, '人次')).toEqual([]);
  });

  it('a clerk’s own sentence with the same words is still the year’s figure', () => {
    expect(training('年内培训200人次，覆盖全部村（社区）。')).toMatchObject({ found: true, value: 200 });
    expect(training('按照年初计划，年内培训200人次。')).toMatchObject({ found: true, value: 200 });
  });
});

describe('a negation reads 0 only for the quantity it negates', () => {
  const summary = (measures: string, id: string) => check(measures).indicators.find((i) => i.id === id)!;

  it.each([
    '本年度无行政复议和行政诉讼被纠错案件。',
    '全年未发生行政复议被纠错案件，依法行政水平不断提高。',
    '镇政府没有行政复议决定被撤销的情况。',
    '全年未出现行政诉讼败诉案件。',
    '各村无行政复议申请积压。',
  ])('another quantity denied, no figure of cases received: %s', (measures) => {
    expect(summary(measures, 'reconsideration').found).toBe(false);
    expect(summary(measures, 'litigation').found).toBe(false);
  });

  it.each([
    ['全年无行政复议案件发生。', ['reconsideration']],
    ['全年未发生一起行政复议案件，依法行政水平稳步提升。', ['reconsideration']],
    ['本年度无行政复议、行政诉讼案件。', ['reconsideration', 'litigation']],
    ['全年没有发生行政复议和行政应诉案件。', ['reconsideration', 'litigation']],
    ['全年无应诉案件。', ['litigation']],
  ])('the subject itself denied reads 0: %s', (measures, ids) => {
    for (const id of ids) expect(summary(measures, id)).toMatchObject({ found: true, value: 0 });
  });

  it('a denied correction beside a stated figure: the figure stands, nothing is compared with 0', () => {
    const result = check('全年受理行政复议案件3件，无行政复议被纠错案件。');
    expect(result.indicators.find((i) => i.id === 'reconsideration')).toMatchObject({ value: 3 });
    expect(result.findings.filter((f) => f.rule === 'indicator.mismatch')).toEqual([]);
  });
});

describe('a figure after a clause break counts its own clause', () => {
  const enforcement = (measures: string) => check(measures).indicators.find((i) => i.id === 'enforcement_cases')!;

  it.each([
    '依法实施行政处罚，配合派出所受理治安案件1386起。',
    '镇综合执法队查处违法行为，协助受理治安案件420起。',
    '开展行政强制，调处邻里纠纷37起。',
  ])('another thing counted after the comma is no enforcement figure: %s', (measures) => {
    expect(enforcement(measures).found).toBe(false);
  });

  it.each([
    ['全年实施行政处罚，共计38起。', 38],
    ['全年作出行政处罚决定21件。', 21],
    ['办理行政处罚案件45件，受理治安案件1386起。', 45],
    ['全年实施行政强制措施5起。', 5],
  ])('real enforcement figures are still read: %s', (measures, value) => {
    expect(enforcement(measures)).toMatchObject({ found: true, value });
  });
});
