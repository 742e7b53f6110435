// Runs a TypeScript script (the benchmark, fixtures helpers) by bundling it with esbuild first.
const path = require('node:path');
const fs = require('node:fs');
const esbuild = require('esbuild');

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.cjs <file.ts> [args…]');
  process.exit(2);
}
const root = path.join(__dirname, '..');
const outfile = path.join(root, 'dist', 'scripts', path.basename(entry).replace(/\.ts$/, '.cjs'));
fs.mkdirSync(path.dirname(outfile), { recursive: true });
esbuild.buildSync({
  entryPoints: [path.resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
process.argv = [process.argv[0], outfile, ...args];
require(outfile);
