/** Each rule against texts that should fire and texts that should not (our own texts, not real reports). */
import { describe, expect, it } from 'vitest';
import { importText } from '../import/index';
import type { ReportDocument } from '../model/report';
import { checkReport } from './index';
import { validIdNumber } from './privacy';
import { parseNumber } from './indicators';
import { toPlainText } from '../model/plainText';

/** A complete, clean 2025 township report; each test breaks one thing. */
function report(
  overrides: Partial<
    Record<
      'opening' | 'measures' | 'leadership' | 'shortcomings' | 'plansHeading' | 'plans' | 'other' | 'title' | 'date',
      string
    >
  > = {},
): ReportDocument {
  const o = {
    title: '青石镇关于2025年度法治政府建设情况的报告',
    opening:
      '2025年，青石镇坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届历次全会精神。现将有关情况报告如下：',
    measures:
      '全年组织班子集体学法12次，开展法治培训10场次，覆盖500余人次。对镇政府合同开展合法性审查13次。排查矛盾纠纷120件，化解118件，化解率98.3%。开展普法宣传活动8场次，发放手册1500余份。深入实施“八五”普法规划。'.repeat(
        8,
      ),
    leadership:
      '镇党委书记、镇长认真履行推进法治建设第一责任人职责，主持召开专题会议4次，研究解决重点问题6项，带头学法用法，亲自过问重大决策合法性审查，确保法治建设各项任务落到实处。全年带头接访群众，协调化解疑难信访问题，推动依法行政水平持续提升。'.repeat(
        2,
      ),
    shortcomings:
      '基层法治力量仍然不足，部分村（社区）法治宣传形式单一。主要原因是专职人员少，培训投入不够，对新媒体手段运用不充分，今后需要加以改进。'.repeat(
        3,
      ),
    plansHeading: '四、2026年工作安排',
    plans:
      '2026年，我镇将持续深化法治政府建设：一是加强学法用法，全年组织集体学法不少于12次；二是规范合法性审查，重大决策和合同审查率保持100%；三是完善矛盾纠纷多元化解机制，推动基层治理法治化。'.repeat(
        3,
      ),
    other: '无。',
    date: '2026年1月15日',
    ...overrides,
  };
  const text = [
    o.title,
    o.opening,
    '一、主要举措和成效',
    o.measures,
    '二、党政主要负责人履行推进法治建设第一责任人职责情况',
    o.leadership,
    '三、存在的不足和原因',
    o.shortcomings,
    o.plansHeading,
    o.plans,
    '五、其他需要报告的情况',
    o.other,
    '青石镇人民政府',
    o.date,
  ].join('\n');
  const result = importText(text);
  if (!result.ok) throw new Error(result.error);
  return result.doc;
}

const rules = (doc: ReportDocument) => checkReport(doc).findings.map((f) => f.rule);
const findingsOf = (doc: ReportDocument, rule: string) => checkReport(doc).findings.filter((f) => f.rule === rule);

describe('a clean report', () => {
  it('has no finding at all and is ready to submit', () => {
    const result = checkReport(report());
    expect(result.findings).toEqual([]);
    expect(result.ready).toBe(true);
    expect(result.indicators.find((i) => i.id === 'disputes')).toMatchObject({ found: true, value: 120, unit: '件' });
  });
});

describe('structure', () => {
  it('section.thin and section.no-causes', () => {
    const doc = report({
      shortcomings: '宣传形式单一，人员不足。',
      measures: '全年组织班子集体学法12次，合法性审查13次，排查矛盾纠纷12件，开展普法宣传活动8场次。',
    });
    expect(findingsOf(doc, 'section.no-causes')).toHaveLength(1);
    expect(findingsOf(doc, 'section.thin').map((f) => f.section)).toContain('measures');
  });

  it('heading.sequence and heading.punctuation, with a fix', () => {
    const doc = report({
      measures:
        '（一）健全制度\n（三）规范执法\n1、严格审查。全年审查13次。\n2.规范执法。全年组织班子集体学法12次，排查矛盾纠纷12件，开展普法宣传活动8场次。',
    });
    expect(findingsOf(doc, 'heading.sequence')).toHaveLength(1);
    const punct = findingsOf(doc, 'heading.punctuation')[0]!;
    expect(punct.fix).toMatchObject({ replacement: '1.' });
  });
});

