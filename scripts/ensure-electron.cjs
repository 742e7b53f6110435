#!/usr/bin/env node
// Runs before `npm start`, `npm run dev` and `npm run preview`: makes sure the Electron binary is in
// node_modules/electron, and when it is not, runs Electron's own installer (which honours ELECTRON_MIRROR,
// ELECTRON_CUSTOM_DIR and its download cache). Electron 45 has no install script, and electron-vite throws
// "Electron uninstall" with a stack trace when the binary is missing, so without this step a fresh clone
// never opens the window. A failed download ends with what to do, in Chinese and English, and no stack trace.
//
// Offline: set ELECTRON_ZIP to the path of electron-v<version>-<platform>-<arch>.zip (copied from a machine
// that has internet, or from the mirror); it is put into Electron's cache and installed from there, checked
// against the checksums Electron ships.
'use strict';

const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CHINA_MIRROR = 'https://npmmirror.com/mirrors/electron/';
const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

/** The executable's path inside dist/, as Electron's install.js writes it to path.txt. */
function platformPath(platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/** Whether the binary Electron's own installer would consider installed is there (same test as its install.js). */
function isInstalled(electronDir, { env = process.env, platform = process.platform } = {}) {
  let version;
  try {
    version = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
    const installed = fs
      .readFileSync(path.join(electronDir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
    if (installed !== version) return false;
    if (fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8') !== platformPath(platform)) return false;
  } catch {
    return false;
  }
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist', platformPath(platform));
  return fs.existsSync(binary);
}

/** Electron's download cache, as @electron/get finds it (env-paths 'electron', or electron_config_cache). */
function cacheRoot(env = process.env, platform = process.platform) {
  if (env.electron_config_cache) return env.electron_config_cache;
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'electron');
}

/** The first of the variables @electron/get reads for one mirror option (.npmrc, package.json config, env). */
function mirrorOption(env, camel, fallback) {
  const snake = camel.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  return (
    env[`npm_config_electron_${camel.toLowerCase()}`] ||
    env[`NPM_CONFIG_ELECTRON_${snake.toUpperCase()}`] ||
    env[`npm_config_electron_${snake}`] ||
    env[`ELECTRON_${snake.toUpperCase()}`] ||
    fallback
  );
}

/**
 * Where @electron/get looks for the zip in its cache: <cache>/<sha256 of the download URL's folder>/<file>.
 * Kept in step with @electron/get's Cache.getCacheDirectory and getArtifactRemoteURL.
 */
function zipCachePath(version, { env = process.env, platform = process.platform, arch = process.arch } = {}) {
  const fileName = `electron-v${version}-${platform}-${arch}.zip`;
  const base = mirrorOption(env, 'mirror', DEFAULT_MIRROR);
  const dir = mirrorOption(env, 'customDir', `v${version}`).replace('{{ version }}', version);
  const file = mirrorOption(env, 'customFilename', fileName);
  const url = new URL(`${base}${dir}/${file}`);
  url.hash = '';
  url.search = '';
  url.pathname = path.posix.dirname(url.pathname);
  const hash = createHash('sha256').update(url.toString()).digest('hex');
  return { fileName, path: path.join(cacheRoot(env, platform), hash, fileName) };
}

/** The SHA-256 of every release zip, shipped in the electron package. */
function readChecksums(electronDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(electronDir, 'checksums.json'), 'utf8'));
  } catch {
    return {};
  }
}

