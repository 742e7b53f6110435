/**
 * Web-page chrome around a report copied from a government site: breadcrumbs, the metadata table
 * (索引号, 发布机构, 发布日期, 点击数…), print/close/share links, 扫一扫. These lines are never the report's
 * own words, so they are dropped (and listed in the warnings). Anything less certain is kept: staff lines
 * such as 撰稿人/审核人/联系电话 are content the checker must see.
 */
import { headingNumber } from '../text/numbering';

/** Metadata fields of government information-disclosure pages. */
const META_KEYS =
  '信息索引号|索引号|发布机构|发文机关|发文机构|发布单位|信息来源|文章来源|来源|主题分类|组配分类|体裁分类|服务对象分类|' +
  '主题词|关键词|成文日期|发布日期|发文日期|生成日期|更新日期|公开方式|公开范围|公开时限|公开属性|公开形式|有效性|时效性|' +
  '发文字号|作者|发布时间|更新时间|日期|时间|点击数|点击量|点击次数|浏览次数|浏览量|阅读量|阅读次数|访问量|访问次数|' +
  '字号|字体|责任编辑|内容概述|所属机构|所属主题|信息分类|统一编号|登记号|审核程序|公开程序|信息类别|文号';

const BULLET = '[•·●◆▪■\\-*]?\\s*';
/** "发布日期:2021-03-30   点击数: 人次", "• 来源:党政办". */
const META_LINE = new RegExp(`^${BULLET}(?:${META_KEYS})\\s*[:：]`);
/** A field name alone on its line; its value, if any, is on the next line. */
const META_KEY_ALONE = new RegExp(`^${BULLET}(?:${META_KEYS})\\s*[:：]?$`);

const BREADCRUMB =
  /^(您当前的位置|当前位置|您现在的位置|您所在的位置|您的位置|所在位置|当前页面)\s*[:：]?|^(首页|网站首页|主页)\s*[>›»＞/]|^今天是/;

