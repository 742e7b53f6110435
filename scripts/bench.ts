/**
 * `npm run bench`: the performance figures the issues set targets for, printed, never asserted in tests.
 * Reports are generated from our own sentences (not the fixtures) at the sizes the targets name.
 */
import { existsSync } from 'node:fs';
import { checkReport } from '../src/core/checks/index';
import { CHROMIUM } from '../test/browser/support/chromium';
import { clearCheckCaches } from '../src/core/checks/context';
import { nodeDeflater } from '../src/node/deflater';
import { exportDocx } from '../src/core/export/docx';
import { importDocx, importText } from '../src/core/import/index';
import { toPlainText } from '../src/core/model/plainText';
import { run as importBench } from './bench/import';
import { run as exportBench } from './bench/export';
import type { ReportDocument } from '../src/core/model/report';
import { median } from './bench/median';
import { readFileSync } from 'node:fs';
import { parseProfile } from '../src/core/profile/schema';
import { printComparison } from './bench/wholeProcess';
import { run as reviewBench } from './bench/review';
import { run as editorBench } from './bench/editor';
import { generatedReport } from './bench/generatedReport';

const SENTENCES = [
  '全年组织班子集体学法12次，开展法治培训10场次，覆盖500余人次。',
  '对镇政府合同开展合法性审查13次，提出修改意见20条，审查率100%。',
  '排查矛盾纠纷120件，化解118件，化解率98.3%，群众满意度明显提升。',
  '开展普法宣传活动8场次，发放宣传手册1500余份，培养法律明白人37名。',
  '严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。',
  '深入学习贯彻党的二十大精神，把法治建设纳入全镇发展总体规划。',
];

/** A report of about `chars` characters: paragraphs of 4–6 of the sentences above, three under each sub-heading. */
function reportText(chars: number, year = 2025): string {
  let s = 0;
  return generatedReport(chars, year, 3, (_sub, p) =>
    Array.from({ length: 4 + (p % 3) }, () => SENTENCES[s++ % SENTENCES.length]).join(''),
  );
}

function docOf(text: string): ReportDocument {
  const result = importText(text);
  if (!result.ok) throw new Error(result.error);
  return result.doc;
}

const row = (what: string, ms: number, target: string) =>
  console.log(`${what.padEnd(52)} ${ms.toFixed(2).padStart(9)} ms   目标 ${target}`);

async function main(): Promise<void> {
  console.log(`法治年报助手 基准测试（node ${process.version}，中位数，预热后）\n`);
  if (process.argv.includes('--editor-only')) {
    await editorBench(reportText, row);
    return;
  }
  const doc30k = docOf(reportText(30_000));
  const doc300k = docOf(reportText(300_000));
  console.log(`生成的报告：${toPlainText(doc30k).text.length} 字 / ${toPlainText(doc300k).text.length} 字`);

  // A full check starts from an empty line cache, as when a report is first opened.
  const cold = (doc: ReportDocument) => () => {
    clearCheckCaches();
    return checkReport(doc);
  };
  row('检查 3 万字报告（完整检查，不用缓存）', await median(30, cold(doc30k)), '< 10 ms');
  row('检查 30 万字报告（完整检查，不用缓存）', await median(10, cold(doc300k)), '< 100 ms');
  checkReport(doc30k);
  // One keystroke: a character added to one paragraph, then the check the editor runs.
  const measures = doc30k.sections.find((s) => s.part === 'measures')!;
  let n = 0;
  row(
    '输入一个字后的检查（3 万字报告）',
    await median(30, () => {
      const block = measures.blocks[1]!;
      block.text = block.text + '字'.repeat(++n % 2);
      return checkReport(doc30k);
    }),
    '< 4 ms',
  );
  // With the sample county profile (templates/county-profile.example.json): its words and settings on top.
  const sample = parseProfile(readFileSync('templates/county-profile.example.json', 'utf8'));
  if (!sample.ok) throw new Error(sample.error);
  const profile = sample.profile;
  row(
    '检查 3 万字报告（带县里的配置，不用缓存）',
    await median(30, () => (clearCheckCaches(), checkReport(doc30k, { profile }))),
    '< 10 ms',
  );
  checkReport(doc30k, { profile });
  row(
    '输入一个字后的检查（带县里的配置）',
    await median(30, () => {
      const block = measures.blocks[1]!;
      block.text = block.text + '字'.repeat(++n % 2);
      return checkReport(doc30k, { profile });
    }),
    '< 4 ms',
  );

  const docx30k = await exportDocx(doc30k, {}, nodeDeflater);
  row('导入 3 万字的 .docx', await median(15, () => importDocx(docx30k)), '< 300 ms');
  // As the app's main process and the command line export: zipped by Node's zlib.
  row('导出 3 万字报告为 .docx', await median(15, () => exportDocx(doc30k, {}, nodeDeflater)), '< 150 ms');

  console.log('\n导入：按 LibreOffice 生成的文件形状（每段各带字体），并与 mammoth 对照');
  await importBench();
  console.log('\n导出：导出模块自己的测量');
  await exportBench();
  console.log('');

  // The editor itself, in the built renderer in Chromium (skipped where there is no Chromium).
  if (existsSync(CHROMIUM) && !process.argv.includes('--no-editor')) {
    console.log('\n编辑器（构建后的界面，Chromium）');
    await editorBench(reportText, row);
  }
  console.log('');

  printComparison(reportText(30_000), row);

  console.log('\n县级审核：一个文件夹的报告');
  // Each town its own name and figures; one in four gives a phone number, as real folders do.
  await reviewBench(
    (chars, unit, n) =>
      reportText(chars)
        .replace(/青石镇/g, unit)
        .replace('排查矛盾纠纷120件', `排查矛盾纠纷${100 + (n % 50)}件`) + (n % 4 ? '' : '\n联系电话：13812345678'),
  );
}

void main();
