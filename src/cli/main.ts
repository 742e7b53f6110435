/**
 * The command line (shared/spec/cli.md): check, export, import and draft over the same core as the app.
 * Exit status: 0 no error findings, 1 error findings (also an export refused for a phone or ID number), 2 a file
 * could not be used (worst wins).
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { checkReport } from '../core/checks/index';
import type { CheckResult, Finding } from '../core/checks/types';
import { draftNextYear } from '../core/draft/nextYear';
import { exportDocx } from '../core/export/docx';
import { toWebHtml, toWebText } from '../core/export/webText';
import type { ImportResult } from '../core/import/index';
import { exportRefusal } from '../core/checks/publish';
import { importBounded } from '../node/import';
import { serializeReport } from '../core/model/file';
import { problemRow, reviewCsv, reviewRow, verdict, type ReviewedReport, type ReviewRow } from '../core/review/table';
import { reviewFile } from '../core/review/reviewFile';
import { maskPrivate } from '../core/review/annotate';
import { reviewWorkbook } from '../core/review/workbook';
import { indicatorsOf } from '../core/checks/countyLists';
import type { ReportDocument } from '../core/model/report';
import { toPlainText } from '../core/model/plainText';
import { reviewCommentStates, type ReviewCommentState } from '../core/model/reviewComments';
import { TemplateRegistry, parseTemplate } from '../core/templates/registry';
import { nodeDeflater, nodeInflater } from '../node/deflater';
import { registryWithProfile, reviewerOf, type CountyProfile } from '../core/profile/index';
import { yearLabel } from '../core/text/conventions';
import { readProfileSync } from '../node/profile';
import { checkZip } from '../node/zip';
import { UsageError, allowOnly, parseArgs, parseYear, stringFlag, type ParsedArgs } from './args';
import { InputError, expandInputs, readInput, writeOutput } from './files';
import { poolSize, ReviewPool, serveReviewJobs, type ReviewSetup } from './reviewPool';
import type { ReviewFileOptions } from '../core/review/reviewFile';

export const USAGE = `法治年报助手 命令行

用法：
  nianbao check  <文件或文件夹>... [--json | --csv] [--template township|department|duty] [--year YYYY]
  nianbao export <文件> -o <输出.docx> [--font-profile windows|gb2312|kylin] [--bold-level3] [--no-addressee] [--sealed] [--template …]
  nianbao export <文件> -o <输出.txt|输出.html>      导出供网站发布的纯文本或网页
  nianbao import <文件.txt|文件.docx|文件.doc|文件.wps|文件.html> -o <报告.nianbao> [--template …] [--year YYYY]
  nianbao draft  <去年的报告> -o <今年的报告.nianbao> [--date 2026年1月15日] [--year YYYY]
  nianbao review <文件夹>... [--comments <输出文件夹>] [--xlsx <汇总.xlsx>] [--last-year <去年的文件夹>] [--author 审核单位] [--template …] [--year YYYY]
                 县里审核：逐份检查，把问题作为批注写回各镇的 Word 文件副本（原文件不改动），并汇总为一个工作簿

<文件> 可以是本软件保存的 .nianbao 报告、Word 文件（.docx、.doc）、WPS 文件（.wps）、网页（.html）或文本文件（.txt，UTF-8、GB18030 或 Big5）。
check 可以一次检查多个文件或整个文件夹。
退出状态：0 没有错误；1 至少一个“错误”级问题；2 有文件无法使用。
-o 也可写作 --out。--template 指定按哪个提纲读（township 乡镇、department 部门、duty 述职，或县里模板的编号）；--year 指定报告年度。
所有命令可加 --templates-dir <文件夹>，使用县里自定的提纲模板（JSON）。
所有命令可加 --profile <县里的配置.json>：县里的提纲、公开期限、主送机关、必需数据、字数、占位符、用词、规则级别、时间表和数据项；
review 的批注署名为配置中的审核单位（--author 优先）。`;

/**
 * Every option each command accepts besides --help/-h (-o also as --out): what allowOnly holds each command
 * to, and the list the README's table of options is tested against (test/readme.test.ts).
 */
