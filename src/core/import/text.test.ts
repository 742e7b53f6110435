import { describe, expect, it } from 'vitest';
import { toPlainText } from '../model/plainText';
import { importText } from './text';

/** Texts written for these tests, in the shapes real reports take; none is copied from a real report. */
function imported(lines: string[]) {
  const result = importText(lines.join('\n'));
  if (!result.ok) throw new Error(result.error);
  return result;
}
const squash = (t: string) => t.replace(/\s+/g, '');
const parts = (r: ReturnType<typeof imported>) => r.mapping.map((m) => m.part);

describe('heading forms', () => {
  it.each([
    ['一、', '（一）', '1.', '（1）'],
    ['一．', '(一)', '1．', '(1)'],
    [' 一、', '（ 一 ）', '1、', '（1）'],
  ])('reads parts numbered %s with sub-headings %s %s %s', (top, second, third, fourth) => {
    const n = (form: string, k: string) => form.replace(/一|1/, k);
    const r = imported([
      '青石镇2024年度法治政府建设工作报告',
      '2024年，我镇扎实推进法治政府建设，现将有关情况报告如下：',
      `${top}主要举措和成效`,
      `${second}健全依法行政制度体系`,
      `${third}严格合法性审查`,
      `${fourth}合同审查`,
      '全年审查合同12份。',
      `${n(top, '二')}存在的不足和原因`,
      '力量不足，主要原因是编制少。',
      `${n(top, '三')}下一年度主要安排`,
      '继续推进。',
    ]);
    expect(parts(r)).toEqual(['measures', 'shortcomings', 'plans']);
    const measures = r.doc.sections.find((s) => s.part === 'measures')!;
    expect(measures.blocks.map((b) => (b.kind === 'subheading' ? b.level : 'p'))).toEqual([2, 3, 4, 'p']);
  });

  it('uses （一） as the part level when a report has no 一、', () => {
    const r = imported([
      '青石镇2024年法治政府建设情况报告',
      '（一）主要做法和成效',
      '1.加强学法',
      '正文。',
      '（二）存在问题',
      '正文。',
      '（三）2025年工作计划',
      '正文。',
    ]);
    expect(parts(r)).toEqual(['measures', 'shortcomings', 'plans']);
    expect(r.doc.sections[0]!.blocks[0]).toEqual({ kind: 'subheading', level: 3, text: '1.加强学法' });
  });

  it('does not take a restarted 一、 inside a part for a new part', () => {
    const r = imported([
      '青石镇2024年法治政府建设情况报告',
      '一、主要举措和成效',
      '正文。',
      '二、存在的不足',
      '正文。',
      '三、下一步工作打算',
      '一、强化学习培训。',
      '二、强化矛盾纠纷化解。',
    ]);
    expect(parts(r)).toEqual(['measures', 'shortcomings', 'plans']);
    expect(r.doc.sections.at(-1)!.blocks.map((b) => b.text)).toEqual(['一、强化学习培训。', '二、强化矛盾纠纷化解。']);
  });

  it('splits a part heading run into its first paragraph, and a paragraph glued after a sentence', () => {
    const r = imported([
      '青石镇2024年法治政府建设情况报告',
      '一、主要举措和成效',
      '全年开展普法活动20场。    （二）化解矛盾纠纷',
      '二、存在的问题。基层法治力量薄弱，专业人员少。',
      '三、下一步工作打算',
      '继续努力。',
    ]);
    expect(r.doc.sections.map((s) => s.heading)).toEqual([
      '一、主要举措和成效',
      '二、存在的问题。',
      '三、下一步工作打算',
    ]);
    expect(r.doc.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: '全年开展普法活动20场。' },
      { kind: 'subheading', level: 2, text: '（二）化解矛盾纠纷' },
    ]);
    expect(r.doc.sections[1]!.blocks).toEqual([{ kind: 'paragraph', text: '基层法治力量薄弱，专业人员少。' }]);
  });

  it('splits a next-year plans heading run into its paragraph ("四、2026年工作安排。一是…"), and no sub-point', () => {
    const r = imported([
      '石门乡2025年度法治政府建设工作报告',
      '一、主要举措和成效。全年组织干部学法6次。',
      '二、存在的不足和原因。执法力量薄弱。',
      '三、2026年工作安排。一是加强培训；二是规范执法。',
    ]);
    expect(r.doc.sections.map((s) => [s.heading, s.part])).toEqual([
      ['一、主要举措和成效。', 'measures'],
      ['二、存在的不足和原因。', 'shortcomings'],
      ['三、2026年工作安排。', 'plans'],
    ]);
    // A sub-point run in at the same level stays a paragraph.
    const other = imported([
      '石门乡2025年度法治政府建设工作报告',
      '一、主要举措和成效',
      '全年组织干部学法6次。',
      '二、加强组织领导。全年召开专题会议3次。',
    ]);
    expect(other.doc.sections.map((s) => s.heading)).toEqual(['一、主要举措和成效']);
  });

  it('joins a part heading split over two lines, and never a heading with the short line under it', () => {
    const r = imported([
      '松林镇2024年度法治政府建设情况报告',
      '一、主要举措和成效',
      '全年学法6次。',
      '二、党政主要负责人履行推进法治建设第一',
      '责任人职责情况',
      '书记带头学法。',
      '三、存在的不足和原因',
      '人员不足',
      '四、2025年工作安排',
      '加强培训。',
    ]);
    expect(r.doc.sections.map((s) => s.heading)).toEqual([
      '一、主要举措和成效',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '三、存在的不足和原因',
      '四、2025年工作安排',
    ]);
    expect(r.doc.sections[2]!.blocks).toEqual([{ kind: 'paragraph', text: '人员不足' }]);
  });

  it('recognises unnumbered part headings by their usual wording', () => {
    const r = imported([
      '青石镇2024年法治政府建设情况报告',
      '我镇依法行政，现报告如下：',
      '主要举措和成效',
      '正文。',
      '存在的不足和原因',
      '正文。',
      '下一年度主要安排',
      '正文。',
    ]);
    expect(parts(r)).toEqual(['measures', 'shortcomings', 'plans']);
  });

  it('recognises unnumbered part headings that end with a full stop or a colon, as some units write them', () => {
    const r = imported([
      '青石镇2025年法治政府建设情况报告',
      '2025年，我镇依法行政，现报告如下：',
      '主要举措和成效。',
      '全年集体学法12次。',
      '履行推进法治建设第一责任人职责情况：',
      '镇党委书记主持专题会议4次。',
      '存在的不足和原因。',
      '执法力量不足。主要原因是人员少。',
      '2026年计划招录法律专业人员2名。',
      '2026年主要安排。',
      '组织学法不少于12次。',
      '其他需要报告的情况。',
      '无其他需要报告的情况。',
      '青石镇人民政府',
      '2026年1月10日',
    ]);
    expect(parts(r)).toEqual(['measures', 'leadership', 'shortcomings', 'plans', 'other']);
    // The answer under 其他需要报告的情况 names that part, and stays its text.
    expect(r.doc.sections.at(-1)!.blocks.map((b) => b.text)).toEqual(['无其他需要报告的情况。']);
  });

  it('takes an unnumbered "2025年工作安排" in the 2024 report as the plans part, and not last year’s or a sentence', () => {
    const r = imported([
      '青石镇2024年法治政府建设情况报告',
      '我镇依法行政，现报告如下：',
      '主要举措和成效',
      '2024年工作安排已全部完成',
      '存在的不足和原因',
      '正文。',
      '2025年 工作打算',
      '2025年，推进执法规范化。',
    ]);
    expect(parts(r)).toEqual(['measures', 'shortcomings', 'plans']);
    expect(r.doc.sections.find((s) => s.part === 'measures')!.blocks.map((b) => b.text)).toEqual([
      '2024年工作安排已全部完成',
    ]);
    const sentence = imported([
      '青石镇2024年法治政府建设情况报告',
      '我镇依法行政，现报告如下：',
      '主要举措和成效',
      '正文。',
      '存在的不足和原因',
      '2025年计划招录法律专业人员2名。',
    ]);
    expect(parts(sentence)).toEqual(['measures', 'shortcomings']);
  });
});

