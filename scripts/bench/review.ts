/**
 * The county's review of a whole folder (issue 15): 500 generated reports, half .docx and half .txt, run
 * as a reviewer runs it — `nianbao review <folder> --comments <dir> --xlsx <file>` as one process — with
 * its wall time and peak memory (GNU time's maximum resident set). Target: < 10 s and < 500 MB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { nodeDeflater } from '../../src/node/deflater';
import { exportDocx } from '../../src/core/export/docx';
import { importText } from '../../src/core/import/index';

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const TOWNS = '青石 溪口 云岭 柳塘 白沙 东坪 梅山 石门 龙泉 桃源'.split(' ');

/** A folder of `count` reports of ~`chars` characters from `reportText`, every other one as .docx. */
export async function reviewFolder(
  reportText: (chars: number, unit: string, n: number) => string,
  count = 500,
  chars = 6000,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-review-'));
  const folder = join(dir, '各镇报告');
  mkdirSync(folder);
  for (let n = 0; n < count; n++) {
    const unit = `${TOWNS[n % TOWNS.length]}${Math.floor(n / TOWNS.length) + 1}镇`;
    const text = reportText(chars, unit, n);
    if (n % 2) writeFileSync(join(folder, `${unit}.txt`), text);
    else {
      const result = importText(text);
      if (!result.ok) throw new Error(result.error);
      writeFileSync(join(folder, `${unit}.docx`), await exportDocx(result.doc, {}, nodeDeflater));
    }
  }
  return dir;
}

export async function run(reportText: (chars: number, unit: string, n: number) => string): Promise<void> {
  const dir = await reviewFolder(reportText);
  try {
    const args = [
      join(repoRoot(), 'bin', 'nianbao.cjs'),
      'review',
      join(dir, '各镇报告'),
      '--comments',
      join(dir, '批注'),
      '--xlsx',
      join(dir, '汇总.xlsx'),
    ];
    // One run first, so that a stale CLI bundle is rebuilt outside the measurement.
    spawnSync(process.execPath, [args[0]!, '--help'], { stdio: 'ignore' });
    const timed = existsSync('/usr/bin/time');
    // Three runs, as the README gives ranges: on a shared 2-core machine one run says little.
    const times: number[] = [];
    const peaks: number[] = [];
    for (let run = 0; run < 3; run++) {
      rmSync(join(dir, '批注'), { recursive: true, force: true });
      const start = performance.now();
      const result = timed
        ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
          })
        : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      times.push(performance.now() - start);
      if (result.status !== 0 && result.status !== 1)
        throw new Error(`review exited ${result.status}: ${result.stderr.slice(-500)}`);
      if (timed) peaks.push(Number(/(\d+)\s*$/.exec(result.stderr)?.[1]) / 1024);
    }
    const range = (values: number[], digits: number) =>
      `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
    const written = readdirSync(join(dir, '批注')).length;
    const xlsx = readFileSync(join(dir, '汇总.xlsx')).length;
    console.log(
      `${'审核 500 份报告（一半 .docx），写批注和工作簿，3 次'.padEnd(44)} ${range(
        times.map((ms) => ms / 1000),
        2,
      ).padStart(11)} s    目标 < 10 s`,
    );
    console.log(
      `${'  同上，峰值内存（最大常驻集）'.padEnd(46)} ${peaks.length && peaks.every(Number.isFinite) ? range(peaks, 0).padStart(9) + ' MB' : '   （无 /usr/bin/time）'}   目标 < 500 MB`,
    );
    console.log(
      `  批注文件 ${written} 个，工作簿 ${(xlsx / 1024).toFixed(0)} KB；每次审核用 ${availableParallelism()} 个核`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
