/**
 * Import speed (issue: a 30,000-character .docx in under 300 ms). Builds a report-shaped .docx with the
 * `docx` package — paragraphs with literal heading numbers and per-run fonts, as LibreOffice writes them
 * — and prints the median of warm runs.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { mammothText } from '../../src/core/import/docx';
import { importDocx } from '../../src/core/import/index';
import { median } from './median';

const TARGET_CHARS = 30_000;
const RUNS = 15;
const BUDGET_MS = 300;

const SENTENCES = [
  '全年组织领导班子集体学法12次，开展法治培训8场次，覆盖干部职工460人次。',
  '严格落实重大行政决策合法性审查制度，审查合同及规范性文件36份，提出修改意见21条。',
  '深化矛盾纠纷排查化解，排查各类纠纷215件，化解213件，化解率99.1%。',
  '推行行政执法公示、执法全过程记录、重大执法决定法制审核制度，评查执法案卷40卷。',
  '依托村（社区）法律顾问开展送法进村活动52场，发放宣传资料6000余份。',
];

/** Paragraphs of a plausible report, about `chars` characters in all. */
export function reportLines(chars: number): string[] {
  const parts = [
    '主要举措和成效',
    '党政主要负责人履行推进法治建设第一责任人职责情况',
    '存在的不足和原因',
    '下一年度主要安排',
    '其他需要报告的情况',
  ];
  const numerals = '一二三四五六七八九十';
  const lines = [
    '白沙县青石镇人民政府关于2024年度法治政府建设情况的报告',
    '县委、县政府：',
    '2024年，我镇坚持依法行政，现将有关情况报告如下：',
  ];
  let total = lines.join('').length;
  let s = 0;
  for (let p = 0; total < chars; p = (p + 1) % parts.length) {
    lines.push(`${numerals[p]}、${parts[p]}`);
    for (let sub = 0; sub < 4 && total < chars; sub++) {
      lines.push(`（${numerals[sub]}）第${sub + 1}方面工作`);
      for (let k = 0; k < 4; k++) {
        const text = SENTENCES[s++ % SENTENCES.length]! + SENTENCES[s++ % SENTENCES.length]!;
        lines.push(text);
        total += text.length;
      }
    }
  }
  lines.push('特此报告。', '青石镇人民政府', '2025年1月20日');
  return lines;
}

/** Each paragraph with its own indent, spacing and run fonts, split into runs, as Word and LibreOffice write them. */
function styledParagraph(text: string): Paragraph {
  const runs = text
    .split(/(?<=[，。；])/)
    .map(
      (piece) => new TextRun({ text: piece, font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' }, size: 32 }),
    );
  return new Paragraph({ children: runs, indent: { firstLine: 640 }, spacing: { line: 579, lineRule: 'exact' } });
}

export async function reportDocx(chars: number): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: reportLines(chars).map(styledParagraph) }] });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

export async function run(): Promise<void> {
  const bytes = await reportDocx(TARGET_CHARS);
  const importMs = await median(RUNS, async () => {
    const result = await importDocx(bytes);
    if (!result.ok) throw new Error(`导入失败：${result.error}`);
  });
  // The mammoth reading is the fallback for unusual files (text boxes, footnotes): slower, shown for reference.
  const mammothMs = await median(RUNS, async () => {
    await mammothText(bytes);
  });
  const verdict = importMs < BUDGET_MS ? 'ok' : 'TOO SLOW';
  console.log(
    `import .docx (${TARGET_CHARS} chars, ${Math.round(bytes.length / 1024)} KB): median ${importMs.toFixed(1)} ms over ${RUNS} warm runs (budget ${BUDGET_MS} ms) ${verdict}`,
  );
  console.log(`  mammoth fallback reading alone: median ${mammothMs.toFixed(1)} ms`);
}
