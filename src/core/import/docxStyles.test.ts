import { describe, expect, it } from 'vitest';
import { buildDocx, numberedDocxFromText, stylesXml } from '../../../test/support/numberedDocx';
import { htmlToText, importDocx } from './docx';
import { fastDocxText } from './docxFast';
import { readStyleFormatting } from './docxStyles';
import { BOLD_HINT, RUN_IN_BOLD, TABLE_CELL } from './types';

async function parts(description: string) {
  const result = await importDocx(await numberedDocxFromText(description));
  if (!result.ok) throw new Error(result.error);
  return result;
}
const headed = (r: Awaited<ReturnType<typeof parts>>) =>
  r.doc.sections.filter((s) => s.heading).map((s) => [s.heading, s.part]);

describe('part headings marked only by formatting', () => {
  it('reads an outline level set on the paragraph as a part heading, whatever its wording', async () => {
    const r = await parts(`
      松岗镇2025年度法治政府建设情况报告
      2025年，松岗镇坚持依法行政。现将有关情况报告如下：
      @o0 围绕中心工作推进依法行政
      全年审查合同9份。
      @o0 党政主要负责人履行推进法治建设第一责任人职责情况
      镇长带头讲法治课1次。
      @o0 存在的不足
      执法人员业务水平有待提高。
      @o0 下一步打算
      组织执法人员轮训。
      @o0 其他需要报告的情况
      无。
      松岗镇人民政府
      2026年1月20日
    `);
    expect(headed(r)).toEqual([
      ['一、围绕中心工作推进依法行政', 'measures'],
      ['二、党政主要负责人履行推进法治建设第一责任人职责情况', 'leadership'],
      ['三、存在的不足', 'shortcomings'],
      ['四、下一步打算', 'plans'],
      ['五、其他需要报告的情况', 'other'],
    ]);
    expect(r.warnings.join('')).toContain('5 个部分标题没有编号');
    expect(r.doc.meta.title).toBe('松岗镇2025年度法治政府建设情况报告');
    expect(r.doc.sections[1]!.blocks.map((b) => b.text)).toEqual(['全年审查合同9份。']);
  });

  it('follows a custom style to the outline level it inherits', async () => {
    const formatting = await readStyleFormatting(stylesXml(false));
    expect(formatting.outline.get('a5')).toBe(0);
    expect(formatting.bold.get('Strong')).toBe(true);
    const r = await parts(`
      竹溪乡2025年法治政府建设工作报告
      今年以来，竹溪乡扎实推进法治建设。
      @t 一年来的主要工作
      开展法治宣传12场。
      @t 主要负责人履职情况
      乡党委书记主持专题会议2次。
      @t 工作中的短板
      村级合法性审查覆盖不全。
      @t 2026年工作思路
      推动村级事务合法性审查全覆盖。
      竹溪乡人民政府
      2026年1月8日
    `);
    expect(headed(r).map(([h]) => h)).toEqual([
      '一、一年来的主要工作',
      '二、主要负责人履职情况',
      '三、工作中的短板',
      '四、2026年工作思路',
    ]);
    expect(headed(r).map(([, p]) => p)).toEqual(['measures', 'leadership', 'shortcomings', 'plans']);
  });

  it('takes short, wholly bold paragraphs that name a part as part headings, in any order', async () => {
    const r = await parts(`
      白鹭街道2025年度法治政府建设情况报告
      2025年，白鹭街道深入推进法治政府建设，现报告如下。
      @b 党政主要负责人履行推进法治建设第一责任人职责情况
      街道党工委书记带头述法。
      @k 存在的问题、不足及原因
      基层执法力量薄弱。
      @b 主要举措和工作成效：
      完善重大决策程序。
      @b 关于下一步工作的打算
      加强执法队伍建设。
      @b 其他事项
      无。
      白鹭街道办事处
      2026年1月15日
    `);
    expect(headed(r)).toEqual([
      ['一、党政主要负责人履行推进法治建设第一责任人职责情况', 'leadership'],
      ['二、存在的问题、不足及原因', 'shortcomings'],
      ['三、主要举措和工作成效：', 'measures'],
      ['四、关于下一步工作的打算', 'plans'],
      ['五、其他事项', 'other'],
    ]);
  });

  it('leaves bold emphasis, bold sub-points, a bold title and a bold table header where they are', async () => {
    const table =
      '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>' +
      ['存在的问题', '整改措施']
        .map(
          (h) =>
            `<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>${h}</w:t></w:r></w:p></w:tc>`,
        )
        .reduce((a, c) => a + c, '<w:tr>') +
      '</w:tr><w:tr>' +
      ['执法文书不规范', '开展专项培训']
        .map(
          (c) => `<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>${c}</w:t></w:r></w:p></w:tc>`,
        )
        .join('') +
      '</w:tr></w:tbl>';
    const bold = (text: string) => ({ text, runs: [{ text, bold: true }] });
    const bytes = await buildDocx(
      [
        bold('青山镇2025年度法治政府建设情况报告'),
        { text: '2025年，青山镇依法履职。现将有关情况报告如下：' },
        bold('主要举措和成效'),
        {
          text: '一是加强领导。镇党委专题研究法治工作3次。',
          runs: [{ text: '一是加强领导。', bold: true }, { text: '镇党委专题研究法治工作3次。' }],
        },
        bold('全年办理执法案件12件，结案率100%。'),
        bold('着力解决群众反映强烈的问题'),
        { text: '整治占道经营23处。' },
        bold('特色做法'),
        { text: '推行“板凳会”调解。' },
        { text: '', raw: table },
        bold('下一步工作打算'),
        { text: '完善执法制度。' },
        { text: '青山镇人民政府' },
        { text: '2026年1月12日' },
      ],
      undefined,
    );
    const r = await importDocx(bytes);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.meta.title).toBe('青山镇2025年度法治政府建设情况报告');
    expect(headed(r)).toEqual([
      ['一、主要举措和成效', 'measures'],
      ['四、下一步工作打算', 'plans'],
    ]);
    const measures = r.doc.sections.find((s) => s.part === 'measures')!;
    const texts = measures.blocks.map((b) => b.text);
    expect(texts).toContain('一是加强领导。镇党委专题研究法治工作3次。');
    expect(texts).toContain('全年办理执法案件12件，结案率100%。');
    expect(texts).toContain('着力解决群众反映强烈的问题');
    expect(texts).toContain('特色做法');
    // The table with a bold "存在的问题" header stays one table inside its part.
    expect(measures.blocks.filter((b) => b.kind === 'table')).toHaveLength(1);
  });

  it('still finds a plain part heading whose words also head a table column', async () => {
    const cell = (t: string) =>
      `<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const table = `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid><w:tr>${cell('存在的问题')}${cell('整改措施')}</w:tr><w:tr>${cell('台账不全')}${cell('补齐台账')}</w:tr></w:tbl>`;
    const r = await importDocx(
      await buildDocx(
        [
          { text: '桃源镇2025年度法治政府建设情况报告' },
          { text: '2025年，桃源镇依法行政。现将有关情况报告如下：' },
          { text: '主要举措和成效' },
          { text: '去年督查发现的问题已整改如下。' },
          { text: '', raw: table },
          { text: '存在的问题' },
          { text: '执法人员不足。' },
          { text: '桃源镇人民政府' },
          { text: '2026年1月5日' },
        ],
        undefined,
      ),
    );
    if (!r.ok) throw new Error(r.error);
    // Hints are keyed by text, so the cell cannot be told from the heading here: the heading must win.
    const last = r.doc.sections.filter((s) => s.heading).at(-1)!;
    expect([last.heading, last.part]).toEqual(['四、存在的问题', 'shortcomings']);
    expect(last.blocks.map((b) => b.text)).toEqual(['执法人员不足。']);
  });

  it('reads a report with both numbered and bold-only part headings', async () => {
    const r = await parts(`
      荷塘镇关于2025年法治政府建设情况的报告
      县委、县政府：
      2025年，荷塘镇推进依法行政。现将有关情况报告如下：
      @0 主要举措和成效
      @1 推进严格规范公正文明执法
      开展执法检查15次。
      @b 落实第一责任人职责
      各村书记签订法治建设责任书。
      @0 党政主要负责人履行推进法治建设第一责任人职责情况
      镇党委书记带头学法4次。
      @b 存在的困难和问题
      执法人员持证率不高。
      @b 明年工作计划
      组织执法资格考试培训。
      荷塘镇人民政府
      2026年1月9日
    `);
    expect(headed(r)).toEqual([
      ['一、主要举措和成效', 'measures'],
      ['二、党政主要负责人履行推进法治建设第一责任人职责情况', 'leadership'],
      ['三、存在的困难和问题', 'shortcomings'],
      ['四、明年工作计划', 'plans'],
    ]);
    const measures = r.doc.sections.find((s) => s.part === 'measures')!;
    expect(measures.blocks[0]).toMatchObject({ kind: 'subheading', text: '（一）推进严格规范公正文明执法' });
    // A bold line with only a telling word, among numbered parts, is a sub-point of the part it stands in.
    expect(measures.blocks.map((b) => b.text)).toContain('落实第一责任人职责');
  });

  it('keeps outline-level headings when a symbol sends the file to mammoth', async () => {
    const bytes = await buildDocx(
      [
        { text: '云台镇2025年度法治政府建设情况报告' },
        { text: '2025年，云台镇依法行政。现将有关情况报告如下：' },
        { text: '围绕中心工作推进依法行政', outline: 0 },
        {
          text: '',
          raw: '<w:p><w:r><w:t xml:space="preserve">完成事项</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r><w:r><w:t>审查合同8份。</w:t></w:r></w:p>',
        },
        { text: '工作中的短板', outline: 0 },
        { text: '执法力量不足。' },
        { text: '下一步打算', outline: 0 },
        { text: '充实执法力量。' },
        { text: '云台镇人民政府' },
        { text: '2026年1月10日' },
      ],
      undefined,
    );
    expect(await fastDocxText(bytes)).toBeUndefined();
    const r = await importDocx(bytes);
    if (!r.ok) throw new Error(r.error);
    expect(headed(r)).toEqual([
      ['一、围绕中心工作推进依法行政', 'measures'],
      ['三、工作中的短板', 'shortcomings'],
      ['四、下一步打算', 'plans'],
    ]);
  });

  it('marks the same paragraphs whether the fast reader or mammoth reads the file', async () => {
    const bytes = await numberedDocxFromText(`
      标题
      @b 存在的问题
      @b 一是加强领导。|镇党委专题研究。
      @o1 推进执法规范化
    `);
    const fast = await fastDocxText(bytes);
    expect(fast!.styledHeadings.get('存在的问题')).toBe(BOLD_HINT);
    // Bold only through its 。: a run-in title, never a wholly bold line.
    expect(fast!.styledHeadings.get('一是加强领导。镇党委专题研究。')).toBe(RUN_IN_BOLD);
    expect(fast!.styledHeadings.get('推进执法规范化')).toBe(2);
    const html = htmlToText(
      '<p><strong>存在的问题</strong></p><p><strong>一是加强领导。</strong>镇党委专题研究。</p><table><tr><td><p><strong>下一步打算</strong></p></td></tr></table><p>正文</p>',
    );
    expect(html.styledHeadings.get('存在的问题')).toBe(BOLD_HINT);
    expect(html.styledHeadings.get('一是加强领导。镇党委专题研究。')).toBe(RUN_IN_BOLD);
    expect(html.styledHeadings.get('下一步打算')).toBe(TABLE_CELL);
    // A cell whose text is also a paragraph of its own is left unmarked: that paragraph may be a heading.
    const both = htmlToText('<table><tr><td><p>存在的问题</p></td></tr></table><p>存在的问题</p><p>执法力量不足。</p>');
    expect(both.styledHeadings.has('存在的问题')).toBe(false);
  });
});
