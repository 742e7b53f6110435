/**
 * What every browser test file does first: the built renderer (npm test builds it once before the tests; a
 * single file run builds it itself) and Debian's Chromium, started with the flags this closed network needs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = join(__dirname, '../../..');
export const RENDERER_DIR = join(ROOT, 'out/renderer');

export function buildRenderer(): void {
  if (process.env.NIANBAO_BUILT) return;
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('electron-vite build failed');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A page expression: the section key of the part that has the focus — the focused field's (a heading), or,
 * in the one document editor (where the editor itself is the focused element), the part of the caret.
 */
export const CARET_SECTION =
  "(() => { const a = document.activeElement; const n = a && a.isContentEditable ? getSelection().anchorNode : a; const e = n && (n.nodeType === 1 ? n : n.parentElement); return e?.closest('[data-section]')?.getAttribute('data-section'); })()";
