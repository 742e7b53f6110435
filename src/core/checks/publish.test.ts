import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../model/fromTemplate';
import { defaultRegistry } from '../templates/registry';
import { webExportRefusal } from './publish';

const report = (text: string) => {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '石桥乡',
    year: 2025,
    date: '2026年1月10日',
  });
  doc.sections[1]!.blocks = [{ kind: 'paragraph', text }];
  return doc;
};

describe('webExportRefusal', () => {
  it.each([
    ['a mobile number', '群众来电可拨打15823456789咨询。'],
    ['a landline', '法律服务热线（023）6543210全天开放。'],
    ['an ID number', '协助办理身份证号码11010519491231002X的证明。'],
  ])('refuses %s, in Chinese', (_, text) => {
    expect(webExportRefusal(report(text))).toMatch(/电话号码或身份证号码/);
  });

  it('lets a report without one through, figures and years included', () => {
    expect(
      webExportRefusal(report('全年调解纠纷356件，办理法律援助案件27件，2025年建成公共法律服务站12个。')),
    ).toBeNull();
  });
});
