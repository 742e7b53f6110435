/**
 * The corpus: short reports written for the tests (never copied from real ones), one file each, with
 * <slug>.expect.json giving the reading and findings a county reviewer expects:
 *   { "template": "township|department|duty", "unit": "…", "year": 2025 | null,
 *     "parts": [template part ids that must be found], "must": [rule ids that must be reported],
 *     "mustNotErrors": true | false, "draftPlans": [last year's plans next year's draft lists, optional],
 *     optional readings: "signature": […], "date": "…", "attachments": […], "tables": N (table blocks),
 *     "absent": [words no block may hold: page numbers, running headers, link titles of the page],
 *     "figures": { indicator id: the year's value the checker reads, or null where it must read none } }
 * A report is a .txt (any encoding the importer reads), .html, .doc/.wps, or "<slug>.docx-source.txt": a
 * description turned into a .docx with Word's automatic numbering, outline levels or bold (test/support/numberedDocx.ts).
 * `npm run corpus` prints the results; test/corpus.test.ts fails on a miss or a false error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport } from '../../src/core/checks/index';
import { draftNextYear } from '../../src/core/draft/nextYear';
import { importFile } from '../../src/core/import/index';
import { numberedDocxFromText } from '../support/numberedDocx';

export const CORPUS_DIR = __dirname;

export interface Expectation {
  template?: string;
  unit?: string;
  year?: number | null;
  parts?: string[];
  must?: string[];
  mustNotErrors?: boolean;
  /** The plans next year's draft (nianbao draft) carries from this report as 去年计划 items. */
  draftPlans?: string[];
  signature?: string[];
  date?: string;
  attachments?: string[];
  /** How many table blocks the report holds. */
  tables?: number;
  /** Words that must be in no block (page furniture the importer should have removed). */
  absent?: string[];
  /** Figures the checker must read (the year's value, as the side panel shows it), or null for none. */
  figures?: Record<string, number | null>;
}

export interface CorpusResult {
  slug: string;
  file: string;
  expect: Expectation;
  /** What the importer could not read, or undefined. */
  error?: string;
  template?: string;
  unit?: string;
  year?: number | null;
  /** Reading differences: "年度：读成 2024，应为 2025". */
  misread: string[];
  /** Rules the report must raise and did not. */
  missed: string[];
  /** Error-severity findings on a report that must have none besides `must`. */
  falseErrors: Array<{ rule: string; message: string }>;
  rules: Set<string>;
}

/** The report file of each expectation, by slug. */
export function corpusEntries(dir = CORPUS_DIR): Array<{ slug: string; file: string; expect: Expectation }> {
  const names = readdirSync(dir);
  return names
    .filter((n) => n.endsWith('.expect.json'))
    .sort()
    .map((n) => {
      const slug = n.slice(0, -'.expect.json'.length);
      const file = names.find(
        (f) =>
          f !== n &&
          !f.endsWith('.expect.json') &&
          f.startsWith(`${slug}.`) &&
          !f.slice(slug.length + 1).includes('expect'),
      );
      if (!file) throw new Error(`语料 ${slug} 没有报告文件`);
      return { slug, file, expect: JSON.parse(readFileSync(join(dir, n), 'utf8')) as Expectation };
    });
}

