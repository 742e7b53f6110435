// Bundles the command line (src/cli) into dist/cli.cjs with esbuild, so that `nianbao` starts in plain
// Node without a TypeScript loader. npm runs this on install ("prepare"); bin/nianbao.cjs runs it again
// when the sources are newer than the bundle.
const path = require('node:path');

const root = path.join(__dirname, '..');

function buildCli() {
  const esbuild = require('esbuild');
  esbuild.buildSync({
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    outfile: path.join(root, 'dist/cli.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Packages load from node_modules when first needed, so `check` does not pay for docx's start-up.
    packages: 'external',
    logLevel: 'warning',
  });
}

module.exports = { buildCli };
if (require.main === module) buildCli();