describe('indicators', () => {
  it.each([
    ['一百二十', 120],
    ['两万', 20000],
    ['1.5万', 15000],
    ['十二', 12],
    ['2124.9', 2124.9],
  ])('reads %s as %d', (text, value) => expect(parseNumber(text)).toBe(value));

  it('indicator.rate-range: a rate above 100% (full-width ％ too)', () => {
    const doc = report({ measures: report().sections[1]!.blocks[0]!.text + '调解成功率达到105％。' });
    expect(findingsOf(doc, 'indicator.rate-range')).toHaveLength(1);
  });

  it('indicator.ratio: 化解 more than 排查', () => {
    const doc = report({ measures: report().sections[1]!.blocks[0]!.text.replace('化解118件', '化解128件') });
    expect(rules(doc)).toContain('indicator.ratio');
  });

  it('indicator.rate-mismatch: a stated rate far from the quotient, but not a rounded one', () => {
    const wrong = report({ measures: report().sections[1]!.blocks[0]!.text.replace('98.3%', '90%') });
    expect(rules(wrong)).toContain('indicator.rate-mismatch');
    const rounded = report({ measures: report().sections[1]!.blocks[0]!.text.replace('98.3%', '98%') });
    expect(rules(rounded)).not.toContain('indicator.rate-mismatch');
  });

  it('indicator.mismatch: the form says one figure, the prose another', () => {
    const doc = report();
    doc.indicators.disputes = { value: 150, unit: '件' };
    expect(findingsOf(doc, 'indicator.mismatch')[0]!.message).toContain('150');
    doc.indicators.disputes = { value: 120, unit: '件' };
    expect(rules(doc)).not.toContain('indicator.mismatch');
  });

  it('indicator.missing: an expected figure neither in the form nor in the prose', () => {
    const doc = report({ measures: '全年组织班子集体学法12次，开展普法宣传活动8场次，排查矛盾纠纷12件。'.repeat(10) });
    expect(
      findingsOf(doc, 'indicator.missing')
        .map((f) => f.message)
        .join(),
    ).toContain('合法性审查');
    doc.indicators.legality_reviews = { value: 13 };
    expect(rules(doc)).not.toContain('indicator.missing');
  });

  it('recognises "全年无应诉" as zero', () => {
    const doc = report({ measures: report().sections[1]!.blocks[0]!.text + '全年无应诉案件。' });
    expect(checkReport(doc).indicators.find((i) => i.id === 'litigation')).toMatchObject({ found: true, value: 0 });
  });
});

describe('years and currency', () => {
  it('year.mismatch: the opening copied from last year', () => {
    const doc = report({ opening: '2024年，青石镇坚持依法行政。现将有关情况报告如下：' });
    const f = findingsOf(doc, 'year.mismatch')[0]!;
    expect(f.severity).toBe('error');
    expect(f.fix?.replacement).toBe('2025');
  });

  it('year.plans: plans naming the wrong year is an error; naming none a warning', () => {
    expect(
      findingsOf(
        report({ plansHeading: '四、2025年工作安排', plans: '继续努力，全面推进法治建设各项工作落实落细。'.repeat(6) }),
        'year.plans',
      )[0],
    ).toMatchObject({ severity: 'error' });
    expect(
      findingsOf(
        report({ plansHeading: '四、下一步工作打算', plans: '继续努力，全面推进法治建设各项工作落实落细。'.repeat(6) }),
        'year.plans',
      )[0],
    ).toMatchObject({ severity: 'warning' });
  });

  it('date.format: zero padding (with a fix), and a date before the year ended', () => {
    expect(findingsOf(report({ date: '2026年01月05日' }), 'date.format')[0]!.fix?.replacement).toBe('2026年1月5日');
    expect(findingsOf(report({ date: '2025年12月5日' }), 'date.format')).toHaveLength(1);
    expect(findingsOf(report({ date: '2026年4月8日' }), 'date.format')[0]!.message).toContain('公开期限');
  });

  it('era.programme: 七五普法 in a 2025 report, and the old 纲要 formula', () => {
    const doc = report({
      measures: report().sections[1]!.blocks[0]!.text + '深入推进“七五”普法。建设廉洁高效、守法诚信的法治政府。',
    });
    const found = findingsOf(doc, 'era.programme');
    expect(found).toHaveLength(2);
    expect(found.find((f) => f.fix)!.fix!.replacement).toBe('智能高效、廉洁诚信、人民满意');
  });
});

