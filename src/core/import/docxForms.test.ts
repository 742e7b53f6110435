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

describe('run-in bold sub-points (bold through the first 。, the rest not)', () => {
  it('reads two or more as sub-headings of the part, each followed by the rest of its paragraph, no character lost', async () => {
    const sections = await blocksOf(
      report(
        '@b 加强组织领导。|全年召开法治建设专题会议4次，制定工作要点。\n@b 规范执法行为：|全面落实行政执法三项制度。\n@b 深化普法宣传。|开展宣传活动12场次。',
      ),
    );
    expect(sections.find(([part]) => part === 'measures')![1]).toEqual([
      'h2:加强组织领导。',
      'paragraph:全年召开法治建设专题会议4次，制定工作要点。',
      'h2:规范执法行为：',
      'paragraph:全面落实行政执法三项制度。',
      'h2:深化普法宣传。',
      'paragraph:开展宣传活动12场次。',
    ]);
  });

  it.each([
    ['one alone', '@b 加强组织领导。|全年召开专题会议4次。\n其余工作有序推进。'],
    // Bold emphasis of a result, a long sentence, or bold that stops before the 。: not a title.
    ['results in bold', '@b 全年办理执法案件12件。|同比增长一成。\n@b 全镇未发生行政败诉案件。|群众满意。'],
    ['bold stopping short of the 。', '@b 加强组织|领导。全年召开专题会议4次。\n@b 深化普法|宣传。开展活动12场次。'],
    [
      'a long bold first sentence',
      '@b 镇党委坚持把法治建设摆在全局工作的突出位置来谋划和推进落实。|全年召开会议4次。\n@b 镇政府严格落实重大行政决策程序规定并接受各方面的监督检查。|审查合同9份。',
    ],
  ])('%s: paragraphs as written', async (_, measures) => {
    const blocks = (await blocksOf(report(measures))).find(([part]) => part === 'measures')![1] as string[];
    expect(blocks.every((b) => b.startsWith('paragraph:'))).toBe(true);
    expect(blocks.join('')).not.toContain('|');
  });
});

describe('run-in bold sub-points are counted in their part', () => {
  it('one in each of two parts: both paragraphs as written', async () => {
    const sections = await blocksOf(
      report('@b 加强组织领导。|全年召开专题会议4次。\n其余工作有序推进。').replace(
        '每季度评查一次执法文书。',
        '@b 规范执法文书。|每季度评查一次执法文书。',
      ),
    );
    for (const part of ['measures', 'plans'])
      expect(
        (sections.find(([p]) => p === part)![1] as string[]).every((b) => b.startsWith('paragraph:')),
        part,
      ).toBe(true);
  });
});

describe('run-in bold sub-points read by mammoth', () => {
  it('marks a paragraph that opens with a bold title through its 。 as mammoth writes it', async () => {
    const { htmlToText } = await import('./docx');
    const { RUN_IN_BOLD } = await import('./types');
    const read = htmlToText(
      '<p><strong>加强组织领导。</strong>全年召开会议4次。</p><p><strong>全年</strong>召开会议4次。</p><p><strong>规范执法：</strong>落实三项<strong>制度</strong>。</p>',
    );
    expect(read.styledHeadings.get('加强组织领导。全年召开会议4次。')).toBe(RUN_IN_BOLD);
    expect(read.styledHeadings.has('全年召开会议4次。')).toBe(false);
    expect(read.styledHeadings.has('规范执法：落实三项制度。')).toBe(false);
  });
});
