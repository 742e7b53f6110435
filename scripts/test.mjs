// `npm test`: lint, typecheck, build, then every vitest test (unit and browser), ending with one plain
// line "N passed, N failed" that counts the gates (lint, format, two typechecks, build) as one test each plus every vitest test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const gates = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['format (prettier --check)', 'npx', ['prettier', '--check', '.']],
  ['typecheck (node)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']],
  ['typecheck (web)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']],
  ['build (electron-vite)', 'npx', ['electron-vite', 'build']],
];

let passed = 0;
let failed = 0;
let skipped = 0;
/** Every test that did not run, with where it is: printed above the closing line, so no skip goes unexplained. */
const notRun = [];
for (const [name, cmd, args] of gates) {
  process.stdout.write(`▶ ${name}\n`);
  const run = spawnSync(cmd, args, { stdio: 'inherit' });
  if (run.status === 0) passed++;
  else {
    failed++;
    process.stdout.write(`✗ ${name} failed\n`);
  }
}

mkdirSync('test-output', { recursive: true });
const report = 'test-output/vitest.json';
process.stdout.write('▶ vitest\n');
// The build gate above just built the renderer: the browser tests need not build it again.
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  {
    stdio: 'inherit',
    env: { ...process.env, NIANBAO_BUILT: '1' },
  },
);
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  skipped += json.numPendingTests + (json.numTodoTests ?? 0);
  for (const file of json.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'skipped' || test.status === 'pending' || test.status === 'todo') {
        notRun.push(
          `${relative(process.cwd(), file.name)} › ${[...(test.ancestorTitles ?? []), test.title].join(' › ')}`,
        );
      }
    }
  }
  // A file that fails to load has no tests counted: count it as one failure.
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed++;
  }
} else {
  failed++;
}
if (vitest.status !== 0 && failed === 0) failed++;

if (notRun.length > 0) {
  // test/support/needs.ts names what is missing in the skipped test's title.
  console.log(`\n${notRun.length} 个测试未运行（skipped），原因见各行：`);
  for (const line of notRun) console.log(`  - ${line}`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
