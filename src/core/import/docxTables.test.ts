import { describe, expect, it } from 'vitest';
import { exportDocx } from '../export/docx';
import { createReportFromTemplate } from '../model/fromTemplate';
import { tableBlock, type ReportDocument } from '../model/report';
import { defaultRegistry } from '../templates/registry';
import { importDocx } from './docx';
import { buildDocx } from '../../../test/support/numberedDocx';
import { checkReport } from '../checks/index';
import { readDocxTables, withTables } from './docxTables';

function reportWith(rows: string[][]): ReportDocument {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '白河乡',
    year: 2025,
    date: '2026年1月20日',
  });
  doc.sections[1]!.blocks = [
    { kind: 'paragraph', text: '全年行政执法情况见下表。' },
    tableBlock(rows),
    { kind: 'paragraph', text: '执法质量稳步提升，案卷评查合格率逐年提高。' },
  ];
  return doc;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const cell = (...paragraphs: string[]) =>
  `<w:tc>${paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('')}</w:tc>`;

describe('tables of an imported .docx', () => {
  it('become one table block, not a line per cell: export → import keeps the rows', async () => {
    const rows = [
      ['项目', '2024年', '2025年'],
      ['行政处罚案件（件）', '41', '56'],
      ['行政复议案件（件）', '3', '2'],
    ];
    const imported = await importDocx(await exportDocx(reportWith(rows)));
    if (!imported.ok) throw new Error(imported.error);
    const blocks = imported.doc.sections.flatMap((s) => s.blocks);
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.kind === 'table' && tables[0]!.rows).toEqual(rows);
    // The text around the table is where it was, and no cell is left behind as a line of its own.
    const texts = blocks.map((b) => b.text);
    expect(texts.indexOf('全年行政执法情况见下表。')).toBe(texts.indexOf(tables[0]!.text) - 1);
    expect(texts).not.toContain('41');
  });

  it('reads cells of several paragraphs, empty cells and a cell merged down', async () => {
    const xml =
      `<w:document ${W}><w:body><w:p><w:r><w:t>前文</w:t></w:r></w:p><w:tbl>` +
      `<w:tr>${cell('序号')}${cell('事项')}${cell('备注')}</w:tr>` +
      `<w:tr>${cell('1')}${cell('矛盾纠纷', '排查化解')}<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc></w:tr>` +
      `<w:tr>${cell('2')}${cell('普法&amp;宣传')}<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>` +
      `</w:tbl><w:sectPr/></w:body></w:document>`;
    const tables = await readDocxTables(xml);
    expect(tables).toEqual([
      {
        rows: [
          [['序号'], ['事项'], ['备注']],
          [['1'], ['矛盾纠纷', '排查化解'], ['']],
          [['2'], ['普法&宣传'], ['']],
        ],
        continued: [
          [false, false, false],
          [false, false, false],
          [false, false, true],
        ],
      },
    ]);
    const doc = reportWith([['x']]);
    doc.sections[1]!.blocks = [
      '前文',
      '序号',
      '事项',
      '备注',
      '1',
      '矛盾纠纷',
      '排查化解',
      '2',
      '普法&宣传',
      '后文',
    ].map((text) => ({ kind: 'paragraph' as const, text }));
    const blocks = withTables(doc, tables).sections[1]!.blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(blocks[1]!.kind === 'table' && blocks[1]!.rows).toEqual([
      ['序号', '事项', '备注'],
      ['1', '矛盾纠纷 排查化解', ''],
      ['2', '普法&宣传', ''],
    ]);
  });

  it('gives a cell merged across (gridSpan) its columns, so every row has the table’s columns', async () => {
    const span = (n: number, text: string) =>
      `<w:tc><w:tcPr><w:gridSpan w:val="${n}"/></w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const xml =
      `<w:document ${W}><w:body><w:tbl>` +
      `<w:tr>${cell('项目')}${span(2, '2025年')}</w:tr>` +
      `<w:tr>${cell('')}${cell('数量')}${cell('单位')}</w:tr>` +
      `<w:tr>${cell('行政处罚案件')}${cell('34')}${cell('件')}</w:tr>` +
      `<w:tr>${span(3, '合计：见上')}</w:tr>` +
      `</w:tbl><w:sectPr/></w:body></w:document>`;
    const [table] = await readDocxTables(xml);
    expect(table!.rows.map((r) => r.map((c) => c.join(' ')))).toEqual([
      ['项目', '2025年', ''],
      ['', '数量', '单位'],
      ['行政处罚案件', '34', '件'],
      ['合计：见上', '', ''],
    ]);
  });

  it('leaves the lines as they were where the importer did not keep a table’s cells together', async () => {
    const tables = [
      {
        rows: [
          [['一、主要指标'], ['数量']],
          [['培训'], ['3']],
        ],
      },
    ];
    const doc = reportWith([['x']]);
    doc.sections[1]!.blocks = [
      { kind: 'paragraph', text: '数量' },
      { kind: 'paragraph', text: '培训' },
      { kind: 'paragraph', text: '3' },
    ];
    expect(withTables(doc, tables)).toEqual(doc);
    // Not a table file, or bad XML: no tables, no error.
    expect(await readDocxTables(`<w:document ${W}><w:body><w:p/></w:body></w:document>`)).toEqual([]);
    expect(await readDocxTables('<w:tbl><oops')).toEqual([]);
  });

  it('repeats a row label merged down (w:vMerge) in every row it spans; a figure merged down stays once', async () => {
    const down = (restart: boolean, text = '') =>
      `<w:tc><w:tcPr><w:vMerge${restart ? ' w:val="restart"' : ''}/></w:tcPr><w:p>${text ? `<w:r><w:t>${text}</w:t></w:r>` : ''}</w:p></w:tc>`;
    const table =
      '<w:tbl>' +
      `<w:tr>${cell('项目')}${cell('环节')}${cell('2025年')}${cell('小计')}</w:tr>` +
      `<w:tr>${down(true, '行政复议案件（件）')}${cell('收到')}${cell('4')}${down(true, '7')}</w:tr>` +
      `<w:tr>${down(false)}${cell('办结')}${cell('3')}${down(false)}</w:tr>` +
      `<w:tr>${down(true, '法律明白人（名）')}${cell('新培育')}${cell('25')}${cell('')}</w:tr>` +
      `<w:tr>${down(false)}${cell('总数')}${cell('140')}${cell('')}</w:tr>` +
      '</w:tbl>';
    const lines = ['西岭镇2025年法治政府建设年度报告', '一、主要举措和成效', '全年主要数据见下表。'].map((text) => ({
      text,
    }));
    const bytes = await buildDocx([...lines, { text: '', raw: table }, { text: '数据由镇司法所汇总。' }], undefined);
    const imported = await importDocx(bytes);
    if (!imported.ok) throw new Error(imported.error);
    const block = imported.doc.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table');
    expect(block?.kind === 'table' && block.rows).toEqual([
      ['项目', '环节', '2025年', '小计'],
      ['行政复议案件（件）', '收到', '4', '7'],
      ['行政复议案件（件）', '办结', '3', ''],
      ['法律明白人（名）', '新培育', '25', ''],
      ['法律明白人（名）', '总数', '140', ''],
    ]);
    // Each row is read with its own label: 收到 4 and 办结 3, 新培育 25 and 总数 140 are different figures, never a mismatch.
    const result = checkReport(imported.doc);
    expect(result.indicators.find((i) => i.id === 'reconsideration')).toMatchObject({ found: true, value: 4 });
    expect(result.findings.filter((f) => f.rule.startsWith('indicator.') && f.severity === 'error')).toEqual([]);
  });
});
