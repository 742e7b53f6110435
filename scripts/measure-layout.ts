/**
 * `node scripts/run-ts.cjs scripts/measure-layout.ts`: how far the computed pages (core/export/paginate)
 * are from LibreOffice's setting of the exported .docx. Needs soffice and pdftotext. Run it after changing
 * the export's fonts or spacing, or on a new LibreOffice, and adjust layout.ts / paginate.ts until it prints
 * no difference.
 *
 * 1. Widths: short paragraphs (one line each, so not justified), the width LibreOffice gives each against
 *    the model's (paragraphAdvances); a difference names a rule the model lacks.
 * 2. Lines: reports made of phrases dense in figures, Latin words, quotes and half-width marks (our own
 *    words), compared line for line and page for page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDocx } from '../src/core/export/docx';
import { CHAR_POINTS, paragraphAdvances } from '../src/core/export/layout';
import { pageText, paginate } from '../src/core/export/paginate';
import { createReportFromTemplate } from '../src/core/model/fromTemplate';
import type { Block, ReportDocument } from '../src/core/model/report';
import { defaultRegistry } from '../src/core/templates/registry';
import { sofficeConvert } from '../test/support/soffice';

const dir = mkdtempSync(join(tmpdir(), 'measure-layout-'));

async function renderPdf(doc: ReportDocument): Promise<string> {
  writeFileSync(join(dir, 'm.docx'), await exportDocx(doc));
  sofficeConvert([join(dir, 'm.docx')], dir, 'pdf');
  return join(dir, 'm.pdf');
}

function reportOf(blocks: Block[]): ReportDocument {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '白沙镇',
    year: 2025,
    date: '2026年1月20日',
  });
  doc.meta.title = '';
  doc.meta.signature = [];
  doc.meta.date = '';
  doc.sections = [{ key: 's', part: null, heading: '', blocks }];
  return doc;
}

const PROBES = [
  '法治法治',
  '法治1法治',
  '法治12法治',
  '法治，1，法治',
  '法治“1”法治',
  '“法律”法治',
  '法治APP法治',
  '法治1.5%法治',
  '法治,法治',
  '法治(法治)',
  '法治10%以上',
  '法治（2025年）法治',
  '法治1,2法治',
];

async function widths(): Promise<void> {
  const pdf = await renderPdf(reportOf(PROBES.map((text) => ({ kind: 'paragraph', text }))));
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const lines = new Map<number, { x0: number; x1: number }[]>();
  for (const m of xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"/g)) {
    const y = Math.round(Number(m[2]));
    lines.set(y, [...(lines.get(y) ?? []), { x0: Number(m[1]), x1: Number(m[3]) }]);
  }
  console.log('1. 宽度：LibreOffice 与模型之差（pt，应接近 0）');
  [...lines.values()].slice(0, PROBES.length).forEach((words, i) => {
    const text = PROBES[i]!;
    const advances = paragraphAdvances([text]);
    // pdftotext ends a word at its last glyph's full advance: the 0.3 pt a portion end adds is inside it.
    const model = advances.reduce((sum, a, k) => sum + a.width + (k ? a.gap : 0), 0) * CHAR_POINTS;
    const measured = words.at(-1)!.x1 - words[0]!.x0;
    console.log(`   ${text.padEnd(14, '　')} ${(measured - model).toFixed(2)}`);
  });
}

const PHRASES = [
  '镇综合行政执法队全年办理案件43件，',
  '罚没款1.2万元，',
  '开展“八五”普法中期评估，',
  '聘请法律顾问2名(律师事务所),',
  '出具法律意见书17份；',
  '《中华人民共和国行政处罚法》',
  '“三项制度”全面落实，',
  '——以案释法6场次，',
  '12348法律服务热线接听咨询312人次，',
  'QQ群和微信群覆盖全镇14个村(社区)，',
  '群众满意度达96.5%。',
  '全镇共有网格员86名，',
  '化解率99.1%,',
  '“一村(社区)一法律顾问”实现全覆盖。',
  'GDP增长6.5%，',
  '第3、4季度，',
  '2025年12月31日前',
  '约5000人次参与。',
  '政务服务事项网上可办率100%；',
  '“最多跑一次”改革，',
  '“12345”',
  '培训3期、120人次，',
];

async function lines(): Promise<void> {
  console.log('2. 逐行比较：随机组成的报告');
  let differentLines = 0;
  let differentPageCounts = 0;
  for (let round = 1; round <= 6; round++) {
    let seed = round * 977;
    const pick = () => PHRASES[(seed = (seed * 1103515245 + 12345) & 0x7fffffff) % PHRASES.length]!;
    const doc = reportOf(
      Array.from({ length: 50 }, (_, i): Block =>
        i % 7 === 0
          ? { kind: 'subheading', level: 2, text: `（${'一二三四五六七八'[i / 7]}）加强第${i}项工作` }
          : { kind: 'paragraph', text: Array.from({ length: 2 + ((round + i) % 7) }, pick).join('') },
      ),
    );
    const pdf = await renderPdf(doc);
    const rendered = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((page) => page.trim())
      .map((page) =>
        page
          .split('\n')
          .map((l) => l.replace(/\s+/g, ''))
          .filter((l) => l && !/^—\d+—$/.test(l)),
      );
    const ours = paginate(doc).map((page) =>
      pageText(page)
        .map((l) => l.replace(/\s+/g, ''))
        .filter(Boolean),
    );
    const a = rendered.flat();
    const b = ours.flat();
    let different = 0;
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (a[i] === b[i]) continue;
      if (different++ === 0)
        console.log(`   第 ${round} 份，第 ${i + 1} 行起不同：\n     LibreOffice：${a[i]}\n     预览：　　　${b[i]}`);
    }
    differentLines += different;
    if (rendered.length !== ours.length) differentPageCounts++;
    console.log(
      `   第 ${round} 份：${rendered.length}/${ours.length} 页，${a.length}/${b.length} 行，${different} 行不同`,
    );
  }
  console.log(`   合计 ${differentLines} 行不同，${differentPageCounts} 份页数不同`);
}

void widths().then(lines);