export const COMMAND_OPTIONS = {
  check: ['--json', '--csv', '--template', '--year', '--templates-dir', '--profile'],
  export: [
    '-o',
    '--font-profile',
    '--bold-level3',
    '--no-addressee',
    '--sealed',
    '--template',
    '--templates-dir',
    '--profile',
  ],
  import: ['-o', '--template', '--year', '--templates-dir', '--profile'],
  draft: ['-o', '--date', '--year', '--templates-dir', '--profile'],
  review: ['--comments', '--xlsx', '--last-year', '--author', '--template', '--year', '--templates-dir', '--profile'],
} as const;

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_UNUSABLE = 2;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
};

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
    if (!args.command || args.command === '--help' || args.command === '-h' || args.command === 'help') {
      io.out(USAGE);
      return args.command ? EXIT_OK : EXIT_UNUSABLE;
    }
    if (args.flags.has('--help') || args.flags.has('-h')) {
      io.out(USAGE);
      return EXIT_OK;
    }
    const profile = loadProfile(stringFlag(args, '--profile'));
    const registry = registryWithProfile(profile, loadRegistry(stringFlag(args, '--templates-dir')));
    switch (args.command) {
      case 'check':
        return await runCheck(args, registry, io, profile);
      case 'export':
        return await runExport(args, registry, io, profile);
      case 'import':
        return await runImport(args, registry, io);
      case 'draft':
        return await runDraft(args, registry, io, profile);
      case 'review':
        return await runReview(args, registry, io, profile);
      default:
        throw new UsageError(`不认识的命令“${args.command}”。可用的命令：check、export、import、draft、review。`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      io.err(error.message);
      return EXIT_UNUSABLE;
    }
    // Never a stack trace for the clerk: one line, and the details only when asked for.
    io.err(`出现意外错误：${error instanceof Error ? error.message : String(error)}`);
    if (process.env.NIANBAO_DEBUG) io.err(String((error as Error).stack));
    return EXIT_UNUSABLE;
  }
}

function loadRegistry(dir: string | undefined): TemplateRegistry {
  const registry = new TemplateRegistry();
  if (!dir) return registry;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    throw new UsageError(`找不到模板文件夹：${dir}`);
  }
  for (const name of names) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch {
      throw new UsageError(`模板文件不是有效的 JSON：${join(dir, name)}`);
    }
    const parsed = parseTemplate(raw, `模板 ${name} `);
    if (!parsed.ok) throw new UsageError(parsed.error);
    registry.add(parsed.template);
  }
  return registry;
}

function loadProfile(path: string | undefined): CountyProfile | undefined {
  if (path === undefined) return undefined;
  const parsed = readProfileSync(path);
  if (!parsed.ok) throw new UsageError(parsed.error);
  return parsed.profile;
}

function templateFlag(args: ParsedArgs, registry: TemplateRegistry): string | undefined {
  const id = stringFlag(args, '--template');
  if (id !== undefined && !registry.get(id)) {
    throw new UsageError(
      `没有名为“${id}”的模板。可用：${registry
        .list()
        .map((t) => t.id)
        .join('、')}。`,
    );
  }
  return id;
}

/**
 * Read and import one file; an unusable file becomes an InputError naming it. A report saved by a newer
 * version is read as far as this one can (the app opens it read-only): `io` hears so.
 */
async function load(
  path: string,
  registry: TemplateRegistry,
  templateId: string | undefined,
  io: Io,
): Promise<ReportDocument> {
  const bytes = readInput(path);
  const result: ImportResult = await importBounded(path, bytes, { registry, ...(templateId ? { templateId } : {}) });
  if (!result.ok) throw new InputError(path, `${path}：${result.error}`);
  // A .nianbao has a warning only when a newer version saved it.
  if (extname(path).toLowerCase() === '.nianbao') for (const w of result.warnings) io.err(`${path}：${w}`);
  return result.doc;
}