describe('lead-ins and endings', () => {
  const page = [
    '您当前的位置：首页 > 政务公开 > 法治政府建设',
    '索引号：',
    '11500000/2025-00012',
    '发布机构：',
    '青石镇人民政府',
    '发布日期：2025-02-10   点击数：88',
    '【字体：大 中 小】【打印】【关闭】',
    '中共青石镇委员会 青石镇人民政府关于2024年度法治政府建设情况的报告',
    '青府〔2025〕3号',
    '中共青石镇委员会',
    '青石镇人民政府',
    '关于2024年度法治政府建设情况的报告',
    '县委、县政府：',
    '2024年，我镇坚持依法行政[bookmark: _GoBack]，现将有关情况报告如下：',
    '一、2024年推进法治政府建设的主要举措和成效',
    '全年化解纠纷80件。',
    '二、存在的不足和原因',
    '力量不足。',
    '三、2025年工作计划',
    '开展培训。',
    '附件：1.2024年度法治建设工作台账',
    '2.法律顾问聘用合同',
    '特此报告。',
    '中共青石镇委员会',
    '青石镇人民政府',
    '2025年1月20日',
    '（此件公开发布）',
    '撰稿人：李某，审核人：王某，联系电话：12345',
    '扫一扫在手机打开当前页',
    '上一篇：关于开展普法宣传的通知',
  ];
  const r = imported(page);

  it('finds 文号, a joint-author title, the addressee, attachments, signature, date and closing lines', () => {
    expect(r.doc.meta).toMatchObject({
      docNumber: '青府〔2025〕3号',
      title: '中共青石镇委员会\n青石镇人民政府\n关于2024年度法治政府建设情况的报告',
      addressee: '县委、县政府：',
      unit: '青石镇',
      year: 2024,
      signature: ['中共青石镇委员会', '青石镇人民政府'],
      date: '2025年1月20日',
      attachments: ['1.2024年度法治建设工作台账', '2.法律顾问聘用合同'],
    });
    expect(r.doc.closing).toEqual(['特此报告。', '（此件公开发布）', '撰稿人：李某，审核人：王某，联系电话：12345']);
    expect(parts(r)).toEqual(['measures', 'shortcomings', 'plans']);
  });

  it('drops page chrome (metadata values on their own lines included), the page copy of the title and bookmarks, and says so', () => {
    const text = toPlainText(r.doc).text;
    for (const junk of ['您当前的位置', '11500000', '发布机构', '点击数', '打印', '扫一扫', '上一篇', 'bookmark'])
      expect(text).not.toContain(junk);
    expect(text.match(/法治政府建设情况的报告/g)).toHaveLength(1);
    const said = r.warnings.join('\n');
    expect(said).toContain('网页');
    expect(said).toContain('重复的标题');
    expect(said).toContain('书签');
  });

  it('keeps every other line of the report', () => {
    const kept = squash(toPlainText(r.doc).text);
    page.slice(9, 28).forEach((line) => expect(kept).toContain(squash(line.replace('[bookmark: _GoBack]', ''))));
  });

  it('keeps an unknown line above the title rather than dropping it, and says so', () => {
    const r2 = imported([
      '法治建设专栏',
      '青石镇2024年度法治政府建设情况报告',
      '2024年，我镇依法行政。',
      '一、主要举措和成效',
      '正文。',
    ]);
    expect(r2.doc.meta.title).toBe('青石镇2024年度法治政府建设情况报告');
    expect(r2.doc.sections[0]!.blocks[0]!.text).toBe('法治建设专栏');
    expect(r2.warnings.join()).toContain('无法识别');
  });

  it('does not take "现将…报告如下：" for an addressee', () => {
    const r2 = imported([
      '青石镇2024年度法治政府建设情况报告',
      '现将2024年度法治政府建设情况报告如下：',
      '一、主要举措和成效',
      '正文。',
    ]);
    expect(r2.doc.meta.addressee).toBe('');
    expect(r2.doc.sections[0]!.blocks[0]!.text).toBe('现将2024年度法治政府建设情况报告如下：');
  });

  it('reads a signature without a date after 特此报告, and a date in Chinese numerals', () => {
    const a = imported([
      '青石镇2024年度法治政府建设情况报告',
      '一、主要举措和成效',
      '正文。',
      '特此报告。',
      '青石镇人民政府',
    ]);
    expect([a.doc.meta.signature, a.doc.closing]).toEqual([['青石镇人民政府'], ['特此报告。']]);
    const b = imported([
      '青石镇法治政府建设情况报告',
      '一、主要举措和成效',
      '正文。',
      '青石镇人民政府',
      '二〇二五年一月二十日',
    ]);
    expect([b.doc.meta.date, b.doc.meta.year]).toEqual(['二〇二五年一月二十日', 2024]);
  });
});

