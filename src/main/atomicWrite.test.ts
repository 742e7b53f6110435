import * as realFs from 'node:fs/promises';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SaveError, SaveQueue, writeFileAtomic, type Fs } from './atomicWrite';

const dir = () => mkdtempSync(join(tmpdir(), '保存 测试-'));
const errno = (code: string) => Object.assign(new Error(code), { code });

describe('writeFileAtomic', () => {
  it('writes into a folder with Chinese characters and spaces, keeping the previous version as .bak', async () => {
    const path = join(dir(), '青石镇 2025 年度报告.nianbao');
    await writeFileAtomic(path, '旧版本', { backup: true });
    await writeFileAtomic(path, '新版本', { backup: true });
    expect(readFileSync(path, 'utf8')).toBe('新版本');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('旧版本');
  });

  it('retries a rename that antivirus blocks (EPERM), then succeeds', async () => {
    const path = join(dir(), 'r.nianbao');
    let failures = 2;
    const fs: Fs = {
      ...realFs,
      rename: async (from, to) => {
        if (failures-- > 0) throw errno('EPERM');
        return realFs.rename(from, to);
      },
    };
    await writeFileAtomic(path, '内容', { fs, retryDelayMs: 1 });
    expect(readFileSync(path, 'utf8')).toBe('内容');
    expect(failures).toBe(-1);
  });

  it.each([
    ['ENOSPC', '磁盘空间不足'],
    ['EROFS', '只读'],
    ['EBUSY', '占用'],
  ])('on %s says so in Chinese, leaves the old file intact and no temp file', async (code, message) => {
    const folder = dir();
    const path = join(folder, 'r.nianbao');
    writeFileSync(path, '旧版本');
    const fs: Fs = {
      ...realFs,
      rename: async () => {
        throw errno(code);
      },
    };
    const attempt = writeFileAtomic(path, '新版本', { fs, retries: 1, retryDelayMs: 1 });
    await expect(attempt).rejects.toBeInstanceOf(SaveError);
    await expect(writeFileAtomic(path, '新版本', { fs, retries: 0 })).rejects.toThrow(message);
    expect(readFileSync(path, 'utf8')).toBe('旧版本');
    expect(readdirSync(folder)).toEqual(['r.nianbao']);
  });

  it('serialises saves to one path', async () => {
    const queue = new SaveQueue();
    const order: string[] = [];
    const slow = queue.run('p', async () => {
      await new Promise((r) => setTimeout(r, 30));
      order.push('first');
    });
    const fast = queue.run('p', async () => {
      order.push('second');
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['first', 'second']);
  });
});
