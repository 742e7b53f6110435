// Runs a TypeScript script (the benchmark) by bundling it with esbuild first.
const path = require('node:path');
const fs = require('node:fs');
const { bundle } = require('./build-cli.cjs');

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.cjs <file.ts> [args…]');
  process.exit(2);
}
const outfile = path.join(__dirname, '..', 'dist', 'scripts', path.basename(entry).replace(/\.ts$/, '.cjs'));
fs.mkdirSync(path.dirname(outfile), { recursive: true });
bundle(path.resolve(entry), outfile);
process.argv = [process.argv[0], outfile, ...args];
require(outfile);