describe('reports without a title', () => {
  it('takes the year from the opening and keeps the body whole', () => {
    const r = imported([
      '2023年，我镇认真落实法治政府建设各项任务，现报告如下：',
      '一、主要举措和成效',
      '正文。',
      '二、存在的问题',
      '正文。',
    ]);
    expect(r.doc.meta).toMatchObject({ title: '', year: 2023 });
    expect(r.warnings.join()).toContain('标题');
  });

  it('takes the unit from the page breadcrumb and the year from the page date', () => {
    const r = imported([
      '您当前的位置:首页>白沙县>青石镇>政府信息公开',
      '日期:2024-01-12',
      '一年来，我镇依法行政。',
      '一、主要举措和成效',
      '正文。',
    ]);
    expect(r.doc.meta).toMatchObject({ unit: '青石镇', year: 2023 });
  });

  it('keeps a report without any heading whole, with a warning', () => {
    const r = imported(['我镇全年推进法治建设，成效明显。', '还要继续努力。']);
    expect(r.doc.sections[0]!.blocks).toHaveLength(2);
    expect(r.warnings.join()).toContain('没有找到');
  });
});

describe('templates by content', () => {
  it('a 述职 report: title on two lines, author line kept, its own parts', () => {
    const r = imported([
      '履行推进法治建设第一责任人职责',
      '述职报告',
      '青石镇党委书记 王 某',
      '本人坚持依法履职，现报告如下：',
      '一、履职情况',
      '亲自部署。',
      '二、存在的问题',
      '不足。',
      '三、下一步工作计划',
      '计划。',
    ]);
    expect([r.template, r.doc.meta.unit, r.doc.meta.year]).toEqual(['duty', '青石镇', null]);
    expect(parts(r)).toEqual(['duties', 'shortcomings', 'plans']);
    expect(r.doc.sections[0]!.blocks[0]!.text).toBe('青石镇党委书记 王 某');
  });

  it('a department keeps its county in the unit; a street loses its 办事处', () => {
    const dep = imported(['白沙县市场监督管理局关于2024年度法治政府建设情况的报告', '一、主要举措和成效', '正文。']);
    expect([dep.template, dep.doc.meta.unit]).toEqual(['department', '白沙县市场监督管理局']);
    const street = imported(['白沙县青石街道办事处2024年法治政府建设工作报告', '一、主要举措和成效', '正文。']);
    expect([street.template, street.doc.meta.unit]).toEqual(['township', '青石街道']);
  });
});

