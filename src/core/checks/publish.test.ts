import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../model/fromTemplate';
import { defaultRegistry } from '../templates/registry';
import { checkPrivateText, checkReport } from './index';
import { exportRefusal, type ExportKind } from './publish';

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
  ['docx', ' Word 文件'],
  ['pdf', ' PDF'],
  ['web', '用于网站发布的文本'],
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
      expect(refusal?.message).toContain(`不能导出${what}`);
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
});