// ——— check ———

export interface CheckJson extends Omit<CheckResult, 'ignored' | 'ready' | 'findings'> {
  file: string;
  ready: boolean;
  findings: Array<Omit<Finding, 'fingerprint' | 'fix'> & { fix?: Finding['fix'] }>;
  /** The county's 审核意见 a returned Word file carries (a field added: shared/spec/cli.md). */
  reviewComments?: ReviewCommentState[];
}

export function toCheckJson(file: string, result: CheckResult): CheckJson {
  return {
    file,
    template: result.template,
    unit: result.unit,
    year: result.year,
    title: result.title,
    sections: result.sections,
    indicators: result.indicators,
    ready: result.ready,
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      section: f.section,
      message: f.message,
      start: f.start,
      end: f.end,
      ...(f.fix ? { fix: f.fix } : {}),
    })),
  };
}

/** Listed only for a report that has them, so every other report's JSON is as it was. */
function withReviewComments(json: CheckJson, doc: ReportDocument): CheckJson {
  // A comment on a phone or ID number quotes it: the JSON keeps its first and last digits only, as the workbook does.
  const masked = (text: string) => maskPrivate('privacy.id', text);
  const comments = reviewCommentStates(doc, toPlainText(doc)).map((c) => ({
    ...c,
    text: masked(c.text),
    quote: masked(c.quote),
    replies: c.replies.map((r) => ({ ...r, text: masked(r.text) })),
  }));
  return comments.length ? { ...json, reviewComments: comments } : json;
}

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

function describeCheck(file: string, result: CheckResult, registry: TemplateRegistry): string {
  const template = registry.get(result.template);
  const lines: string[] = [];
  lines.push(`■ ${file}`);
  lines.push(`  ${result.unit || '（未识别单位）'} · ${yearLabel(result.year)} · ${template?.name ?? result.template}`);
  const parts = result.sections
    .map((s) => `${s.present ? '✓' : '✗'}${template?.parts.find((p) => p.id === s.id)?.title ?? s.id}`)
    .join('  ');
  lines.push(`  ${parts}`);
  for (const f of result.findings)
    if (f.severity !== 'info') lines.push(`  [${SEVERITY_LABEL[f.severity]}] ${f.message}（${f.rule}）`);
  const advice = result.findings.filter((f) => f.severity === 'info').length;
  if (advice) lines.push(`  另有 ${advice} 条改进建议（用 --json 查看，或在软件中逐条处理）。`);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  lines.push(result.ready ? `  可以提交（${warnings} 个警告）` : `  还不能提交：${errors} 个错误，${warnings} 个警告`);
  return lines.join('\n');
}

async function runCheck(
  args: ParsedArgs,
  registry: TemplateRegistry,
  io: Io,
  profile?: CountyProfile,
): Promise<number> {
  allowOnly(args, COMMAND_OPTIONS.check);
  if (args.positional.length === 0) throw new UsageError('请给出要检查的文件或文件夹。用 --help 查看用法。');
  const templateId = templateFlag(args, registry);
  const year = parseYear(stringFlag(args, '--year'));
  const json = args.flags.has('--json');
  const csv = args.flags.has('--csv');
  if (json && csv) throw new UsageError('--json 和 --csv 只能选一个。');
  let status = EXIT_OK;
  const results: CheckJson[] = [];
  const rows: ReviewRow[] = [];
  for (const item of expandInputs(args.positional)) {
    if (item instanceof InputError) {
      io.err(item.message);
      if (!item.notReport) status = EXIT_UNUSABLE;
      rows.push(problemRow(item.file, item.message));
      continue;
    }
    let doc: ReportDocument;
    try {
      doc = await load(item, registry, templateId, io);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      io.err(error.message);
      status = EXIT_UNUSABLE;
      rows.push(problemRow(item, error.message));
      continue;
    }
    const template = templateId ? registry.get(templateId) : undefined;
    const result = checkReport(doc, {
      registry,
      ...(template ? { template } : {}),
      ...(year ? { year } : {}),
      ...(profile ? { profile } : {}),
    });
    if (!result.ready && status === EXIT_OK) status = EXIT_FINDINGS;
    if (json) results.push(withReviewComments(toCheckJson(item, result), doc));
    else if (csv) rows.push(reviewRow(item, result, registry));
    else io.out(describeCheck(item, result, registry));
  }
  if (json) io.out(JSON.stringify(results, null, 2));
  if (csv) io.out(reviewCsv(rows).replace(/\r\n$/, ''));
  return status;
}