describe('bad input', () => {
  // How quickly is npm run stress's to measure (a timed assertion here failed on a loaded machine).
  it('refuses a 50 MB string, with a Chinese message', () => {
    const result = importText('法'.repeat(50 * 1024 * 1024));
    expect(result.ok || result.error).toContain('过多');
  });

  it('refuses a text that is only page chrome', () => {
    const result = importText('扫一扫在手机打开当前页\n【打印】【关闭】');
    expect(result.ok || result.error).toContain('没有找到报告正文');
  });
});

describe('required parts written as the last sub-section of another part', () => {
  it('become sections of their own, in place', () => {
    const r = imported([
      '青石镇2024年度法治政府建设情况报告',
      '一、2024年法治政府建设工作情况',
      '（一）健全制度',
      '正文一。',
      '（二）镇党委书记、镇长履行推进法治建设第一责任人职责情况',
      '书记主持专题会议4次。',
      '二、存在的问题和下一步打算',
      '（一）存在的问题',
      '力量不足。',
      '（二）下一步打算',
      '加强培训。',
    ]);
    expect(r.doc.sections.map((s) => [s.heading, s.part])).toEqual([
      ['一、2024年法治政府建设工作情况', 'measures'],
      ['（二）镇党委书记、镇长履行推进法治建设第一责任人职责情况', 'leadership'],
      ['二、存在的问题和下一步打算', 'shortcomings'],
      ['（二）下一步打算', 'plans'],
    ]);
    expect(r.mapping.map((m) => m.sectionKey)).toEqual(r.doc.sections.map((s) => s.key));
    expect(squash(toPlainText(r.doc).text)).toContain(
      squash('（二）镇党委书记、镇长履行推进法治建设第一责任人职责情况书记主持专题会议4次。二、存在的问题'),
    );
  });

  it('stay where they are when a reader would not call them the part', () => {
    const r = imported([
      '青石镇2024年度法治政府建设情况报告',
      '一、主要举措和成效',
      '（一）健全制度',
      '正文。',
      '（二）压实第一责任人责任',
      '正文。',
      '二、存在的问题',
      '正文。',
    ]);
    expect(r.doc.sections.map((s) => s.part)).toEqual(['measures', 'shortcomings']);
  });
});

