import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeNeeding, itNeeding } from '../../../test/support/needs';
import { importText } from '../import/index';
import { createReportFromTemplate } from '../model/fromTemplate';
import { tableBlock, type ReportDocument } from '../model/report';
import { defaultRegistry } from '../templates/registry';
import { exportDocx } from './docx';
import {
  breakLines,
  CHARS_PER_LINE,
  layoutLines,
  LINES_PER_PAGE,
  pageText,
  paginate,
  TEXT_HEIGHT_TWIPS,
  type PreviewPage,
} from './paginate';
import { sofficeConvert } from '../../../test/support/soffice';
import { DocxCollector, VALIDATOR_NEEDS } from '../../../test/support/validateDocx';

describe('the computed pages', () => {
  it('are 22 lines of 28 characters, body paragraphs indented two characters', () => {
    expect(LINES_PER_PAGE).toBe(22);
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
      unit: '青石镇',
      year: 2025,
      date: '2026年1月15日',
    });
    doc.sections[1]!.blocks = Array.from({ length: 30 }, () => ({
      kind: 'paragraph' as const,
      text: '法治政府建设是全面依法治国的重点任务和主体工程'.repeat(5) + '。',
    }));
    const pages = paginate(doc);
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages.slice(1, -1)) {
      expect(page).toHaveLength(22);
      const full = pageText(page).filter((t) => t.length >= CHARS_PER_LINE);
      expect(full.length).toBeGreaterThan(10);
      expect(Math.max(...pageText(page).map((t) => t.length))).toBe(28);
    }
  });

  it('never starts a line with closing punctuation: 。， hang at the line end, ”》） take a character down', () => {
    const text = (lines: ReturnType<typeof breakLines>) => lines.map((l) => l.map((r) => r.text).join(''));
    expect(text(breakLines([{ text: '一二三四五六七八九十。再来', style: 'body' }], 10, 10))).toEqual([
      '一二三四五六七八九十。',
      '再来',
    ]);
    expect(text(breakLines([{ text: '一二三四五六七八九十”再来', style: 'body' }], 10, 10))).toEqual([
      '一二三四五六七八九',
      '十”再来',
    ]);
    expect(text(breakLines([{ text: '一二三四五六七八九十》）再来', style: 'body' }], 10, 10))).toEqual([
      '一二三四五六七八九',
      '十》）再来',
    ]);
  });

  it('counts digits as about half a character, the gaps beside them, and ASCII marks by their Times New Roman width', () => {
    // Six characters, four digits (1.96), 年 and the gaps either side of 2025 (0.41) make 9.4 of a 10-character line;
    // with a seventh character 年 no longer fits.
    const text = (lines: ReturnType<typeof breakLines>) => lines.map((l) => l.map((r) => r.text).join(''));
    expect(text(breakLines([{ text: '一二三四五六2025年1234', style: 'body' }], 10, 10))).toEqual([
      '一二三四五六2025年',
      '1234',
    ]);
    expect(text(breakLines([{ text: '一二三四五六七2025年1234', style: 'body' }], 10, 10))).toEqual([
      '一二三四五六七2025',
      '年1234',
    ]);
    // "," is a quarter of 16 pt less 0.3 pt: eight 法, pairs take 9.9 characters of a 10-character line.
    const number = breakLines([{ text: '一二三四五六七八手册1500余份', style: 'body' }], 10, 10);
    expect(number.map((l) => l.map((r) => r.text).join(''))).toEqual(['一二三四五六七八手册', '1500余份']);
    const commas = breakLines([{ text: '法,'.repeat(12), style: 'body' }], 10, 10);
    expect(commas[0]!.map((r) => r.text).join('')).toBe('法,'.repeat(8));
  });
});

/**
 * A report whose （二） heading would be the last line of page 1 if nothing kept it with the next line; with
 * `chain`, a part heading 二、 sits right above it, so the two headings would end the page together.
 */
