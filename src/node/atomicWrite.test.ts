import { fork } from 'node:child_process';
import * as realFs from 'node:fs/promises';
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { SaveError, STALE_TEMP_MS, cleanStaleTemps, writeFileAtomic, type Fs } from './atomicWrite';

const dir = () => mkdtempSync(join(tmpdir(), '原子写入-'));
const errno = (code: string) => Object.assign(new Error(code), { code });
const posix = process.platform !== 'win32';

describe('writeFileAtomic keeps what the file is', () => {
  it.runIf(posix)('keeps a private file private (0600 stays 0600)', async () => {
    const path = join(dir(), '报告.nianbao');
    writeFileSync(path, '旧');
    chmodSync(path, 0o600);
    await writeFileAtomic(path, '新', { backup: true });
    expect(readFileSync(path, 'utf8')).toBe('新');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}.bak`).mode & 0o077).toBe(0);
  });

  it.runIf(posix)('saves through a symbolic link into the file it names, and the link stays a link', async () => {
    const folder = dir();
    const real = join(folder, '真实文件.nianbao');
    const link = join(folder, '桌面快捷.nianbao');
    writeFileSync(real, '旧');
    symlinkSync(real, link);
    await writeFileAtomic(link, '新', { backup: true });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('新');
    expect(readFileSync(`${real}.bak`, 'utf8')).toBe('旧');
  });

  it.runIf(posix)('updates every hard link of a file, not only the name saved to', async () => {
    const folder = dir();
    const a = join(folder, 'a.nianbao');
    const b = join(folder, 'b.nianbao');
    writeFileSync(a, '旧的内容，比新的长一些');
    linkSync(a, b);
    await writeFileAtomic(a, '新', { backup: true });
    expect(readFileSync(b, 'utf8')).toBe('新');
    expect(readFileSync(`${a}.bak`, 'utf8')).toBe('旧的内容，比新的长一些');
  });

  it.runIf(posix)('refuses to replace a read-only (0444) file, saying so, and leaves it as it was', async () => {
    const folder = dir();
    const path = join(folder, '定稿.nianbao');
    writeFileSync(path, '定稿');
    chmodSync(path, 0o444);
    await expect(writeFileAtomic(path, '改过', { backup: true })).rejects.toThrow(/只读文件，没有覆盖/);
    expect(readFileSync(path, 'utf8')).toBe('定稿');
    expect(statSync(path).mode & 0o777).toBe(0o444);
    expect(readdirSync(folder)).toEqual(['定稿.nianbao']);
  });

  it('saves a file with an 80-character Chinese name (the temp name stays short)', async () => {
    const folder = dir();
    const name = '青石镇人民政府关于二〇二五年度法治政府建设情况的报告'.repeat(3).slice(0, 80) + '.nianbao';
    await writeFileAtomic(join(folder, name), '内容', { backup: true });
    await writeFileAtomic(join(folder, name), '内容二', { backup: true });
    expect(readFileSync(join(folder, name), 'utf8')).toBe('内容二');
  });

  it('blames the name, not the folder depth, when the name itself is too long', async () => {
    const folder = dir();
    const name = '很长的文件名'.repeat(20) + '.nianbao'; // 120 characters: 360 bytes
    await expect(writeFileAtomic(join(folder, name), '内容')).rejects.toThrow(/文件名太长/);
  });
});

describe('the .bak and the temp files', () => {
  it('a full disk while copying the .bak keeps the previous .bak and the file, and leaves no temp file', async () => {
    const folder = dir();
    const path = join(folder, 'r.nianbao');
    writeFileSync(path, '第二版');
    writeFileSync(`${path}.bak`, '第一版');
    const fs: Fs = {
      ...realFs,
      copyFile: async () => {
        throw errno('ENOSPC');
      },
    };
    await expect(writeFileAtomic(path, '第三版', { fs, backup: true })).rejects.toThrow(/磁盘空间不足/);
    expect(readFileSync(path, 'utf8')).toBe('第二版');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('第一版');
    expect(readdirSync(folder).sort()).toEqual(['r.nianbao', 'r.nianbao.bak']);
  });

  it('fsyncs the new content and the .bak before either is renamed into place', async () => {
    const folder = dir();
    const path = join(folder, 'r.nianbao');
    writeFileSync(path, '旧');
    const events: string[] = [];
    const synced = new Set<string>();
    const fs: Fs = {
      ...realFs,
      open: (async (file: string, flags: string, mode?: number) => {
        const handle = await realFs.open(file, flags, mode);
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          synced.add(String(file));
          return sync();
        };
        return handle;
      }) as Fs['open'],
      rename: async (from, to) => {
        events.push(
          `${synced.has(String(from)) ? 'synced' : 'NOT SYNCED'} → ${String(to).endsWith('.bak') ? 'bak' : 'file'}`,
        );
        return realFs.rename(from, to);
      },
    };
    await writeFileAtomic(path, '新', { fs, backup: true });
    expect(events).toEqual(['synced → bak', 'synced → file']);
  });

  it('removes temp files a killed save left behind, but not one another save is writing now', async () => {
    const folder = dir();
    const stale = join(folder, '.nianbao-0123456789abcdef.tmp');
    const oldStyle = join(folder, '.报告.nianbao.89abcdef.tmp');
    const fresh = join(folder, '.nianbao-fedcba9876543210.tmp');
    for (const f of [stale, oldStyle, fresh]) writeFileSync(f, '半截');
    const past = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    utimesSync(stale, past, past);
    utimesSync(oldStyle, past, past);
    writeFileSync(join(folder, '.hidden-user-file.tmp'), '别人的');
    await writeFileAtomic(join(folder, '报告.nianbao'), '内容');
    expect(readdirSync(folder).sort()).toEqual([
      '.hidden-user-file.tmp',
      '.nianbao-fedcba9876543210.tmp',
      '报告.nianbao',
    ]);
  });

  it('a rename that stays busy gives up with a Chinese message and no temp file', async () => {
    const folder = dir();
    const path = join(folder, 'r.nianbao');
    writeFileSync(path, '旧');
    const fs: Fs = {
      ...realFs,
      rename: async () => {
        throw errno('EBUSY');
      },
    };
    await expect(writeFileAtomic(path, '新', { fs, retries: 2, retryDelayMs: 1 })).rejects.toBeInstanceOf(SaveError);
    expect(readdirSync(folder)).toEqual(['r.nianbao']);
  });
});

describe('saves killed at random moments', () => {
  it('leave the old version or the new one, and a readable .bak, every time; the next start removes the temp files', async () => {
    const folder = dir();
    const path = join(folder, '报告.nianbao');
    const worker = join(folder, 'saver.cjs');
    // The child runs the real writeFileAtomic (bundled here with esbuild) in a loop, with growing documents.
    const bundle = join(folder, 'atomicWrite.cjs');
    buildSync({
      entryPoints: [join(__dirname, 'atomicWrite.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
    });
    writeFileSync(
      worker,
      `const { writeFileAtomic } = require(${JSON.stringify(bundle)});
       const path = process.argv[2];
       (async () => {
         process.send('ready');
         for (let n = 1; ; n++) {
           await writeFileAtomic(path, JSON.stringify({ version: n, body: 'x'.repeat(20000 + (n % 7) * 5000) }), { backup: true });
         }
       })();`,
    );
    writeFileSync(path, JSON.stringify({ version: 0, body: '' }));
    for (let i = 0; i < 40; i++) {
      const child = fork(worker, [path], { stdio: 'ignore' });
      await new Promise<void>((resolve) => child.once('message', () => resolve()));
      await new Promise((r) => setTimeout(r, Math.random() * 15));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      expect(typeof (JSON.parse(readFileSync(path, 'utf8')) as { version: number }).version).toBe('number');
      if (readdirSync(folder).includes('报告.nianbao.bak')) {
        expect(typeof (JSON.parse(readFileSync(`${path}.bak`, 'utf8')) as { version: number }).version).toBe('number');
      }
    }
    await cleanStaleTemps(folder, { now: Date.now() + STALE_TEMP_MS + 1000 });
    expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 180_000);
});
