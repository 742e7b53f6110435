/** A Word file as clerks format it: bold unnumbered sub-points, figures lined up with tabs (our own texts). */
import { describe, expect, it } from 'vitest';
import { numberedDocxFromText } from '../../../test/support/numberedDocx';
import { importDocx } from './docx';

async function blocksOf(description: string) {
  const result = await importDocx(await numberedDocxFromText(description));
  if (!result.ok) throw new Error(result.error);
  return result.doc.sections.map((s) => [
    s.part,
    s.blocks.map((b) => `${b.kind === 'subheading' ? `h${b.level}` : b.kind}:${b.text}`),
  ]);
}

const report = (measures: string) => `南渡镇2025年法治政府建设情况报告
2025年，南渡镇坚持依法行政，现将有关情况报告如下：
@0 主要举措和成效
${measures}
@0 党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记主持专题会议3次。
@0 存在的不足和原因
执法文书不够规范，原因是培训偏少。
@0 2026年工作安排
每季度评查一次执法文书。
@0 其他需要报告的情况
无。
南渡镇人民政府
2026年1月9日`;

describe('bold sub-points', () => {
  it('reads short bold lines used as sub-points as sub-headings of the part', async () => {
    const sections = await blocksOf(
      report('@b 加强组织领导\n全年召开法治建设专题会议4次。\n@b 依法决策、规范执法：\n重大决策均经合法性审查。'),
    );
    expect(sections.find(([part]) => part === 'measures')![1]).toEqual([
      'h2:加强组织领导',
      'paragraph:全年召开法治建设专题会议4次。',
      'h2:依法决策、规范执法：',
      'paragraph:重大决策均经合法性审查。',
    ]);
  });

  it('keeps a lone bold line, a bold sentence and a bold figure as paragraphs', async () => {
    const sections = await blocksOf(
      report(
        '@b 加强组织领导\n全年召开专题会议4次。\n@b 全镇未发生行政败诉案件。\n@b 全年办理执法案件12件\n其余工作有序推进。',
      ),
    );
    const measures = sections.find(([part]) => part === 'measures')![1] as string[];
    expect(measures.filter((b) => b.startsWith('h'))).toEqual([]);
  });
});

describe('figures lined up with tabs in a Word file', () => {
  it('reads tab-aligned paragraphs as a table, and leaves a real Word table as it is', async () => {
    const sections = await blocksOf(
      report(
        '全年主要数据如下：\n项目\t2024年\t2025年\n行政复议\t3\t5\n纠纷调解\t41\t38\n@tbl 类别|件数;诉讼|2\n其余工作有序推进。',
      ),
    );
    const measures = sections.find(([part]) => part === 'measures')![1] as string[];
    expect(measures).toEqual([
      'paragraph:全年主要数据如下：',
      'table:项目\t2024年\t2025年\n行政复议\t3\t5\n纠纷调解\t41\t38',
      'table:类别\t件数\n诉讼\t2',
      'paragraph:其余工作有序推进。',
    ]);
  });
});