function headingAtFoot(chain: boolean): ReportDocument {
  for (let n = 0; n < 40; n++) {
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
      unit: '白河乡',
      year: 2025,
      date: '2026年1月20日',
    });
    const filler = Array.from({ length: n }, (_, i) => ({
      kind: 'paragraph' as const,
      text: `第${i + 1}段：白河乡按计划推进依法行政各项工作。`,
    }));
    const heading = { kind: 'subheading' as const, level: 2 as const, text: '（二）严格规范公正文明执法' };
    const after = {
      kind: 'paragraph' as const,
      text: '全乡执法人员全部持证上岗，执法案卷评查合格率逐年提高，群众满意度明显上升。'.repeat(2),
    };
    if (chain) {
      doc.sections[1]!.blocks = filler;
      doc.sections[2]!.blocks = [heading, after];
    } else {
      doc.sections[1]!.blocks = [...filler, heading, after];
    }
    // Where the heading falls when each line simply fills the page.
    let used = 0;
    for (const line of layoutLines(doc)) {
      if (used + line.height > TEXT_HEIGHT_TWIPS) used = 0;
      used += line.height;
      if (line.runs[0]?.text === heading.text && used + 579 > TEXT_HEIGHT_TWIPS) return doc;
      if (line.runs[0]?.text === heading.text) break;
    }
  }
  throw new Error('no filler puts the heading at the foot of page 1');
}

describe('headings at the foot of a page (format.md: kept with the line after)', () => {
  it('go to the next page with the first line of their text', () => {
    const pages = paginate(headingAtFoot(false)).map(pageText);
    expect(pages[0]!.at(-1)).not.toBe('（二）严格规范公正文明执法');
    expect(pages[0]!.at(-1)).toMatch(/^第\d+段/);
    expect(pages[1]![0]).toBe('（二）严格规范公正文明执法');
    expect(pages[1]![1]).toMatch(/^全乡执法人员/);
  });

  it('move together when one heading follows another (二、 then （二）)', () => {
    const doc = headingAtFoot(true);
    const pages = paginate(doc).map(pageText);
    expect(pages[0]!.at(-1)).toMatch(/^第\d+段/);
    expect(pages[1]!.slice(0, 3)).toEqual([
      doc.sections[2]!.heading,
      '（二）严格规范公正文明执法',
      expect.stringMatching(/^全乡执法人员/),
    ]);
  });
});

describe('tables in the preview', () => {
  it('show every row with its cells, and repeat the header row on the page the table runs onto', () => {
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
      unit: '白河乡',
      year: 2025,
      date: '2026年1月20日',
    });
    const rows = [
      ['序号', '事项', '办理情况'],
      ...Array.from({ length: 40 }, (_, i) => [
        String(i + 1),
        `第${i + 1}项矛盾纠纷调处`,
        i % 7 === 0 ? '经村调解委员会多次调解，双方当事人达成书面协议并已履行完毕' : '已办结',
      ]),
    ];
    doc.sections[1]!.blocks = [{ kind: 'paragraph', text: '全年调处矛盾纠纷情况见下表。' }, tableBlock(rows)];
    const pages = paginate(doc);
    const tablePages = pages.filter((page) => page.some((line) => line.row && !line.row.header));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) {
      const first = page.findIndex((line) => line.row);
      expect(page[first]!.row!.header, 'each page of the table starts with the header').toBe(true);
      expect(pageText(page)[first]).toBe('序号\t事项\t办理情况');
    }
    // Every body row is there once, in order, and no page is taller than the 版心.
    const body = pages.flatMap((page) =>
      page.filter((line) => line.row && !line.row.header).map((line) => line.row!.cells[0]!.lines.join('')),
    );
    expect(body).toEqual(rows.slice(1).map((r) => r[0]));
    for (const page of pages)
      expect(page.reduce((sum, line) => sum + line.height, 0)).toBeLessThanOrEqual(TEXT_HEIGHT_TWIPS);
    // A long cell wraps inside its column; a short one is centred, a wrapped one justified.
    const long = pages.flat().find((line) => (line.row?.cells[2]?.lines.length ?? 0) > 1)!;
    expect(long.row!.cells[2]!.align).toBe('left');
    expect(long.row!.cells[0]!.align).toBe('center');
    // Its lines' 20 pt each, and the 0.5 pt of its rule (LibreOffice sets rows 20.5 pt apart).
    expect(long.height).toBe(long.row!.cells[2]!.lines.length * 400 + 10);
  });
});

describe('the 署名 and date in the preview', () => {
  it('follow the sealed layout when asked, as the .docx does (7.3.5.1)', () => {
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
      unit: '白河乡',
      year: 2025,
      date: '2026年1月20日',
    });
    doc.meta.signature = ['白河乡人民政府'];
    const last = (sealed: boolean) => layoutLines(doc, { sealed }).slice(-4);
    const sealed = last(true);
    expect(sealed.map((l) => l.runs.map((r) => r.text).join(''))).toEqual(['', '', '白河乡人民政府', '2026年1月20日']);
    expect(sealed[3]!.indent).toBe(4);
    expect(sealed[2]!.align).toBe('right');
    const unsealed = last(false);
    expect(unsealed[3]!.indent).toBe(2);
    expect(unsealed[0]!.runs.length).toBeGreaterThan(0);
  });
});

