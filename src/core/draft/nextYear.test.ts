import { describe, expect, it } from 'vitest';
import { importText } from '../import/index';
import { toPlainText } from '../model/plainText';
import { promiseLine } from '../text/conventions';
import { checkReport } from '../checks/index';
import { draftNextYear, promisesOf } from './nextYear';

const LAST_YEAR = [
  '青石镇关于2024年度法治政府建设情况的报告',
  '县委、县政府：',
  '2024年，我镇扎实推进法治政府建设。现将有关情况报告如下：',
  '一、主要举措和成效',
  '全年开展法治培训6场次，覆盖300人次。',
  '二、存在的不足和原因',
  '法治力量不足，主要原因是人员少。',
  '三、2025年工作安排',
  '2025年，我镇将重点抓好以下工作。',
  '（一）开展法治培训。每季度至少一次。',
  '（二）完善合法性审查。',
  '青石镇人民政府',
  '2025年1月20日',
].join('\n');

describe('draftNextYear', () => {
  const imported = importText(LAST_YEAR);
  if (!imported.ok) throw new Error(imported.error);
  imported.doc.indicators = { training: { value: 6, unit: '场次' } };
  const draft = draftNextYear(imported.doc, { date: '2026年1月15日' });

  it('is next year’s report of the same unit, outline, addressee and signature', () => {
    expect(draft.meta).toMatchObject({
      year: 2025,
      unit: '青石镇',
      title: '青石镇关于2025年度法治政府建设情况的报告',
      addressee: '县委、县政府：',
      signature: ['青石镇人民政府'],
      date: '2026年1月15日',
    });
    expect(draft.sections.map((s) => s.part)).toEqual([
      'opening',
      'measures',
      'leadership',
      'shortcomings',
      'plans',
      'other',
    ]);
  });

  it('turns last year’s plans into a checklist to answer in 举措和成效', () => {
    const measures = draft.sections.find((s) => s.part === 'measures')!;
    expect(measures.blocks.slice(0, 2)).toEqual([
      { kind: 'paragraph', text: '2025年计划：开展法治培训。　完成情况：' },
      { kind: 'paragraph', text: '2025年计划：完善合法性审查。　完成情况：' },
    ]);
    expect(draft.previous).toEqual({
      year: 2024,
      indicators: { training: 6 },
      plans: ['开展法治培训。', '完善合法性审查。'],
    });
  });

  it('copies no body text of last year’s silently', () => {
    const text = toPlainText(draft).text;
    expect(text).not.toContain('覆盖300人次');
    expect(text).not.toContain('主要原因是人员少');
  });

  it('takes every paragraph as a promise when the plans are not numbered', () => {
    expect(promisesOf([{ kind: 'paragraph', text: '加强培训。继续努力。' }])).toEqual(['加强培训。']);
  });
});