const FURNITURE = [
  /扫一扫.{0,8}(手机|打开|当前页|分享|二维码)|^扫一扫$|^(用)?手机扫(一扫|码)|在手机(上)?打开|打印本页|打印此页|关闭窗口|关闭本页/,
  /^分享到|返回顶部|回到顶部|^无障碍(\s|$|浏览|阅读)|^网站地图$|^联系我们$|简体\s*[|｜/]\s*繁|版权所有|ICP备|公网安备|网站标识码/,
  /^(技术支持|主办单位|承办单位)\s*[:：]|^(上一篇|下一篇|上一条|下一条|相关链接|相关阅读|相关文章|相关文件|附件下载|【相关附件】)/,
  /^[【[]?\s*(打印|关闭|收藏|分享|返回|纠错|我要纠错|加入收藏)\s*[】\]]?(\s*[【[]?\s*(打印|关闭|收藏|分享|返回|纠错)\s*[】\]]?)*$/,
  /字\s*[号體体]\s*[:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中|【\s*(大|中|小)\s*】/,
  // The site's clock: "天津市XX区人民政府 2019年12月3日星期二".
  /\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?\s*(星期|周)[一二三四五六日天]/,
];

/** "首页 >> 政务公开 >> 法治政府工作报告", ">> 政务公开 >> …": short pieces joined by arrows. */
function isArrowTrail(line: string): boolean {
  if (/^[>›»＞]{1,2}/.test(line)) return true;
  const pieces = line.split(/\s*(?:[>›»＞]{1,2}|→)\s*/).filter(Boolean);
  return pieces.length >= 3 && pieces.every((p) => p.length <= 20 && !/[。，；]/.test(p));
}

/** Menu entries of a portal that stand alone on a line of a saved page ("首页", "单位审核公开"). */
const NAV_WORD =
  /^(首页|网站首页|返回首页|返回|主页|政务公开|信息公开|政府信息公开|单位审核公开|[\u4e00-\u9fa5]{0,4}(公开|专栏|栏目|动态|互动|导航))$/;

/**
 * On a saved web page (not in a Word or text file) a lone menu word is navigation, and so is a menu bar
 * laid out in one table cell ("网站首页 | 政务公开 | 政务服务 | 互动交流"): three or more short entries
 * between bars or wide gaps, one of them a menu word, none a figure.
 */
export function isNavigation(line: string): boolean {
  if (line.length <= 8) return NAV_WORD.test(line.replace(/\s+/g, ''));
  // A figure makes it a table row ("政务公开 | 200 | 条"), never a menu.
  if (line.length > 80 || /[。，；：:、\d０-９]/.test(line)) return false;
  const entries = line.split(/\s*[|｜]\s*|[\s\u3000]{2,}/).filter(Boolean);
  if (entries.length >= 3 && entries.every((e) => e.length <= 8) && entries.some((e) => NAV_WORD.test(e))) return true;
  // Links side by side with one space between them, as a saved page gives a row of <a>: two menu words at least.
  const words = line.split(/\s+/).filter(Boolean);
  return words.length >= 3 && words.every((e) => e.length <= 6) && words.filter((e) => NAV_WORD.test(e)).length >= 2;
}

/**
 * A block of links after a page's text: "相关链接", "附件下载", "相关文章" on a line of its own; the link titles
 * under it are the page's too (isLinkTitle).
 */
export function isLinkBlockHead(line: string): boolean {
  return /^[【[]?\s*(相关链接|相关阅读|相关文章|相关文件|相关新闻|相关附件|附件下载|延伸阅读|友情链接)\s*[】\]]?\s*[:：]?$/.test(
    line.trim(),
  );
}

/** A link's title under such a block: a short line, no sentence in it, or a file name. */
export function isLinkTitle(line: string): boolean {
  const t = line.trim();
  return (
    /\.(docx?|xlsx?|wps|pdf|zip|rar|jpg|png)$/i.test(t) ||
    (t.length <= 60 && !/[。，；,;]/.test(t) && headingNumber(t, true) === undefined)
  );
}

/** Whether a whole line is page chrome. Sentences (with 。 or ，) never are. */
export function isChrome(line: string): boolean {
  if (line.length > 150 || headingNumber(line, true) !== undefined) return false;
  if (BREADCRUMB.test(line) || isArrowTrail(line)) return true;
  if (/[。；]/.test(line) || line.length > 100) return false;
  if (META_LINE.test(line) || META_KEY_ALONE.test(line)) return true;
  if (/[，]/.test(line) || line.length > 60) return false;
  return FURNITURE.some((re) => re.test(line));
}

/** A field name alone on its line ("索引号："), whose value follows on the next line. */
export function isMetaKeyAlone(line: string): boolean {
  return META_KEY_ALONE.test(line);
}

/** A plausible metadata value: short, no sentence, not a title ("6107280000/2024-001005", "县政府网站"). */
export function looksLikeMetaValue(line: string): boolean {
  return line.length <= 40 && !/[。，；：:]/.test(line) && !/(报告|总结|汇报)$/.test(line);
}

/** A date carried by a metadata line: 成文日期 preferred by the caller over 发布日期. */
export function metadataDate(line: string): { date: Date; written: boolean } | undefined {
  if (!/日期|时间/.test(line)) return undefined;
  const m = /(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})/.exec(line);
  if (!m) return undefined;
  return { date: new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])), written: /成文日期/.test(line) };
}

/**
 * Fields of a page's metadata that name the publishing unit ("信息来源：青石镇人民政府"). The value ends
 * where the line's next field begins ("来源:   发布日期:2021-03-30" has an empty 来源, not a source
 * "发布日期:2021-…").
 */
export function metadataSource(line: string): string | undefined {
  const m = new RegExp(
    `^${BULLET}(?:信息来源|文章来源|来源|发布机构|发文机关|发文机构|发布单位|所属机构)\\s*[:：]\\s*(.*)$`,
  ).exec(line);
  if (!m) return undefined;
  const nextField = new RegExp(`\\s*(?:${META_KEYS})\\s*[:：]`).exec(m[1]!);
  const value = (nextField ? m[1]!.slice(0, nextField.index) : m[1]!).trim();
  return value && value.length <= 40 ? value : undefined;
}
