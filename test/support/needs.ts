/**
 * Tests that need something outside the project (LibreOffice, Chromium, fonts, ../shared) say so here, once.
 *
 * - Everything present: the group runs as written.
 * - Something missing on a developer's machine: the group does not run, and stands in the results as one
 *   skipped test whose title names what is missing; `npm test` prints those titles under its closing line.
 * - Something missing in CI (`CI=true`): the group fails, because `.ci/run` must install all of it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestFunction } from 'vitest';

const root = join(__dirname, '../..');
const shared = join(root, '../shared');

export type Need =
  | 'soffice'
  | 'pdftotext'
  | 'chromium'
  | 'xmllint'
  | 'python3'
  | 'fixtures'
  | 'validator'
  | 'times-metrics'
  | 'cjk-fonts';

const runs = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? r.stdout : null;
};

/** What each need is, how to tell it is there, and what installs it. */
const REQUIREMENTS: Record<Need, { what: string; present: () => boolean }> = {
  soffice: {
    what: 'LibreOffice（apt-get install libreoffice-writer-nogui）',
    present: () => runs('soffice', ['--version']) !== null,
  },
  pdftotext: { what: 'pdftotext（apt-get install poppler-utils）', present: () => runs('pdftotext', ['-v']) !== null },
  chromium: {
    what: 'Chromium（apt-get install chromium fonts-noto-cjk）',
    present: () => existsSync('/usr/bin/chromium'),
  },
  xmllint: { what: 'xmllint（apt-get install libxml2-utils）', present: () => runs('xmllint', ['--version']) !== null },
  python3: { what: 'python3', present: () => runs('python3', ['--version']) !== null },
  fixtures: {
    what: '../shared/fixtures/reports（真实报告样本）',
    present: () => existsSync(join(shared, 'fixtures/reports')),
  },
  validator: {
    what: '../shared/tools/validate-docx 与 ../shared/ooxml-xsd',
    present: () => existsSync(join(shared, 'tools/validate-docx')),
  },
  // LibreOffice sets Latin text in the font with Times New Roman's metrics; without it every line breaks elsewhere.
  'times-metrics': {
    what: 'Times New Roman 字宽的字体（apt-get install fonts-liberation2）',
    present: () =>
      /Liberation Serif|Times New Roman/i.test(runs('fc-match', ['-f', '%{family}', 'Times New Roman']) ?? ''),
  },
  'cjk-fonts': {
    what: '中文字体（apt-get install fonts-noto-cjk）',
    present: () => (runs('fc-list', [':lang=zh', 'family']) ?? '').trim() !== '',
  },
};

const cache = new Map<Need, boolean>();
function present(need: Need): boolean {
  if (!cache.has(need)) cache.set(need, REQUIREMENTS[need].present());
  return cache.get(need)!;
}

/** The needs that are missing, as the Chinese names a developer installs. */
export function missing(needs: readonly Need[]): string[] {
  return needs.filter((n) => !present(n)).map((n) => REQUIREMENTS[n].what);
}

/** Whether every need is met (for code outside the group that prepares its data). */
export function have(...needs: Need[]): boolean {
  return missing(needs).length === 0;
}

/** `describe`, run only where its needs are met; see the head of this file for what happens otherwise. */
export function describeNeeding(needs: readonly Need[], title: string, body: () => void): void {
  const lacking = missing(needs);
  if (lacking.length === 0) {
    describe(title, body);
    return;
  }
  const reason = `缺少 ${lacking.join('、')}`;
  if (process.env.CI) {
    describe(title, () => {
      it(`CI 上必须运行：${reason}`, () => {
        throw new Error(`.ci/run 应当安装：${lacking.join('、')}`);
      });
    });
    return;
  }
  describe(title, () => {
    it.skip(`未运行：${reason}`, () => {});
  });
}

/** One test, run only where its needs are met: skipped with what is missing in its title, or failed in CI. */
export function itNeeding(needs: readonly Need[], title: string, body: TestFunction, timeout?: number): void {
  const lacking = missing(needs);
  if (lacking.length === 0) {
    it(title, body, timeout);
  } else if (process.env.CI) {
    it(`${title}（CI 上必须运行：缺少 ${lacking.join('、')}）`, () => {
      throw new Error(`.ci/run 应当安装：${lacking.join('、')}`);
    });
  } else {
    it.skip(`${title}（未运行：缺少 ${lacking.join('、')}）`, () => {});
  }
}
