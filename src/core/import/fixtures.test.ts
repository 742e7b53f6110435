/**
 * The real published reports in ../shared/fixtures: each imports as a person reads it (template, unit,
 * year, which of the required parts are there), and every character of the report survives import →
 * save → export. The same again for .docx files LibreOffice makes from them (no heading styles), when
 * soffice is installed.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, expect, it } from 'vitest';
import { describeNeeding, have as haveNeeds } from '../../../test/support/needs';
import { exportDocx } from '../export/docx';
import { parseReportFile, serializeReport } from '../model/file';
import type { ReportDocument } from '../model/report';
import { mammothText } from './docx';
import { fastDocxText } from './docxFast';
import { importDocx, importFile } from './index';
import { sofficeConvert } from '../../../test/support/soffice';

const dir = join(__dirname, '../../../../shared/fixtures/reports');
const have = existsSync(dir);

/** What a person reading each report sees; page chrome lines are the ones a reader would not call the report. */
const EXPECTED: Record<
  string,
  { template: string; unit: string; year: number | null; parts: string[]; chrome: RegExp }
> = {
  '000_0df16618c53cf598.txt': {
    template: 'township',
    unit: '曹回镇',
    year: 2023,
    parts: ['measures', 'shortcomings', 'plans'],
    chrome: /您当前的位置|^日期:|扫一扫/,
  },
  '001_f6cbd3b905036bb2.txt': {
    template: 'township',
    unit: '有庆镇',
    year: 2020,
    parts: ['measures', 'shortcomings', 'plans'],
    chrome: /发布日期/,
  },
  '003_a96ddfb8e6442cfd.txt': {
    template: 'duty',
    unit: '花园镇',
    year: null,
    parts: ['duties', 'shortcomings', 'plans'],
    chrome: /^$/,
  },
};

const squash = (t: string) => t.replace(/\s+/g, '');

/** The report's own lines: the source without the page chrome a reader would skip. */
function reportLines(text: string, chrome: RegExp): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !chrome.test(l));
}

async function roundTrip(doc: ReportDocument): Promise<string> {
  const saved = parseReportFile(serializeReport(doc));
  if (!saved.ok) throw new Error(saved.error);
  const bytes = await exportDocx(saved.doc);
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return squash(value);
}

function presentParts(doc: ReportDocument): string[] {
  const seen = new Set(doc.sections.map((s) => s.part).filter((p): p is string => p !== null && p !== 'opening'));
  return [...seen];
}

describeNeeding(['fixtures'], 'real reports as .txt', () => {
  const names = have ? readdirSync(dir).filter((n) => n.endsWith('.txt')) : [];

  it.each(names.filter((n) => EXPECTED[n]))('%s imports as a person reads it', async (name) => {
    const expected = EXPECTED[name]!;
    const result = await importFile(name, new Uint8Array(readFileSync(join(dir, name))));
    if (!result.ok) throw new Error(result.error);
    expect([result.template, result.doc.meta.unit, result.doc.meta.year]).toEqual([
      expected.template,
      expected.unit,
      expected.year,
    ]);
    expect(presentParts(result.doc)).toEqual(expected.parts);
  });

  it.each(names)('%s loses no character through import → save → export', async (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const result = await importFile(name, new TextEncoder().encode(text));
    if (!result.ok) throw new Error(result.error);
    const exported = await roundTrip(result.doc);
    const chrome = EXPECTED[name]?.chrome ?? /您当前的位置|扫一扫|发布日期|点击数/;
    for (const line of reportLines(text, chrome))
      expect(exported).toContain(squash(line).replace(/\[bookmark:[^\]]*\]/g, ''));
  });

  it.each(names)('%s reads the same from GB18030 bytes with CRLF line ends', async (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const utf8 = await importFile(name, new TextEncoder().encode(text));
    // No-break spaces have no two-byte GB18030 code; a GB18030 file would hold plain spaces.
    const gb = await importFile(name, gb18030(text.replace(/[\u00a0\u2000-\u200a]/g, ' ').replace(/\n/g, '\r\n')));
    expect(gb.ok && utf8.ok && gb.doc).toEqual(utf8.ok && utf8.doc);
  });
});

/** GB18030 bytes of a text, by inverting the decoder over the characters the text uses. */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (!table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (table.has(ch)) out.push(...table.get(ch)!);
    else throw new Error(`no GB18030 two-byte code for ${ch}`);
  }
  return new Uint8Array(out);
}

const withSoffice = haveNeeds('fixtures', 'soffice');

describeNeeding(['fixtures', 'soffice'], 'real reports as .docx made by LibreOffice', () => {
  const work = withSoffice ? mkdtempSync(join(tmpdir(), 'nianbao-lo-')) : '';
  const names = withSoffice ? readdirSync(dir).filter((n) => n.endsWith('.txt')) : [];
  if (withSoffice) {
    for (const name of names) writeFileSync(join(work, name), readFileSync(join(dir, name)));
    sofficeConvert(
      names.map((n) => join(work, n)),
      work,
      'docx:MS Word 2007 XML',
      ['--infilter=Text (encoded):UTF8,,,'],
    );
  }
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it.each(names)('%s imports from .docx as from .txt, and loses no character', async (name) => {
    const docxPath = join(work, name.replace(/\.txt$/, '.docx'));
    const fromDocx = await importDocx(new Uint8Array(readFileSync(docxPath)));
    const fromText = await importFile(name, new Uint8Array(readFileSync(join(dir, name))));
    if (!fromDocx.ok || !fromText.ok)
      throw new Error(fromDocx.ok ? (fromText as { error: string }).error : fromDocx.error);
    expect([fromDocx.template, fromDocx.doc.meta.unit, fromDocx.doc.meta.year]).toEqual([
      fromText.template,
      fromText.doc.meta.unit,
      fromText.doc.meta.year,
    ]);
    expect(fromDocx.mapping).toEqual(fromText.mapping);
    const exported = await roundTrip(fromDocx.doc);
    expect(exported.length).toBeGreaterThan(0);
    expect(squash(JSON.stringify(fromDocx.doc.sections))).toBe(squash(JSON.stringify(fromText.doc.sections)));
  });

  it.each(names)('%s: the fast reading of the .docx is mammoth’s', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(work, name.replace(/\.txt$/, '.docx'))));
    const fast = await fastDocxText(bytes);
    const reference = await mammothText(bytes);
    if (!fast || 'error' in reference) throw new Error('both readings should succeed');
    const lines = (t: string) =>
      t
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    expect(lines(fast.text)).toEqual(lines(reference.text));
  });
});
