import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../model/fromTemplate';
import { parseProfile, type CountyProfile } from '../profile/schema';
import { defaultRegistry } from '../templates/registry';
import { checkPrivateText, checkReport } from './index';
import { blocksExport, exportRefusal, type ExportKind } from './publish';

/** A county's profile as the county writes it (Chinese keys, rules by id or by title). */
function county(items: Record<string, unknown>): CountyProfile {
  const parsed = parseProfile(JSON.stringify({ version: 2, ...items }, null, 2));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.profile;
}

const report = (text: string) => {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '石桥乡',
    year: 2025,
    date: '2026年1月10日',
  });
  doc.sections[1]!.blocks = [{ kind: 'paragraph', text }];
  return doc;
};

const KINDS: Array<[ExportKind, string]> = [
  ['docx', '导出 Word 文件'],
  ['pdf', '导出 PDF'],
  ['web', '导出用于网站发布的文本'],
  ['print', '打印'],
];

describe('exportRefusal', () => {
  it.each([
    ['a mobile number', '群众来电可拨打15823456789咨询。'],
    ['a landline given as a contact', '联系电话（023）6543210。'],
    ['an ID number', '协助办理身份证号码11010519491231002X的证明。'],
  ])('refuses %s for every kind of export, in Chinese', (_, text) => {
    for (const [kind, what] of KINDS) {
      const refusal = exportRefusal(report(text), kind);
      expect(refusal?.message).toMatch(/还有 1 处电话号码或身份证号码/);
      expect(refusal?.message).toContain(`不能${what}。`);
      expect(refusal?.message).toContain('请先按检查结果删去');
    }
  });

  it('counts every number and gives them in document order, the first one to show', () => {
    const doc = report('值班手机13912345678，联系电话0731-84561234，身份证号码11010519491231002X。');
    const refusal = exportRefusal(doc, 'docx')!;
    expect(refusal.message).toContain('还有 3 处');
    expect(refusal.findings.map((f) => f.rule)).toEqual(['privacy.phone', 'privacy.phone', 'privacy.id']);
    expect(refusal.findings[0]!.start).toBeLessThan(refusal.findings[1]!.start!);
  });

  it('lets a report without one through, figures, years and public service lines included', () => {
    const doc = report(
      '全年调解纠纷356件，办理法律援助案件27件，2025年建成公共法律服务站12个。公布举报电话0871-1234567，12345政务服务热线办结率100%。',
    );
    for (const [kind] of KINDS) expect(exportRefusal(doc, kind)).toBeNull();
  });

  it('lets a number through once the clerk has ignored its finding (a false alarm)', () => {
    const doc = report('群众来电可拨打15823456789咨询。');
    doc.ignoredFindings = checkReport(doc)
      .findings.filter((f) => f.rule === 'privacy.phone')
      .map((f) => f.fingerprint);
    expect(exportRefusal(doc, 'docx')).toBeNull();
  });

  it('holds back exactly the numbers the whole check finds, with the same fingerprints (full-width digits, a repeat, one ignored)', () => {
    const doc = report(
      '值班手机１３９１２３４５６７８，群众来电可拨打15823456789，再次公布15823456789。身份证号码11010519491231002X。撰稿人：李明',
    );
    doc.ignoredFindings = [checkReport(doc).findings.find((f) => f.rule === 'privacy.phone')!.fingerprint];
    const whole = checkReport(doc).findings.filter((f) => f.rule.startsWith('privacy.'));
    expect(whole.length).toBeGreaterThanOrEqual(3);
    expect(checkPrivateText(doc)).toEqual(whole);
    expect(exportRefusal(doc, 'docx')!.findings).toEqual(
      whole.filter((f) => f.rule === 'privacy.phone' || f.rule === 'privacy.id'),
    );
  });

  describe("with the county's rule levels (its profile, as the checker the clerk sees runs with it)", () => {
    const text = '镇综治中心值班电话0731-84561234，群众来电可拨打15823456789咨询。身份证号码11010519491231002X。';

    it('lets phone numbers through where the county turned privacy.phone off, and still holds an ID number back', () => {
      const profile = county({ 关闭规则: ['privacy.phone'] });
      const refusal = exportRefusal(report(text), 'print', profile)!;
      expect(refusal.message).toContain('还有 1 处');
      expect(refusal.findings.map((f) => f.rule)).toEqual(['privacy.id']);
      expect(exportRefusal(report(text.replace(/身份证.*$/, '')), 'docx', profile)).toBeNull();
    });

    it('lets a rule the county lowered to 建议 through, named by its title as a county writes it', () => {
      const profile = county({ 规则级别: { 电话号码: '建议', 身份证号码: '建议' } });
      for (const [kind] of KINDS) expect(exportRefusal(report(text), kind, profile)).toBeNull();
    });

    it('still refuses a rule the county lowered to 警告: each number is deleted or ignored by the clerk', () => {
      const profile = county({ 规则级别: { 'privacy.phone': '警告' } });
      const doc = report(text);
      expect(exportRefusal(doc, 'pdf', profile)!.message).toContain('还有 3 处');
      doc.ignoredFindings = checkReport(doc, { profile })
        .findings.filter((f) => f.rule === 'privacy.phone')
        .map((f) => f.fingerprint);
      expect(exportRefusal(doc, 'pdf', profile)!.findings.map((f) => f.rule)).toEqual(['privacy.id']);
    });

    it('refuses exactly the findings of the panel that hold exports back, so 查看 finds the first one', () => {
      for (const profile of [
        county({}),
        county({ 关闭规则: ['privacy.id'] }),
        county({ 规则级别: { 'privacy.phone': 'info' } }),
        county({ 规则级别: { 'privacy.phone': 'warning', 'privacy.id': 'error' } }),
      ]) {
        const shown = checkReport(report(text), { profile }).findings.filter(blocksExport);
        const refused = exportRefusal(report(text), 'docx', profile)?.findings ?? [];
        expect(refused).toEqual(shown);
      }
    });

    it('never refuses for another rule a county raised to 错误 (a name in a dispute blocks 可以提交, not exports)', () => {
      const profile = county({ 规则级别: { 'privacy.person': '错误', 'privacy.staff-line': '错误' } });
      const doc = report('调处纠纷当事人张建国与邻居的宅基地纠纷。撰稿人：李明');
      expect(
        checkReport(doc, { profile }).findings.some((f) => f.severity === 'error' && f.rule.startsWith('privacy.')),
      ).toBe(true);
      expect(exportRefusal(doc, 'web', profile)).toBeNull();
    });
  });
});