export async function runEntry(
  dir: string,
  entry: { slug: string; file: string; expect: Expectation },
): Promise<CorpusResult> {
  const { slug, file, expect } = entry;
  const result: CorpusResult = { slug, file, expect, misread: [], missed: [], falseErrors: [], rules: new Set() };
  let bytes: Uint8Array = new Uint8Array(readFileSync(join(dir, file)));
  let name = file;
  if (file.endsWith('.docx-source.txt')) {
    bytes = await numberedDocxFromText(new TextDecoder().decode(bytes));
    name = `${slug}.docx`;
  }
  const imported = await importFile(name, bytes);
  if (!imported.ok) {
    result.error = imported.error;
    result.missed = [...(expect.must ?? [])];
    return result;
  }
  const checked = checkReport(imported.doc);
  result.template = checked.template;
  result.unit = checked.unit;
  result.year = checked.year;
  if (expect.template !== undefined && checked.template !== expect.template)
    result.misread.push(`模板：读成 ${checked.template}，应为 ${expect.template}`);
  if (expect.unit !== undefined && checked.unit !== expect.unit)
    result.misread.push(`单位：读成“${checked.unit}”，应为“${expect.unit}”`);
  if (expect.year !== undefined && checked.year !== expect.year)
    result.misread.push(`年度：读成 ${checked.year}，应为 ${expect.year}`);
  const { meta } = imported.doc;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (expect.signature !== undefined && !same(meta.signature, expect.signature))
    result.misread.push(`署名：读成 ${JSON.stringify(meta.signature)}，应为 ${JSON.stringify(expect.signature)}`);
  if (expect.date !== undefined && meta.date !== expect.date)
    result.misread.push(`成文日期：读成“${meta.date}”，应为“${expect.date}”`);
  if (expect.attachments !== undefined && !same(meta.attachments, expect.attachments))
    result.misread.push(`附件：读成 ${JSON.stringify(meta.attachments)}，应为 ${JSON.stringify(expect.attachments)}`);
  const blocks = imported.doc.sections.flatMap((s) => s.blocks);
  const tables = blocks.filter((b) => b.kind === 'table').length;
  if (expect.tables !== undefined && tables !== expect.tables)
    result.misread.push(`表格：读成 ${tables} 个，应为 ${expect.tables} 个`);
  const texts = [...imported.doc.sections.map((s) => s.heading), ...blocks.map((b) => b.text)].join('\n');
  for (const words of expect.absent ?? []) if (texts.includes(words)) result.misread.push(`正文里还有“${words}”`);
  for (const part of expect.parts ?? []) {
    if (!checked.sections.find((s) => s.id === part)?.present) result.misread.push(`部分：没有找到 ${part}`);
  }
  if (expect.draftPlans !== undefined) {
    const plans = draftNextYear(imported.doc).previous?.plans ?? [];
    if (JSON.stringify(plans) !== JSON.stringify(expect.draftPlans))
      result.misread.push(
        `次年草稿的去年计划：读成 ${JSON.stringify(plans)}，应为 ${JSON.stringify(expect.draftPlans)}`,
      );
  }
  for (const [id, value] of Object.entries(expect.figures ?? {})) {
    const read = checked.indicators.find((i) => i.id === id);
    const got = read?.found ? (read.value ?? null) : null;
    if (got !== value) result.misread.push(`数字 ${id}：读成 ${got ?? '无'}，应为 ${value ?? '无'}`);
  }
  for (const f of checked.findings) result.rules.add(f.rule);
  result.missed = (expect.must ?? []).filter((rule) => !result.rules.has(rule));
  if (expect.mustNotErrors) {
    result.falseErrors = checked.findings
      .filter((f) => f.severity === 'error' && !(expect.must ?? []).includes(f.rule))
      .map((f) => ({ rule: f.rule, message: f.message }));
  }
  return result;
}

export async function runCorpus(dir = CORPUS_DIR): Promise<CorpusResult[]> {
  const results: CorpusResult[] = [];
  for (const entry of corpusEntries(dir)) results.push(await runEntry(dir, entry));
  return results;
}

/** Per-rule found/expected, the false errors and the misreadings, as `npm run corpus` prints them. */
export function corpusReport(results: readonly CorpusResult[]): string {
  const out: string[] = [];
  const rules = new Map<string, { expected: number; found: number }>();
  for (const r of results) {
    for (const rule of r.expect.must ?? []) {
      const row = rules.get(rule) ?? { expected: 0, found: 0 };
      row.expected++;
      if (!r.missed.includes(rule)) row.found++;
      rules.set(rule, row);
    }
  }
  out.push(`语料 ${results.length} 份`, '', '规则（找到/应找到）：');
  for (const [rule, row] of [...rules].sort())
    out.push(`  ${rule.padEnd(24)} ${row.found}/${row.expected}${row.found < row.expected ? '  ← 漏报' : ''}`);
  const falseErrors = results.flatMap((r) => r.falseErrors.map((f) => `  ${r.slug}: ${f.rule} ${f.message}`));
  out.push('', `误报的错误：${falseErrors.length}`, ...falseErrors);
  const misread = results.flatMap((r) => [
    ...(r.error ? [`  ${r.slug}: 无法导入：${r.error}`] : []),
    ...r.misread.map((m) => `  ${r.slug}: ${m}`),
    ...r.missed.map((m) => `  ${r.slug}: 漏报 ${m}`),
  ]);
  out.push('', `读错或漏报：${misread.length}`, ...misread);
  return out.join('\n');
}
