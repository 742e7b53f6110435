/**
 * The exported .docx as LibreOffice renders it (the one renderer we can run): real reports and a long
 * generated one, converted to PDF once, then read back word by word with pdftotext -bbox. Skipped, with
 * the reason in its title, where soffice or pdftotext is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeNeeding } from '../../../test/support/needs';
import { importText } from '../import/index';
import type { Block, ReportDocument } from '../model/report';
import { emptyReport } from '../model/report';
import { nodeDeflater } from '../../node/deflater';
import { attachmentLines, exportDocx, PAGE, signatureIndents } from './docx';
import { paginate } from './paginate';
import { balanceTitle } from './title';
import { sofficeConvert } from '../../../test/support/soffice';

const fixtures = join(__dirname, '../../../../shared/fixtures/reports');

/** A long report in our own words: every element, digits, quotes, run-in headings, two 署名. */
function longReport(): ReportDocument {
  const doc = emptyReport('township');
  doc.meta = {
    ...doc.meta,
    unit: '青石镇',
    year: 2025,
    title: '中共青石镇委员会青石镇人民政府关于2025年度法治政府建设情况的报告',
    addressee: '县委、县政府',
    signature: ['中共青石镇委员会', '青石镇人民政府'],
    date: '2026年1月15日',
    attachments: ['青石镇2025年度行政执法统计表', '青石镇2025年度重大行政决策目录及合法性审查情况汇总表'],
  };
  const sentence = '法治政府建设是全面依法治国的重点任务和主体工程，必须坚持依法行政、严格规范公正文明执法。';
  const figures = '全年审查合同和规范性文件29份，提出意见17条，开展“法律明白人”培训12场次，覆盖2800余人次。';
  const parts = [
    '一、主要举措和成效',
    '二、党政主要负责人履行推进法治建设第一责任人职责情况',
    '三、存在的不足和原因',
    '四、2026年主要安排',
  ];
  doc.sections = [
    {
      key: 'opening',
      part: 'opening',
      heading: '',
      blocks: [{ kind: 'paragraph', text: `2025年，青石镇${sentence}现将有关情况报告如下：` }],
    },
  ];
  parts.forEach((heading, p) => {
    const blocks: Block[] = [];
    for (let sub = 0; sub < 3; sub++) {
      blocks.push({ kind: 'subheading', level: 2, text: `（${'一二三'[sub]}）第${sub + 1}方面工作` });
      blocks.push({ kind: 'paragraph', text: `1.强化学习教育。${sentence.repeat(3)}${figures}` });
      blocks.push({ kind: 'subheading', level: 4, text: '（1）抓好专题学法' });
      blocks.push({ kind: 'paragraph', text: sentence.repeat(4 + p) });
    }
    doc.sections.push({ key: `s${p}`, part: null, heading, blocks });
  });
  doc.closing = ['特此报告。'];
  return doc;
}

/** The text the exported file must show, in order, from the model itself. */
function expectedText(doc: ReportDocument): string {
  const { meta } = doc;
  const parts = [meta.docNumber, meta.title, meta.addressee.trim() && meta.addressee.trim().replace(/[:：]?$/, '：')];
  for (const s of doc.sections) parts.push(s.heading, ...s.blocks.map((b) => b.text));
  parts.push(...doc.closing, ...attachmentLines(meta.attachments).map((l) => l.text), ...meta.signature, meta.date);
  return parts.join('').replace(/\s+/g, '');
}

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}
type Page = Word[];

function readPages(pdf: string): Page[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
          text: m[5]!
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"'),
        }),
      ),
    );
}

const PT = (twips: number) => twips / 20;
const textBottom = PT(PAGE.height - PAGE.bottom);
const leftMargin = PT(PAGE.left);
const rightMargin = PT(PAGE.width - PAGE.right);

/** Words of the text area grouped into lines (same baseline), top to bottom. */
function bodyLines(page: Page): Word[][] {
  const lines = new Map<number, Word[]>();
  for (const w of page.filter((w) => w.yMin < textBottom)) {
    const key = Math.round(w.yMin);
    lines.set(key, [...(lines.get(key) ?? []), w]);
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, words]) => words.sort((a, b) => a.xMin - b.xMin));
}