function nodeIsRecentEnough(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** What to tell the user when the download failed: Chinese first, then English; no stack trace. */
function failureMessage(version, reason, env = process.env) {
  const zip = zipCachePath(version, { env });
  const lines = [
    '',
    `无法下载 Electron ${version}（运行本软件的窗口程序）：${reason}`,
    '请选择一种办法后重新运行 npm start：',
    `  1. 在国内网络下使用镜像（本程序会自动补上镜像需要的 ELECTRON_CUSTOM_DIR）：`,
    `       Linux / 统信 / 麒麟：export ELECTRON_MIRROR=${CHINA_MIRROR}`,
    `       Windows：set ELECTRON_MIRROR=${CHINA_MIRROR}`,
    `  2. 没有外网时：在能上网的电脑上下载 ${zip.fileName}（上面的镜像地址里 ${version} 文件夹下），`,
    `     拷到本机后设置 ELECTRON_ZIP=<该文件的完整路径>，或直接放到 Electron 的缓存位置：`,
    `       ${zip.path}`,
    '',
    `Could not download Electron ${version}: ${reason}`,
    'Then run npm start again, after one of:',
    `  1. use a mirror: ELECTRON_MIRROR=${CHINA_MIRROR} (from inside China);`,
    `  2. offline: download ${zip.fileName} elsewhere and set ELECTRON_ZIP=<its path>, or place it at`,
    `       ${zip.path}`,
  ];
  if (!nodeIsRecentEnough()) {
    lines.push(
      '',
      `提示：Electron ${version} 的安装程序要求 Node.js 22.12 或更新版本，本机是 ${process.versions.node}。`,
      `Note: Electron's installer requires Node.js 22.12 or newer; this is Node.js ${process.versions.node}.`,
    );
  }
  return lines.join('\n');
}

/**
 * npmmirror keeps each release in a folder named by the bare version ("45.4.1", not "v45.4.1"): Electron's
 * installation guide pairs it with ELECTRON_CUSTOM_DIR="{{ version }}". Supplied when the user set only the mirror.
 */
function withMirrorDefaults(env) {
  const mirror = mirrorOption(env, 'mirror', '');
  if (mirror.includes('npmmirror.com') && !mirrorOption(env, 'customDir', ''))
    return { ...env, ELECTRON_CUSTOM_DIR: '{{ version }}' };
  return env;
}

/** The one line of the installer's error output worth showing ("TypeError: fetch failed", "HTTPError: 404"). */
function reasonFrom(stderr) {
  const line = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at ') && !l.startsWith('Downloading'));
  return line ? line.slice(0, 200) : '安装程序没有说明原因';
}

/**
 * Makes sure Electron is installed. Returns the exit status: 0 installed (or already there), 1 not.
 * `log` and `spawn` are injectable so the test can run it without a network.
 */
function ensureElectron({
  electronDir = path.dirname(require.resolve('electron/package.json')),
  env = process.env,
  log = (text) => process.stderr.write(`${text}\n`),
  spawn = spawnSync,
} = {}) {
  env = withMirrorDefaults(env);
  if (isInstalled(electronDir, { env })) return 0;
  const version = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;

  if (env.ELECTRON_ZIP) {
    const zip = zipCachePath(version, { env });
    if (!fs.existsSync(env.ELECTRON_ZIP)) {
      log(failureMessage(version, `ELECTRON_ZIP 指向的文件不存在（${env.ELECTRON_ZIP}）`, env));
      return 1;
    }
    const expected = readChecksums(electronDir)[zip.fileName];
    const actual = createHash('sha256').update(fs.readFileSync(env.ELECTRON_ZIP)).digest('hex');
    if (expected && expected !== actual) {
      log(failureMessage(version, `ELECTRON_ZIP 不是 ${zip.fileName}，或文件不完整（校验值不符）`, env));
      return 1;
    }
    fs.mkdirSync(path.dirname(zip.path), { recursive: true });
    fs.copyFileSync(env.ELECTRON_ZIP, zip.path);
  }

  log(`正在安装 Electron ${version}（第一次启动时需要，约 100 MB）…  Installing Electron ${version}…`);
  const run = spawn(process.execPath, [path.join(electronDir, 'install.js')], {
    env: { ...env, ELECTRON_GET_NO_PROGRESS: env.ELECTRON_GET_NO_PROGRESS ?? (process.stderr.isTTY ? '' : '1') },
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (run.status === 0 && isInstalled(electronDir, { env })) return 0;
  const reason = run.error ? run.error.message : reasonFrom(run.stderr || '');
  log(failureMessage(version, reason, env));
  return 1;
}

module.exports = {
  ensureElectron,
  isInstalled,
  zipCachePath,
  withMirrorDefaults,
  cacheRoot,
  failureMessage,
  reasonFrom,
  nodeIsRecentEnough,
};

if (require.main === module) {
  // --electron-dir is for the tests: a copy of the electron package with or without a binary.
  const at = process.argv.indexOf('--electron-dir');
  process.exit(ensureElectron(at > 0 ? { electronDir: path.resolve(process.argv[at + 1]) } : {}));
}
