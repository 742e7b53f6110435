// Bundles the command line (src/cli) into dist/cli.cjs with esbuild, so that `nianbao` starts in plain
// Node without a TypeScript loader. npm runs this on install ("prepare"); bin/nianbao.cjs runs it again
// when the sources are newer than the bundle.
const path = require('node:path');

const root = path.join(__dirname, '..');

/** One TypeScript entry → one CommonJS file for Node 20; packages load from node_modules when first needed. */
function bundle(entry, outfile) {
  require('esbuild').buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

function buildCli() {
  bundle(path.join(root, 'src/cli/main.ts'), path.join(root, 'dist/cli.cjs'));
}

module.exports = { buildCli, bundle };
if (require.main === module) buildCli();
