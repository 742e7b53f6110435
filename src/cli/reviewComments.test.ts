/**
 * The county's file with comments, through the command line: `review --comments` writes it, `import` keeps
 * the comments in the .nianbao, `check --json` lists them as reviewComments (a field added, the rest
 * unchanged), and `export` leaves every one of them out.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../core/export/docx';
import { readDocxComments } from '../core/import/docxComments';
import { readDocxPart } from '../core/import/docxFast';
import { parseReportFile, serializeReport } from '../core/model/file';
import { createReportFromTemplate } from '../core/model/fromTemplate';
import { defaultRegistry } from '../core/templates/registry';
import { runCli as run } from '../../test/support/cli';
import { commentEx, from, handBuilt, para, run as xmlRun, to, wordComment } from '../../test/support/commentedDocx';
import type { CheckJson } from './main';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-comments-'));
});

async function townFile(): Promise<string> {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '双河镇',
    year: 2025,
    date: '2026年1月19日',
  });
  doc.sections[1]!.blocks = [
    { kind: 'paragraph', text: '全年调处矛盾纠纷64件,调处成功率100%。' },
    { kind: 'paragraph', text: '调解室值班电话13912345678，群众随时可以咨询。' },
  ];
  const path = join(dir, '镇', '双河镇.docx');
  mkdirSync(join(dir, '镇'));
  writeFileSync(path, await exportDocx(doc));
  return path;
}

describe('a returned Word file with the county’s comments', () => {
  it('import keeps them, check --json lists them, export leaves them out', async () => {
    await townFile();
    const reviewed = await run([
      'review',
      join(dir, '镇'),
      '--comments',
      join(dir, '批注'),
      '--author',
      '双河县司法局',
    ]);
    expect(reviewed.code).not.toBe(2);
    const [returned] = readdirSync(join(dir, '批注'));
    expect(returned).toBe('双河镇（审核意见）.docx');
    const returnedPath = join(dir, '批注', returned!);
    const written = await readDocxComments(new Uint8Array(readFileSync(returnedPath)));
    expect(written.length).toBeGreaterThan(1);

    const saved = join(dir, '双河镇.nianbao');
    expect((await run(['import', returnedPath, '-o', saved])).code).toBe(0);
    const parsed = parseReportFile(readFileSync(saved, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.doc.reviewComments?.map((c) => c.text)).toEqual(written.map((c) => c.text));
    expect(parsed.doc.reviewComments!.every((c) => c.author === '双河县司法局')).toBe(true);

    const checked = await run(['check', saved, returnedPath, '--json']);
    const [fromSaved, fromDocx] = JSON.parse(checked.out) as CheckJson[];
    for (const json of [fromSaved!, fromDocx!]) {
      expect(json.reviewComments).toHaveLength(written.length);
      const rule = json.reviewComments!.find((c) => c.text.includes('半角'))!;
      expect(rule.quote).toContain(',');
      expect(rule).toMatchObject({ author: '双河县司法局', resolved: false });
      expect(rule.start).toEqual(expect.any(Number));
    }
    // The county's comment on the phone number quotes it; the JSON keeps only its first and last digits.
    const phone = fromDocx!.reviewComments!.find((c) => c.quote.startsWith('139'))!;
    expect(phone.quote).toBe('139****5678');
    expect(JSON.stringify(fromDocx!.reviewComments)).not.toContain('13912345678');
    // The findings are those of the town's own file: comments add a field, they change nothing else.
    const plain = JSON.parse((await run(['check', join(dir, '镇', '双河镇.docx'), '--json'])).out) as CheckJson[];
    expect(plain[0]!.reviewComments).toBeUndefined();
    expect(fromDocx!.findings).toEqual(plain[0]!.findings);

    // Every export is refused while the phone number stands: the clerk takes it out first, comments still held.
    const out = join(dir, '定稿.docx');
    expect((await run(['export', saved, '-o', out])).code).toBe(1);
    expect(existsSync(out)).toBe(false);
    const cleaned = join(dir, '双河镇（改后）.nianbao');
    const blocks = parsed.doc.sections.flatMap((s) => s.blocks);
    const phoneLine = blocks.find((b) => b.text.includes('值班电话'))!;
    phoneLine.text = '调解室全天值班，群众随时可以咨询。';
    writeFileSync(cleaned, serializeReport(parsed.doc));
    expect((await run(['export', cleaned, '-o', out])).code).toBe(0);
    const bytes = new Uint8Array(readFileSync(out));
    expect(await readDocxPart(bytes, 'word/comments.xml')).toBeUndefined();
    expect(await readDocxComments(bytes)).toEqual([]);
    const web = join(dir, '定稿.txt');
    expect((await run(['export', cleaned, '-o', web])).code).toBe(0);
    expect(readFileSync(web, 'utf8')).not.toMatch(/审核意见|【错误】|【警告】/);
  });

  it('check --json lists a Word thread as one comment with its replies, resolved in Word, a phone number in a reply masked', async () => {
    const body = [
      para(xmlRun('一、主要举措和成效')),
      para(from(0), from(1), xmlRun('设立公共法律服务工作站一个'), to(0), to(1), xmlRun('。')),
      para(from(2), xmlRun('全年开展法治讲座六场'), to(2), xmlRun('。')),
    ].join('');
    const comments = [
      wordComment(0, '县司法局', '2026-03-02T09:00:00Z', [['4D000001', '工作站的值班电话请核实。']]),
      wordComment(1, '双河镇司法所', '2026-03-03T09:00:00Z', [['4D000002', '已核实，为13812345678。']]),
      wordComment(2, '县司法局', '2026-03-02T09:10:00Z', [['4D000003', '场次已核对。']]),
    ].join('');
    const extended = [
      commentEx('4D000001'),
      commentEx('4D000002', ' w15:paraIdParent="4D000001"'),
      commentEx('4D000003', ' w15:done="1"'),
    ].join('');
    const path = join(dir, '双河镇（县里退回）.docx');
    writeFileSync(path, await handBuilt({ body, comments, extended }));
    const checked = await run(['check', path, '--json']);
    const [json] = JSON.parse(checked.out) as CheckJson[];
    expect(json!.reviewComments!.map((c) => [c.text, c.resolved, c.resolvedInWord, c.replies.length])).toEqual([
      ['工作站的值班电话请核实。', false, false, 1],
      ['场次已核对。', true, true, 0],
    ]);
    expect(json!.reviewComments![0]!.replies[0]).toMatchObject({
      author: '双河镇司法所',
      date: '2026-03-03T09:00:00Z',
    });
    expect(json!.reviewComments![0]!.replies[0]!.text).toContain('138****5678');
    expect(checked.out).not.toContain('13812345678');
  });
});
