import { describe, expect, it } from 'vitest';
import {
  buildDocx,
  CHINESE_LEVELS,
  numberedDocxFromText,
  numberingXml,
  stylesXml,
  type NumberedParagraph,
} from '../../../test/support/numberedDocx';
import { importDocx } from './docx';
import { fastDocxText } from './docxFast';
import { formatNumber } from './docxNumbering';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

describe('Word automatic numbering reads as Word shows it', () => {
  it('formats the number styles Chinese Word offers', () => {
    expect([1, 2, 10, 11, 20, 23].map((n) => formatNumber(n, 'chineseCounting'))).toEqual([
      '一',
      '二',
      '十',
      '十一',
      '二十',
      '二十三',
    ]);
    expect([1, 3, 10].map((n) => formatNumber(n, 'ideographTraditional'))).toEqual(['甲', '丙', '癸']);
    expect(formatNumber(2, 'decimalEnclosedParen')).toBe('⑵');
    expect(formatNumber(3, 'decimalEnclosedCircleChinese')).toBe('③');
    expect(formatNumber(4, 'lowerRoman')).toBe('iv');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(3, 'chineseLegalSimplified')).toBe('叁');
  });

  it('numbers levels, restarts the lower ones, and keeps one list across paragraphs of body text', async () => {
    const bytes = await numberedDocxFromText(`
      青石镇关于2025年度法治政府建设情况的报告
      2025年，青石镇坚持依法行政。现将有关情况报告如下：
      @0 主要举措和成效
      @1 健全依法行政制度体系
      全年审查合同12份。
      @1 健全行政执法工作体系
      @2 规范执法程序
      @2 加强案卷评查
      @0 存在的不足和原因
      @1 学法不够深入
      @0 2026年工作安排
    `);
    const read = await fastDocxText(bytes);
    expect(lines(read!.text).slice(2)).toEqual([
      '一、主要举措和成效',
      '（一）健全依法行政制度体系',
      '全年审查合同12份。',
      '（二）健全行政执法工作体系',
      '1.规范执法程序',
      '2.加强案卷评查',
      '二、存在的不足和原因',
      '（一）学法不够深入',
      '三、2026年工作安排',
    ]);
    const imported = await importDocx(bytes);
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.doc.sections.map((s) => [s.part, s.heading])).toEqual([
      ['opening', ''],
      ['measures', '一、主要举措和成效'],
      ['shortcomings', '二、存在的不足和原因'],
      ['plans', '三、2026年工作安排'],
    ]);
    expect(imported.doc.sections[1]!.blocks.filter((b) => b.kind === 'subheading').map((b) => b.text)).toEqual([
      '（一）健全依法行政制度体系',
      '（二）健全行政执法工作体系',
      '1.规范执法程序',
      '2.加强案卷评查',
    ]);
  });

  it('follows start values, start overrides, legal numbering, 甲乙丙 and numbering carried by a heading style', async () => {
    const numbering = numberingXml(
      {
        '0': CHINESE_LEVELS,
        '1': [{ format: 'chineseCounting', text: '第%1部分', suffix: 'space' }],
        '2': [{ format: 'ideographTraditional', text: '%1、' }],
        '3': [
          { format: 'decimal', text: '%1.', start: 3 },
          { format: 'decimal', text: '%1.%2', legal: true },
        ],
        '4': [{ format: 'decimalEnclosedParen', text: '%1', suffix: 'nothing' }],
      },
      [
        { numId: '1', abstractId: '0' },
        { numId: '2', abstractId: '1' },
        { numId: '3', abstractId: '2' },
        { numId: '4', abstractId: '3' },
        { numId: '5', abstractId: '0', startOverrides: { 0: 4 } },
        { numId: '6', abstractId: '4' },
      ],
    );
    const bytes = await buildDocx(
      [
        { text: '主要举措和成效', numId: '2' },
        { text: '存在的问题', numId: '2' },
        { text: '甲项', numId: '3' },
        { text: '乙项', numId: '3' },
        { text: '第三条', numId: '4' },
        { text: '细则', numId: '4', ilvl: 1 },
        { text: '工作安排', style: 'Heading1' },
        { text: '重点任务', style: 'Heading2' },
        { text: '其他事项', numId: '5' },
        { text: '带括号', numId: '6' },
        { text: '不编号', numId: '0' },
      ],
      numbering,
      stylesXml(true),
    );
    const read = await fastDocxText(bytes);
    expect(lines(read!.text)).toEqual([
      '第一部分 主要举措和成效',
      '第二部分 存在的问题',
      '甲、甲项',
      '乙、乙项',
      '3.第三条',
      '3.1 细则',
      '一、工作安排',
      '（一）重点任务',
      '四、其他事项',
      '⑴带括号',
      '不编号',
    ]);
  });

  it('reads a file whose numbering part is broken as plain paragraphs, without failing', async () => {
    const bytes = await buildDocx([{ text: '主要举措和成效', numId: '1' }, { text: '正文。' }], '<w:numbering><broken');
    const read = await fastDocxText(bytes);
    expect(lines(read!.text)).toEqual(['主要举措和成效', '正文。']);
  });
});

