// Bundles the command line (src/cli) into dist/cli.cjs with esbuild, so that `nianbao` starts in plain
// Node without a TypeScript loader. npm runs this on install ("prepare"); bin/nianbao.cjs runs it again
// when the sources are newer than the bundle.
const path = require('node:path');

const root = path.join(__dirname, '..');

/** One TypeScript entry → one CommonJS file for Node 20; packages load from node_modules when first needed. */
function bundle(entry, outfile, options = {}) {
  require('esbuild').buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    ...options,
  });
}

/**
 * The CLI's start-up is most of its run time: zod is bundled (tree-shaken, minified: ~40 ms less than
 * loading its many files), docx and mammoth stay in node_modules and load only for the commands that use them.
 */
function buildCli() {
  bundle(path.join(root, 'src/cli/main.ts'), path.join(root, 'dist/cli.cjs'), {
    packages: undefined,
    external: ['docx', 'mammoth'],
    minify: true,
    keepNames: true,
  });
}

module.exports = { buildCli, bundle };
if (require.main === module) buildCli();
