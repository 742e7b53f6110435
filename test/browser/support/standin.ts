/**
 * A stand-in for the Electron shell, for driving the built renderer in Chromium: serves out/renderer over
 * http and answers window.nianbao calls with the real IPC registration and handlers of src/main (only the
 * dialogs are scripted by the test). The page's CSP stays on: the calls are same-origin fetches.
 */
import { mkdtempSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { createHandlers, type Dialogs } from '../../../src/main/handlers';
import { makeSenderCheck, registerIpc, type SenderEvent } from '../../../src/main/ipc';
import { apiChannels } from '../../../src/shared/ipc';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface StandIn {
  url: string;
  /** What the next dialog of each kind answers (a path, or null for "cancelled"). */
  dialogs: Record<keyof Dialogs, string | null>;
  /** What the reviewer's desk's dialogs answer: the workbook's path, the comments' folder, last year's folder. */
  reviewDialogs: { saveWorkbook: string | null; commentsFolder: string | null; lastYearFolder: string | null };
  /** What 导入县里的配置's dialog answers: the profile's path, or null for "cancelled". */
  profileDialog: { current: string | null };
  /** What "print the window to PDF" does: the test points it at Playwright's page.pdf(). */
  printToPdf: { current: (() => Promise<Uint8Array>) | null };
  /** Until this time (ms), renaming into the clerk's folders answers EBUSY, as a file antivirus holds. */
  busyUntil: { current: number };
  /** Where a file dropped on the page is taken to be: webUtils.getPathForFile in the app, this folder + its name here. */
  dropFolder: string;
  /** How often the page asked to print (webContents.print in the app). */
  printed: { count: number };
  /** The right-click menu's edit commands main was asked to carry out, in order. */
  edits: string[];
  /** Paths "the OS asked to open" (a double-click): the page takes them after window.__osOpen() or at its start. */
  osOpened: string[];
  /** The script that defines window.nianbao in the page. */
  clientScript: string;
  close(): Promise<void>;
}

export async function startStandIn(rendererDir: string, userDataDir: string): Promise<StandIn> {
  const dialogs: StandIn['dialogs'] = {
    openReport: null,
    saveReport: null,
    importDocument: null,
    exportDocx: null,
    exportPdf: null,
    exportWeb: null,
    openFolder: null,
    saveTable: null,
  };
  const printToPdf: StandIn['printToPdf'] = { current: null };
  const busyUntil = { current: 0 };
  const reviewDialogs: StandIn['reviewDialogs'] = { saveWorkbook: null, commentsFolder: null, lastYearFolder: null };
  const dropFolder = mkdtempSync(join(tmpdir(), '拖入 文件-'));
  const printed = { count: 0 };
  const edits: string[] = [];
  const osOpened: string[] = [];
  const profileDialog: StandIn['profileDialog'] = { current: null };
  const handlers = createHandlers({
    userDataDir,
    printWindow: async () => {
      printed.count++;
      return { printed: true };
    },
    editWindow: (action) => void edits.push(action),
    osOpened: { take: () => osOpened.splice(0) },
    fs: {
      ...fsPromises,
      rename: async (from, to) => {
        if (Date.now() < busyUntil.current && !String(to).startsWith(userDataDir))
          throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' });
        return fsPromises.rename(from, to);
      },
    },
    reviewDialogs: {
      saveWorkbook: async () => reviewDialogs.saveWorkbook,
      commentsFolder: async () => reviewDialogs.commentsFolder,
      lastYearFolder: async () => reviewDialogs.lastYearFolder,
    },
    profileDialogs: { openProfile: async () => profileDialog.current },
    printToPdf: () => (printToPdf.current ? printToPdf.current() : Promise.reject(new Error('no page'))),
    dialogs: {
      openReport: async () => dialogs.openReport,
      saveReport: async () => dialogs.saveReport,
      importDocument: async () => dialogs.importDocument,
      exportDocx: async () => dialogs.exportDocx,
      exportPdf: async () => dialogs.exportPdf,
      exportWeb: async () => dialogs.exportWeb,
      openFolder: async () => dialogs.openFolder,
      saveTable: async () => dialogs.saveTable,
    },
  });
  const listeners = new Map<string, (event: SenderEvent, payload: unknown) => Promise<unknown>>();
  let origin = '';
  registerIpc(
    { handle: (channel, listener) => listeners.set(channel, listener) },
    handlers,
    makeSenderCheck((url) => url.startsWith(origin)),
  );

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', origin);
      if (request.method === 'POST' && url.pathname.startsWith('/__ipc/')) {
        const listener = listeners.get(decodeURIComponent(url.pathname.slice('/__ipc/'.length)));
        let body = '';
        for await (const chunk of request) body += chunk;
        const answer = listener
          ? await listener({ senderFrame: { url: request.headers.referer ?? '' } }, JSON.parse(body || '{}'))
          : { ok: false, error: 'unknown channel' };
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
        return;
      }
      const path = normalize(join(rendererDir, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
      if (!path.startsWith(rendererDir)) return response.writeHead(403).end();
      try {
        const data = await readFile(path);
        response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(data);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const functions = Object.entries(apiChannels)
    .map(([name, channel]) => `${name}: (request) => call(${JSON.stringify(channel)}, request ?? {})`)
    .join(',\n');
  const clientScript = `(() => {
    const call = async (channel, payload) => {
      const response = await fetch('/__ipc/' + encodeURIComponent(channel), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
      return response.json();
    };
    const menuListeners = new Set();
    window.__menu = (command) => menuListeners.forEach((l) => l(command));
    const recentListeners = new Set();
    window.__openRecent = (file) => recentListeners.forEach((l) => l(file));
    const osOpenListeners = new Set();
    window.__osOpen = () => osOpenListeners.forEach((l) => l());
    window.nianbao = Object.freeze({
      ${functions},
      onMenuCommand: (listener) => { menuListeners.add(listener); return () => menuListeners.delete(listener); },
      onOpenRecent: (listener) => { recentListeners.add(listener); return () => recentListeners.delete(listener); },
      onOsOpen: (listener) => { osOpenListeners.add(listener); return () => osOpenListeners.delete(listener); },
      openDroppedFile: (file) => file.name ? call('file:openDropped', { path: ${JSON.stringify(dropFolder)} + '/' + file.name }) : Promise.resolve({ ok: false, error: '没有读到拖入文件的位置，请用“打开…”或“导入…”选择它。' }),
    });
  })();`;

  return {
    url: `${origin}/`,
    dialogs,
    reviewDialogs,
    profileDialog,
    printToPdf,
    busyUntil,
    dropFolder,
    printed,
    edits,
    osOpened,
    clientScript,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