describe('lines with no place to break', () => {
  it('break a number or word longer than a line where the line is full, never a character a line', () => {
    const lengths = (text: string) =>
      breakLines([{ text, style: 'body' }], 26, 28).map((l) => l.map((r) => r.text).join('').length);
    // 150 Latin letters: the word goes down whole, then fills lines of 28 characters' width (64 letters).
    expect(lengths(`网址${'a'.repeat(150)}结束`)).toEqual([2, 64, 64, 24]);
    expect(Math.min(...lengths('）'.repeat(60)))).toBeGreaterThan(1);
  });
});

const fixtures = join(__dirname, '../../../../shared/fixtures/reports');

/**
 * A report dense with what moves line breaks, in our own words: figures, dates, Latin words, “” around
 * numbers, half-width marks as web copies have them, brackets, run-in "1." headings.
 */
function figuresReport(): ReportDocument {
  const phrases = [
    '全年办理行政复议案件12件，纠错率8.3%，',
    '开通“12345”政务服务热线，',
    '依托“互联网+监管”平台，',
    '制定《青石镇重大行政决策程序规定》，',
    '（2025年1月至12月）',
    '落实“谁执法谁普法”责任制，',
    '覆盖率达到100%，',
    '完成APP和微信公众号建设，',
    '入户走访,耐心解释政策,',
    '①排查；②化解；③回访。',
    '同比增长15.6个百分点，',
    '“法律明白人”“法治带头人”共计256名，',
    '召开会议3次(其中专题会议2次),',
    '第1季度至第4季度，',
    '按照“一案一档”要求,',
    '建成1个省级民主法治示范村。',
    '法治政府建设取得新成效',
    '同期下降50%;',
  ];
  let seed = 7;
  const pick = () => phrases[(seed = (seed * 1103515245 + 12345) & 0x7fffffff) % phrases.length]!;
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '青石镇',
    year: 2025,
    date: '2026年1月15日',
  });
  doc.meta.signature = ['青石镇人民政府'];
  doc.sections[1]!.blocks = Array.from({ length: 48 }, (_, i) => ({
    kind: 'paragraph' as const,
    text:
      (i % 6 === 0 ? `${i / 6 + 1}.抓好第${i + 1}项工作。` : '') + Array.from({ length: 3 + (i % 5) }, pick).join(''),
  }));
  return doc;
}

const VILLAGES = [...'东西南北上下前后'].flatMap((a) => [...'坪岭溪湾塘'].map((b) => `${a}${b}村`));

/**
 * A table after two short paragraphs, one-line rows, set so that on page 1 the row after the last one
 * LibreOffice keeps would end exactly 1 pt (20 twips) above the foot of the 版心: with 0.5 pt rules it does
 * not stay; counted by its lines alone it would.
 */
function tableAtFoot(): ReportDocument {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '白河乡',
    year: 2025,
    date: '2026年1月20日',
  });
  doc.meta.signature = ['白河乡人民政府'];
  const rows = [
    ['村（社区）', '件数', '情况'],
    ...VILLAGES.map((v, i) => [v, String(3 + (i % 9)), i % 4 ? '已化解' : '已化解并回访']),
  ];
  doc.sections[1]!.blocks = [
    { kind: 'paragraph', text: '全年排查矛盾纠纷。' },
    { kind: 'paragraph', text: '各村调处情况如下表。' },
    tableBlock(rows),
    { kind: 'paragraph', text: '上表由乡司法所汇总。' },
  ];
  return doc;
}

/**
 * A table with narrow columns of codes, counts and rates ("XZ-07", "98.5%", which fit their columns by a
 * fraction of a character) beside a wide column of remarks, some wrapping to two or three lines.
 */
function tableOfFigures(): ReportDocument {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '石桥镇',
    year: 2025,
    date: '2026年1月18日',
  });
  doc.meta.signature = ['石桥镇人民政府'];
  const remarks = [
    '按期办结',
    '当事人申请行政复议，经复议维持原处理决定，已送达',
    '移送县综合行政执法局处理，镇里配合做好现场勘验和群众工作，案件已经审结',
  ];
  const rows = [
    ['编号', '村（社区）', '件数', '化解率', '备注'],
    ...VILLAGES.slice(0, 34).map((v, i) => [
      `XZ-${String(i + 1).padStart(2, '0')}`,
      v,
      String(10 + i),
      `${(90 + (i % 10) + 0.5).toFixed(1)}%`,
      remarks[i % 3]!,
    ]),
  ];
  doc.sections[1]!.blocks = [
    {
      kind: 'paragraph',
      text: '全镇依法调处各类矛盾纠纷，2025年共受理调解申请386件，调解成功371件，调解成功率96.1%，各村情况见下表。',
    },
    tableBlock(rows),
    { kind: 'paragraph', text: '表中化解率按已化解件数除以受理件数计算，保留一位小数。' },
  ];
  return doc;
}

