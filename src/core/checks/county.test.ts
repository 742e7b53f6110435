import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../model/fromTemplate';
import type { ReportDocument } from '../model/report';
import { parseProfile, type CountyProfile } from '../profile/schema';
import { defaultRegistry } from '../templates/registry';
import { checkReport } from './index';

function profile(items: Record<string, unknown>): CountyProfile {
  const parsed = parseProfile(JSON.stringify({ version: 1, ...items }, null, 2));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.profile;
}

/** A township report for 2025 whose 举措和成效 holds the given paragraphs, every other part filled. */
function report(...measures: string[]): ReportDocument {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '石桥镇',
    year: 2025,
    date: '2026年1月20日',
  });
  for (const section of doc.sections) {
    if (section.part === 'measures') section.blocks = measures.map((text) => ({ kind: 'paragraph' as const, text }));
    else if (section.part)
      section.blocks = [
        {
          kind: 'paragraph',
          text: '镇党委书记带头讲法治课，全年主持研究法治建设工作。主要原因是基层力量不足。2026年继续推进。',
        },
      ];
  }
  return doc;
}

const rules = (doc: ReportDocument, p?: CountyProfile) => checkReport(doc, p ? { profile: p } : {}).findings;

describe('a county profile in the checker', () => {
  const doc = report('全年组织学习宪法、民法典、等法律法规12场次，审查合同35份。', '召开会议3次。');

  it('silences a rule switched off, and nothing else', () => {
    const before = rules(doc);
    expect(before.some((f) => f.rule === 'punct.ellipsis')).toBe(true);
    const after = rules(doc, profile({ 关闭规则: ['punct.ellipsis'] }));
    expect(after.some((f) => f.rule === 'punct.ellipsis')).toBe(false);
    expect(after.length).toBe(before.filter((f) => f.rule !== 'punct.ellipsis').length);
  });

  it('shows a raised severity as an error, and the report is then not ready', () => {
    const short = report('全年开展法治宣传活动12场次。'.repeat(3));
    const before = checkReport(short);
    expect(before.findings.find((f) => f.rule === 'section.thin')?.severity).toBe('warning');
    expect(before.ready).toBe(true);
    const result = checkReport(short, { profile: profile({ 规则级别: { 部分字数过少: '错误' } }) });
    expect(result.findings.find((f) => f.rule === 'section.thin')?.severity).toBe('error');
    expect(result.ready).toBe(false);
  });

  it('lowers a rule to advice, which no longer stops the report', () => {
    const withPhone = report('群众可拨打13912345678咨询。'.repeat(60));
    expect(checkReport(withPhone).findings.find((f) => f.rule === 'privacy.phone')?.severity).toBe('error');
    const lowered = checkReport(withPhone, { profile: profile({ 规则级别: { 'privacy.phone': '建议' } }) });
    expect(lowered.findings.filter((f) => f.rule === 'privacy.phone').every((f) => f.severity === 'info')).toBe(true);
  });

  it('flags a figure the county requires and the report lacks', () => {
    const missing = (p?: CountyProfile) =>
      rules(doc, p)
        .filter((f) => f.rule === 'indicator.missing')
        .map((f) => f.message);
    expect(missing().some((m) => m.includes('法律顾问'))).toBe(false);
    const withProfile = missing(profile({ 必需数据: ['法律顾问', '人民调解'] }));
    expect(withProfile.some((m) => m.includes('法律顾问'))).toBe(true);
    expect(withProfile.some((m) => m.includes('人民调解'))).toBe(true);
    // Given in the text, a required figure is not flagged.
    const given = report('聘请法律顾问2名，人民调解组织调解纠纷46件。');
    expect(
      rules(given, profile({ 必需数据: ['法律顾问'] }))
        .filter((f) => f.rule === 'indicator.missing')
        .some((f) => f.message.includes('法律顾问')),
    ).toBe(false);
  });

  it('asks the required figures of an annual report only, not of a 第一责任人述职 report', () => {
    const duty = createReportFromTemplate(defaultRegistry.get('duty')!, {
      unit: '石桥镇',
      year: 2025,
      date: '2026年1月20日',
    });
    for (const section of duty.sections)
      if (section.part) section.blocks = [{ kind: 'paragraph', text: '本人带头学法，主持研究法治建设工作。' }];
    const missing = (p?: CountyProfile) => rules(duty, p).filter((f) => f.rule === 'indicator.missing').length;
    expect(missing(profile({ 必需数据: ['法律顾问', '人民调解'] }))).toBe(missing());
  });

  it('holds a part to the county’s minimum length', () => {
    const text = '全年开展法治宣传活动12场次，发放资料3000份，覆盖全镇18个村。'.repeat(30);
    const thinMeasures = (p?: CountyProfile) =>
      rules(report(text), p).find((f) => f.rule === 'section.thin' && f.section === 'measures');
    expect(thinMeasures()).toBeUndefined();
    const thin = thinMeasures(profile({ 最少字数: { 主要举措和成效: 2000 } }));
    expect(thin?.message).toContain('2000 字以上');
  });

  it('finds an extra placeholder word, where it is', () => {
    const d = report('本年度共办理法律援助案件（此处填数字）件。');
    expect(rules(d).some((f) => f.rule === 'placeholder')).toBe(false);
    const found = rules(d, profile({ 占位符: ['（此处填数字）'] })).filter((f) => f.rule === 'placeholder');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toContain('（此处填数字）');
  });

  it('finds an extra confusable word, with its fix, but not inside quotation marks', () => {
    const d = report('完成村级帐目公开28次，群众所说“帐目不清”的问题得到解决。');
    expect(rules(d).some((f) => f.rule === 'word.confusable')).toBe(false);
    const found = rules(d, profile({ 易混用词: [{ 错: '帐目', 对: '账目', 说明: '指钱物出入的记载用“账”' }] })).filter(
      (f) => f.rule === 'word.confusable',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.fix?.replacement).toBe('账目');
  });

  it('moves the publication deadline of the 成文日期 check', () => {
    const late = report('全年开展法治宣传活动12场次。');
    late.meta.date = '2026年3月20日';
    expect(rules(late).some((f) => f.rule === 'date.format')).toBe(false);
    const found = rules(late, profile({ 公开期限: '3月15日' })).find((f) => f.rule === 'date.format');
    expect(found?.message).toContain('3月15日前');
  });
});
