import { describe, expect, it } from 'vitest';
import { importText } from './text';
import { findTextTables } from './textTables';

const report = (middle: string) =>
  [
    '石桥镇2025年度法治政府建设情况报告',
    '2025年，石桥镇坚持依法行政，现将有关情况报告如下：',
    '一、主要举措和成效',
    '全年办理各类法律事务，具体如下：',
    middle,
    '二、党政主要负责人履行推进法治建设第一责任人职责情况',
    '镇党委书记主持专题会议4次。',
    '三、存在的不足和原因',
    '执法人员偏少，原因是编制不足。',
    '四、2026年工作安排',
    '加强执法队伍建设。',
    '五、其他需要报告的情况',
    '无。',
    '石桥镇人民政府',
    '2026年1月16日',
  ].join('\n');

const tables = (text: string) => {
  const result = importText(text);
  if (!result.ok) throw new Error(result.error);
  return { result, tables: result.doc.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'table')) };
};

describe('tables in a text file', () => {
  it('reads rows pasted from a spreadsheet (tabs, an empty cell) as one table in its part', () => {
    const { result, tables: found } = tables(
      report('项目\t2024年\t2025年\n行政复议案件\t3\t5\n行政应诉案件\t\t2\n调解纠纷\t41\t38'),
    );
    expect(found).toEqual([
      expect.objectContaining({
        rows: [
          ['项目', '2024年', '2025年'],
          ['行政复议案件', '3', '5'],
          ['行政应诉案件', '', '2'],
          ['调解纠纷', '41', '38'],
        ],
      }),
    ]);
    const measures = result.doc.sections.find((s) => s.part === 'measures')!;
    expect(measures.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
    expect(result.warnings.join('')).toContain('读成表格');
  });

  it('reads columns set with runs of spaces, a header without its corner cell included', () => {
    const { tables: found } = tables(report('          件数    办结\n复议        6       6\n诉讼        2       1'));
    expect(found[0]).toMatchObject({
      rows: [
        ['', '件数', '办结'],
        ['复议', '6', '6'],
        ['诉讼', '2', '1'],
      ],
    });
  });

  it('never makes a table of prose with a tab, one tab-separated line, or a signature and its date on one line', () => {
    const prose = '全年开展普法活动\t共计二十余场，群众反响较好。\n各村（社区）均配备法律顾问，\t实现全覆盖。';
    expect(tables(report(prose)).tables).toEqual([]);
    expect(tables(report('联系人\t党政办')).tables).toEqual([]);
    expect(findTextTables('石桥镇人民政府    2026年1月16日\n（此件公开发布）').tables).toEqual([]);
    // Fields side by side (staff lines after the date) are lines of their own, for the checker to flag.
    expect(findTextTables('撰稿：李红\t审核：王强\n联系电话：0851-1234567\t印发：2份').tables).toEqual([]);
    // Justified prose copied out of a PDF, its gaps wide.
    expect(
      findTextTables('全镇共调解矛盾纠纷96件，调解  成功93件，成功率较高\n全年开展学法5次，审查  合同18份，无一被纠错')
        .tables,
    ).toEqual([]);
    // Aligned words without a figure are a layout, not a table of figures.
    expect(findTextTables('主送    县委\n抄送    县政府').tables).toEqual([]);
  });

  it('keeps a 合计 row whose last cells are empty (trailing tabs)', () => {
    const found = findTextTables('序号\t项目\t数量\t单位\n1\t行政复议\t3\t件\n合计\t\t3\t');
    expect(found.tables[0]!.rows).toHaveLength(3);
    // A header whose corner cell is empty (a leading tab) keeps its columns.
    expect(findTextTables('\t2024年\t2025年\n复议\t3\t5\n诉讼\t1\t2').tables[0]!.rows[0]).toEqual([
      [],
      ['2024年'],
      ['2025年'],
    ]);
  });

  it('ends the table where the columns stop agreeing', () => {
    const found = findTextTables('类别\t件数\n复议\t6\n诉讼\t2\n注：以上数据截至12月31日。');
    expect(found.tables).toHaveLength(1);
    expect(found.tables[0]!.rows).toHaveLength(3);
    expect(found.text.split('\n').at(-1)).toBe('注：以上数据截至12月31日。');
  });
});
