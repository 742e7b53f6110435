import { describe, expect, it } from 'vitest';
import { importFile } from './index';

const enc = (s: string) => new TextEncoder().encode(s);

/** A portal page as a browser saves it: menus, a breadcrumb, a metadata table, the report, a footer. */
const page = (body: string, title = '柳溪镇2025年度法治政府建设情况报告_平川县人民政府') => `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${title}</title><script>var x = "<p>不是正文</p>";</script></head>
<body>
<div class="top-nav"><a href="/">首页</a><a>政务公开</a><a>互动交流</a></div>
<div class="crumbs">当前位置：<a>首页</a> &gt;&gt; <a>政务公开</a> &gt;&gt; 法治政府工作报告</div>
<table class="info"><tr><td>索引号：</td><td>11522-2026-00012</td><td>信息来源：</td><td>柳溪镇人民政府</td></tr>
<tr><td>发布日期：2026-02-09</td><td>• 审核程序:</td><td>单位审核公开</td></tr></table>
<div class="content">${body}</div>
<div id="footer">主办单位：平川县人民政府办公室 版权所有 ICP备000000号</div>
</body></html>`;

const REPORT = `<p>县委、县政府：</p>
<p>2025年，柳溪镇坚持依法行政，现将有关情况报告如下：</p>
<p>一、主要举措和成效</p><p>全年组织干部学法8次，审查合同15份。</p>
<p>二、党政主要负责人履行推进法治建设第一责任人职责情况</p><p>镇党委书记主持专题会议3次。</p>
<p>三、存在的不足和原因</p><p>执法力量薄弱，主要原因是人员少。</p>
<p>四、2026年工作安排</p><p>加强执法培训。</p>
<p>五、其他需要报告的情况</p><p>无。</p>
<p style="text-align:right">柳溪镇人民政府</p><p>2026年1月20日</p>`;

describe('web pages', () => {
  it('takes the report title, never the breadcrumb or a metadata row, and lists the navigation it removed', async () => {
    const result = await importFile(
      'page.html',
      enc(page(`<h1>柳溪镇关于2025年度法治政府建设情况的报告</h1>${REPORT}`)),
    );
    if (!result.ok) throw new Error(result.error);
    const { meta, sections } = result.doc;
    expect(meta.title).toBe('柳溪镇关于2025年度法治政府建设情况的报告');
    expect(meta.addressee).toBe('县委、县政府：');
    expect(meta.unit).toBe('柳溪镇');
    expect(meta.year).toBe(2025);
    expect(sections.map((s) => s.part)).toEqual([
      'opening',
      'measures',
      'leadership',
      'shortcomings',
      'plans',
      'other',
    ]);
    const all = JSON.stringify(result.doc);
    for (const chrome of ['首页', '单位审核公开', '审核程序', '索引号', '版权所有', '不是正文', '政务公开'])
      expect(all).not.toContain(chrome);
    expect(result.warnings.join('')).toMatch(/已去掉网页的导航/);
    expect(result.warnings.join('')).toContain('发布日期 2026年2月9日');
  });

  it('takes the title from the page title when the body has none, and the unit from 信息来源 when nothing else names it', async () => {
    const body = REPORT.replace('<p style="text-align:right">柳溪镇人民政府</p>', '').replace(
      '2025年，柳溪镇坚持',
      '2025年，我们坚持',
    );
    const result = await importFile('page.htm', enc(page(body)));
    if (!result.ok) throw new Error(result.error);
    expect(result.doc.meta.title).toBe('柳溪镇2025年度法治政府建设情况报告');
    const untitled = await importFile('page.htm', enc(page(body, '政务公开')));
    if (!untitled.ok) throw new Error(untitled.error);
    expect(untitled.doc.meta.unit).toBe('柳溪镇');
    expect(untitled.doc.meta.title).toBe('');
  });

  it('keeps a table of figures in the body as a table block, with its header row', async () => {
    const body = REPORT.replace(
      '<p>全年组织干部学法8次，审查合同15份。</p>',
      `<p>全年组织干部学法8次，审查合同15份。</p>
      <table border="1"><thead><tr><th>类别</th><th>件数</th></tr></thead>
      <tbody><tr><td>行政复议</td><td>6</td></tr><tr><td><p>行政诉讼</p></td><td>2</td></tr></tbody></table>`,
    );
    const result = await importFile('page.html', enc(page(body)));
    if (!result.ok) throw new Error(result.error);
    const tables = result.doc.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'table'));
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({
      rows: [
        ['类别', '件数'],
        ['行政复议', '6'],
        ['行政诉讼', '2'],
      ],
    });
    // The cells are no longer also paragraphs of their own.
    const texts = result.doc.sections.flatMap((s) => s.blocks.map((b) => b.text));
    expect(texts).not.toContain('行政复议');
  });

  it('reads a page laid out in a table as its lines, never as one big table', async () => {
    const layout = `<table><tr><td class="left"><p>栏目</p></td><td>${REPORT}</td></tr></table>`;
    const result = await importFile('page.html', enc(page(layout)));
    if (!result.ok) throw new Error(result.error);
    expect(result.doc.sections.flatMap((s) => s.blocks).some((b) => b.kind === 'table')).toBe(false);
    expect(result.doc.sections.flatMap((s) => s.blocks.map((b) => b.text))).toContain(
      '执法力量薄弱，主要原因是人员少。',
    );
  });

  it('reads a table holding a table as lines (an outer table lays out the page)', async () => {
    const nested = REPORT.replace(
      '<p>镇党委书记主持专题会议3次。</p>',
      '<table><tr><td>会议</td><td><table><tr><td>次数</td><td>3</td></tr></table></td></tr></table>',
    );
    const result = await importFile('page.html', enc(page(nested)));
    if (!result.ok) throw new Error(result.error);
    const tables = result.doc.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'table'));
    expect(tables).toEqual([expect.objectContaining({ rows: [['次数', '3']] })]);
  });
});