// ——— export / import / draft ———

function outputFlag(args: ParsedArgs, extensions: readonly string[]): string {
  const out = stringFlag(args, '-o');
  if (!out) throw new UsageError(`请用 -o 指定输出文件（${extensions.join('、')}）。`);
  if (!extensions.includes(extname(out).toLowerCase())) {
    throw new UsageError(`输出文件应以 ${extensions.join('、')} 结尾：${out}`);
  }
  return out;
}

function singleInput(args: ParsedArgs): string {
  if (args.positional.length !== 1) throw new UsageError('请给出一个输入文件。用 --help 查看用法。');
  return args.positional[0]!;
}

async function runExport(
  args: ParsedArgs,
  registry: TemplateRegistry,
  io: Io,
  county?: CountyProfile,
): Promise<number> {
  allowOnly(args, COMMAND_OPTIONS.export);
  const input = singleInput(args);
  const out = outputFlag(args, ['.docx', '.txt', '.html']);
  const profile = stringFlag(args, '--font-profile') ?? 'windows';
  if (!['windows', 'gb2312', 'kylin'].includes(profile)) {
    throw new UsageError(`--font-profile 只能是 windows、gb2312 或 kylin，而不是“${profile}”。`);
  }
  const doc = await load(input, registry, templateFlag(args, registry), io);
  // A report that names no 主送机关 gets the county's (the report's own is never replaced).
  if (!doc.meta.addressee.trim() && county?.addressee) doc.meta.addressee = county.addressee;
  const ext = extname(out).toLowerCase();
  // The app's one rule for every export: no phone or ID number leaves, at the county's rule levels (--profile) as
  // check reports them. The file was usable and checked; what holds it back is its findings, so the status is
  // check's 1, not 2, and nothing is written.
  const refusal = exportRefusal(doc, ext === '.docx' ? 'docx' : 'web', county);
  if (refusal) {
    io.err(`${input}：${refusal.message}`);
    return EXIT_FINDINGS;
  }
  if (ext === '.docx') {
    const options = {
      fontProfile: profile as 'windows' | 'gb2312' | 'kylin',
      boldLevel3: args.flags.has('--bold-level3'),
      includeAddressee: !args.flags.has('--no-addressee'),
      sealed: args.flags.has('--sealed'),
    };
    const bytes = await exportDocx(doc, options, nodeDeflater);
    await writeOutput(input, out, bytes);
  } else {
    await writeOutput(input, out, ext === '.html' ? toWebHtml(doc) : toWebText(doc));
  }
  io.err(`已导出：${out}`);
  return EXIT_OK;
}

