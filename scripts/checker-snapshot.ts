/**
 * Proof that a change to the checker's speed changed no finding. On the old checker:
 *   node scripts/run-ts.cjs scripts/checker-snapshot.ts record /tmp/before.json [fixtures folder]
 * then on the new one:
 *   node scripts/run-ts.cjs scripts/checker-snapshot.ts compare /tmp/before.json
 * The snapshot holds documents and results: the corpus (test/corpus), the real reports of ../shared/fixtures
 * when present, generated bench reports, seeded random variants of all of them (our own phrases inserted,
 * characters deleted) and edit sequences. `compare` checks every document cold (empty line cache), twice
 * warm, and each edit sequence warm in order, as the editor does after each keystroke; exit status 1 on any
 * difference. Nothing of a report's text is stored in the repository.
 */
import { generatedReport } from './bench/generatedReport';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { checkReport, type CheckResult } from '../src/core/checks/index';
import { clearCheckCaches } from '../src/core/checks/context';
import { importFile, importText } from '../src/core/import/index';
import type { ReportDocument } from '../src/core/model/report';
import { corpusEntries } from '../test/corpus/corpus';
import { numberedDocxFromText } from '../test/support/numberedDocx';

interface Case {
  name: string;
  doc: ReportDocument;
  year?: number;
  result?: CheckResult;
}
interface Sequence {
  name: string;
  steps: Array<{ doc: ReportDocument; result?: CheckResult }>;
}

/** Phrases that trigger or nearly trigger every rule family (our own words). */
const PHRASES = [
  '今年共排查矛盾纠纷35件，化解33件，化解率94.3%。',
  '2024年共排查矛盾纠纷40件，化解45件。',
  '联系电话：13912345678',
  '电话：0731-84567890',
  '上访户张三反映问题',
  '深入学习贯彻党的十九大精神',
  '十九届三中全会',
  '二十届九中全会',
  '“七五”普法',
  '八五普法规划',
  '“十三五”规划',
  '法制建设',
  '法制审核',
  '其它工作',
  '截止到12月底',
  '近期',
  '明年',
  '去年',
  '妥否，请批示',
  '特此报告',
  '特此报告。',
  '《合同法》',
  '23年3月',
  '8月1号',
  '15～30%',
  '3-5万',
  '.5%',
  '5千余份',
  '二十3',
  '10几',
  '２０２５',
  '2021-2025年',
  '3-5天',
  '...',
  '、等',
  '，，',
  'XX镇',
  '某某村',
  '20XX年',
  '*次',
  '____',
  '【待补】',
  '（待补）',
  '○○',
  '(括号',
  '“引号',
  '《书名',
  '1,2',
  '中文,中文',
  '中文:中文',
  '(中文)',
  '全年组织学法12次',
  '开展法治培训10场次',
  '化解率120%',
  '占比90%',
  '九成',
  '百分之九十五',
  '其中化解50件',
  '新增法律明白人42名',
  '累计培养168名',
  '全年无应诉案件',
  '未发生行政复议',
  '审查合同13件，审查率100%',
  '执法人员30名，持证执法人员32名',
  '满意度98%',
  '同比增长120%',
  '一、',
  '（一）',
  '1.',
  '1、',
  '（1）',
  '第二部分',
  '110101199003074477',
  '东村：开展普法5场次',
  '西村：开展普法8场次',
  '全镇开展普法宣传活动8场次',
];

let seed = 20261129;
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function mutate(text: string): string {
  const out: string[] = [];
  for (let line of text.split('\n')) {
    const r = random();
    const at = Math.floor(random() * line.length);
    if (r < 0.15) line = line.slice(0, at) + pick(PHRASES) + line.slice(at);
    else if (r < 0.2) line = line.slice(0, at) + line.slice(at + 1 + Math.floor(random() * 10));
    else if (r < 0.23) out.push(`${pick(PHRASES)}${pick(PHRASES)}。`);
    out.push(line);
  }
  return out.join('\n');
}

/** The bench's report shape, with paragraphs of random phrases so that its lines differ. */
function benchReport(chars: number, year: number): string {
  return generatedReport(
    chars,
    year,
    1,
    (sub) => Array.from({ length: 3 + (sub % 4) }, () => pick(PHRASES)).join('，') + '。',
  );
}