describe('a table of figures on a web page', () => {
  it('keeps a cell holding a menu word alone (政务公开) in its table, not dropped as navigation', async () => {
    const body = REPORT.replace(
      '<p>全年组织干部学法8次，审查合同15份。</p>',
      `<p>全年组织干部学法8次，审查合同15份。</p>
      <table border="1"><tr><th>事项</th><th>条数</th></tr>
      <tr><td>政务公开</td><td>126</td></tr><tr><td>依申请公开</td><td>4</td></tr></table>`,
    );
    const result = await importFile('page.html', enc(page(body)));
    if (!result.ok) throw new Error(result.error);
    const tables = result.doc.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'table'));
    expect(tables).toEqual([
      expect.objectContaining({
        rows: [
          ['事项', '条数'],
          ['政务公开', '126'],
          ['依申请公开', '4'],
        ],
      }),
    ]);
    // The page's own menu and metadata are still removed.
    const texts = result.doc.sections.flatMap((s) => s.blocks.map((b) => b.text));
    expect(texts.join('\n')).not.toMatch(/互动交流|单位审核公开|索引号/);
  });

  it('still drops a menu laid out as a table row', async () => {
    const body = `<table><tr><td>首页</td><td>政务公开</td><td>政务服务</td><td>互动交流</td></tr></table>${REPORT}`;
    const result = await importFile('page.html', enc(page(body)));
    if (!result.ok) throw new Error(result.error);
    const texts = result.doc.sections.flatMap((s) => s.blocks.map((b) => b.text));
    expect(texts.join('\n')).not.toMatch(/政务服务|互动交流/);
  });
});

describe('what a portal prints after the report', () => {
  it('drops a 相关链接 / 附件下载 block with its link titles, and reads the attachment list and a 管委会 signature', async () => {
    const body = REPORT.replace(
      '<p style="text-align:right">柳溪镇人民政府</p><p>2026年1月20日</p>',
      `<p>附件：1.执法数据统计表</p><p>　　　2.规范性文件清理目录</p>
      <p style="text-align:right">柳溪工业园区管委会</p><p>2026年1月20日</p>
      <div><p>附件下载：</p><p><a>执法数据统计表.xlsx</a></p></div>
      <div><p>【相关链接】</p><p><a>平川县人民政府</a></p><p><a>平川县司法局</a></p></div>`,
    );
    const result = await importFile('page.html', enc(page(body)));
    if (!result.ok) throw new Error(result.error);
    expect(result.doc.meta.attachments).toEqual(['1.执法数据统计表', '2.规范性文件清理目录']);
    expect(result.doc.meta.signature).toEqual(['柳溪工业园区管委会']);
    expect(result.doc.meta.date).toBe('2026年1月20日');
    const texts = result.doc.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
    expect(texts).not.toMatch(/平川县司法局|xlsx/);
  });

  it('drops a menu of links separated by single spaces, and keeps a line of words that is no menu', async () => {
    const body = `<div class="head"><a>网站首页</a> <a>政务公开</a> <a>政务服务</a> <a>互动交流</a></div>${REPORT}`;
    const result = await importFile('page.html', enc(page(body)));
    if (!result.ok) throw new Error(result.error);
    const texts = result.doc.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
    expect(texts).not.toContain('政务服务');
    expect(result.warnings.join('')).not.toContain('无法识别');
  });
});