async function runImport(args: ParsedArgs, registry: TemplateRegistry, io: Io): Promise<number> {
  allowOnly(args, COMMAND_OPTIONS.import);
  const input = singleInput(args);
  const out = outputFlag(args, ['.nianbao']);
  const result = await importBounded(input, readInput(input), {
    registry,
    ...(stringFlag(args, '--template') ? { templateId: templateFlag(args, registry)! } : {}),
  });
  if (!result.ok) throw new InputError(input, `${input}：${result.error}`);
  const year = parseYear(stringFlag(args, '--year'));
  if (year) result.doc.meta.year = year;
  await writeOutput(input, out, serializeReport(result.doc));
  const template = registry.getOrDefault(result.doc.meta.templateId);
  io.err(
    `已导入：${out}（${template.name}，${result.doc.meta.unit || '单位未识别'}，${result.doc.meta.year ?? '年度未识别'}）`,
  );
  for (const m of result.mapping) {
    const part = m.part ? (template.parts.find((p) => p.id === m.part)?.title ?? m.part) : '其他（模板外）';
    io.err(`  ${m.heading || '（开头）'} → ${part}`);
  }
  for (const w of result.warnings) io.err(`  注意：${w}`);
  return EXIT_OK;
}

async function runDraft(
  args: ParsedArgs,
  registry: TemplateRegistry,
  io: Io,
  profile?: CountyProfile,
): Promise<number> {
  allowOnly(args, COMMAND_OPTIONS.draft);
  const input = singleInput(args);
  const out = outputFlag(args, ['.nianbao']);
  const previous = await load(input, registry, undefined, io);
  const date = stringFlag(args, '--date');
  const year = parseYear(stringFlag(args, '--year'));
  const draft = draftNextYear(previous, {
    registry,
    ...(date ? { date } : {}),
    ...(year ? { year } : {}),
    ...(profile ? { profile } : {}),
  });
  await writeOutput(input, out, serializeReport(draft));
  const plans = `去年计划 ${draft.previous?.plans.length ?? 0} 项待对照填写`;
  io.err(
    draft.meta.year === null
      ? `已生成年度报告草稿：${out}（${plans}）。去年的报告没有写明年度，草稿也没有年度：请用 --year 指定今年报告的年度，或在“报告信息”中填写。`
      : `已生成 ${draft.meta.year} 年度报告草稿：${out}（${plans}）`,
  );
  return EXIT_OK;
}

// ——— review ———

/**
 * Every file under the given paths (a report, or the reason it cannot be one), each with the folder its
 * output name is relative to.
 */
function reviewInputs(paths: readonly string[]): Array<{ path: string; base: string; error?: InputError }> {
  const out: Array<{ path: string; base: string; error?: InputError }> = [];
  for (const p of paths) {
    let base = dirname(p);
    try {
      if (statSync(p).isDirectory()) base = p;
    } catch {
      // expandInputs names the missing path
    }
    for (const item of expandInputs([p]))
      out.push(item instanceof InputError ? { path: item.file, base, error: item } : { path: item, base });
  }
  return out;
}

/**
 * A file as the workbook names it: from the reviewed folder's own name down, as the app's table does, so
 * that the reviewer's absolute path (a user name, a machine's layout) does not travel with the workbook.
 */
function shownName(base: string, path: string): string {
  return relative(dirname(resolve(base)), resolve(path)) || path;
}

/** Where the commented copy of a report goes: the same relative path under the output folder, never the original. */
export function commentedName(outDir: string, base: string, path: string): string {
  const rel = relative(base, path);
  return join(outDir, rel.slice(0, rel.length - extname(rel).length) + '（审核意见）.docx');
}

/**
 * How a report of `nianbao review` is reviewed, built from the command line's options alone, so that a
 * worker thread (src/cli/reviewPool.ts) builds exactly the same from the same setup.
 */
function reviewOptions(registry: TemplateRegistry, setup: ReviewSetup): ReviewFileOptions {
  const template = setup.templateId ? registry.get(setup.templateId) : undefined;
  return {
    registry,
    zipGuard: (zip: Uint8Array) => checkZip(zip),
    ...(setup.profile ? { profile: setup.profile } : {}),
    ...(template ? { template } : {}),
    ...(setup.year ? { year: setup.year } : {}),
    ...(setup.comments
      ? {
          comments: {
            deflater: nodeDeflater,
            inflater: nodeInflater,
            ...(setup.author ? { author: setup.author } : {}),
            exportDocx: (doc: ReportDocument) => exportDocx(doc, {}, nodeDeflater),
          },
        }
      : {}),
  };
}

