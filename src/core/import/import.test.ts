import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { toPlainText } from '../model/plainText';
import { decodeText, importDocx, importFile, importText } from './index';

/** A township report written for these tests, in the shape of a web page copy. */
const WEB_PAGE = [
  '您当前的位置:首页>政务公开>法治政府建设年度报告',
  '白沙县青石镇人民政府关于2024年度',
  '法治政府建设情况的报告',
  '发布日期:2025-02-10  点击数: 88',
  '青府〔2025〕3号',
  '县委、县政府：',
  '  2024年，我镇坚持依法行政[bookmark: _GoBack]。现将有关情况报告如下：',
  '一、主要工作及成效',
  '(一)健全依法行政制度体系',
  '1、严格合法性审查。全年审查合同12份。',
  '（二）化解矛盾纠纷',
  '排查矛盾纠纷80件，化解80件。',
  '二、镇党委书记、镇长履行推进法治建设第一责任人职责情况',
  '镇党委书记主持召开专题会议4次。',
  '三、存在的问题',
  '基层法治力量不足。',
  '四、2025年度主要工作',
  '（1）开展法治培训。',
  '五、群众满意度调查',
  '全年回访群众300人次。',
  '特此报告。',
  '青石镇人民政府',
  '2025年1月20日',
  '扫一扫在手机打开当前页',
].join('\n');

describe('importText on a web-page copy', () => {
  const result = importText(WEB_PAGE);
  if (!result.ok) throw new Error(result.error);
  const { doc, mapping } = result;

  it('finds title, unit, year, 文号, addressee, signature and date', () => {
    expect(doc.meta.title).toBe('白沙县青石镇人民政府关于2024年度\n法治政府建设情况的报告');
    expect(doc.meta.unit).toBe('青石镇');
    expect(doc.meta.year).toBe(2024);
    expect(doc.meta.docNumber).toBe('青府〔2025〕3号');
    expect(doc.meta.addressee).toBe('县委、县政府：');
    expect(doc.meta.signature).toEqual(['青石镇人民政府']);
    expect(doc.meta.date).toBe('2025年1月20日');
    expect(doc.closing).toEqual(['特此报告。']);
    expect(result.template).toBe('township');
  });

  it('drops web chrome and Word artifacts, and says so', () => {
    const text = toPlainText(doc).text;
    expect(text).not.toMatch(/您当前的位置|点击数|扫一扫|bookmark/);
    expect(result.warnings.join()).toContain('网页');
    expect(result.warnings.join()).toContain('书签');
  });

  it('maps parts by meaning, including a plans heading named by next year', () => {
    expect(mapping.map((m) => m.part)).toEqual(['measures', 'leadership', 'shortcomings', 'plans', null]);
  });

  it('keeps a part the template does not name, in order, as an extra section', () => {
    const extra = doc.sections.find((s) => s.heading === '五、群众满意度调查')!;
    expect(extra.part).toBeNull();
    expect(extra.blocks).toEqual([{ kind: 'paragraph', text: '全年回访群众300人次。' }]);
  });

  it('recognises （一） and (一) as sub-headings, and keeps run-in "1、" paragraphs and sentence-like list items as paragraphs', () => {
    const measures = doc.sections.find((s) => s.part === 'measures')!;
    expect(measures.blocks[0]).toEqual({ kind: 'subheading', level: 2, text: '(一)健全依法行政制度体系' });
    expect(measures.blocks[1]).toEqual({ kind: 'paragraph', text: '1、严格合法性审查。全年审查合同12份。' });
    const plans = doc.sections.find((s) => s.part === 'plans')!;
    expect(plans.blocks[0]).toEqual({ kind: 'paragraph', text: '（1）开展法治培训。' });
  });

  it('loses no character of the report itself', () => {
    const squash = (t: string) => t.replace(/\s+/g, '');
    const kept = squash(toPlainText(doc).text);
    for (const line of WEB_PAGE.split('\n').slice(1, -1)) {
      if (/发布日期|bookmark/.test(line)) continue;
      expect(kept).toContain(squash(line));
    }
  });
});