const footerWords = (page: Page) => page.filter((w) => w.yMin > textBottom).sort((a, b) => a.xMin - b.xMin);

const rendered = new Map<string, { doc: ReportDocument; pages: Page[] }>();

// Line and page counts depend on the fonts LibreOffice finds: Times New Roman's metrics and a CJK font.
describeNeeding(['soffice', 'pdftotext', 'times-metrics', 'cjk-fonts'], 'the .docx rendered by LibreOffice', () => {
  const names = existsSync(fixtures) ? readdirSync(fixtures).filter((n) => n.endsWith('.txt')) : [];
  const docs = new Map<string, ReportDocument>([['long', longReport()]]);
  for (const name of names) {
    const imported = importText(readFileSync(join(fixtures, name), 'utf8'));
    if (imported.ok) docs.set(name, imported.doc);
  }

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-'));
    const files: string[] = [];
    let i = 0;
    for (const [name, doc] of docs) {
      const file = join(dir, `r${i++}.docx`);
      // The fixtures are zipped as the CLI zips them (Node's zlib), the long report by docx's own Packer, as
      // the app does: LibreOffice must open both.
      writeFileSync(
        file,
        name === 'long' ? await exportDocx(doc, { fontProfile: 'gb2312' }) : await exportDocx(doc, {}, nodeDeflater),
      );
      files.push(file);
    }
    // One soffice start for all files: the start is most of the time.
    sofficeConvert(files, dir, 'pdf');
    [...docs].forEach(([name, doc], k) =>
      rendered.set(name, { doc, pages: readPages(files[k]!.replace(/\.docx$/, '.pdf')) }),
    );
  }, 300_000);

  const cases = ['long', ...names];

  it.each(cases)('%s: every full page has 22 lines, less those of a heading kept with the next page', (name) => {
    const { doc, pages } = rendered.get(name)!;
    expect(pages.length).toBeGreaterThan(2);
    const ours = paginate(doc);
    expect(pages).toHaveLength(ours.length);
    // The first page has the title's 35 pt lines; the last is the end of the text.
    pages.slice(1, -1).forEach((page, i) => {
      const next = ours[i + 2]![0]!;
      const kept = next.keepWithNext ? ours[i + 2]!.findIndex((line) => !line.keepWithNext) : 0;
      // Short only when headings at the head of the next page were moved there whole: by fewer lines than
      // they and the line kept with them take.
      expect(ours[i + 1]!.length, `page ${i + 2}`).toBeLessThanOrEqual(22);
      expect(ours[i + 1]!.length, `page ${i + 2}`).toBeGreaterThanOrEqual(22 - kept);
      // pdftotext sees no blank line.
      expect(bodyLines(page), `page ${i + 2}`).toHaveLength(
        ours[i + 1]!.filter((line) => line.runs.some((r) => r.text.trim())).length,
      );
    });
    expect(bodyLines(pages.at(-1)!).length).toBeLessThanOrEqual(22);
  });

  it.each(cases)('%s: every full line of Chinese text has 28 characters, less its indent', (name) => {
    const { pages } = rendered.get(name)!;
    let checked = 0;
    for (const page of pages) {
      const lines = bodyLines(page);
      lines.forEach((line, i) => {
        // A single word reaching the right margin, in Chinese characters and marks only: a full line.
        if (line.length !== 1 || line[0]!.xMax < rightMargin - 4 || /[\x20-\x7e]/.test(line[0]!.text)) return;
        const { text, xMin, xMax } = line[0]!;
        const indent = Math.round((xMin - leftMargin) / 15.7);
        // A closing mark may hang past the margin (Word and WPS do the same).
        const hanging = /[，。、；：？！]$/.test(text) && xMax > rightMargin ? 1 : 0;
        // 避头: when the next character is followed by a mark that may neither start a line nor hang
        // (”’）》), both go down and the line keeps 27.
        const next = lines[i + 1]?.map((w) => w.text).join('') ?? '';
        const kept = /^.[”’）》」]/u.test(next) ? 1 : 0;
        expect([...text].length - hanging, `${text} (indent ${indent}), next: ${next}`).toBeOneOf([
          28 - indent,
          28 - indent - kept,
        ]);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(name === 'long' ? 50 : 0);
  });

  it.each(cases)('%s: page numbers are "— N —", odd pages right and even pages left, one character in', (name) => {
    const { pages } = rendered.get(name)!;
    pages.forEach((page, i) => {
      const words = footerWords(page);
      expect(words.map((w) => w.text).join('')).toBe(`—${i + 1}—`);
      const n = i + 1;
      // 280 twips = 14 pt from the margin on the outer side.
      if (n % 2 === 1) expect(Math.abs(rightMargin - 14 - words.at(-1)!.xMax)).toBeLessThan(1.5);
      else expect(Math.abs(leftMargin + 14 - words[0]!.xMin)).toBeLessThan(1.5);
      // 7.5: 一字线上距版心下边缘 7 mm. The dash sits in the middle of its 14 pt line.
      const dash = words[0]!;
      const mm = ((dash.yMin + dash.yMax) / 2 - textBottom) / (72 / 25.4);
      expect(mm, `page ${n}`).toBeGreaterThan(6);
      expect(mm, `page ${n}`).toBeLessThan(8);
    });
  });

  it.each(cases)('%s: the text is the input text, complete and in order', (name) => {
    const { doc, pages } = rendered.get(name)!;
    const text = pages
      .map((page) =>
        bodyLines(page)
          .flat()
          .map((w) => w.text)
          .join(''),
      )
      .join('');
    expect(text.replace(/\s+/g, '')).toBe(expectedText(doc));
  });

  it('sets the title in balanced lines, centred, as the exporter broke it', () => {
    const { doc, pages } = rendered.get('long')!;
    const lines = bodyLines(pages[0]!).slice(0, balanceTitle(doc.meta.title).length);
    expect(lines.map((l) => l.map((w) => w.text).join(''))).toEqual(balanceTitle(doc.meta.title));
    const centre = (leftMargin + rightMargin) / 2;
    for (const line of lines) expect(Math.abs((line[0]!.xMin + line.at(-1)!.xMax) / 2 - centre)).toBeLessThan(3);
  });

  it('places 署名 two characters from the right margin and the date two characters right of it (7.3.5.2)', () => {
    const { doc, pages } = rendered.get('long')!;
    const lines = bodyLines(pages.at(-1)!)
      .slice(-3)
      .map((l) => ({ start: l[0]!.xMin, end: l.at(-1)!.xMax, text: l.map((w) => w.text).join('') }));
    expect(lines.map((l) => l.text)).toEqual([...doc.meta.signature, doc.meta.date]);
    const [first, second, date] = lines as [(typeof lines)[0], (typeof lines)[0], (typeof lines)[0]];
    // The date, with the gaps between its digits and 年月日, is 7.5 characters: started two characters right
    // of the 8-character 署名 it would end half a character from the margin, so it keeps 2 and the 署名 moves
    // left (右空二字, 相应增加署名右空字数).
    const indents = signatureIndents(doc.meta.signature, doc.meta.date);
    expect(indents.date).toBe(2);
    expect(indents.signature[0]).toBeCloseTo(3.55, 2);
    const char = 15.7;
    expect(Math.abs(rightMargin - 2 * char - date.end)).toBeLessThan(2.5);
    expect(Math.abs(rightMargin - indents.signature[0]! * char - first.end)).toBeLessThan(2.5);
    // 成文日期首字比署名首字右移二字, as set.
    expect(Math.abs(date.start - first.start - 2 * char)).toBeLessThan(2.5);
    // The shorter co-signer is centred under the first.
    expect(Math.abs((second.start + second.end) / 2 - (first.start + first.end) / 2)).toBeLessThan(2.5);
  });
});