describe('bold lines of a web page', () => {
  const withPoints = (first: string, second: string) =>
    page(
      `<h1>柳溪镇关于2025年度法治政府建设情况的报告</h1>${REPORT.replace(
        '<p>全年组织干部学法8次，审查合同15份。</p>',
        `${first}<p>全年组织干部学法8次，审查合同15份。</p>${second}<p>全年开展普法宣传活动12场次。</p>`,
      )}`,
    );
  const subheadings = async (html: string) => {
    const result = await importFile('page.html', enc(html));
    if (!result.ok) throw new Error(result.error);
    const measures = result.doc.sections.find((s) => s.part === 'measures')!;
    return {
      subs: measures.blocks.filter((b) => b.kind === 'subheading').map((b) => b.text),
      parts: result.doc.sections.map((s) => s.part),
    };
  };

  it.each([
    ['<strong>', '<p><strong>加强组织领导</strong></p>', '<p><strong>深化普法宣传</strong></p>'],
    ['<b>', '<p><b>加强组织领导</b></p>', '<p> <b>深化普法宣传</b> </p>'],
    ['a bold style', '<p style="font-weight:bold">加强组织领导</p>', '<p style="FONT-WEIGHT: 700">深化普法宣传</p>'],
    [
      'a bold span',
      '<p><span style="font-weight: bold;">加强组织领导</span></p>',
      '<div><span style="font-weight:bolder">深化普法宣传</span></div>',
    ],
  ])('two bold lines alone in a part (%s) are its sub-points, as in Word', async (_, first, second) => {
    const { subs, parts } = await subheadings(withPoints(first, second));
    expect(subs).toEqual(['加强组织领导', '深化普法宣传']);
    expect(parts).toEqual(['opening', 'measures', 'leadership', 'shortcomings', 'plans', 'other']);
  });

  it.each([
    ['one bold line only', '<p><strong>加强组织领导</strong></p>', ''],
    [
      'a bold run inside a sentence',
      '<p><strong>加强组织领导</strong>，全年召开会议3次。</p>',
      '<p>深化普法<b>宣传</b></p>',
    ],
    [
      'a bold style set back to normal',
      '<p style="font-weight:bold">加强<span style="font-weight:normal">组织领导</span></p>',
      '<p style="font-weight:400">深化普法宣传</p>',
    ],
    ['bold sentences of results', '<p><strong>全年办理案件12件</strong></p>', '<p><b>群众满意度明显提升。</b></p>'],
  ])('%s: no sub-heading', async (_, first, second) => {
    expect((await subheadings(withPoints(first, second))).subs).toEqual([]);
  });
});

describe('run-in bold titles of a web page', () => {
  it('reads paragraphs opening with a bold title through the 。 as sub-points, as the Word import does', async () => {
    const html = page(
      `<h1>柳溪镇关于2025年度法治政府建设情况的报告</h1>${REPORT.replace(
        '<p>全年组织干部学法8次，审查合同15份。</p>',
        '<p><strong>加强组织领导。</strong>全年组织干部学法8次。</p><p><b>规范依法决策：</b>审查合同15份。</p>',
      )}`,
    );
    const result = await importFile('page.html', enc(html));
    if (!result.ok) throw new Error(result.error);
    expect(result.doc.sections.find((s) => s.part === 'measures')!.blocks).toEqual([
      { kind: 'subheading', level: 2, text: '加强组织领导。' },
      { kind: 'paragraph', text: '全年组织干部学法8次。' },
      { kind: 'subheading', level: 2, text: '规范依法决策：' },
      { kind: 'paragraph', text: '审查合同15份。' },
    ]);
  });
});

describe('a web page table with merged cells', () => {
  it('keeps every figure under its column: colspan leaves empty cells, rowspan repeats a row label', async () => {
    const table = `<table border="1">
<tr><td rowspan="2">类别</td><td rowspan="2">项目</td><td colspan="2">2025年</td></tr>
<tr><td>数量</td><td>单位</td></tr>
<tr><td rowspan="2">行政执法</td><td>行政处罚案件</td><td>34</td><td>件</td></tr>
<tr><td>行政复议案件</td><td>2</td><td>件</td></tr>
</table>`;
    const result = await importFile(
      'page.html',
      enc(
        page(
          `<h1>柳溪镇关于2025年度法治政府建设情况的报告</h1>${REPORT.replace('<p>全年组织干部学法8次，审查合同15份。</p>', `<p>全年组织干部学法8次，审查合同15份。</p>${table}`)}`,
        ),
      ),
    );
    if (!result.ok) throw new Error(result.error);
    const block = result.doc.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table');
    expect(block?.kind === 'table' && block.rows).toEqual([
      ['类别', '项目', '2025年', ''],
      ['', '', '数量', '单位'],
      ['行政执法', '行政处罚案件', '34', '件'],
      // A row label spanning two rows of figures is repeated; the header merged down is not.
      ['行政执法', '行政复议案件', '2', '件'],
    ]);
  });
});
