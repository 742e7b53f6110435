import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../import/index';
import { createReportFromTemplate } from '../model/fromTemplate';
import { defaultRegistry } from '../templates/registry';
import { exportDocx } from './docx';
import { breakLines, CHARS_PER_LINE, LINES_PER_PAGE, pageText, paginate } from './paginate';

describe('the computed pages', () => {
  it('are 22 lines of 28 characters, body paragraphs indented two characters', () => {
    expect(LINES_PER_PAGE).toBe(22);
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025, date: '2026年1月15日' });
    doc.sections[1]!.blocks = Array.from({ length: 30 }, () => ({ kind: 'paragraph' as const, text: '法治政府建设是全面依法治国的重点任务和主体工程'.repeat(5) + '。' }));
    const pages = paginate(doc);
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages.slice(1, -1)) {
      expect(page).toHaveLength(22);
      const full = pageText(page).filter((t) => t.length >= CHARS_PER_LINE);
      expect(full.length).toBeGreaterThan(10);
      expect(Math.max(...pageText(page).map((t) => t.length))).toBe(28);
    }
  });

  it('never starts a line with closing punctuation: 。， hang at the line end, ”》） take a character down', () => {
    const text = (lines: ReturnType<typeof breakLines>) => lines.map((l) => l.map((r) => r.text).join(''));
    expect(text(breakLines([{ text: '一二三四五六七八九十。再来', style: 'body' }], 10, 10))).toEqual(['一二三四五六七八九十。', '再来']);
    expect(text(breakLines([{ text: '一二三四五六七八九十”再来', style: 'body' }], 10, 10))).toEqual(['一二三四五六七八九', '十”再来']);
    expect(text(breakLines([{ text: '一二三四五六七八九十》）再来', style: 'body' }], 10, 10))).toEqual(['一二三四五六七八九', '十》）再来']);
  });

  it('counts digits as about half a character, and ASCII marks by their Times New Roman width', () => {
    // Seven characters, four digits (1.96) and 年 make 9.96 of a 10-character line.
    const lines = breakLines([{ text: '一二三四五六七2025年1234', style: 'body' }], 10, 10);
    expect(lines.map((l) => l.map((r) => r.text).join(''))).toEqual(['一二三四五六七2025年', '1234']);
    // "," is a quarter of 16 pt less 0.3 pt: eight 法, pairs take 9.9 characters of a 10-character line.
    const number = breakLines([{ text: '一二三四五六七八手册1500余份', style: 'body' }], 10, 10);
    expect(number.map((l) => l.map((r) => r.text).join(''))).toEqual(['一二三四五六七八手册', '1500余份']);
    const commas = breakLines([{ text: '法,'.repeat(12), style: 'body' }], 10, 10);
    expect(commas[0]!.map((r) => r.text).join('')).toBe('法,'.repeat(8));
  });
});

const fixtures = join(__dirname, '../../../../shared/fixtures/reports');
const soffice = spawnSync('which', ['soffice']).status === 0 && spawnSync('which', ['pdftotext']).status === 0;

describe.skipIf(!soffice || !existsSync(fixtures))('pages against LibreOffice’s rendering of the .docx (skipped without soffice or fixtures)', () => {
  const names = existsSync(fixtures) ? readdirSync(fixtures) : [];
  it.each(names)('%s: the same number of pages, 22 lines on every full page', async (name) => {
    const imported = importText(readFileSync(join(fixtures, name), 'utf8'));
    if (!imported.ok) throw new Error(imported.error);
    const dir = mkdtempSync(join(tmpdir(), 'pages-'));
    writeFileSync(join(dir, 'r.docx'), await exportDocx(imported.doc));
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'r.docx')], { stdio: 'ignore', timeout: 120_000 });
    const rendered = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    const ours = paginate(imported.doc);
    expect(ours).toHaveLength(rendered.length);
    rendered.slice(1, -1).forEach((page, i) => {
      const lines = page.split('\n').map((l) => l.trim()).filter((l) => l && !/^—\s*\d+\s*—$/.test(l));
      expect(lines).toHaveLength(22);
      expect(ours[i + 1]).toHaveLength(22);
    });
  }, 150_000);
});