describe('draftNextYear keeps last year’s outline, not its text', () => {
  const previousText = [
    '青石镇2023年度法治政府建设工作报告',
    '2023年，我镇坚持依法行政。',
    '一、深学笃用习近平法治思想',
    '（一）强化理论学习',
    '全年集体学法12次，排查矛盾纠纷90件，化解88件。',
    '二、优化法治化营商环境',
    '审查合同20份。',
    '三、存在的不足和原因',
    '力量薄弱，主要原因是人员少。',
    '四、2024年工作计划',
    '（一）深化普法宣传',
    '1.开展宪法宣传周活动。',
    '2.培养法律明白人。',
    '（二）规范行政执法。推行三项制度。',
  ].join('\n');
  const imported = importText(previousText);
  if (!imported.ok) throw new Error(imported.error);
  const draft = draftNextYear(imported.doc);

  it('keeps its headings (years moved on), its measures areas, and adds the required parts it lacked', () => {
    expect(draft.sections.map((s) => [s.heading, s.part])).toEqual([
      ['', 'opening'],
      ['一、深学笃用习近平法治思想', 'measures'],
      ['二、优化法治化营商环境', 'measures'],
      ['三、党政主要负责人履行推进法治建设第一责任人职责情况', 'leadership'],
      ['四、存在的不足和原因', 'shortcomings'],
      ['五、2025年工作计划', 'plans'],
      ['六、其他需要报告的情况', 'other'],
    ]);
    expect(draft.meta.title).toBe('青石镇2024年度法治政府建设工作报告');
    expect(draft.sections[1]!.blocks.filter((b) => b.kind === 'subheading')).toEqual([
      { kind: 'subheading', level: 2, text: '（一）强化理论学习' },
    ]);
  });

  it('lists the outermost plan items as promises to answer', () => {
    expect(draft.previous?.plans).toEqual(['深化普法宣传', '规范行政执法。']);
    expect(draft.sections[1]!.blocks[0]).toEqual({ kind: 'paragraph', text: '2024年计划：深化普法宣传　完成情况：' });
  });

  it('keeps last year’s figures from its prose when its form was empty', () => {
    expect(draft.previous?.year).toBe(2023);
    expect(Object.keys(draft.previous?.indicators ?? {}).length).toBeGreaterThan(0);
  });

  it('copies no paragraph of last year’s body', () => {
    const text = toPlainText(draft).text;
    for (const section of imported.doc.sections) {
      for (const block of section.blocks) if (block.kind === 'paragraph') expect(text).not.toContain(block.text);
    }
  });

  it('reads "一是…二是…" plans, and skips a lead-in', () => {
    expect(
      promisesOf([
        { kind: 'paragraph', text: '2025年，我镇将抓好以下工作：' },
        { kind: 'paragraph', text: '一是加强培训；二是完善制度。' },
      ]),
    ).toEqual(['加强培训', '完善制度。']);
    expect(
      promisesOf([
        { kind: 'paragraph', text: '重点抓好以下工作：' },
        { kind: 'paragraph', text: '加强培训。' },
      ]),
    ).toEqual(['加强培训。']);
  });

  it('still lists last year’s plans when last year’s report had no year', () => {
    const noYear = importText(
      [
        '述职报告',
        '青石镇党委书记 王某',
        '本人依法履职。',
        '一、履职情况',
        '亲自部署。',
        '二、存在的问题',
        '不足。',
        '三、下一步工作计划',
        '1.加强学习。',
      ].join('\n'),
    );
    if (!noYear.ok) throw new Error(noYear.error);
    const d = draftNextYear(noYear.doc);
    expect([d.meta.templateId, d.meta.year, d.previous]).toEqual(['duty', null, null]);
    expect(d.sections.find((s) => s.part === 'duties')!.blocks[0]!.text).toBe('去年计划：加强学习。　完成情况：');
  });
});

describe('draftNextYear from 第N部分 reports and reports without a year', () => {
  const FIVE_PARTS = `桃源乡2025年度法治政府建设情况报告
第一部分 主要举措和成效
一、健全依法行政制度体系
审查规范性文件3件。
第二部分 存在的不足和原因
执法人员偏少，原因是编制紧张。
第三部分 2026年主要安排
一、深化法治宣传。每月开展一次。
二、规范行政执法。
桃源乡人民政府
2026年1月8日`;

  it('carries the plans of a 第N部分 report, and keeps its parts numbered 第一部分… with their 一、 sub-points', () => {
    const imported = importText(FIVE_PARTS);
    if (!imported.ok) throw new Error(imported.error);
    const draft = draftNextYear(imported.doc);
    expect(draft.meta.year).toBe(2026);
    expect(draft.previous?.plans).toEqual(['深化法治宣传。', '规范行政执法。']);
    // The two parts last year lacked are added in place, and the numbers run on without a gap.
    expect(draft.sections.filter((s) => s.heading).map((s) => s.heading.slice(0, 5))).toEqual([
      '第一部分　',
      '第二部分　',
      '第三部分　',
      '第四部分　',
      '第五部分　',
    ]);
    const measures = draft.sections.find((s) => s.part === 'measures')!;
    expect(measures.blocks.find((b) => b.kind === 'subheading')?.text).toBe('一、健全依法行政制度体系');
    // Checked as written: no 编号 finding on the kept sub-point.
    expect(checkReport(draft).findings.filter((f) => f.rule.startsWith('heading.'))).toEqual([]);
  });

  it('numbers next year’s parts 一、二、三 when last year’s were 一、 or mixed', () => {
    const mixed = importText(FIVE_PARTS.replace('第二部分 ', '二、'));
    if (!mixed.ok) throw new Error(mixed.error);
    expect(
      draftNextYear(mixed.doc)
        .sections.filter((s) => s.heading)
        .map((s) => s.heading.slice(0, 2)),
    ).toEqual(['一、', '二、', '三、', '四、', '五、']);
  });

  it('takes the year it is told when last year’s report names none', () => {
    const imported = importText(
      FIVE_PARTS.replace('2025年度', '').replace('2026年主要安排', '下一步工作安排').replace('2026年1月8日', ''),
    );
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.doc.meta.year).toBeNull();
    expect(draftNextYear(imported.doc).meta.year).toBeNull();
    const told = draftNextYear(imported.doc, { year: 2026 });
    expect(told.meta.year).toBe(2026);
    expect(told.meta.title).toContain('2026');
    expect(told.previous?.year).toBe(2025);
  });
});