describe('numbering in every reader of a .docx', () => {
  // A report numbered by Word alone: 一、 for parts, （一） below, ① for items (decimalEnclosedCircle),
  // and a second list for the plans restarted at 1 by a start override.
  const numbering = numberingXml(
    {
      '0': [...CHINESE_LEVELS.slice(0, 2), { format: 'decimalEnclosedCircle', text: '%3', suffix: 'nothing' }],
      '1': [{ format: 'decimal', text: '%1.' }],
    },
    [
      { numId: '1', abstractId: '0' },
      { numId: '2', abstractId: '1' },
      { numId: '3', abstractId: '1', startOverrides: { 0: 1 } },
    ],
  );
  const paragraphs = (extra: NumberedParagraph): NumberedParagraph[] => [
    { text: '柏树乡2025年度法治政府建设情况报告' },
    { text: '主要举措和成效', numId: '1', ilvl: 0 },
    { text: '健全制度体系', numId: '1', ilvl: 1 },
    { text: '审查合同11份', numId: '1', ilvl: 2 },
    { text: '清理文件4件', numId: '1', ilvl: 2 },
    extra,
    { text: '加强宣传', numId: '2' },
    { text: '规范执法', numId: '2' },
    { text: '存在的不足和原因', numId: '1', ilvl: 0 },
    { text: '队伍弱', numId: '3' },
    { text: '经费少', numId: '3' },
  ];
  const expected = [
    '柏树乡2025年度法治政府建设情况报告',
    '一、主要举措和成效',
    '（一）健全制度体系',
    '①审查合同11份',
    '②清理文件4件',
  ];
  const after = ['1.加强宣传', '2.规范执法', '二、存在的不足和原因', '1.队伍弱', '2.经费少'];

  it('the fast reader numbers a file with text boxes and footnotes', async () => {
    const bytes = await buildDocx(
      paragraphs({ text: '开展培训2次。', footnote: '含线上培训。', box: ['培训现场'] }),
      numbering,
    );
    expect(lines((await fastDocxText(bytes))!.text)).toEqual([
      ...expected,
      '开展培训2次。',
      '培训现场',
      '注：含线上培训。',
      ...after,
    ]);
  });

  it('the mammoth reader (a file with a Word symbol) shows the same numbers', async () => {
    const symbol = '<w:p><w:r><w:t>开展培训2次</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>';
    const bytes = await buildDocx(paragraphs({ text: '', raw: symbol }), numbering);
    expect(await fastDocxText(bytes)).toBeUndefined();
    const result = await importDocx(bytes);
    if (!result.ok) throw new Error(result.error);
    const texts = result.doc.sections.flatMap((s) => [s.heading, ...s.blocks.map((b) => b.text)]).filter(Boolean);
    expect(texts.filter((t) => !t.startsWith('开展培训'))).toEqual([...expected.slice(1), ...after]);
    expect(result.mapping.map((m) => m.part)).toEqual(['measures', 'shortcomings']);
  });
});

describe('numbered sub-point titles closed with a 。 on a line of their own', () => {
  const measuresOf = async (description: string) => {
    const result = await importDocx(await numberedDocxFromText(description));
    if (!result.ok) throw new Error(result.error);
    return result.doc.sections.find((s) => s.part === 'measures')!.blocks.map((b) => [b.kind, b.text]);
  };

  it('are sub-headings, as run-in bold titles are, where each has its text under it', async () => {
    const blocks = await measuresOf(`
      河口乡2025年法治政府建设年度报告
      2025年，河口乡依法履职，现报告如下：
      @0 主要举措和成效
      @1 完善依法行政制度
      @2 健全决策机制。
      乡政府重大事项全部经过合法性审查，审查合同11份。
      @2 落实法律顾问制度。
      聘请律师担任法律顾问，列席党政联席会议6次。
      @0 存在的不足和原因
      基层执法人员偏少。
    `);
    expect(blocks).toEqual([
      ['subheading', '（一）完善依法行政制度'],
      ['subheading', '1.健全决策机制。'],
      ['paragraph', '乡政府重大事项全部经过合法性审查，审查合同11份。'],
      ['subheading', '2.落实法律顾问制度。'],
      ['paragraph', '聘请律师担任法律顾问，列席党政联席会议6次。'],
    ]);
  });

  it('stay paragraphs when they are a list of short sentences, or one alone', async () => {
    const list = await measuresOf(`
      河口乡2025年法治政府建设年度报告
      @0 主要举措和成效
      全年重点做了以下工作：
      @2 开展法治培训。
      @2 组织执法检查。
      @2 推进政务公开。
      此外，乡司法所开展普法宣传活动12场次。
      @0 存在的不足和原因
      基层执法人员偏少。
    `);
    expect(list.filter(([kind]) => kind === 'subheading')).toEqual([]);
    const alone = await measuresOf(`
      河口乡2025年法治政府建设年度报告
      @0 主要举措和成效
      @2 健全决策机制。
      乡政府重大事项全部经过合法性审查。
      @0 存在的不足和原因
      基层执法人员偏少。
    `);
    expect(alone[0]).toEqual(['paragraph', '1.健全决策机制。']);
  });
});
