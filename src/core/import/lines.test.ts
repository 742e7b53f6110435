/** Hard-wrapped plain text joined back into paragraphs (our own texts). */
import { describe, expect, it } from 'vitest';
import { dropPageFurniture, joinHardWraps } from './lines';
import { importText } from './text';
import { importFile } from './index';
import { checkReport } from '../checks/index';

/** Cut every line longer than `n` characters into pieces of `n`, as a fixed-width save does. */
const wrap = (lines: string[], n: number) =>
  lines.flatMap((l) => {
    const out: string[] = [];
    for (let i = 0; i < l.length; i += n) out.push(l.slice(i, i + n));
    return out.length ? out : [''];
  });

const paragraphs = [
  '全年镇党委会议专题研究法治工作6次，制定年度法治建设任务清单，明确责任领导和完成时限，并纳入各村年度考评。',
  '排查各类矛盾纠纷215件，化解209件，化解率97.2%，未发生因纠纷引发的群体性事件，调解协议均已履行。',
  '组织执法人员参加专题培训3期，评查执法案卷40卷，发现文书不规范问题9个，已于年底前全部完成整改。',
  '开展法治宣传进村入户活动22场次，发放宣传资料4000余份，培养法律明白人58名，覆盖全部行政村。',
];

/** A whole report, one paragraph per line, as the wrapped files below should read. */
const WHOLE_REPORT = [
  '青石镇2025年度法治政府建设情况报告',
  '2025年，青石镇深入推进法治政府建设，各项工作取得新的进展。现将有关情况报告如下：',
  '一、主要举措和成效',
  ...paragraphs,
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '镇党委书记主持召开专题会议研究法治建设5次，带头集体学法12次，亲自协调解决重点难点问题7个。',
  '三、存在的不足和原因',
  '一是普法形式较为单一；二是执法力量不足。主要原因是专业人员少，经费投入有限。',
  '四、2026年工作安排',
  '2026年，我镇将组织集体学法不少于12次，开展案卷评查2次，推动法治文化阵地向村组延伸。',
  '五、其他需要报告的情况',
  '无。',
  '青石镇人民政府',
  '2026年1月15日',
];

describe('joinHardWraps', () => {
  it('joins a paragraph cut every N characters, and keeps headings and paragraph ends', () => {
    const lines = [
      '一、主要举措和成效',
      '（一）压实责任',
      paragraphs[0]!,
      '（二）化解纠纷',
      paragraphs[1]!,
      '（三）规范执法',
      paragraphs[2]!,
      '（四）普法宣传',
      paragraphs[3]!,
    ];
    const { text, joined } = joinHardWraps(wrap(lines, 18).join('\n'));
    expect(joined).toBeGreaterThan(0);
    expect(text.split('\n')).toEqual(lines);
  });

  it('keeps a blank line and an indented line as the start of a new paragraph', () => {
    const lines = wrap(paragraphs, 16);
    // A paragraph that ends at the wrap width without 。 (a list lead-in), then a blank line or an indent.
    const blank = [...lines, '主要数据如下表所列各项具体内容', '', '其他情况说明。'];
    expect(joinHardWraps(blank.join('\n')).text.split('\n').slice(-3)).toEqual([
      '主要数据如下表所列各项具体内容',
      '',
      '其他情况说明。',
    ]);
    const indented = [
      '　　' + paragraphs[0]!.slice(0, 14),
      ...wrap([paragraphs[0]!.slice(14)], 16),
      ...wrap(paragraphs.slice(1), 16),
      '　　主要数据如下表所列各项具体内',
      '　　其他情况说明。',
    ];
    const out = joinHardWraps(indented.join('\n')).text.split('\n');
    expect(out.at(-1)).toBe('　　其他情况说明。');
    expect(out[0]).toBe('　　' + paragraphs[0]);
  });

  it('joins a line that starts with a closing mark, which no line can begin with', () => {
    const lines = wrap(paragraphs, 17);
    const cut = [...lines.slice(0, -1), lines.at(-1)!.slice(0, -1), '。'];
    expect(joinHardWraps(cut.join('\n')).text.split('\n')).toEqual(paragraphs);
  });

  it('leaves a file written one paragraph per line as it is, sub-headings of one width included', () => {
    const lines = [
      '青石镇2025年度法治政府建设情况报告',
      '一、主要举措和成效',
      ...paragraphs.flatMap((p, i) => [`（${'一二三四'[i]}）健全工作机制压实各方责任`, p]),
      '二、存在的不足和原因',
      '基层法治力量不足。主要原因是专职人员少。',
      '三、2026年工作安排',
      '持续深化法治政府建设。',
      '青石镇人民政府',
      '2026年1月15日',
    ];
    const text = lines.join('\n');
    expect(joinHardWraps(text)).toEqual({ text, joined: 0 });
  });

  it('never joins a line the caller keeps (a table cell) nor a line before a heading number', () => {
    const lines = wrap(paragraphs, 16);
    const withCells = [...lines.slice(0, 3), '行政复议案件受理数量合计情况', ...lines.slice(3)];
    const kept = joinHardWraps(withCells.join('\n'), (l) => l === '行政复议案件受理数量合计情况').text.split('\n');
    expect(kept).toContain('行政复议案件受理数量合计情况');
    const beforeHeading = [...lines, '全面完成年度各项法治建设任务目标', '二、存在的不足和原因'];
    expect(joinHardWraps(beforeHeading.join('\n')).text.split('\n').at(-1)).toBe('二、存在的不足和原因');
  });
});

