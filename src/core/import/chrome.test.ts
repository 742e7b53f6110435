import { describe, expect, it } from 'vitest';
import { isChrome, isLinkBlockHead, isLinkTitle, isNavigation, metadataSource } from './chrome';
import { splitLines } from './lines';

describe('isChrome', () => {
  it.each([
    '您当前的位置:首页>政务公开>法治政府建设',
    '您所在的位置:政务公开 > 工作报告',
    '首页 > 信息公开',
    '今天是:2019年10月31日 星期三 农历十月初七',
    '白沙县人民政府 2019年12月3日星期二',
    '信息索引号：11500000/2025-00012',
    '• 来源:党政综合办公室',
    '来源:       发布日期:2021-03-30     点击数: 人次',
    '文章来源:司法局 更新时间:2021/03/29 11:30:01',
    '索引号',
    '【字体：大 中 小】',
    '【打印】 【关闭】',
    '扫一扫在手机打开当前页',
    '无障碍 简体| 繁体',
    '上一篇：关于开展普法宣传的通知',
  ])('drops %s', (line) => expect(isChrome(line)).toBe(true));

  it.each([
    '撰稿人：李某，审核人：王某，联系电话：12345',
    '（三）推进无障碍环境建设',
    '群众扫一扫二维码即可办理，全年办件300件。',
    '2023年5月4日星期四，我镇召开专题会议。',
    '一、主要举措和成效',
    '附件：1.工作台账',
  ])('keeps %s', (line) => expect(isChrome(line)).toBe(false));
});

describe('splitLines', () => {
  it('removes Word bookmarks, splits glued paragraphs, drops blank lines, keeps the rest', () => {
    const { lines, artifacts } = splitLines(
      '一、举措[bookmark: _GoBack]\r\n\r\n  正文。    （二）化解纠纷\u2028\u200b\n全年1.5万元。  2.下一项',
    );
    expect(artifacts).toBe(1);
    expect(lines).toEqual(['一、举措', '正文。', '（二）化解纠纷', '全年1.5万元。', '2.下一项']);
  });
});

describe('metadataSource', () => {
  it.each([
    ['信息来源：青石镇人民政府', '青石镇人民政府'],
    ['• 来源:党政综合办公室', '党政综合办公室'],
    ['来源：柳溪镇人民政府   发布时间：2025-02-01', '柳溪镇人民政府'],
    ['发布机构：平川县司法局 作者：办公室', '平川县司法局'],
  ])('reads the unit of %s', (line, unit) => {
    expect(metadataSource(line)).toBe(unit);
  });

  it.each(['来源:       发布日期:2021-03-30     点击数: 人次', '来源：', '信息来源：发布日期：2025-01-02'])(
    'finds no unit where the field is empty: %s',
    (line) => {
      expect(metadataSource(line)).toBeUndefined();
    },
  );
});

describe('isNavigation (saved web pages only)', () => {
  it.each([
    '政务公开',
    '网站首页 | 政务公开 | 政务服务 | 互动交流 | 走进白沙',
    '首页｜信息公开｜办事服务｜互动交流',
    '首页　　新闻中心　　政务公开　　网上办事',
  ])('drops the menu %s', (line) => expect(isNavigation(line)).toBe(true));

  it.each([
    // A report's own lines: a sentence, a heading, a table row of figures, a list without menu words.
    '一、主要举措和成效',
    '法律顾问 | 12 | 名',
    '政务公开 | 200 | 条',
    '学法 | 培训 | 普法 | 调解',
    '政务公开、信息公开、办事服务均按期完成。',
    '行政复议案件　　3件　　同比增长',
  ])('keeps %s', (line) => expect(isNavigation(line)).toBe(false));
});

describe('menus and link blocks', () => {
  it('reads a row of menu links separated by single spaces as navigation, and a phrase with spaces not', () => {
    expect(isNavigation('网站首页 政务公开 政务服务 互动交流')).toBe(true);
    expect(isNavigation('党政办 司法所 综治中心')).toBe(false);
    expect(isNavigation('信息公开 工作 情况')).toBe(false);
  });
  it('knows a link block head and a link title', () => {
    expect(isLinkBlockHead('【相关链接】')).toBe(true);
    expect(isLinkBlockHead('相关链接：')).toBe(true);
    expect(isLinkBlockHead('相关链接的情况说明如下')).toBe(false);
    expect(isLinkTitle('执法数据统计表.xlsx')).toBe(true);
    expect(isLinkTitle('全年办理案件12件，结案10件。')).toBe(false);
  });
});