describe('more shapes', () => {
  it('reads a signature and date on one line, and a lone 一、 part with （一） sub-headings', () => {
    const r = imported([
      '青石镇2024年度法治政府建设情况报告',
      '一、主要举措和成效',
      '（一）健全制度',
      '正文。',
      '（二）化解纠纷',
      '正文。',
      '存在的不足和原因',
      '正文。',
      '青石镇人民政府    2025年1月20日',
    ]);
    expect([r.doc.meta.signature, r.doc.meta.date]).toEqual([['青石镇人民政府'], '2025年1月20日']);
    expect(r.doc.sections.map((s) => [s.heading, s.part])).toEqual([
      ['一、主要举措和成效', 'measures'],
      ['三、存在的不足和原因', 'shortcomings'],
    ]);
  });

  it('finds the unit of a 述法 report in its title', () => {
    const r = imported([
      '2024年度青石镇党委书记履行推进法治建设第一责任人职责情况述法报告',
      '本人依法履职。',
      '一、履职情况',
      '正文。',
    ]);
    expect([r.template, r.doc.meta.unit, r.doc.meta.year]).toEqual(['duty', '青石镇', 2024]);
  });
});

describe('site names', () => {
  it('drops a site name above a title that already names the unit, as a repeat', () => {
    const r = imported([
      '青石镇人民政府',
      '青石镇人民政府关于2024年度法治政府建设情况的报告',
      '2024年，我镇依法行政。',
      '一、主要举措和成效',
      '正文。',
    ]);
    expect(r.doc.meta.title).toBe('青石镇人民政府关于2024年度法治政府建设情况的报告');
    expect(r.warnings.join()).toContain('重复');
  });
});

describe('file names', () => {
  it('give the unit and year of an untitled text, and nothing more', () => {
    const body = ['一年来，我镇依法行政。', '一、主要举措和成效', '正文。'].join('\n');
    const named = importText(body, { fileName: 'D:\\报告\\青石镇2024年法治政府建设报告.txt' });
    expect(named.ok && [named.doc.meta.unit, named.doc.meta.year, named.doc.meta.title]).toEqual(['青石镇', 2024, '']);
    const anonymous = importText(body, { fileName: '000_0df16618.txt' });
    expect(anonymous.ok && [anonymous.doc.meta.unit, anonymous.doc.meta.year]).toEqual(['', null]);
  });
});

describe('a 成文日期 in brackets', () => {
  it('is the date as written, not a closing note', () => {
    const r = imported([
      '青石镇法治政府建设情况报告',
      '一、主要举措和成效',
      '正文。',
      '青石镇人民政府',
      '（2025年1月20日）',
    ]);
    expect([r.doc.meta.signature, r.doc.meta.date, r.doc.meta.year, r.doc.closing]).toEqual([
      ['青石镇人民政府'],
      '（2025年1月20日）',
      2024,
      [],
    ]);
  });
});