/** The files rendered below, schema-checked by the last test. */
const written = new DocxCollector();

/** Each page's lines as LibreOffice sets the exported .docx, spaces and page numbers left out. */
async function renderedPages(doc: ReportDocument, sealed = false): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'pages-'));
  writeFileSync(join(dir, 'r.docx'), written.add('rendered', await exportDocx(doc, { sealed })));
  sofficeConvert([join(dir, 'r.docx')], dir, 'pdf');
  return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim())
    .map((page) =>
      page
        .split('\n')
        .map((line) => line.replace(/\s+/g, ''))
        .filter((line) => line && !/^—\d+—$/.test(line)),
    );
}

// LibreOffice's line breaks depend on the fonts it finds: Times New Roman's metrics (fonts-liberation2) for Latin
// text and a CJK font (fonts-noto-cjk) in place of the 公文 fonts; the measured widths in layout.ts assume both.
describeNeeding(
  ['soffice', 'pdftotext', 'times-metrics', 'cjk-fonts'],
  'pages against LibreOffice’s rendering of the .docx',
  () => {
    const cases: [string, () => ReportDocument][] = [
      ['figures', figuresReport],
      ['heading at the foot', () => headingAtFoot(false)],
      ['two headings at the foot', () => headingAtFoot(true)],
      ['figures, sealed', figuresReport],
    ];
    for (const name of existsSync(fixtures) ? readdirSync(fixtures) : []) {
      cases.push([
        name,
        () => {
          const imported = importText(readFileSync(join(fixtures, name), 'utf8'));
          if (!imported.ok) throw new Error(imported.error);
          return imported.doc;
        },
      ]);
    }
    it.each(cases)(
      '%s: the same pages, line for line, 22 lines on every full page',
      async (name, make) => {
        const doc = make();
        const sealed = name.includes('sealed');
        const rendered = await renderedPages(doc, sealed);
        const ours = paginate(doc, { sealed }).map((page) =>
          pageText(page)
            .map((line) => line.replace(/\s+/g, ''))
            .filter(Boolean),
        );
        expect(ours).toHaveLength(rendered.length);
        ours.forEach((page, i) => expect(page, `page ${i + 1}`).toEqual(rendered[i]));
        for (const page of rendered.slice(1, -1)) expect(page).toHaveLength(22);
      },
      150_000,
    );

    // Tables: pdftotext reads a row's cells side by side and a wrapped cell over several lines, so each page
    // is compared as the characters on it: the same rows (header repeated) and lines on the same pages.
    const tableCases: [string, () => ReportDocument][] = [
      ['a table whose next row would end 1 pt above the foot', () => tableAtFoot()],
      ['a table with narrow columns of figures and a wrapped remark', () => tableOfFigures()],
    ];
    it.each(tableCases)(
      '%s: the same rows on the same pages as LibreOffice, the text around it line for line',
      async (_name, make) => {
        const doc = make();
        const rendered = await renderedPages(doc);
        const pages = paginate(doc);
        const chars = (lines: string[]) => [...lines.join('')].sort().join('');
        expect(pages.length).toBeGreaterThan(1);
        expect(pages.map((page) => chars(pageText(page).map((line) => line.replace(/\s+/g, ''))))).toEqual(
          rendered.map(chars),
        );
        // Outside the table, line for line.
        const textLines = (page: PreviewPage) =>
          pageText(page.filter((line) => !line.row))
            .map((line) => line.replace(/\s+/g, ''))
            .filter(Boolean);
        const before = textLines(pages[0]!);
        expect(rendered[0]!.slice(0, before.length)).toEqual(before);
        const after = textLines(pages.at(-1)!);
        expect(rendered.at(-1)!.slice(-after.length)).toEqual(after);
      },
      150_000,
    );

    itNeeding(
      VALIDATOR_NEEDS,
      'rendered files that all pass the OOXML schemas',
      () => {
        const { ok, report } = written.validate();
        expect(ok, report).toBe(true);
      },
      600_000,
    );
  },
);
