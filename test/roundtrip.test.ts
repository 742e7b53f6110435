/**
 * Across modules, on the real published reports: import → save → reopen → export to .docx → read back.
 * Every character of the body text must survive (compared without whitespace), in order.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { expect, it } from 'vitest';
import { describeNeeding } from './support/needs';
import { exportDocx } from '../src/core/export/docx';
import { importFile } from '../src/core/import/index';
import { parseReportFile, serializeReport } from '../src/core/model/file';
import { toPlainText } from '../src/core/model/plainText';

const fixturesDir = join(__dirname, '../../shared/fixtures/reports');
const haveFixtures = existsSync(fixturesDir);
const fixtures = haveFixtures ? readdirSync(fixturesDir).filter((f) => f.endsWith('.txt')) : [];

const squash = (text: string) => text.replace(/\s+/g, '');

describeNeeding(['fixtures'], 'real reports survive import → save → export', () => {
  it.each(fixtures)('%s', async (name) => {
    const imported = await importFile(name, readFileSync(join(fixturesDir, name)));
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const reopened = parseReportFile(serializeReport(imported.doc));
    expect(reopened.ok).toBe(true);
    if (!reopened.ok) return;
    expect(reopened.doc).toEqual(imported.doc);

    const modelText = squash(toPlainText(reopened.doc).text);
    const docx = await exportDocx(reopened.doc);
    const { value: exported } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    const exportedText = squash(exported);
    // The export may add page furniture (page numbers live in footers, which mammoth does not read), but
    // every line of the model must appear, in order.
    let from = 0;
    for (const line of toPlainText(reopened.doc).lines) {
      const needle = squash(line.text);
      if (!needle) continue;
      const at = exportedText.indexOf(needle, from);
      expect(at, `missing or out of order in the export: ${line.text.slice(0, 30)}`).toBeGreaterThanOrEqual(0);
      from = at + needle.length;
    }
    expect(exportedText.length).toBeGreaterThanOrEqual(modelText.length);
  });
});