// In a worker thread of `nianbao review`, this bundle serves reports to review instead of running a command.
serveReviewJobs((setup) => reviewOptions(registryWithProfile(setup.profile, loadRegistry(setup.templatesDir)), setup));

/** Reports reviewed ahead of the one being printed (at least two per worker), and commented copies being written at once. */
const REVIEW_AHEAD = 6;
const REVIEW_WRITES = 8;

async function runReview(
  args: ParsedArgs,
  registry: TemplateRegistry,
  io: Io,
  profile?: CountyProfile,
): Promise<number> {
  allowOnly(args, COMMAND_OPTIONS.review);
  if (args.positional.length === 0) throw new UsageError('请给出要审核的文件夹。用 --help 查看用法。');
  const commentsDir = stringFlag(args, '--comments');
  const xlsx = stringFlag(args, '--xlsx');
  if (xlsx && extname(xlsx).toLowerCase() !== '.xlsx') throw new UsageError(`--xlsx 的文件应以 .xlsx 结尾：${xlsx}`);
  const lastYearDir = stringFlag(args, '--last-year');
  if (lastYearDir && !xlsx) throw new UsageError('--last-year 用于工作簿的“主要数据”对比，请同时给出 --xlsx。');
  const templateId = templateFlag(args, registry);
  const year = parseYear(stringFlag(args, '--year'));
  const author = stringFlag(args, '--author') ?? reviewerOf(profile);
  if (commentsDir) {
    try {
      mkdirSync(commentsDir, { recursive: true });
    } catch {
      throw new UsageError(`无法创建批注输出文件夹：${commentsDir}`);
    }
  }
  const templatesDir = stringFlag(args, '--templates-dir');
  const setup: ReviewSetup = {
    comments: !!commentsDir,
    ...(templatesDir ? { templatesDir } : {}),
    ...(templateId ? { templateId } : {}),
    ...(year ? { year } : {}),
    ...(author ? { author } : {}),
    ...(profile ? { profile } : {}),
  };
  const options = reviewOptions(registry, setup);

  const inputs = reviewInputs(args.positional);
  const total = inputs.length;
  const pool = new ReviewPool(poolSize(total), setup, (path, bytes) => reviewFile(path, bytes, options));
  const inputPaths = new Set(inputs.filter((i) => !i.error).map((i) => resolve(i.path)));
  const reports: ReviewedReport[] = [];
  let status = EXIT_OK;
  const worse = (s: number) => (status = Math.max(status, s));

  // A few reports are read and reviewed ahead, and the commented copies are written (two fsyncs each) while
  // the next ones are checked, so that waiting on the disk or on zlib overlaps the checking; the lines,
  // the messages and the workbook keep the folder's order.
  type Outcome = { reviewed: Awaited<ReturnType<ReviewPool['review']>> } | { unreadable: InputError };
  const started = new Map<number, Promise<Outcome>>();
  // Each promise gets a handler at once, so that one failing ahead of its turn is not an unhandled rejection;
  // it is still thrown where it is awaited, in order.
  const handled = <T>(promise: Promise<T>): Promise<T> => {
    promise.catch(() => undefined);
    return promise;
  };
  const start = (n: number) => {
    const item = inputs[n];
    if (!item || item.error || started.has(n)) return;
    started.set(
      n,
      handled(
        (async (): Promise<Outcome> => {
          let bytes: Uint8Array;
          try {
            bytes = readInput(item.path);
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
            return { unreadable: error };
          }
          return { reviewed: await pool.review(item.path, bytes) };
        })(),
      ),
    );
  };
  const writes: Array<Promise<void>> = [];
  const settleWrites = async (keep: number) => {
    while (writes.length > keep) await writes.shift();
  };
  try {
    for (const [n, item] of inputs.entries()) {
      // Progress for long folders on stderr, so that stdout stays the table.
      if (total > 20 && n > 0 && n % 20 === 0) io.err(`已审核 ${n}/${total} 份……`);
      // Every file met gets its line and its row, as in the app: one that cannot be read says why.
      const unreadable = (error: InputError) => {
        io.err(error.message);
        // A photo beside the reports is named, but nothing failed (as in check).
        if (!error.notReport) worse(EXIT_UNUSABLE);
        const row = problemRow(shownName(item.base, item.path), error.reason);
        reports.push({ row, findings: [], figures: {} });
        io.out(`${verdict(row)}\t${item.path}\t（未识别单位）\t`);
      };
      if (item.error) {
        unreadable(item.error);
        continue;
      }
      for (let ahead = n; ahead <= n + REVIEW_AHEAD; ahead++) start(ahead);
      const outcome = await started.get(n)!;
      started.delete(n);
      if ('unreadable' in outcome) {
        unreadable(outcome.unreadable);
        continue;
      }
      const { reviewed } = outcome;
      reports.push({ ...reviewed.report, row: { ...reviewed.report.row, file: shownName(item.base, item.path) } });
      const row = reviewed.report.row;
      if (row.problem) {
        io.err(`${item.path}：${row.problem}`);
        worse(EXIT_UNUSABLE);
      } else if (!row.ready) worse(EXIT_FINDINGS);
      io.out(
        `${verdict(row)}\t${item.path}\t${row.unit || '（未识别单位）'}\t${row.problem ? '' : `错误 ${row.errors}，警告 ${row.warnings}`}`,
      );
      if (reviewed.commented && commentsDir) {
        const out = commentedName(commentsDir, item.base, item.path);
        if (inputPaths.has(resolve(out))) throw new UsageError(`批注文件会覆盖原文件，已停止：${out}`);
        const commented = reviewed.commented;
        writes.push(
          handled(
            (async () => {
              mkdirSync(dirname(out), { recursive: true });
              await writeOutput(item.path, out, commented);
            })(),
          ),
        );
        if (reviewed.commentNote) io.err(`${item.path}：${reviewed.commentNote}`);
        await settleWrites(REVIEW_WRITES);
      }
    }
    await settleWrites(0);
  } finally {
    // Whatever stopped the run, no write is left half-way behind it, and no rejection unhandled.
    await Promise.allSettled([...writes, ...started.values()]);
    await pool.close();
  }
  const ready = reports.filter((r) => !r.row.problem && r.row.ready).length;
  const unreadable = reports.filter((r) => r.row.problem).length;
  io.out(
    `合计 ${reports.length} 份：可以提交 ${ready} 份，需修改 ${reports.length - ready - unreadable} 份，无法读取 ${unreadable} 份。`,
  );

  if (xlsx) {
    const lastYear: ReviewedReport[] = [];
    if (lastYearDir) {
      for (const item of expandInputs([lastYearDir])) {
        if (item instanceof InputError) {
          io.err(item.message);
          continue;
        }
        try {
          lastYear.push(
            (
              await reviewFile(item, readInput(item), {
                registry,
                zipGuard: (zip) => checkZip(zip),
                ...(profile ? { profile } : {}),
              })
            ).report,
          );
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          io.err(error.message);
        }
      }
    }
    if (inputPaths.has(resolve(xlsx))) throw new UsageError(`工作簿会覆盖一份报告，已停止：${xlsx}`);
    // writeOutput also refuses a read-only or newer-version target; no input is a workbook, so none is passed.
    await writeOutput('', xlsx, await reviewWorkbook(reports, lastYear, indicatorsOf(profile).list));
    io.err(`已写入工作簿：${xlsx}`);
  }
  if (commentsDir) io.err(`批注后的 Word 文件在：${commentsDir}（原文件未改动）`);
  return status;
}
