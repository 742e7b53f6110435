/**
 * The one setup of every browser test file: Chromium once per file (over the built renderer), and for each
 * test a folder of its own (the clerk's files; the app's user data under userData/), a fresh stand-in over
 * it and fresh windows from open(). So any test passes alone (-t) and in any order.
 *
 * Call useApp() inside the file's describe; read app.page, app.standIn, app.work inside tests and hooks
 * (they change with every test).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { buildRenderer, launchChromium, RENDERER_DIR } from './chromium';
import { startStandIn, type StandIn } from './standin';
import { writeProfile, type CountyProfileFile } from '../../support/countyFixtures';

type Viewport = { width: number; height: number };

/**
 * NIANBAO_CPU_SLOWDOWN=4: every window runs its scripts four times slower (Chromium's CPU throttling), as on
 * a loaded CI machine: for hunting the tests that pass only because the page is quick.
 */
const CPU_SLOWDOWN = Number(process.env.NIANBAO_CPU_SLOWDOWN ?? 1) || 1;

/**
 * The ceiling of a wait for work done in main, not in the page: a file exported or saved, a folder of reports
 * checked. It takes seconds on a loaded two-core CI machine (the stand-in shares the test's process), where
 * expect.poll's default of one second is not enough; the page's own reactions keep that default.
 */
export const MAIN_WORK = { timeout: 30_000 };

export interface AppOptions {
  /** How each test's folder is named (a prefix; a space in it keeps paths with spaces tested). */
  folder?: string;
  /** Where each test's folder is made (default: the system's temporary folder); read when the test starts. */
  parent?: () => string;
  /** The window's size (default 1366 × 768, the clerk's usual screen). */
  viewport?: Viewport;
  /** Open a window at the start screen before each test. */
  openFirst?: boolean;
  /**
   * A county profile (the JSON file's content) the clerk imports through 导入县里的配置… on the start screen
   * before each test, which then starts once the card says it is in use. Implies openFirst.
   */
  profile?: NamedProfile;
  /**
   * A browser dialog (alert/confirm/prompt) is a bug, since Electron implements no prompt: by default it is
   * dismissed and fails the test; 'accept' accepts it and only records it in app.browserDialogs.
   */
  browserDialogs?: 'fail' | 'accept';
}

/** A county profile whose 审核单位 the start screen's card names once it is in use. */
type NamedProfile = CountyProfileFile & { 审核单位: string };

export interface App {
  readonly browser: Browser;
  /** This test's stand-in for the Electron shell. */
  readonly standIn: StandIn;
  /** This test's folder. */
  readonly work: string;
  /** The window open() opened last. */
  readonly page: Page;
  /** The messages of browser dialogs this test met. */
  readonly browserDialogs: string[];
  /** A fresh window of the app (a browser context of its own), at the start screen unless goto is false. */
  open(options?: { viewport?: Viewport; goto?: boolean }): Promise<Page>;
}

export function useApp(options: AppOptions = {}): App {
  let browser: Browser | undefined;
  let standIn: StandIn | undefined;
  let work: string | undefined;
  let pages: Page[] = [];
  const browserDialogs: string[] = [];
  const must = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is set up by useApp's hooks: read it inside a test`);
    return value;
  };

  const app: App = {
    get browser() {
      return must(browser, 'browser');
    },
    get standIn() {
      return must(standIn, 'standIn');
    },
    get work() {
      return must(work, 'work');
    },
    get page() {
      return must(pages.at(-1), 'page (call open() first)');
    },
    browserDialogs,
    async open({ viewport = options.viewport ?? { width: 1366, height: 768 }, goto = true } = {}) {
      const page = await app.browser.newPage({ viewport });
      pages.push(page);
      if (CPU_SLOWDOWN > 1) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      }
      await page.addInitScript(app.standIn.clientScript);
      page.on('pageerror', (error) => console.error('page error:', error.message));
      page.on('dialog', (dialog) => {
        browserDialogs.push(dialog.message());
        void (options.browserDialogs === 'accept' ? dialog.accept() : dialog.dismiss());
      });
      if (goto) await page.goto(app.standIn.url);
      return page;
    },
  };

  beforeAll(async () => {
    buildRenderer();
    browser = await launchChromium();
  }, 240_000);

  beforeEach(async () => {
    work = mkdtempSync(join(options.parent?.() ?? tmpdir(), options.folder ?? '法治年报 测试-'));
    standIn = await startStandIn(RENDERER_DIR, join(work, 'userData'));
    browserDialogs.length = 0;
    pages = [];
    if (options.openFirst || options.profile) await app.open();
    if (options.profile) await importProfile(app, options.profile);
  });

  afterEach(async () => {
    for (const page of pages) await page.close();
    pages = [];
    await standIn?.close();
    standIn = undefined;
    if (options.browserDialogs !== 'accept') expect(browserDialogs).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  return app;
}

/** Writes a county profile into this test's folder and imports it through the start screen's card. */
export async function importProfile(app: App, profile: NamedProfile): Promise<void> {
  app.standIn.profileDialog.current = writeProfile(app.work, profile, `${profile.审核单位}的配置.json`);
  const card = app.page.getByRole('region', { name: '县里的配置' });
  await card.getByRole('button', { name: '导入县里的配置…' }).click();
  await expect.poll(() => card.textContent()).toContain(`正在使用：${profile.审核单位}`);
}