describe('part forms beyond 一、', () => {
  const ok = (text: string) => {
    const r = importText(text);
    if (!r.ok) throw new Error(r.error);
    return r.doc;
  };

  it('parts numbered 1、 to 5、, a year right after the mark included, with （1） sub-headings', () => {
    const doc = ok(
      [
        '桃源乡2025年法治政府建设情况报告',
        '2025年，桃源乡稳步推进法治政府建设。现将有关情况报告如下：',
        '1、主要举措和成效',
        '（1）健全制度',
        '制定法治建设工作规则3项。',
        '（2）规范执法',
        '办理行政处罚案件20件。',
        '2、党政主要负责人履行推进法治建设第一责任人职责情况',
        '乡党委书记主持专题会议4次。',
        '3、存在的不足和原因',
        '执法力量不足。主要原因是人员少。',
        '4、2026年工作安排',
        '2026年，组织集体学法不少于12次。',
        '5、其他需要报告的情况',
        '无。',
      ].join('\n'),
    );
    expect(doc.sections.map((s) => s.part)).toEqual([
      'opening',
      'measures',
      'leadership',
      'shortcomings',
      'plans',
      'other',
    ]);
  });

  it('第一部分…第五部分 in another order: 一、 inside a part are sub-headings, and "其他事项：无。" is answered', () => {
    const doc = ok(`桃源乡2025年度法治政府建设情况报告
今年，桃源乡认真落实法治政府建设各项任务。
第一部分 党政主要负责人履行推进法治建设第一责任人职责情况
乡党委书记专题研究法治工作4次。
第二部分 主要举措和成效
一、健全依法行政制度体系
审查规范性文件3件。
二、健全行政执法工作体系
开展案卷评查2次。
第三部分 存在的不足和原因
执法人员偏少，原因是编制紧张。
第四部分 2026年主要安排
一、深化法治宣传
二、规范行政执法
第五部分
其他事项：无。`);
    expect(doc.sections.map((s) => s.part)).toEqual([
      'opening',
      'leadership',
      'measures',
      'shortcomings',
      'plans',
      'other',
    ]);
    expect(doc.sections[2]!.blocks.filter((b) => b.kind === 'subheading').map((b) => b.text)).toEqual([
      '一、健全依法行政制度体系',
      '二、健全行政执法工作体系',
    ]);
    expect(doc.sections[5]!.blocks.map((b) => b.text)).toEqual(['无。']);
  });

  it('a person above the date is the 署名 of a 述职 report', () => {
    for (const signer of ['刘 军', '欧阳明', '述职人：张华', '石门镇党委书记 覃小兵']) {
      const doc = ok(`石门镇党委书记2025年度履行推进法治建设第一责任人职责情况述职报告
一、履职情况
本人亲自部署法治建设工作。
二、存在的问题
学法不够系统。
三、下一步工作计划
加强学习。
${signer}
2026年1月8日`);
      expect(doc.meta.signature).toEqual([signer]);
      expect(doc.meta.date).toBe('2026年1月8日');
    }
    // A last line of body text above the date is not a name.
    expect(ok(`青石镇2025年度法治政府建设情况报告\n一、主要举措和成效\n全面推进\n2026年1月8日`).meta.signature).toEqual(
      [],
    );
  });
});

describe('an attachment after the 成文日期', () => {
  const REPORT = `溪口乡2025年法治政府建设情况报告
2025年，溪口乡坚持依法行政。现将有关情况报告如下：
一、主要举措和成效
全年开展普法宣传活动16场次。
二、存在的不足和原因
执法力量不足，原因是编制少。
三、2026年工作安排
加强执法培训。
溪口乡人民政府
2026年1月14日`;

  it.each([
    ['附表', '附表\n主要数据\n项目\t数量\n普法宣传活动\t16场次'],
    ['附件1', '附件1\n溪口乡2025年行政执法统计表\n项目\t数量\n行政处罚案件\t5件'],
    ['附表：主要数据', '附表：主要数据\n普法宣传活动16场次。'],
  ])('%s: the 署名 and 成文日期 are read above it, its lines kept at the end of the last part', (head, appendix) => {
    const result = importText(`${REPORT}\n${appendix}`);
    if (!result.ok) throw new Error(result.error);
    expect(result.doc.meta.signature).toEqual(['溪口乡人民政府']);
    expect(result.doc.meta.date).toBe('2026年1月14日');
    const last = result.doc.sections.at(-1)!;
    expect(last.part).toBe('plans');
    expect(last.blocks.map((b) => b.text).join('\n')).toContain(head);
    expect(result.warnings.join('')).toContain(`“${head}”已放在最后一部分的末尾`);
  });

  it('never takes a 附件说明 before the signature, or a line that only starts with 附, for one', () => {
    const listed = importText(REPORT.replace('溪口乡人民政府', '附件：1.执法统计表\n溪口乡人民政府'));
    if (!listed.ok) throw new Error(listed.error);
    expect(listed.doc.meta.attachments).toEqual(['1.执法统计表']);
    expect(listed.warnings.join('')).not.toContain('已放在最后一部分的末尾');
    const note = importText(`${REPORT}\n附表中的数据为初步统计。`);
    if (!note.ok) throw new Error(note.error);
    expect(note.warnings.join('')).not.toContain('已放在最后一部分的末尾');
  });
});

