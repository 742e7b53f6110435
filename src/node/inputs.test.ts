import * as realFs from 'node:fs';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// A sub-folder the reviewer may not read: simulated, since the tests may run as root (who reads anything).
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof realFs>();
  return {
    ...fs,
    readdirSync: ((path: string, options: unknown) => {
      if (String(path).endsWith('无权限')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return (fs.readdirSync as (p: string, o: unknown) => unknown)(path, options);
    }) as typeof fs.readdirSync,
  };
});

const { InputError, expandInputs } = await import('./inputs');

describe('expandInputs', () => {
  it('names every file and folder it cannot check, and still lists every report after them', () => {
    const root = mkdtempSync(join(tmpdir(), '审核-'));
    mkdirSync(join(root, 'a无权限'));
    writeFileSync(join(root, 'a无权限', '藏起来.txt'), '报告');
    mkdirSync(join(root, 'b东片'));
    writeFileSync(join(root, 'b东片', '白沙镇.docx'), 'x');
    writeFileSync(join(root, 'c旧版.doc'), 'x');
    writeFileSync(join(root, 'd扫描件.pdf'), 'x');
    writeFileSync(join(root, 'e照片.jpg'), 'x');
    writeFileSync(join(root, 'f真的.nianbao'), 'x');
    symlinkSync(join(root, 'f真的.nianbao'), join(root, 'g链接.nianbao'));
    symlinkSync(join(root, '不存在.txt'), join(root, 'h断链.txt'));
    symlinkSync(root, join(root, 'b东片', '回到上级')); // a loop: walked once
    writeFileSync(join(root, '~$f真的.docx'), 'lock');
    const found = expandInputs([root]);
    const files = found.filter((f): f is string => typeof f === 'string').map((f) => f.slice(root.length + 1));
    expect(files).toEqual(['b东片/白沙镇.docx', 'c旧版.doc', 'd扫描件.pdf', 'f真的.nianbao', 'g链接.nianbao']);
    const problems = found.filter((f) => f instanceof InputError).map((f) => [f.file.slice(root.length + 1), f.reason]);
    expect(problems).toEqual([
      ['a无权限', expect.stringContaining('无法读取这个文件夹')],
      ['e照片.jpg', expect.stringContaining('不是报告文件')],
      ['h断链.txt', expect.stringContaining('快捷链接指向的文件不存在')],
    ]);
  });

  it('passes over what Windows and macOS leave in every folder (Thumbs.db, desktop.ini, ._ copies), as it does Word’s ~$ files', () => {
    const root = mkdtempSync(join(tmpdir(), '审核-'));
    writeFileSync(join(root, '白沙镇.docx'), 'x');
    for (const name of ['Thumbs.db', 'desktop.ini', 'Desktop.ini', '._白沙镇.docx', '.DS_Store', '~$白沙镇.docx'])
      writeFileSync(join(root, name), 'x');
    // Another .ini or .db is somebody's file, named as not a report.
    writeFileSync(join(root, '台账.db'), 'x');
    const found = expandInputs([root]).map((f) => (typeof f === 'string' ? f : f.file).slice(root.length + 1));
    expect(found).toEqual(['白沙镇.docx', '台账.db']);
  });
});
