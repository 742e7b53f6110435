import { describe, expect, it } from 'vitest';
import { emptyReport, tableBlock, type ReportDocument } from '../model/report';
import { toWebHtml, toWebText } from './webText';

function report(): ReportDocument {
  const doc = emptyReport('township');
  doc.meta = {
    ...doc.meta,
    title: '青石镇人民政府\n关于2025年度法治政府建设情况的报告',
    addressee: '县委、县政府',
    signature: ['青石镇人民政府'],
    date: '2026年1月15日',
    attachments: ['执法统计表', '决策目录'],
  };
  doc.sections = [
    {
      key: 'opening',
      part: 'opening',
      heading: '',
      blocks: [{ kind: 'paragraph', text: '2025年，青石镇坚持依法行政。现将有关情况报告如下：' }],
    },
    {
      key: 's1',
      part: 'measures',
      heading: '一、主要举措和成效',
      blocks: [
        { kind: 'subheading', level: 2, text: '（一）健全依法行政制度体系' },
        { kind: 'subheading', level: 3, text: '1.严格合法性审查' },
        { kind: 'paragraph', text: '审查合同12份，<script>alert("x")</script> & 提出意见20条。' },
        { kind: 'paragraph', text: '   ' },
      ],
    },
  ];
  doc.closing = ['特此报告。', '撰稿人：张三，联系电话：12345678'];
  return doc;
}

describe('web text for the portal', () => {
  it('is the report in order as plain text, headings kept, staff lines left out', () => {
    const text = toWebText(report());
    expect(text.split('\n\n')).toEqual([
      '青石镇人民政府关于2025年度法治政府建设情况的报告',
      '县委、县政府：',
      '　　2025年，青石镇坚持依法行政。现将有关情况报告如下：',
      '　　一、主要举措和成效',
      '　　（一）健全依法行政制度体系',
      '　　1.严格合法性审查',
      '　　审查合同12份，<script>alert("x")</script> & 提出意见20条。',
      '　　特此报告。',
      '　　附件：1. 执法统计表',
      '　　　　　2. 决策目录',
      '青石镇人民政府',
      '2026年1月15日\n',
    ]);
    expect(text).not.toContain('撰稿人');
  });

  it('leaves the 主送机关 out when asked, as the .docx does', () => {
    expect(toWebText(report(), { includeAddressee: false })).not.toContain('县委、县政府');
  });

  it('is simple HTML: h1 title, h2 for 一、, h3 for （一）, p for the rest, text escaped', () => {
    const html = toWebHtml(report());
    expect(html).toContain('<h1 style="text-align:center">青石镇人民政府关于2025年度法治政府建设情况的报告</h1>');
    expect(html).toContain('<h2>一、主要举措和成效</h2>');
    expect(html).toContain('<h3>（一）健全依法行政制度体系</h3>');
    expect(html).toContain('<p style="text-indent:2em">1.严格合法性审查</p>');
    expect(html).toContain('审查合同12份，&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 提出意见20条。');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<p style="text-align:right">2026年1月15日</p>');
    expect(html).not.toContain('撰稿人');
    // Only the three inline styles 9704 needs.
    expect(new Set(html.match(/style="[^"]*"/g))).toEqual(
      new Set(['style="text-align:center"', 'style="text-indent:2em"', 'style="text-align:right"']),
    );
    expect(html.match(/<p[ >]/g)).toHaveLength(9);
  });
});

describe('a table in the web text', () => {
  it('is a bordered HTML table with a header row, and one line a row in plain text', () => {
    const doc = report();
    doc.sections[0]!.blocks.push(
      tableBlock([
        ['项目', '数量'],
        ['培训<场次>', '3'],
      ]),
    );
    const html = toWebHtml(doc);
    expect(html).toContain(
      '<table border="1" style="border-collapse:collapse"><tr><th>项目</th><th>数量</th></tr><tr><td>培训&lt;场次&gt;</td><td>3</td></tr></table>',
    );
    expect(toWebText(doc)).toContain('项目　数量\n培训<场次>　3');
  });
});
