import { describe, expect, it } from 'vitest';
import { defaultRegistry } from '../templates/registry';
import { createReportFromTemplate, renumberParts } from './fromTemplate';
import { parseReportFile, serializeReport } from './file';
import { locate, toPlainText } from './plainText';
import { dateSuggestion, formatChineseDate, newSectionKey, sectionHasText, tableBlock } from './report';

const township = defaultRegistry.get('township')!;

function sampleReport() {
  const doc = createReportFromTemplate(township, { unit: '青石镇', year: 2025, date: '2026年1月20日' });
  doc.sections[0]!.blocks = [{ kind: 'paragraph', text: '2025年，青石镇坚持依法行政。现将有关情况报告如下：' }];
  return doc;
}

describe('a new report from the township template', () => {
  it('has the title, the signing unit and the five parts in the template order', () => {
    const doc = sampleReport();
    expect(doc.meta.title).toBe('青石镇关于2025年度法治政府建设情况的报告');
    expect(doc.meta.signature).toEqual(['青石镇']);
    expect(doc.sections.map((s) => s.heading)).toEqual([
      '',
      '一、主要举措和成效',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '三、存在的不足和原因',
      '四、下一年度主要安排',
      '五、其他需要报告的情况',
    ]);
  });

  it('proposes the nine 纲要 areas as （一）… sub-headings of 举措和成效, and no body text', () => {
    const measures = sampleReport().sections[1]!;
    expect(measures.blocks.filter((b) => b.kind === 'subheading')[0]!.text).toBe('（一）健全政府机构职能体系');
    expect(sectionHasText(measures)).toBe(false);
  });

  it('renumbers part headings after a part is moved', () => {
    const doc = sampleReport();
    const [opening, a, b, ...rest] = doc.sections;
    const moved = renumberParts({ ...doc, sections: [opening!, b!, a!, ...rest] });
    expect(moved.sections[1]!.heading).toBe('一、党政主要负责人履行推进法治建设第一责任人职责情况');
    expect(moved.sections[2]!.heading).toBe('二、主要举措和成效');
  });

  it('renumbers a report whose parts are 第一部分… in that form', () => {
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '桃源乡', year: 2025 });
    const [opening, a, b, ...rest] = doc.sections.map((s, i) =>
      s.heading ? { ...s, heading: `第${'一二三四五六'[i - 1]}部分 ${s.heading.slice(2)}` } : s,
    );
    const moved = renumberParts({ ...doc, sections: [opening!, b!, a!, ...rest] });
    expect(moved.sections[1]!.heading).toBe('第一部分　党政主要负责人履行推进法治建设第一责任人职责情况');
    expect(moved.sections[2]!.heading).toBe('第二部分　主要举措和成效');
  });

  it('gives new sections keys that are not taken', () => {
    const doc = sampleReport();
    const key = newSectionKey(doc);
    expect(doc.sections.some((s) => s.key === key)).toBe(false);
  });
});

