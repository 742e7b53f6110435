import { describe, expect, it } from 'vitest';
import { filesInArgv, filesOfSecondStart, OsOpenQueue, watchOpenFile } from './openFiles';

describe('files the OS asks the app to open', () => {
  it('reads the files of a command line: the kinds 打开/导入 read, not the program, its flags or the app folder', () => {
    expect(filesInArgv(['/opt/法治年报助手/fazhi-nianbao', '/home/办公室/青石镇 2025.nianbao'], '/')).toEqual([
      '/home/办公室/青石镇 2025.nianbao',
    ]);
    // A development run: electron, the app's folder, then the file; Chromium's flags are not files.
    expect(
      filesInArgv(
        ['/usr/lib/electron', '.', '--no-sandbox', '--allow-file-access-from-files', '/home/办公室/去年.DOCX'],
        '/tmp',
      ),
    ).toEqual(['/home/办公室/去年.DOCX']);
    expect(filesInArgv(['/opt/法治年报助手/fazhi-nianbao', '/home/a/照片.jpg', '/home/a/表.xlsx'], '/')).toEqual([]);
    expect(filesInArgv(['/opt/fazhi-nianbao'], '/')).toEqual([]);
  });

  it('takes a relative path as the starter’s folder’s, and keeps every kind of report the clerk can import', () => {
    expect(filesInArgv(['app', '报告.wps', 'sub/说明.txt', 'old.doc'], '/home/clerk')).toEqual([
      '/home/clerk/报告.wps',
      '/home/clerk/sub/说明.txt',
      '/home/clerk/old.doc',
    ]);
  });

  it('reads a second start’s own command line (sent intact) before the one Electron passes on', () => {
    const passedOn = ['/opt/app', '--original-process-start-time=1', '/x/被改过.txt'];
    expect(
      filesOfSecondStart(passedOn, '/x', { argv: ['/opt/app', '/home/a/青石镇.nianbao'], cwd: '/home/a' }),
    ).toEqual(['/home/a/青石镇.nianbao']);
    // Nothing usable sent (an older copy, or garbage): the passed-on line.
    expect(filesOfSecondStart(passedOn, '/x', null)).toEqual(['/x/被改过.txt']);
    expect(filesOfSecondStart(passedOn, '/x', { argv: [1, 2], cwd: '/' })).toEqual(['/x/被改过.txt']);
  });

  it('keeps the files until the page takes them, each once', () => {
    const queue = new OsOpenQueue();
    queue.push(['/a/一.nianbao']);
    queue.push(['/a/二.docx']);
    expect(queue.take()).toEqual(['/a/一.nianbao', '/a/二.docx']);
    expect(queue.take()).toEqual([]);
  });

  it('macOS: takes an openable file of open-file (telling macOS it is handled) and tells the page; ignores other kinds', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, path: string) => void>();
    const app = { on: (name: string, l: never) => listeners.set(name, l) } as never;
    const queue = new OsOpenQueue();
    let told = 0;
    watchOpenFile(app, queue, () => told++);
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    listeners.get('open-file')!(event, '/Users/办公室/2025 报告.nianbao');
    listeners.get('open-file')!(event, '/Users/办公室/照片.png');
    expect(prevented).toBe(2);
    expect(told).toBe(1);
    expect(queue.take()).toEqual(['/Users/办公室/2025 报告.nianbao']);
  });
});
