/**
 * Figures in a table (issue 14): a row "行政复议案件 | 12 | 件" or a header "人民调解（件）" over "86" is a
 * figure of the report, as the same words in a sentence would be; a cell that only happens to hold a number
 * (a phone number, a village's share, last year's column) never becomes this year's figure. Our own tables.
 */
import { describe, expect, it } from 'vitest';
import { tableBlock, type ReportDocument } from '../model/report';
import { townshipReport } from '../../../test/support/townshipReport';
import { checkReport } from './index';

/** A clean 2025 township report with `rows` as a table in part 一, after `prose` (if any). */
function reportWithTable(rows: string[][], prose = '', part = 'measures'): ReportDocument {
  const doc = townshipReport({
    measures: [prose || '镇政府坚持依法决策，健全重大行政决策程序，推进严格规范公正文明执法。'],
  });
  const section = doc.sections.find((s) => s.part === part)!;
  section.blocks.push(tableBlock(rows));
  return doc;
}

/** The 主要数据 panel's values: id → "value unit", for figures found. */
function panel(doc: ReportDocument): Record<string, string> {
  return Object.fromEntries(
    checkReport(doc)
      .indicators.filter((i) => i.found)
      .map((i) => [i.id, `${i.value}${i.unit ?? ''}`]),
  );
}

const errors = (doc: ReportDocument) => checkReport(doc).findings.filter((f) => f.severity === 'error');

describe('figures in a table', () => {
  it('reads a row naming disputes by what was done with them (矛盾纠纷调解, 矛盾纠纷化解) as 矛盾纠纷排查化解', () => {
    for (const label of ['矛盾纠纷调解', '矛盾纠纷化解', '调解矛盾纠纷', '矛盾纠纷排查化解'])
      expect(
        panel(
          reportWithTable([
            ['项目', '数量'],
            [label, '126件'],
          ]),
        ),
        label,
      ).toMatchObject({ disputes: '126件' });
    // The same words in a sentence count alike.
    expect(panel(townshipReport({ measures: ['全年矛盾纠纷调解126件，调解成功率98%。'] }))).toMatchObject({
      disputes: '126件',
      mediation: '98%',
    });
  });

  it('never reads mediation rows or other rows that mention disputes as the disputes figure', () => {
    const found = panel(
      reportWithTable([
        ['项目', '数量'],
        ['人民调解', '86件'],
        ['调解员', '12人'],
        ['矛盾纠纷调解员', '9人'],
        ['矛盾纠纷排查村（社区）', '14个'],
        ['人民调解委员会', '11个'],
      ]),
    );
    expect(found).toMatchObject({ mediation: '86件' });
    expect(found.disputes).toBeUndefined();
  });

  it('reads the label in the first column, with a unit column and the year in the header', () => {
    const found = panel(
      reportWithTable([
        ['项目', '2025年', '单位'],
        ['行政复议案件', '3', '件'],
        ['人民调解', '86', '件'],
        ['普法宣传活动', '24', '场次'],
        ['法律顾问', '1', '名'],
      ]),
    );
    expect(found).toMatchObject({
      reconsideration: '3件',
      mediation: '86件',
      publicity: '24场次',
      legal_advisers: '1名',
    });
  });

  it('reads a figure with its unit in the cell, or the unit of a "件数" header, or none at all', () => {
    expect(
      panel(
        reportWithTable([
          ['项目', '件数'],
          ['行政复议案件', '12'],
        ]),
      ),
    ).toMatchObject({ reconsideration: '12件' });
    expect(
      panel(
        reportWithTable([
          ['事项', '数量'],
          ['开展普法宣传', '31场次'],
        ]),
      ),
    ).toMatchObject({ publicity: '31场次' });
    // No unit anywhere: the indicator's own.
    expect(
      panel(
        reportWithTable([
          ['指标', '数值'],
          ['法律顾问', '2'],
        ]),
      ),
    ).toMatchObject({ legal_advisers: '2名' });
  });

  it('reads the label in the header row, with the unit in brackets, over a row of figures', () => {
    const found = panel(
      reportWithTable([
        ['行政复议案件（件）', '人民调解（件）', '普法宣传活动（场次）'],
        ['4', '57', '19'],
      ]),
    );
    expect(found).toMatchObject({ reconsideration: '4件', mediation: '57件', publicity: '19场次' });
  });

  it("takes this year's column of a table with two years, and never last year's as this year's", () => {
    const doc = reportWithTable([
      ['项目', '2024年', '2025年'],
      ['行政复议案件（件）', '7', '5'],
      ['人民调解（件）', '', '64'],
    ]);
    expect(panel(doc)).toMatchObject({ reconsideration: '5件', mediation: '64件' });
    // The form holds this year's 5: last year's 7 is no mismatch.
    doc.indicators.reconsideration = { value: 5 };
    expect(errors(doc).filter((f) => f.rule === 'indicator.mismatch')).toEqual([]);
  });

  it('gives no figure from an empty cell, a phone number, a date or a note', () => {
    const found = panel(
      reportWithTable([
        ['项目', '数量', '联系电话', '备注'],
        ['行政复议案件', '', '0571-86001234', ''],
        ['人民调解', '13905710000', '', '12'],
        ['法律顾问', '2026年1月', '', ''],
      ]),
    );
    expect(found.reconsideration).toBeUndefined();
    expect(found.mediation).toBeUndefined();
    expect(found.legal_advisers).toBeUndefined();
  });

  it("a village's row is not the whole town's figure: no error against the prose or the form", () => {
    const doc = reportWithTable(
      [
        ['村（社区）', '人民调解（件）', '法律顾问（名）'],
        ['东山村', '12', '1'],
        ['西河社区', '9', '1'],
      ],
      '全年受理人民调解案件86件，全镇聘请法律顾问3名。',
    );
    doc.indicators.mediation = { value: 86 };
    expect(errors(doc)).toEqual([]);
    expect(panel(doc)).toMatchObject({ mediation: '86件', legal_advisers: '3名' });
  });

  it('a table that disagrees with the form is flagged on the cell', () => {
    const doc = reportWithTable([
      ['项目', '件数'],
      ['行政复议案件', '12'],
    ]);
    doc.indicators.reconsideration = { value: 9 };
    const result = checkReport(doc);
    const mismatch = result.findings.find((f) => f.rule === 'indicator.mismatch');
    expect(mismatch?.message).toContain('行政复议案件12件');
  });

  it('a figure in the table counts for the part: no "no figure" warning', () => {
    const missing = (doc: ReportDocument) =>
      checkReport(doc).findings.filter((f) => f.rule === 'indicator.missing' && f.message.includes('普法宣传活动'));
    expect(
      missing(
        reportWithTable([
          ['项目', '件数'],
          ['行政复议案件', '1'],
        ]),
      ),
    ).toHaveLength(1);
    expect(
      missing(
        reportWithTable([
          ['项目', '场次'],
          ['普法宣传活动', '24'],
        ]),
      ),
    ).toEqual([]);
  });

  it('a label naming two things, or a count of something else, gives no figure', () => {
    const found = panel(
      reportWithTable([
        ['项目', '数量'],
        ['法律顾问参与解决问题', '5'],
        ['行政复议和人民调解', '9'],
        ['调解员', '14'],
      ]),
    );
    expect(found.legal_advisers).toBeUndefined();
    expect(found.reconsideration).toBeUndefined();
    expect(found.mediation).toBeUndefined();
  });
});