describe('typed numbered titles closed with a 。', () => {
  it('are sub-headings where each has a paragraph under it', () => {
    const r = imported([
      '柳塘街道2025年法治政府建设情况报告',
      '一、主要举措和成效',
      '（1）压实主体责任。',
      '街道党工委专题研究法治建设4次。',
      '（2）抓好学法用法。',
      '组织工作人员集体学法6次。',
      '二、存在的不足和原因',
      '执法规范化水平有待提高。',
    ]);
    expect(r.doc.sections[0]!.blocks.map((b) => b.kind)).toEqual([
      'subheading',
      'paragraph',
      'subheading',
      'paragraph',
    ]);
    expect(r.doc.sections[0]!.blocks[0]!.text).toBe('（1）压实主体责任。');
  });
});

describe('parts written as ordinal lines', () => {
  const partsOf = (lines: string[]) => {
    const r = imported(lines);
    return { r, headed: r.doc.sections.filter((s) => s.heading).map((s) => [s.heading, s.part]) };
  };

  it('"一是主要举措和成效。…" run into their paragraphs become parts, the paragraph kept', () => {
    const { r, headed } = partsOf([
      '松林乡2025年度法治政府建设情况报告',
      '一是主要举措和成效。乡政府审查合同12件，开展普法宣传活动9场次。',
      '二是存在的不足和原因。村级法律服务力量薄弱。',
      '三是2026年工作安排。开展村干部法治轮训。',
      '松林乡人民政府',
      '2026年1月8日',
    ]);
    expect(headed).toEqual([
      ['一、主要举措和成效', 'measures'],
      ['二、存在的不足和原因', 'shortcomings'],
      ['三、2026年工作安排', 'plans'],
    ]);
    expect(r.doc.sections[0]!.blocks.map((b) => b.text)).toEqual(['乡政府审查合同12件，开展普法宣传活动9场次。']);
    expect(r.warnings.join('')).toContain('3 处读成部分标题');
  });

  it('"第一，…" lines of their own become parts', () => {
    const { headed } = partsOf([
      '柳河镇镇长2025年度述法报告',
      '第一，履行推进法治建设第一责任人职责情况',
      '本人带头学法6次。',
      '第二，存在的问题和不足',
      '督促指导不够经常。',
      '第三，下一步工作计划',
      '每季度听取一次法治建设汇报。',
    ]);
    expect(headed.map(([h]) => h)).toEqual([
      '一、履行推进法治建设第一责任人职责情况',
      '二、存在的问题和不足',
      '三、下一步工作计划',
    ]);
  });

  it('ordinal sentences inside parts stay as written', () => {
    const text = '一是加强组织领导。镇党委研究法治建设3次。';
    const { r } = partsOf([
      '松林乡2025年度法治政府建设情况报告',
      '一、主要举措和成效',
      text,
      '二是规范执法行为。办理行政处罚案件8件。',
      '二、存在的不足和原因',
      '一是人员不足；二是经费紧张。',
    ]);
    expect(r.doc.sections[0]!.blocks.map((b) => b.text)).toContain(text);
    expect(r.doc.sections.map((s) => s.heading)).toEqual(['一、主要举措和成效', '二、存在的不足和原因']);
  });
});
