// Bundles the command line (src/cli) into dist/cli.cjs with esbuild, so that `nianbao` starts in plain
// Node without a TypeScript loader, then writes V8's code cache for it (dist/cli.cache, see bin/load-cli.cjs).
// npm runs this on install ("prepare"); bin/nianbao.cjs runs it again (as a child process, since esbuild's
// plugins need its asynchronous API) when the sources are newer than the bundle.
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');

/** esbuild options for one TypeScript entry → one CommonJS file for Node 20. */
const nodeBundle = (entry, outfile) => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});

/** A script bundled on its own; packages load from node_modules when first needed. */
function bundle(entry, outfile, options = {}) {
  require('esbuild').buildSync({ ...nodeBundle(entry, outfile), packages: 'external', ...options });
}

/**
 * `import('mammoth')` in the core keeps mammoth out of start-up. esbuild would leave it as a real dynamic
 * import, which a script compiled by node:vm (to use the code cache) cannot run; this turns it into a
 * `require` made when the import is reached.
 */
const lazyRequire = (names) => ({
  name: 'lazy-require',
  setup(build) {
    const filter = new RegExp(`^(${names.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-require'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'lazy-require' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
});

/**
 * Brings src/core/export/generated/docxPackage.ts up to date with packageSource.ts (scripts/docx-package.ts,
 * which writes only a changed file). A failure stops the build: a stale package would export wrong styles.
 */
function generateDocxPackage() {
  const run = spawnSync(
    process.execPath,
    [path.join(__dirname, 'run-ts.cjs'), path.join(__dirname, 'docx-package.ts')],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (run.status !== 0) throw new Error('未能生成 .docx 的样式包（src/core/export/generated/docxPackage.ts）。');
}

/**
 * The CLI's start-up is most of its run time: everything it needs at once (our core with the .docx package,
 * zod) is in one minified file, so that one code cache covers it; mammoth, for unusual .docx files only,
 * loads when needed. docx is not in it: the package was packed at build time.
 */
async function buildCli() {
  generateDocxPackage();
  // The old cache must never meet the new bundle (see bin/load-cli.cjs); the .docx packages older builds
  // saved beside the bundle are no longer read.
  const fs = require('node:fs');
  const dist = path.join(root, 'dist');
  fs.rmSync(path.join(dist, 'cli.cache'), { force: true });
  for (const name of fs.existsSync(dist) ? fs.readdirSync(dist) : [])
    if (/^docx-package-.*\.json$/.test(name)) fs.rmSync(path.join(dist, name), { force: true });
  await require('esbuild').build({
    ...nodeBundle(path.join(root, 'src/cli/main.ts'), path.join(root, 'dist/cli.cjs')),
    // NO_MINIFY=1 node scripts/build-cli.cjs gives readable names and lines for a --cpu-prof profile.
    minify: !process.env.NO_MINIFY,
    keepNames: true,
    plugins: [lazyRequire(['mammoth', 'exceljs/dist/exceljs.min.js', 'word-extractor', '@xmldom/xmldom'])],
  });
  // In a child process: the cache must come from a clean run of the bundle, not from this build's heap.
  const warm = spawnSync(process.execPath, [path.join(__dirname, 'warm-cli.cjs')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (warm.status !== 0)
    process.stderr.write(`未能生成命令行的代码缓存（命令行仍可使用，只是启动较慢）：\n${warm.stderr}\n`);
}

function fail(error) {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
}

module.exports = { buildCli, bundle, generateDocxPackage };
if (require.main === module) buildCli().catch(fail);
