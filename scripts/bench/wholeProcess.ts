/**
 * The CLI as a whole process against pandoc converting the same text (issue 5: `nianbao export` at least as
 * fast as pandoc, ratio printed). Both run as a reviewer runs them, alternately, so that a noisy machine
 * slows both alike; the median of each is compared.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const RUNS = 15;

/** The repository root: where package.json is, above this (possibly bundled) script. */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function timeOnce(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: 'ignore', env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  return performance.now() - start;
}

const middle = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

export interface WholeProcessFigures {
  oursMs: number;
  pandocMs: number | null;
  /** `node -e 0`: what any Node program pays before its first line. */
  nodeMs: number;
}

/** Median whole-process times of `nianbao export text → .docx` and of `pandoc text -o .docx`. */
export function compareWithPandoc(text: string, env: NodeJS.ProcessEnv = process.env): WholeProcessFigures {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    const txt = join(dir, 'report.txt');
    writeFileSync(txt, text);
    const cli = join(repoRoot(), 'bin', 'nianbao.cjs');
    const ours = () => timeOnce(process.execPath, [cli, 'export', txt, '-o', join(dir, 'ours.docx')], env);
    const hasPandoc = spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).status === 0;
    const theirs = () => timeOnce('pandoc', [txt, '-o', join(dir, 'pandoc.docx')], env);
    // Unmeasured first runs: the bundle's code cache and both programs' files into the OS cache.
    ours();
    if (hasPandoc) theirs();
    const bare = () => timeOnce(process.execPath, ['-e', '0'], env);
    const oursTimes: number[] = [];
    const pandocTimes: number[] = [];
    const nodeTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      oursTimes.push(ours());
      if (hasPandoc) pandocTimes.push(theirs());
      nodeTimes.push(bare());
    }
    return { oursMs: middle(oursTimes), pandocMs: hasPandoc ? middle(pandocTimes) : null, nodeMs: middle(nodeTimes) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Prints the comparison. NODE_EXTRA_CA_CERTS (set on some build machines, this one included) makes every
 * Node process parse a CA bundle at start-up, ~50 ms the CLI never uses and a clerk's PC does not have: when
 * it is set, the figures are printed both with it and without it.
 */
export function printComparison(text: string, row: (what: string, ms: number, target: string) => void): void {
  const envs: [string, NodeJS.ProcessEnv][] = [['', process.env]];
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const { NODE_EXTRA_CA_CERTS: _unused, ...withoutCa } = process.env;
    envs.push(['，不设 NODE_EXTRA_CA_CERTS', withoutCa]);
  }
  for (const [label, env] of envs) {
    const { oursMs, pandocMs, nodeMs } = compareWithPandoc(text, env);
    row(`命令行导出 3 万字 .txt → .docx（整个进程${label}）`, oursMs, '不慢于 pandoc');
    row(`  其中 Node 自身启动（node -e 0${label}）`, nodeMs, '');
    if (pandocMs === null) {
      console.log('未安装 pandoc（apt-get install pandoc），跳过与 pandoc 的对比。');
      return;
    }
    row(`pandoc 转换同一文本 → .docx（整个进程${label}）`, pandocMs, '');
    console.log(`命令行耗时 / pandoc 耗时 = ${(oursMs / pandocMs).toFixed(2)}（≤ 1 为达标${label}）`);
  }
}