describe('importText on other shapes', () => {
  it('splits reports whose measures run over several numbered parts, all mapped to measures', () => {
    const text = [
      '青石镇2023年法治政府建设工作报告',
      '一、深学笃用法治思想',
      '正文一。',
      '二、优化营商环境',
      '正文二。',
      '三、存在的不足',
      '正文三。',
      '四、下一步工作打算',
      '正文四。',
    ].join('\n');
    const result = importText(text);
    expect(result.ok && result.mapping.map((m) => [m.part, m.confidence])).toEqual([
      ['measures', 'position'],
      ['measures', 'position'],
      ['shortcomings', 'alias'],
      ['plans', 'alias'],
    ]);
  });

  it('recognises a 第一责任人述职 report and uses its template', () => {
    const text = [
      '履行推进法治建设第一责任人职责',
      '述职报告',
      '青石镇党委书记 王某',
      '本人坚持依法履职。',
      '一、履职情况',
      '亲自部署。',
      '二、存在的问题',
      '不足。',
      '三、下一步工作计划',
      '计划。',
    ].join('\n');
    const result = importText(text);
    expect(result.ok && result.template).toBe('duty');
    expect(result.ok && result.doc.meta.unit).toBe('青石镇');
    expect(result.ok && result.mapping.map((m) => m.part)).toEqual(['duties', 'shortcomings', 'plans']);
  });

  it('recognises a department report by its unit', () => {
    const result = importText(['白沙县司法局2024年度法治政府建设情况报告', '一、主要举措和成效', '正文。'].join('\n'));
    expect(result.ok && [result.template, result.doc.meta.unit]).toEqual(['department', '白沙县司法局']);
  });

  it('keeps a report without headings whole, with a warning', () => {
    const result = importText('我镇全年推进法治建设，成效明显。\n还要继续努力。');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.sections[0]!.blocks).toHaveLength(2);
    expect(result.warnings.join()).toContain('没有找到');
  });

  it('takes the year from the 成文日期 when the title has none', () => {
    const result = importText(
      ['青石镇法治政府建设情况报告', '一、主要举措和成效', '正文。', '青石镇人民政府', '2025年2月1日'].join('\n'),
    );
    expect(result.ok && result.doc.meta.year).toBe(2024);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, GB18030 and UTF-16', () => {
    const text = '青石镇法治政府建设';
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toMatchObject({
      ok: true,
      text,
    });
    // "法治" in GB18030.
    expect(decodeText(new Uint8Array([0xb7, 0xa8, 0xd6, 0xce]))).toEqual({
      ok: true,
      text: '法治',
      encoding: 'gb18030',
    });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0xd5, 0x6c, 0xbb, 0x6c]))).toMatchObject({ ok: true, text: '法治' });
  });

  it.each([
    ['an empty file', new Uint8Array(), '空'],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), '不是文本文件'],
    ['a 50 MB text', new Uint8Array(50 * 1024 * 1024).fill(0x41), '过大'],
  ])('refuses %s with a Chinese message', (_name, bytes, message) => {
    const result = decodeText(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});

describe('importDocx', () => {
  async function docxOf(lines: string[]): Promise<Uint8Array> {
    const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
    return new Uint8Array(await Packer.toArrayBuffer(doc));
  }

  it('imports a Word file without heading styles by its literal numbers', async () => {
    const bytes = await docxOf([
      '青石镇2024年度法治政府建设情况报告',
      '一、主要举措和成效',
      '排查纠纷80件 & 化解80件。',
      '二、存在的不足和原因',
      '不足。',
    ]);
    const result = await importDocx(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.meta.year).toBe(2024);
    expect(result.mapping.map((m) => m.part)).toEqual(['measures', 'shortcomings']);
    expect(result.doc.sections.find((s) => s.part === 'measures')!.blocks[0]!.text).toBe('排查纠纷80件 & 化解80件。');
  });

  it('refuses a truncated .docx, a zip of something else, and a non-zip, with Chinese messages', async () => {
    const good = await docxOf(['标题']);
    const truncated = await importDocx(good.subarray(0, good.length / 2));
    expect(truncated).toMatchObject({ ok: false });
    const zip = new JSZip();
    zip.file('photo.txt', 'holiday');
    const other = await importDocx(new Uint8Array(await zip.generateAsync({ type: 'uint8array' })));
    expect(other.ok || other.error).toContain('不是 Word 文件');
    const notZip = await importFile('a.docx', new TextEncoder().encode('hello'));
    expect(notZip.ok || notZip.error).toContain('不是有效的 Word 文件');
  });

  it('refuses a broken .doc file with advice', async () => {
    const result = await importFile('旧报告.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]));
    expect(result.ok || result.error).toContain('另存为 .docx');
  });
});

describe('importFile dispatch', () => {
  const report = ['青石镇2024年度法治政府建设情况报告', '一、主要举措和成效', '全年化解纠纷80件。'].join('\n');

  it('reads a Word file by its content whatever its name, and a .nianbao by its format field', async () => {
    const doc = new Document({ sections: [{ children: report.split('\n').map((l) => new Paragraph(l)) }] });
    const asTxt = await importFile('报告.txt', new Uint8Array(await Packer.toArrayBuffer(doc)));
    expect(asTxt.ok && asTxt.doc.meta.year).toBe(2024);
    const imported = importText(report);
    if (!imported.ok) throw new Error(imported.error);
    const saved = await importFile('报告.json', new TextEncoder().encode(JSON.stringify(imported.doc)));
    expect(saved.ok && saved.doc).toEqual(imported.doc);
  });

  it('reads a saved web page without its scripts', async () => {
    const html = `<!DOCTYPE html><html><head><title>t</title><script>var a = "一、假";</script></head><body><div>${report.split('\n').join('</div><div>')}</div></body></html>`;
    const result = await importFile('page.html', new TextEncoder().encode(html));
    expect(result.ok && toPlainText(result.doc).text).toBe(report);
  });

  it('reads UTF-8 cut in the middle of its last character as UTF-8, not GB18030', () => {
    const bytes = new TextEncoder().encode('青石镇法治政府建设');
    expect(decodeText(bytes.subarray(0, bytes.length - 1))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it.each([
    ['an empty file', '空.txt', new Uint8Array(), '空'],
    ['a binary file named .txt', 'a.txt', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]), '不是文本文件'],
    ['a 50 MB text', 'big.txt', new Uint8Array(50 * 1024 * 1024).fill(0x41), '过大'],
    ['a broken .nianbao', 'a.nianbao', new TextEncoder().encode('{"format":"nianbao-report",'), '损坏'],
  ])('refuses %s with a Chinese message', async (_name, fileName, bytes, message) => {
    const result = await importFile(fileName, bytes);
    expect(result.ok || result.error).toContain(message);
  });
});
