/**
 * `npm start` on a fresh clone: scripts/ensure-electron.cjs installs Electron's binary through Electron's own
 * installer, or says in Chinese and English what to do, with no stack trace. No test here uses the network:
 * the download goes to a closed port on this machine.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const script = join(root, 'scripts/ensure-electron.cjs');
const realElectron = join(root, 'node_modules/electron');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ensure = require(script) as typeof import('../scripts/ensure-electron.cjs');
const version: string = JSON.parse(readFileSync(join(realElectron, 'package.json'), 'utf8')).version;

// Copies of the electron package live under node_modules so that its install.js finds @electron/get.
const scratch = join(root, 'node_modules/.cache');
mkdirSync(scratch, { recursive: true });
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The electron package as npm installs it: no dist/, no path.txt. */
function packageWithoutBinary(): string {
  const dir = mkdtempSync(join(scratch, 'electron-'));
  made.push(dir);
  for (const f of ['package.json', 'install.js', 'checksums.json', 'index.js'])
    copyFileSync(join(realElectron, f), join(dir, f));
  return dir;
}

/** A stand-in for an installed binary, laid out as Electron's install.js leaves it. */
function packageWithBinary(): string {
  const dir = packageWithoutBinary();
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist/version'), `v${version}`);
  const exe = process.platform === 'win32' ? 'electron.exe' : 'electron';
  writeFileSync(join(dir, 'dist', exe), '');
  writeFileSync(join(dir, 'path.txt'), exe);
  return dir;
}

const offline = (cache: string) => ({
  ...process.env,
  ELECTRON_MIRROR: 'http://127.0.0.1:9/', // the discard port: refused at once, nothing leaves the machine
  electron_config_cache: cache,
  ELECTRON_GET_NO_PROGRESS: '1',
});

function run(electronDir: string, env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [script, '--electron-dir', electronDir], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('before npm start: the Electron binary', () => {
  it('missing and not downloadable: says what to do in Chinese and English, exits 1, no stack trace', () => {
    const cache = mkdtempSync(join(tmpdir(), 'electron-cache-'));
    made.push(cache);
    const result = run(packageWithoutBinary(), offline(cache));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`无法下载 Electron ${version}`);
    expect(result.stderr).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/');
    expect(result.stderr).toContain('ELECTRON_ZIP');
    expect(result.stderr).toContain(`Could not download Electron ${version}`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toContain('Electron uninstall');
  });

  it('a stand-in binary in place: nothing to do, exits 0 at once without running the installer', () => {
    let spawned = false;
    const status = ensure.ensureElectron({
      electronDir: packageWithBinary(),
      log: () => {},
      spawn: (() => {
        spawned = true;
        return { status: 1 };
      }) as never,
    });
    expect(status).toBe(0);
    expect(spawned).toBe(false);
    // And as a process, with the network closed: still 0, silent.
    const result = run(packageWithBinary(), offline(mkdtempSync(join(tmpdir(), 'electron-cache-'))));
    expect([result.status, result.stderr]).toEqual([0, '']);
  });

  it('an offline zip that is not Electron is refused by its checksum and not put into the cache', () => {
    const cache = mkdtempSync(join(tmpdir(), 'electron-cache-'));
    made.push(cache);
    const zip = join(cache, 'not-electron.zip');
    writeFileSync(zip, 'PK\u0003\u0004 not a release');
    const result = run(packageWithoutBinary(), { ...offline(cache), ELECTRON_ZIP: zip });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('校验值不符');
    expect(readdirSync(cache)).toEqual(['not-electron.zip']);
  });

  it('the cache path for an offline zip is the one @electron/get looks in', async () => {
    const getDist = join(root, 'node_modules/@electron/get/dist');
    const { Cache } = await import(pathToFileURL(join(getDist, 'Cache.js')).href);
    const { getArtifactRemoteURL } = await import(pathToFileURL(join(getDist, 'artifact-utils.js')).href);
    for (const env of [
      {},
      { ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron/', ELECTRON_CUSTOM_DIR: '{{ version }}' },
    ]) {
      const saved = { ...process.env };
      Object.assign(process.env, env);
      try {
        // downloadArtifact hands it the version with its "v", as normalizeVersion makes it.
        const url: string = await getArtifactRemoteURL({
          version: `v${version}`,
          artifactName: 'electron',
          platform: 'linux',
          arch: 'x64',
        });
        const expected = new Cache('/cache').getCachePath(url, `electron-v${version}-linux-x64.zip`);
        const ours = ensure.zipCachePath(version, {
          env: { ...env, electron_config_cache: '/cache' },
          platform: 'linux',
          arch: 'x64',
        });
        expect(ours.path).toBe(expected);
      } finally {
        for (const key of Object.keys(env)) delete process.env[key];
        Object.assign(process.env, saved);
      }
    }
  });

  it('npmmirror needs the bare-version folder: supplied when only the mirror is set', () => {
    expect(
      ensure.withMirrorDefaults({ ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron/' }).ELECTRON_CUSTOM_DIR,
    ).toBe('{{ version }}');
    expect(
      ensure.withMirrorDefaults({ ELECTRON_MIRROR: 'https://example.org/e/' }).ELECTRON_CUSTOM_DIR,
    ).toBeUndefined();
  });

  it.runIf(!existsSync(join(realElectron, 'path.txt')))(
    'npm start with no binary ends within a minute with that message (not run where Electron is installed)',
    () => {
      const cache = mkdtempSync(join(tmpdir(), 'electron-cache-'));
      made.push(cache);
      const result = spawnSync('npm', ['start'], { cwd: root, env: offline(cache), encoding: 'utf8', timeout: 60_000 });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('无法下载 Electron');
      expect(result.stderr + result.stdout).not.toContain('Electron uninstall');
    },
  );
});