describe('publication safety', () => {
  it('privacy.phone: mobile and landline numbers, not amounts or dates', () => {
    const doc = report({ other: '联系我们：13912345678，或拨打0851-8123456。全年投入资金15082897元。' });
    expect(findingsOf(doc, 'privacy.phone')).toHaveLength(2);
  });

  it('privacy.id: an ID number with a valid check digit, not any 18 digits', () => {
    expect(validIdNumber('11010519491231002X')).toBe(true);
    expect(validIdNumber('110105194912310021')).toBe(false);
    expect(findingsOf(report({ other: '当事人身份证号11010519491231002X。' }), 'privacy.id')).toHaveLength(1);
    expect(findingsOf(report({ other: '项目编号110105194912310021。' }), 'privacy.id')).toHaveLength(0);
  });

  it('privacy.person: a party’s real name beside a dispute, but not an anonymised one or an official', () => {
    expect(
      findingsOf(report({ other: '当事人张三丰因土地纠纷多次上访，经调解达成协议。' }), 'privacy.person')[0]!.fix
        ?.replacement,
    ).toBe('张某');
    expect(
      findingsOf(report({ other: '当事人张某因土地纠纷多次上访，经调解达成协议。' }), 'privacy.person'),
    ).toHaveLength(0);
    expect(findingsOf(report({ other: '镇党委书记李明主持调处纠纷。' }), 'privacy.person')).toHaveLength(0);
  });

  it('privacy.staff-line and placeholder', () => {
    const doc = report({ other: '无。\n撰稿人：王某，审核人：李某' });
    expect(rules(doc)).toContain('privacy.staff-line');
    // In brackets after the date, as many units print it: kept by the import after the date, and flagged.
    const bracketed = report({ date: '2026年1月15日\n（撰稿：王某　审核：李某）' });
    expect(bracketed.closing).toContain('（撰稿：王某　审核：李某）');
    expect(rules(bracketed)).toContain('privacy.staff-line');
    expect(rules(report({ other: '无。\n（起草人：王某）' }))).toContain('privacy.staff-line');
    for (const leftover of ['XX镇', '20XX年', '开展培训*次', '【待补充】', '（待补）', '某某镇', '○○村']) {
      expect(rules(report({ other: `${leftover}。` })), leftover).toContain('placeholder');
    }
    expect(rules(report({ other: '二〇〇八年，XML 文件和 ISO 9001:2015 认证。' }))).not.toContain('placeholder');
  });
});

