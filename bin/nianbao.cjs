#!/usr/bin/env node
// The `nianbao` command (shared/spec/cli.md). Runs the bundled CLI, rebuilding it first when the
// sources in this checkout are newer than the bundle (a developer's edit, or a fresh clone).
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli.cjs');

function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (!entry.name.includes('.test.')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!fs.existsSync(bundle)) return true;
  const built = fs.statSync(bundle).mtimeMs;
  return ['src/core', 'src/node', 'src/cli', 'src/shared', 'templates'].some(
    (d) => newestSource(path.join(root, d)) > built,
  );
}

if (fs.existsSync(path.join(root, 'src')) && isStale()) {
  const built = require('node:child_process').spawnSync(
    process.execPath,
    [path.join(root, 'scripts', 'build-cli.cjs')],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) {
    process.stderr.write('命令行程序未能生成（dist/cli.cjs），请在本软件目录运行 npm install 后重试。\n');
    process.exit(2);
  }
}
if (!fs.existsSync(bundle)) {
  process.stderr.write('命令行程序不完整：缺少 dist/cli.cjs，请在本软件目录运行 npm install 后重试。\n');
  process.exit(2);
}
const { loadCli, writeCache } = require('./load-cli.cjs');
const { cli, script, cacheUsable } = loadCli();
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // A new Node version rejects the old cache: write one for this Node, for the next run.
  if (!cacheUsable) writeCache(script);
});