async function sources(): Promise<Array<[string, string | ReportDocument]>> {
  const out: Array<[string, string | ReportDocument]> = [];
  // npm and run-ts run scripts from the package root; the bundle itself lives in dist/scripts.
  for (const entry of corpusEntries(resolve('test/corpus'))) {
    let bytes: Uint8Array = new Uint8Array(readFileSync(join('test/corpus', entry.file)));
    let name = entry.file;
    if (entry.file.endsWith('.docx-source.txt')) {
      bytes = await numberedDocxFromText(new TextDecoder().decode(bytes));
      name = `${entry.slug}.docx`;
    }
    const imported = await importFile(name, bytes);
    if (imported.ok) out.push([`corpus/${entry.slug}`, imported.doc]);
  }
  const fixtures = resolve(process.argv[4] ?? '../shared/fixtures/reports');
  if (existsSync(fixtures))
    for (const f of readdirSync(fixtures).sort()) out.push([`fixture/${f}`, readFileSync(join(fixtures, f), 'utf8')]);
  out.push(
    ['bench/2025', benchReport(30_000, 2025)],
    ['bench/2019', benchReport(8_000, 2019)],
    ['bench/2031', benchReport(8_000, 2031)],
  );
  return out;
}

function docOf(text: string): ReportDocument | null {
  const imported = importText(text);
  return imported.ok ? imported.doc : null;
}

async function build(): Promise<{ cases: Case[]; sequences: Sequence[] }> {
  const cases: Case[] = [];
  const sequences: Sequence[] = [];
  for (const [name, source] of await sources()) {
    const doc = typeof source === 'string' ? docOf(source) : source;
    if (!doc) continue;
    cases.push({ name, doc }, { name: `${name}@2018`, doc, year: 2018 }, { name: `${name}@2023`, doc, year: 2023 });
    if (typeof source === 'string') {
      for (let k = 0; k < 8; k++) {
        const variant = docOf(mutate(source));
        if (variant) cases.push({ name: `${name}~${k}`, doc: variant });
      }
    }
    // Edits as the editor makes them: one block at a time, each step a whole document.
    const steps: Sequence['steps'] = [];
    let current = structuredClone(doc);
    for (let i = 0; i < 12; i++) {
      current = structuredClone(current);
      const section = pick(current.sections);
      if (!section?.blocks.length) continue;
      const block = pick(section.blocks);
      const r = random();
      if (r < 0.5) block.text += pick(['字', '今年', '1', '。', '，', '法制', '13812345678', '其中化解200件']);
      else if (r < 0.8) block.text = block.text.slice(0, Math.max(0, block.text.length - 1 - Math.floor(random() * 5)));
      else {
        const at = Math.floor(random() * block.text.length);
        block.text = block.text.slice(0, at) + pick(PHRASES) + block.text.slice(at);
      }
      steps.push({ doc: current });
    }
    sequences.push({ name, steps });
  }
  return { cases, sequences };
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== 'record' && mode !== 'compare') || !file) {
    console.error(
      '用法：node scripts/run-ts.cjs scripts/checker-snapshot.ts record|compare <快照.json> [真实报告文件夹]',
    );
    process.exitCode = 2;
    return;
  }
  if (mode === 'record') {
    const snapshot = await build();
    for (const c of snapshot.cases) {
      clearCheckCaches();
      c.result = checkReport(c.doc, c.year === undefined ? {} : { year: c.year });
    }
    for (const s of snapshot.sequences) {
      for (const step of s.steps) {
        clearCheckCaches();
        step.result = checkReport(step.doc);
      }
    }
    writeFileSync(file, JSON.stringify(snapshot));
    console.log(`已记录 ${snapshot.cases.length} 份报告、${snapshot.sequences.length} 组编辑的检查结果`);
    return;
  }
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as { cases: Case[]; sequences: Sequence[] };
  let compared = 0;
  const differ: string[] = [];
  const same = (name: string, got: CheckResult, want: CheckResult | undefined) => {
    compared++;
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(got)), want)) differ.push(name);
  };
  const check = (c: Case) => checkReport(c.doc, c.year === undefined ? {} : { year: c.year });
  for (const c of snapshot.cases) {
    clearCheckCaches();
    same(`${c.name}（冷）`, check(c), c.result);
  }
  for (const pass of ['热', '再热']) for (const c of snapshot.cases) same(`${c.name}（${pass}）`, check(c), c.result);
  for (const s of snapshot.sequences) {
    clearCheckCaches();
    s.steps.forEach((step, i) => same(`${s.name} 第${i + 1}次编辑`, checkReport(step.doc), step.result));
  }
  console.log(`比较 ${compared} 次检查，不同 ${differ.length} 次`);
  for (const name of differ.slice(0, 20)) console.log(`  不同：${name}`);
  process.exitCode = differ.length ? 1 : 0;
}

void main();