describe('form', () => {
  it('punct.width: half-width marks in Chinese, not in times, decimals or URLs', () => {
    const doc = report({ other: '无,另见附件(一).' });
    const f = findingsOf(doc, 'punct.width')[0]!;
    expect(f.fix?.replacement).toContain('，');
    expect(rules(report({ other: '上午9:30召开会议，增长3.5%，详见https://example.gov.cn。' }))).not.toContain(
      'punct.width',
    );
  });

  it('punct.width: a comma is a thousands separator only between 1–3 digits and a group of exactly three', () => {
    const found = (text: string) => findingsOf(report({ other: text }), 'punct.width');
    const marks = (text: string) => found(text).map((f) => f.fix?.replacement ?? '');
    // Thousands separators: left alone.
    for (const text of [
      '全年接待群众1,000人次。',
      '涉案金额12,345,678元。',
      '覆盖5,120户，满意度98%。',
      '投入经费3,500元，另有1,200元用于培训。',
    ])
      expect(marks(text), text).toEqual([]);
    // Punctuation between figures: flagged, and the fix makes it full-width.
    for (const [text, fixed] of <Array<[string, string]>>[
      ['发案率下降25%,2人滞留。', '发案率下降25%，2人滞留。'],
      ['增设调解室3,5个村建成服务点。', '增设调解室3，5个村建成服务点。'],
      ['2025年1,2月开展集中排查。', '2025年1，2月开展集中排查。'],
      ['依照第1,2条办理。', '依照第1，2条办理。'],
      ['受理1234,567件中已办结。', '受理1234，567件中已办结。'],
      ['化解率达95%, 3起转入诉讼。', '化解率达95%， 3起转入诉讼。'],
    ]) {
      const [finding, ...more] = found(text);
      expect(more, text).toEqual([]);
      expect(finding?.message, text).toContain('有 1 处半角标点');
      // The fix turns that comma (and nothing else) full-width.
      expect(finding?.fix?.replacement, text).toContain('，');
      expect(fixed, text).toContain(finding!.fix!.replacement);
    }
    // Times, web addresses and Latin text keep their marks.
    for (const text of ['上午9:30开会。', '详见www.example.gov.cn/a?b=1,2。', '引用Smith, J.的译本。'])
      expect(marks(text).join(''), text).not.toMatch(/1，2|9：30/);
  });

  it('punct.width: a mark among Latin letters is English in English words, Chinese among letters and codes', () => {
    const found = (text: string) => findingsOf(report({ other: text }), 'punct.width');
    // Letters and codes between Chinese characters: the sentence's own comma, flagged as a warning with its fix.
    for (const [text, fixed] of <Array<[string, string]>>[
      ['培训采用A,B两种方式进行。', '培训采用A，B两种方式进行。'],
      ['将人员分为a,b两类管理。', '将人员分为a，b两类管理。'],
      ['对A,B类事项实行清单管理。', '对A，B类事项实行清单管理。'],
      ['按照第A,B项要求整改。', '按照第A，B项要求整改。'],
      ['辖区PM2.5,PM10浓度均有下降。', '辖区PM2.5，PM10浓度均有下降。'],
      ['采用AB,CD两套方案比选。', '采用AB，CD两套方案比选。'],
      ['意见发至qsz@example.cn,sfs@example.cn两个邮箱。', '意见发至qsz@example.cn，sfs@example.cn两个邮箱。'],
      ['编号为xyzxyzxyzxyz,k的档案已归档。', '编号为xyzxyzxyzxyz，k的档案已归档。'],
    ]) {
      const [finding, ...more] = found(text);
      expect(more, text).toEqual([]);
      expect(finding?.severity, text).toBe('warning');
      expect(finding?.message, text).toContain('有 1 处半角标点');
      expect(fixed, text).toContain(finding!.fix!.replacement);
    }
    // English words inside Chinese prose keep their marks: titles, product names, citations, lower-case words.
    for (const text of [
      '组织学习《Hello, world》一书的译本。',
      '转载了“Rule of law, not of men”这句话。',
      '镇政府电脑已安装Windows 10, Office 2016等软件。',
      '参考《Getting Things Done: The Art of Stress-Free Productivity》一书。',
      '讲座题为《Who Moved My Cheese?》，反响良好。',
      '引用Smith, J.的译本。',
      '文件可保存为word,excel两种格式。',
      'Hello, world',
      'b,b',
    ])
      expect(found(text), text).toEqual([]);
    // Chinese touching the mark still decides, title marks around Chinese included.
    expect(found('他说“好”,然后离开。')[0]?.fix?.replacement).toContain('，');
    expect(found('采用Hello,世界两种写法。')[0]?.fix?.replacement).toContain('，');
  });

  it('punct.pairs: an unclosed quote or bracket', () => {
    expect(rules(report({ other: '开展“法律进乡村活动。' }))).toContain('punct.pairs');
  });

  it('title.form: a title without the year, or with punctuation', () => {
    expect(rules(report({ title: '青石镇法治政府建设情况报告' }))).toContain('title.form');
    expect(rules(report({ title: '青石镇关于2025年度法治政府建设情况的报告。' }))).toContain('title.form');
    // The year in Chinese numerals is a year.
    expect(rules(report({ title: '青石镇关于二〇二五年度法治政府建设情况的报告' }))).not.toContain('title.form');
  });

  it('title.form: a 述职 names its unit on the line under the title, an annual report in the title', () => {
    const duty = (byline: string) => {
      const result = importText(
        [
          '2025年度履行推进法治建设第一责任人职责情况述职报告',
          byline,
          '2025年，本人认真履行第一责任人职责，现将有关情况报告如下：',
          '一、履职情况',
          '本人主持召开专题会议研究法治建设4次，带头集体学法10次。',
          '二、存在的问题',
          '督促检查不够经常。主要原因是统筹精力不足。',
          '三、下一步工作计划',
          '2026年，本人将每季度研究一次法治工作。',
          '2026年1月10日',
        ].join('\n'),
      );
      if (!result.ok) throw new Error(result.error);
      return checkReport(result.doc).findings.filter((f) => f.rule === 'title.form');
    };
    expect(duty('青石镇党委书记　王某某')).toEqual([]);
    // An annual report is the unit's own document: its title names the unit.
    const doc = report({ title: '2025年度法治政府建设情况报告' });
    expect(findingsOf(doc, 'title.form')[0]?.message).toContain('单位');
  });

  it('signature.missing', () => {
    const doc = report();
    doc.meta.signature = [];
    expect(rules(doc)).toContain('signature.missing');
  });
});

