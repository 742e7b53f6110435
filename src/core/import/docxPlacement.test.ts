/**
 * Footnotes, endnotes and text boxes in a .docx land where a reader of the printed page meets them, not
 * after the 成文日期 (mammoth puts every note there, which hid the signature: a false signature.missing).
 */
import { describe, expect, it } from 'vitest';
import { buildDocx, numberedDocxFromText, type NumberedParagraph } from '../../../test/support/numberedDocx';
import { checkReport } from '../checks/index';
import { fastDocxText } from './docxFast';
import { importDocx } from './docx';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const report = (
  middle: NumberedParagraph[],
  tail: NumberedParagraph[] = [{ text: '石桥镇人民政府' }, { text: '2025年1月10日' }],
) =>
  buildDocx(
    [
      { text: '石桥镇2024年度法治政府建设情况报告' },
      { text: '2024年，我镇坚持依法行政，现将有关情况报告如下：' },
      { text: '一、主要举措和成效' },
      ...middle,
      { text: '二、党政主要负责人履行推进法治建设第一责任人职责情况' },
      { text: '镇党委书记主持召开专题会议3次。' },
      { text: '三、存在的不足和原因' },
      { text: '执法人员偏少。' },
      { text: '四、2025年工作安排' },
      { text: '加强执法培训。' },
      { text: '五、其他需要报告的情况' },
      { text: '无。' },
      ...tail,
    ],
    undefined,
  );

describe('footnotes and endnotes', () => {
  it('a footnote becomes a 注： paragraph right after the paragraph that refers to it; the signature stays last', async () => {
    const bytes = await report(
      [{ text: '全年审查规范性文件8件。', footnote: '规范性文件包括镇政府及其办公室印发的文件。' }],
      [{ text: '石桥镇人民政府' }, { text: '2025年1月10日', endnote: '本报告经镇党委会议审议。' }],
    );
    const read = await fastDocxText(bytes);
    const got = lines(read!.text);
    expect(got.slice(3, 5)).toEqual(['全年审查规范性文件8件。', '注：规范性文件包括镇政府及其办公室印发的文件。']);
    // An endnote on the date itself is the one place a note can only follow.
    expect(got.at(-1)).toBe('注：本报告经镇党委会议审议。');
    const result = await importDocx(
      await report([{ text: '全年审查规范性文件8件。', footnote: '规范性文件包括镇政府及其办公室印发的文件。' }]),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.doc.meta.signature).toEqual(['石桥镇人民政府']);
    expect(result.doc.meta.date).toBe('2025年1月10日');
    expect(
      checkReport(result.doc)
        .findings.filter((f) => f.severity === 'error')
        .map((f) => f.rule),
    ).toEqual([]);
  });

  it('a note on a part heading leaves the heading a heading, and its note in that part', async () => {
    const bytes = await buildDocx(
      [
        { text: '石桥镇2024年度法治政府建设情况报告' },
        { text: '一、主要举措和成效', footnote: '本部分数据截至2024年12月20日。' },
        { text: '全年办理行政复议案件2件。' },
        { text: '二、存在的不足和原因', endnote: '不足由镇司法所汇总。' },
        { text: '基层力量薄弱。' },
      ],
      undefined,
    );
    const result = await importDocx(bytes);
    if (!result.ok) throw new Error(result.error);
    expect(result.mapping.map((m) => [m.heading, m.part])).toEqual([
      ['一、主要举措和成效', 'measures'],
      ['二、存在的不足和原因', 'shortcomings'],
    ]);
    expect(result.doc.sections.find((s) => s.part === 'measures')!.blocks.map((b) => b.text)).toEqual([
      '注：本部分数据截至2024年12月20日。',
      '全年办理行政复议案件2件。',
    ]);
    expect(result.doc.sections.find((s) => s.part === 'shortcomings')!.blocks.map((b) => b.text)).toEqual([
      '注：不足由镇司法所汇总。',
      '基层力量薄弱。',
    ]);
  });

  it('a note in a table cell follows the whole table, which stays one table', async () => {
    const cell = (t: string, note?: string) =>
      `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r>${note ? '<w:r><w:footnoteReference w:id="1"/></w:r>' : ''}</w:p></w:tc>`;
    const table = `<w:tbl><w:tr>${cell('项目')}${cell('数量')}</w:tr><w:tr>${cell('调解纠纷', 'x')}${cell('80件')}</w:tr></w:tbl>`;
    const base = await numberedDocxFromText('石桥镇2024年度法治政府建设情况报告\n@fn 一、主要举措和成效|占位');
    // Replace the heading's footnote by one in the table: same notes part, id 1.
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(base);
    const doc = (await zip.file('word/document.xml')!.async('string'))
      .replace(/<w:r><w:footnoteReference w:id="1"\/><\/w:r>/, '')
      .replace('<w:sectPr/>', `${table}<w:p><w:r><w:t>表后正文。</w:t></w:r></w:p><w:sectPr/>`);
    zip.file('word/document.xml', doc);
    zip.file(
      'word/footnotes.xml',
      (await zip.file('word/footnotes.xml')!.async('string')).replace('占位', '含诉前调解。'),
    );
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(lines((await fastDocxText(bytes))!.text).slice(2)).toEqual([
      '项目',
      '数量',
      '调解纠纷',
      '80件',
      '注：含诉前调解。',
      '表后正文。',
    ]);
    const result = await importDocx(bytes);
    if (!result.ok) throw new Error(result.error);
    expect(result.doc.sections.find((s) => s.part === 'measures')!.blocks.map((b) => b.kind)).toEqual([
      'table',
      'paragraph',
      'paragraph',
    ]);
  });
});