describe('the .nianbao file', () => {
  it('opens text containing brackets and quotes inside strings, however many', () => {
    const doc = sampleReport();
    doc.sections[0]!.blocks = [{ kind: 'paragraph', text: '[{'.repeat(500) + '“引号”\\"' + ']}'.repeat(10) }];
    expect(parseReportFile(serializeReport(doc))).toEqual({ ok: true, doc, readOnly: false });
  });

  it('round-trips a report exactly', () => {
    const doc = sampleReport();
    const back = parseReportFile(serializeReport(doc));
    expect(back).toEqual({ ok: true, doc, readOnly: false });
  });

  it.each([
    ['', '文件已损坏'],
    ['{"format":"something-else"}', '不是本软件保存的报告文件'],
    ['\u0000\u0001PK binary', '文件已损坏'],
    ['{"format":"nianbao-report","version":"x"}', '版本信息已损坏'],
    ['{"format":"nianbao-report","version":1,"meta":{}}', '内容不完整'],
    // Hostile nesting is refused before parsing: validating 2,000,000 levels took 11 s and 270 MB.
    [
      '{"format":"nianbao-report","version":1,"sections":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}',
      '内容不完整',
    ],
  ])('refuses %j with a Chinese message', (text, message) => {
    const result = parseReportFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it('opens a file from a newer version read-only, with a message', () => {
    const newer = { ...sampleReport(), version: 7, futureField: true };
    const result = parseReportFile(JSON.stringify(newer));
    expect(result.ok && result.readOnly).toBe(true);
    if (result.ok && result.readOnly) expect(result.notice).toContain('只读');
  });

  it('refuses a newer file whose shape it cannot read', () => {
    const result = parseReportFile(JSON.stringify({ format: 'nianbao-report', version: 9, body: [] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('升级');
  });
});

describe('plain text', () => {
  it('lists title, headings and body in reading order and maps offsets back to sections', () => {
    const doc = sampleReport();
    doc.sections[3]!.blocks = [{ kind: 'paragraph', text: '基层法治力量不足。' }];
    const plain = toPlainText(doc);
    expect(plain.text.startsWith('青石镇关于2025年度法治政府建设情况的报告\n2025年，青石镇')).toBe(true);
    const at = plain.text.indexOf('力量');
    const where = locate(plain, at)!;
    expect(where.line.sectionKey).toBe('shortcomings');
    expect(where.line.blockIndex).toBe(0);
    expect(where.offset).toBe(4);
    expect(plain.text.endsWith('青石镇\n2026年1月20日')).toBe(true);
  });
});

it('formats dates without zero padding', () => {
  expect(formatChineseDate(new Date(2026, 0, 5))).toBe('2026年1月5日');
});

describe('a table in the report', () => {
  it('is rows of cells, first row the header, whose text the checker reads as one line a row, cells split by tabs', () => {
    const doc = sampleReport();
    doc.sections[1]!.blocks = [
      tableBlock([
        ['项目', '数量'],
        ['举报电话', '0912-1234567'],
        ['培训\n场次', '3'],
      ]),
    ];
    const plain = toPlainText(doc);
    const line = plain.lines.find((l) => l.kind === 'table')!;
    expect(line.text).toBe('项目\t数量\n举报电话\t0912-1234567\n培训 场次\t3');
    expect(plain.text).toContain('0912-1234567');
    expect(locate(plain, plain.text.indexOf('0912'))!.line.blockIndex).toBe(0);
    expect(sectionHasText(doc.sections[1]!)).toBe(true);
  });

  it('is saved and opened with its cells, its text always recomputed from them', () => {
    const doc = sampleReport();
    doc.sections[1]!.blocks = [
      tableBlock([
        ['项目', '数量'],
        ['培训', '3'],
      ]),
    ];
    const saved = JSON.parse(serializeReport(doc)) as { sections: { blocks: { text: string }[] }[] };
    saved.sections[1]!.blocks[0]!.text = 'stale';
    const opened = parseReportFile(JSON.stringify(saved));
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.doc.sections[1]!.blocks[0]).toEqual({
      kind: 'table',
      rows: [
        ['项目', '数量'],
        ['培训', '3'],
      ],
      text: '项目\t数量\n培训\t3',
    });
  });
});

describe('dateSuggestion (issue #14)', () => {
  const suggest = (year: number | null, today: Date) => dateSuggestion(year, today, '04-01');

  it('gives an example early in the year after the report’s, whatever the year', () => {
    expect(suggest(2025, new Date(2026, 10, 29)).example).toBe('如2026年1月15日');
    expect(suggest(2019, new Date(2026, 10, 29)).example).toBe('如2020年1月15日');
    expect(suggest(2026, new Date(2026, 10, 29)).example).toBe('如2027年1月15日');
  });

  it('offers today only between the year’s end and the deadline, and says why not elsewhere', () => {
    expect(suggest(2025, new Date(2026, 0, 8)).today).toBe('2026年1月8日');
    expect(suggest(2025, new Date(2026, 2, 31)).today).toBe('2026年3月31日');
    const early = suggest(2026, new Date(2026, 10, 29));
    expect(early.today).toBeNull();
    expect(early.why).toContain('2027年年初');
    expect(suggest(2026, new Date(2026, 11, 31, 23, 59)).today).toBeNull();
    const late = suggest(2025, new Date(2026, 10, 29));
    expect(late.today).toBeNull();
    expect(late.why).toContain('2026年4月1日');
    expect(suggest(null, new Date(2026, 10, 29)).today).toBe('2026年11月29日');
  });
});
