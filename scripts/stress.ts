/**
 * `npm run stress`: the memory and time guarantees of issue #13, per hostile input kind. Each input goes
 * through the real command line (`nianbao check`) in a process of its own, whose peak memory (max RSS)
 * and wall time are printed with its exit status and message. Targets: peak < 300 MB for every input
 * (hard limit 1 GB), exit status 2 with a Chinese message for each hostile one. The app's import and
 * 批量检查 handlers read through the same src/node layer.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeReport } from '../src/core/model/file';
import { createReportFromTemplate } from '../src/core/model/fromTemplate';
import { defaultRegistry } from '../src/core/templates/registry';
import { docxBomb } from '../src/node/zipFixtures';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'nianbao.cjs');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-stress-'));
// Reports the peak memory of the process it is loaded into, when that process ends.
const probe = join(dir, 'probe.cjs');
writeFileSync(
  probe,
  `process.on('exit', () => require('fs').writeSync(2, '\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'));`,
);

function report(): ReturnType<typeof createReportFromTemplate> {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '石桥乡',
    year: 2025,
    date: '2026年1月10日',
  });
  doc.sections[1]!.blocks = Array.from({ length: 300 }, (_, i) => ({
    kind: 'paragraph' as const,
    text: `第${i + 1}项：全年调解纠纷${i + 30}件，开展法治宣传${i + 5}场次，群众满意度持续提升。`,
  }));
  return doc;
}

async function inputs(): Promise<Array<[string, string]>> {
  const files: Array<[string, string]> = [];
  const add = (kind: string, name: string, data: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    files.push([kind, path]);
  };
  add('ordinary report (.nianbao, ~12k chars)', 'ordinary.nianbao', serializeReport(report()));
  add('zip bomb .docx (2 MB → 2.1 GB document.xml)', 'bomb.docx', await docxBomb(2100));
  files.push(['/dev/zero', '/dev/zero']);
  const fifo = join(dir, 'fifo.txt');
  if (spawnSync('mkfifo', [fifo]).status === 0) files.push(['FIFO', fifo]);
  add('50 MB text', 'big.txt', '法治政府建设年度报告正文。\n'.repeat(2_000_000).slice(0, (50 * 1024 * 1024) / 3));
  add(
    '20 MB text (largest accepted)',
    'large.txt',
    ('一、主要举措和成效\n' + '全年调解纠纷356件，开展法治宣传42场次。\n'.repeat(200_000)).slice(0, 6_500_000),
  );
  add(
    'binary file (30 MB)',
    'binary.txt',
    Uint8Array.from({ length: 30 * 1024 * 1024 }, (_, i) => (Math.imul(i, 2654435761) >>> 24) & 0xff),
  );
  const deep = JSON.stringify(JSON.parse(serializeReport(report())), null, 0).replace(
    /"blocks":\[/,
    `"blocks":[${'['.repeat(2_000_000)}${']'.repeat(2_000_000)},`,
  );
  add('deep JSON .nianbao (2,000,000 levels)', 'deep.nianbao', deep);
  const huge = serializeReport(report()).replace('第1项', '长'.repeat(3_000_000));
  add('huge string .nianbao (3M-character paragraph)', 'huge.nianbao', huge);
  return files;
}

async function main(): Promise<void> {
  const rows: string[][] = [['input', 'exit', 'time (s)', 'peak RSS (MB)', 'message']];
  let worst = 0;
  for (const [kind, path] of await inputs()) {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['-r', probe, bin, 'check', path], {
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rss = Number(/MAXRSS (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024;
    worst = Math.max(worst, rss);
    const message =
      run.stderr
        .replace(/MAXRSS \d+/, '')
        .trim()
        .split('\n')[0] ?? '';
    rows.push([kind, String(run.status ?? run.signal), seconds.toFixed(2), rss.toFixed(0), message.slice(0, 70)]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  console.log(`\nworst peak: ${worst.toFixed(0)} MB (target < 300 MB, limit 1024 MB)`);
  rmSync(dir, { recursive: true, force: true });
  if (worst >= 1024) process.exitCode = 1;
}

void main();