describe('text boxes', () => {
  it('are read once (not the VML fallback too), right after the paragraph they are anchored in', async () => {
    const bytes = await report([
      { text: '全年开展法治宣传12场。', box: ['图1 法治宣传进村', '摄影：镇党政办'] },
      { text: '全年化解纠纷30件。' },
    ]);
    const got = lines((await fastDocxText(bytes))!.text);
    expect(got.slice(3, 7)).toEqual([
      '全年开展法治宣传12场。',
      '图1 法治宣传进村',
      '摄影：镇党政办',
      '全年化解纠纷30件。',
    ]);
    expect(got.filter((l) => l === '图1 法治宣传进村')).toHaveLength(1);
  });

  it('are never part headings by their wording or number, unless styled as headings', async () => {
    const bytes = await report([{ text: '全年开展法治宣传12场。', box: ['一、存在的问题', '下一步工作打算'] }]);
    const result = await importDocx(bytes);
    if (!result.ok) throw new Error(result.error);
    expect(result.mapping.map((m) => m.part)).toEqual(['measures', 'leadership', 'shortcomings', 'plans', 'other']);
    const measures = result.doc.sections.find((s) => s.part === 'measures')!;
    expect(measures.blocks.map((b) => b.text)).toEqual(['全年开展法治宣传12场。', '一、存在的问题', '下一步工作打算']);
    expect(
      checkReport(result.doc)
        .findings.filter((f) => f.severity === 'error')
        .map((f) => f.rule),
    ).toEqual([]);
  });

  it('a box holding the signature and date, anchored at the end, still signs the report', async () => {
    const bytes = await report(
      [{ text: '全年审查合同9份。' }],
      [{ text: '', box: ['石桥镇人民政府', '2025年1月10日'] }],
    );
    const result = await importDocx(bytes);
    if (!result.ok) throw new Error(result.error);
    expect(result.doc.meta.signature).toEqual(['石桥镇人民政府']);
    expect(result.doc.meta.date).toBe('2025年1月10日');
  });
});

describe('the mammoth reader (files the fast one declines)', () => {
  it('places notes as the fast reader does, so the signature stays last', async () => {
    const symbol =
      '<w:p><w:r><w:t>满意度调查</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>';
    const base = await report([{ text: '全年审查合同9份。', footnote: '含村级合同。' }]);
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(base);
    const doc = (await zip.file('word/document.xml')!.async('string')).replace(
      /<w:p><w:pPr><w:rPr><w:b\/><\/w:rPr><\/w:pPr><w:r><w:t xml:space="preserve">全年审查合同9份。<\/w:t><\/w:r><w:r><w:footnoteReference w:id="1"\/><\/w:r><\/w:p>/,
      symbol,
    );
    expect(doc).toContain('w:sym');
    zip.file('word/document.xml', doc);
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(await fastDocxText(bytes)).toBeUndefined();
    const result = await importDocx(bytes);
    if (!result.ok) throw new Error(result.error);
    expect(result.doc.sections.find((s) => s.part === 'measures')!.blocks.map((b) => b.text)[1]).toBe(
      '注：含村级合同。',
    );
    expect(result.doc.meta.signature).toEqual(['石桥镇人民政府']);
    expect(result.doc.meta.date).toBe('2025年1月10日');
    expect(
      checkReport(result.doc)
        .findings.filter((f) => f.severity === 'error')
        .map((f) => f.rule),
    ).toEqual([]);
  });
});
