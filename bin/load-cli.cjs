// Loads dist/cli.cjs with V8's code cache (dist/cli.cache). A CLI process is short: without the cache, V8
// spends most of it compiling docx and our core and running them as cold bytecode it has to create first. The
// cache holds the bytecode of every function a sample export and check ran when the bundle was built, so a
// run starts from compiled code. A cache from another Node version is rejected by V8 and simply not used;
// the command then writes a fresh one for this Node when it has finished.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire, wrap } = require('node:module');

const dist = path.join(__dirname, '..', 'dist');
const bundleFile = path.join(dist, 'cli.cjs');
const cacheFile = path.join(dist, 'cli.cache');

/**
 * V8 checks a cache against the source's length, not its content: a cache older than the bundle (one left by
 * an interrupted build) is not offered to it at all.
 */
function readCache() {
  try {
    if (fs.statSync(cacheFile).mtimeMs < fs.statSync(bundleFile).mtimeMs) return undefined;
    return fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/** The bundle's exports, and the compiled script (to write its code cache from). */
function loadCli() {
  const source = fs.readFileSync(bundleFile, 'utf8');
  const cachedData = readCache();
  const script = new vm.Script(wrap(source), { filename: bundleFile, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundleFile), module, bundleFile, dist);
  const cacheUsable = cachedData !== undefined && !script.cachedDataRejected;
  return { cli: module.exports, script, cacheUsable };
}

/** Writes the code cache beside the bundle (temp file + rename); a read-only install keeps working without it. */
function writeCache(script) {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, cacheFile);
    return true;
  } catch {
    fs.rmSync(temp, { force: true });
    return false;
  }
}

module.exports = { loadCli, writeCache };