describe('draftNextYear from a report whose problems and plans share one part', () => {
  const report = (third: string[], other = '四、其他需要报告的情况', otherBody = ['无。']) =>
    [
      '柳河镇2024年度法治政府建设工作报告',
      '一、主要举措和成效',
      '全年审查合同20份，开展法治讲座4场。',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '镇党委书记主持专题会议3次。',
      ...third,
      other,
      ...otherBody,
      '柳河镇人民政府',
      '2025年1月10日',
    ].join('\n');
  const draftOf = (text: string) => {
    const imported = importText(text);
    if (!imported.ok) throw new Error(imported.error);
    return draftNextYear(imported.doc, { date: '2026年1月12日' });
  };
  const checklist = (d: ReturnType<typeof draftNextYear>) =>
    d.sections
      .find((s) => s.part === 'measures')!
      .blocks.map((b) => b.text)
      .filter((t) => promiseLine(t) !== null);

  it('carries the 一是…二是… plans after "下一步" in the combined part, and gives next year the template’s two parts', () => {
    const d = draftOf(
      report([
        '三、存在的问题及下一步打算',
        '执法人员不足，2024年仍要加强培训。主要原因是编制少。',
        '下一步，我镇将做好以下工作：一是加强执法培训；二是推进公共法律服务站建设；三是深化法治宣传。',
      ]),
    );
    expect(d.previous?.plans).toEqual(['加强执法培训', '推进公共法律服务站建设', '深化法治宣传。']);
    expect(checklist(d)).toEqual([
      '2025年计划：加强执法培训　完成情况：',
      '2025年计划：推进公共法律服务站建设　完成情况：',
      '2025年计划：深化法治宣传。　完成情况：',
    ]);
    expect(d.sections.filter((s) => s.heading).map((s) => [s.part, s.heading])).toEqual([
      ['measures', '一、主要举措和成效'],
      ['leadership', '二、党政主要负责人履行推进法治建设第一责任人职责情况'],
      ['shortcomings', '三、存在的不足和原因'],
      ['plans', '四、下一年度主要安排'],
      ['other', '五、其他需要报告的情况'],
    ]);
  });

  it('carries numbered plans under a "（二）下一步工作打算" sub-heading, not the problems above it', () => {
    const d = draftOf(
      report([
        '三、存在的问题和下一步工作打算',
        '（一）存在的问题',
        '1.执法程序不够规范。',
        '2.普法形式单一。',
        '（二）下一步工作打算',
        '1.开展执法人员轮训。每半年一次。',
        '2.建设村级法治阵地。',
      ]),
    );
    expect(d.previous?.plans).toEqual(['开展执法人员轮训。', '建设村级法治阵地。']);
  });

  it('carries plans turned to in the middle of a paragraph, and only from the next year on', () => {
    const d = draftOf(
      report([
        '三、存在的问题及2025年工作打算',
        '2024年全镇执法人员仍要补充，普法覆盖不足。2025年，我镇将全面推行执法全过程记录。',
      ]),
    );
    expect(d.previous?.plans).toEqual(['2025年，我镇将全面推行执法全过程记录。']);
  });

  it('finds no plans in a combined part that never turns to them, and drops the colon of "五、其他事项：无。"', () => {
    const d = draftOf(
      report(['三、存在的问题及下一步打算', '执法力量不足，主要原因是编制少。'], '四、其他事项：无。', []),
    );
    expect(d.previous?.plans).toEqual([]);
    expect(d.sections.find((s) => s.part === 'other')!.heading).toBe('五、其他事项');
  });
});

describe('draftNextYear with a county profile', () => {
  it('keeps last year’s value of a county’s own figure for 同比, read from the prose', async () => {
    const { parseProfile } = await import('../profile/schema');
    const parsed = parseProfile(
      '{"version": 2, "数据项": [{"名称": "法治文化阵地", "单位": ["个"], "关键词": ["法治文化阵地"]}]}',
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const imported = importText(
      [
        '石门镇2025年度法治政府建设情况报告',
        '一、主要举措和成效',
        '全年组织集体学法7次，全镇建成法治文化阵地11个。',
        '二、存在的不足和原因',
        '专职力量不足，原因是编制少。',
        '三、2026年工作打算',
        '新建法治文化阵地2个。',
      ].join('\n'),
    );
    if (!imported.ok) throw new Error(imported.error);
    expect(draftNextYear(imported.doc).previous?.indicators).not.toHaveProperty('法治文化阵地');
    const draft = draftNextYear(imported.doc, { profile: parsed.profile });
    expect(draft.previous?.indicators).toMatchObject({ study_sessions: 7, 法治文化阵地: 11 });
  });
});