describe('importing a hard-wrapped report', () => {
  it('reads its parts and figures as the same report unwrapped, and says it joined lines', () => {
    const report = WHOLE_REPORT;
    const whole = importText(report.join('\n'));
    const wrapped = importText(wrap(report, 19).join('\n'));
    if (!whole.ok || !wrapped.ok) throw new Error('import failed');
    expect(wrapped.doc.sections).toEqual(whole.doc.sections);
    expect(wrapped.doc.meta).toEqual(whole.doc.meta);
    expect(wrapped.warnings.join('')).toMatch(/已把断开的 \d+ 处接回同一段/);
    expect(checkReport(wrapped.doc).indicators.find((i) => i.id === 'disputes')).toMatchObject({ value: 215 });
  });
});

describe('a hard-wrapped report with unnumbered part headings', () => {
  it('keeps a heading as wide as the wrap a heading of its own', () => {
    const report = [
      '青石镇2025年度法治政府建设情况报告',
      '2025年，青石镇深入推进法治政府建设，各项工作取得新的进展。现将有关情况报告如下：',
      '主要举措和成效',
      ...paragraphs,
      // 25 characters, nearly the wrap width of 26.
      '党政主要负责人履行推进法治建设第一责任人职责情况',
      '镇党委书记主持召开专题会议研究法治建设5次，带头集体学法12次，亲自协调解决重点难点问题7个。',
      '存在的不足和原因。',
      '一是普法形式较为单一；二是执法力量不足。主要原因是专业人员少，经费投入有限。',
      '其他需要报告的情况',
      '无。',
    ];
    const wrapped = importText(wrap(report, 26).join('\n'));
    if (!wrapped.ok) throw new Error(wrapped.error);
    expect(wrapped.mapping.map((m) => m.part)).toEqual(['measures', 'leadership', 'shortcomings', 'other']);
    expect(wrapped.doc.sections.find((s) => s.part === 'leadership')!.blocks.map((b) => b.text)).toEqual([report[8]]);
  });
});

describe('a web page whose text is cut by <br> every N characters', () => {
  const html = (lines: string[]) =>
    new TextEncoder().encode(
      `<html><head><meta charset="utf-8"><title>青石镇2025年度法治政府建设情况报告</title></head><body>` +
        `<div class="nav">首页 政务公开</div><h1>${lines[0]}</h1>` +
        `<div>发布时间：2026-02-10　浏览次数：321　【字体：大 中 小】</div>` +
        `<div class="content">${lines.slice(1).join('<br>\n')}</div></body></html>`,
    );
  const report = WHOLE_REPORT;

  it('is read as the same report written one paragraph per line, and no line goes with the page chrome', async () => {
    const whole = await importFile('报告.html', html(report));
    // 28 characters: the leadership heading (27) is nearly as wide as the wrap and must stay a heading.
    const wrapped = await importFile('报告.html', html([report[0]!, ...wrap(report.slice(1), 28)]));
    if (!whole.ok || !wrapped.ok) throw new Error('import failed');
    expect(wrapped.doc.sections).toEqual(whole.doc.sections);
    expect(wrapped.doc.meta).toEqual(whole.doc.meta);
    expect(wrapped.mapping.map((m) => m.part)).toEqual(['measures', 'leadership', 'shortcomings', 'plans', 'other']);
  });
});

describe('page furniture of a PDF copy', () => {
  it('drops page numbers in their usual forms, and a running header that stands by them on two pages', () => {
    const text = [
      '河东镇2024年法治政府建设情况报告',
      '正文第一段。',
      '— 1 —',
      '河东镇2024年法治政府建设情况报告',
      '正文第二段。',
      '-2-',
      '河东镇2024年法治政府建设情况报告',
      '正文第三段。',
      '第3页 共4页',
      '第 4 页',
    ].join('\n');
    const { text: out, dropped } = dropPageFurniture(text);
    expect(out.split('\n')).toEqual([
      '河东镇2024年法治政府建设情况报告',
      '正文第一段。',
      '正文第二段。',
      '正文第三段。',
    ]);
    expect(dropped).toHaveLength(6);
  });

  it('keeps a dash inside text, a figure alone, and a line repeated away from page numbers', () => {
    const text = '全年调解纠纷42件。\n2024—2025年度\n-\n12\n（一）加强领导\n（一）加强领导\n— 1 —';
    expect(dropPageFurniture(text).text.split('\n')).toEqual([
      '全年调解纠纷42件。',
      '2024—2025年度',
      '-',
      '12',
      '（一）加强领导',
      '（一）加强领导',
    ]);
  });
});