describe('previous.unanswered', () => {
  it('flags last year’s promise left without an outcome', () => {
    const doc = report();
    doc.sections[1]!.blocks.unshift(
      { kind: 'paragraph', text: '去年计划：开展法治培训。　完成情况：' },
      { kind: 'paragraph', text: '去年计划：完善审查。　完成情况：已完成，审查13次。' },
    );
    expect(findingsOf(doc, 'previous.unanswered')).toHaveLength(1);
  });
});

describe('ignoring a finding', () => {
  it('keeps it ignored while the clerk edits elsewhere', () => {
    const doc = report({ other: '联系电话13912345678。' });
    const phone = findingsOf(doc, 'privacy.phone')[0]!;
    doc.ignoredFindings = [phone.fingerprint];
    doc.sections[0]!.blocks[0]!.text = '新写的开头。' + doc.sections[0]!.blocks[0]!.text;
    const result = checkReport(doc);
    expect(result.findings.map((f) => f.rule)).not.toContain('privacy.phone');
    expect(result.ignored.map((f) => f.rule)).toEqual(['privacy.phone']);
  });
});

describe('a report typed with full-width digits', () => {
  const fw = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  const typed = () =>
    report({
      title: fw('青石镇关于2025年度法治政府建设情况的报告'),
      opening: fw(report().sections[0]!.blocks[0]!.text),
      measures: fw(
        '全年组织班子集体学法12次，开展法治培训10场次，覆盖500余人次。对镇政府合同开展合法性审查13次。排查矛盾纠纷120件，化解118件，化解率98.3%。开展普法宣传活动8场次，发放手册1500余份。深入实施“八五”普法规划。',
      ).repeat(8),
      plansHeading: fw('四、2026年工作安排'),
      date: fw('2026年1月15日'),
    });

  it('is read for its year, its figures and its plans as the same report in half-width digits', () => {
    const doc = typed();
    expect(doc.meta.year).toBe(2025);
    const result = checkReport(doc);
    const other = result.findings.filter((f) => f.rule !== 'number.form');
    expect(other.map((f) => f.rule)).toEqual([]);
    expect(result.indicators.find((i) => i.id === 'disputes')).toMatchObject({ found: true, value: 120 });
  });

  it('is still told that the digits should be half-width, at the digits as typed', () => {
    const doc = typed();
    const result = checkReport(doc);
    const plain = result.findings.filter((f) => f.rule === 'number.form');
    expect(plain.length).toBeGreaterThan(0);
    const text = toPlainText(doc).text;
    expect(text.slice(plain[0]!.start!, plain[0]!.end!)).toMatch(/^[０-９]+/);
  });

  it('tells the title and the 成文日期 too, each with its half-width fix', () => {
    const doc = typed();
    const plain = toPlainText(doc);
    const found = checkReport(doc).findings.filter((f) => f.rule === 'number.form');
    const fixesIn = (kind: string) => {
      const line = plain.lines.find((l) => l.kind === kind)!;
      return found
        .filter((f) => f.start! >= line.start && f.end! <= line.start + line.text.length)
        .map((f) => [plain.text.slice(f.start!, f.end!), f.fix?.replacement]);
    };
    expect(fixesIn('title')).toEqual([['２０２５', '2025']]);
    expect(fixesIn('date')).toEqual([
      ['２０２６', '2026'],
      ['１', '1'],
      ['１５', '15'],
    ]);
    // The same report in half-width digits: nothing said about the title or the date.
    expect(findingsOf(report(), 'number.form')).toEqual([]);
  });

  it('still finds a wrong plan year and a phone number written in full-width digits', () => {
    expect(findingsOf(report({ plansHeading: fw('四、2025年工作安排') }), 'year.plans')[0]?.severity).toBe('error');
    expect(findingsOf(report({ other: fw('咨询电话13912345678。') }), 'privacy.phone')).toHaveLength(1);
  });
});
