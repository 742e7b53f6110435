/**
 * Export speed (issue: a 30,000-character report as .docx in under 150 ms warm). The report is generated
 * from our own sentences, straight into the model, so the figure is the exporter's alone (the whole CLI
 * process against pandoc is in ./wholeProcess.ts).
 */
import { nodeDeflater } from '../../src/node/deflater';
import { exportDocx } from '../../src/core/export/docx';
import { toPlainText } from '../../src/core/model/plainText';
import { emptyReport, type Block, type ReportDocument } from '../../src/core/model/report';
import { median } from './median';

const TARGET_CHARS = 30_000;
const RUNS = 20;
const BUDGET_MS = 150;

const SENTENCES = [
  '镇党委理论学习中心组开展专题学法6次，班子成员带头讲法治课4场。',
  '全年审查镇政府合同和规范性文件29份，提出法律意见17条，均被采纳。',
  '综合行政执法队办理案件43件，案卷评查合格率100%，无一被复议纠错。',
  '依托“法律明白人”队伍开展送法进村（社区）活动36场次，受众2800余人次。',
  '排查各类矛盾纠纷186件，调处化解183件，化解率98.4%。',
  '推行重大行政决策目录管理，6项决策全部经过公众参与、风险评估和合法性审查。',
];
const NUMERALS = '一二三四五六七八九十';

/** A township report of about `chars` characters: five parts, （一） sub-headings, run-in "1." paragraphs. */
export function benchReport(chars: number): ReportDocument {
  const doc = emptyReport('township');
  doc.meta = {
    ...doc.meta,
    unit: '白石镇',
    year: 2025,
    title: '白石镇人民政府关于2025年度法治政府建设情况的报告',
    addressee: '县委、县政府：',
    signature: ['白石镇人民政府'],
    date: '2026年1月20日',
  };
  doc.sections.push({
    key: 'opening',
    part: 'opening',
    heading: '',
    blocks: [
      { kind: 'paragraph', text: '2025年，白石镇坚持以习近平法治思想为指导，全面推进依法行政。现将有关情况报告如下：' },
    ],
  });
  const parts = [
    '主要举措和成效',
    '党政主要负责人履行推进法治建设第一责任人职责情况',
    '存在的不足和原因',
    '2026年主要安排',
    '其他需要报告的情况',
  ];
  let total = 0;
  let s = 0;
  for (let p = 0; total < chars; p++) {
    const blocks: Block[] = [];
    for (let sub = 0; sub < 4 && total < chars; sub++) {
      blocks.push({ kind: 'subheading', level: 2, text: `（${NUMERALS[sub]}）第${sub + 1}方面工作` });
      for (let k = 1; k <= 4; k++) {
        const text = `${k}.抓好第${k}项任务。${SENTENCES[s++ % SENTENCES.length]}${SENTENCES[s++ % SENTENCES.length]}${SENTENCES[s++ % SENTENCES.length]}`;
        blocks.push({ kind: 'paragraph', text });
        total += text.length;
      }
    }
    doc.sections.push({ key: `s${p}`, part: null, heading: `${NUMERALS[p % 10]}、${parts[p % parts.length]}`, blocks });
  }
  doc.closing = ['特此报告。'];
  return doc;
}

export async function run(): Promise<void> {
  const doc = benchReport(TARGET_CHARS);
  const text = toPlainText(doc).text;
  // As the app's main process and the command line export: zipped by Node's zlib.
  const bytes = await exportDocx(doc, {}, nodeDeflater);
  const ms = await median(RUNS, () => exportDocx(doc, {}, nodeDeflater));
  const verdict = ms < BUDGET_MS ? 'ok' : 'TOO SLOW';
  console.log(
    `export .docx (${text.length} chars, ${Math.round(bytes.length / 1024)} KB): median ${ms.toFixed(1)} ms over ${RUNS} warm runs (budget ${BUDGET_MS} ms) ${verdict}`,
  );
  const stored = await median(RUNS, () => exportDocx(doc));
  console.log(`export .docx stored, not deflated (where there is no zlib): median ${stored.toFixed(1)} ms`);
}

// Run directly (`node scripts/run-ts.cjs scripts/bench/export.ts`), not when the bench imports run().
if (/[\\/]export\.(cjs|ts)$/.test(process.argv[1] ?? '')) void run();
