/**
 * Plain text of a real report → the report model. Real reports come from web pages and Word files:
 * page chrome around them, titles on several lines or none, every heading form, parts named in a
 * dozen ways. Nothing of the report's own text is dropped: what maps to no part is kept, in order,
 * as an extra section; only web-page chrome and Word artifacts are removed, and listed in warnings.
 */
import { OPENING_PART, emptyReport, type Block, type ReportDocument, type Section } from '../model/report';
import { defaultRegistry, type TemplateRegistry } from '../templates/registry';
import type { Template } from '../templates/schema';
import { headingNumber, isStandaloneHeading, stripHeadingNumber, type HeadingLevel } from './headings';
import { mapParts } from './mapParts';
import type { ImportOptions, ImportResult } from './types';

/** Web-page chrome: whole short lines that are never part of a report. */
const CHROME = [
  /^(您当前的位置|当前位置|您现在的位置|首页\s*[>›])/,
  /^(信息索引号|索引号|发布机构|发文机关|主题分类|组配分类|体裁分类|成文日期|发布日期|公开方式|公开范围|有效性)\s*[:：]/,
  /^(来源|作者|发布时间|日期|点击数|浏览次数|访问量|字号)\s*[:：]/,
  /扫一扫|在手机打开当前页|【(打印|关闭|字体|大|中|小)】|打印本页|关闭窗口|分享到|^【?\s*字体\s*[:：]?\s*[大中小]/,
];
const ARTIFACTS = /\[bookmark:[^\]]*\]|\[\s*_GoBack\s*\]/g;
const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,12}[〔[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*号$/;
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const CN_DATE_LINE = /^[二〇零一二三四五六七八九○]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日$/;
const CLOSING = /^(特此报告|此报告|特此汇报)[。.]?$/;
const STAFF_LINE = /^(撰稿人?|审核人?|审稿人?|签发人?|联系人|联系电话|拟稿人?|校对人?)\s*[:：]/;
const TITLE_END = /(报告|情况|总结|汇报|述职|述法报告)$/;
const SIGNATURE_END = /(人民政府|委员会|办事处|政府|党委|镇|乡|街道|局|委|办|中心|所|院|队)$/;

interface Line {
  text: string;
}

function normaliseLines(text: string, warnings: string[]): Line[] {
  let artifacts = 0;
  const lines: Line[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const cleaned = raw.replace(ARTIFACTS, () => {
      artifacts++;
      return '';
    });
    const t = cleaned.replace(/[\u00a0\u3000\t]/g, ' ').trim();
    if (t) lines.push({ text: t });
  }
  if (artifacts) warnings.push(`已去掉 Word 留下的书签标记 ${artifacts} 处。`);
  return lines;
}

function isChrome(text: string): boolean {
  return text.length <= 80 && CHROME.some((re) => re.test(text));
}

/** A dated web metadata line ("日期:2024-01-12") hints at the 成文日期 when the body has none. */
function metadataDate(text: string): Date | undefined {
  const m = /(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})/.exec(text);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

function isSentence(text: string): boolean {
  return /[。；！？]/.test(text.replace(/[。]$/, '')) || text.length > 60;
}

/** Title lines: short lines at the top, not sentences, ending with 报告/情况… (several lines joined). */
function takeTitle(lines: Line[], start: number): { title: string[]; next: number } {
  const title: string[] = [];
  let i = start;
  while (i < lines.length && title.length < 4) {
    const t = lines[i]!.text;
    if (headingNumber(t) || isSentence(t) || /[：:。，,]$/.test(t) || DOC_NUMBER.test(t)) break;
    title.push(t);
    i++;
    if (TITLE_END.test(t.replace(/\s+/g, ''))) return { title, next: i };
  }
  // No line ended like a title: only a single short line mentioning the report counts.
  const first = lines[start]?.text ?? '';
  if (title.length >= 1 && /报告|情况/.test(first) && !isSentence(first)) return { title: [first], next: start + 1 };
  return { title: [], next: start };
}

function classifyBody(text: string, topLevel: HeadingLevel): { kind: 'heading' | 'subheading' | 'paragraph'; level?: HeadingLevel } {
  const n = headingNumber(text);
  if (!n) return { kind: 'paragraph' };
  if (n.level === topLevel) {
    const body = stripHeadingNumber(text);
    const standalone = body.length <= 80 && !/[。；！？]/.test(body.replace(/[。]$/, ''));
    return standalone ? { kind: 'heading', level: n.level } : { kind: 'paragraph' };
  }
  if (n.level > topLevel && isStandaloneHeading(text)) return { kind: 'subheading', level: n.level };
  return { kind: 'paragraph' };
}

/** The heading level that divides the report into parts: 一、 normally, （一） when a report has no 一、. */
function chooseTopLevel(lines: Line[]): HeadingLevel {
  const counts = new Map<HeadingLevel, number>();
  for (const { text } of lines) {
    const n = headingNumber(text);
    if (n && (n.level !== 1 || !/[。；]/.test(stripHeadingNumber(text).replace(/[。]$/, '')))) {
      counts.set(n.level, (counts.get(n.level) ?? 0) + 1);
    }
  }
  for (const level of [1, 2, 3, 4] as const) if ((counts.get(level) ?? 0) >= 2) return level;
  return 1;
}

const UNIT_SUFFIX = /(镇|乡|街道|街道办事处|局|委员会|委|办公室|办|中心|院|所|队|管委会)$/;

/** The unit as a reader names it: "垫江县曹回镇人民政府 2023年…" → "曹回镇"; "XX县司法局…" → "XX县司法局". */
export function unitFromText(text: string): string {
  let t = text.replace(/\s+/g, '').replace(/^中共/, '');
  t = t.split(/关于|\d{4}\s*年|[（(]/)[0] ?? '';
  t = t.replace(/(人民政府|党委|委员会)+$/, '').replace(/人民政府/, '');
  const township =
    /[县市区旗]([\u4e00-\u9fa5]{1,8}?(?:镇|乡|街道))(?:办事处)?$/.exec(t) ?? /^([\u4e00-\u9fa5]{1,8}?(?:镇|乡|街道))(?:办事处)?$/.exec(t);
  if (township) return township[1]!;
  return UNIT_SUFFIX.test(t) && t.length <= 20 ? t : '';
}

function findUnitInLines(lines: readonly string[]): string {
  for (const l of lines) {
    const m = /([\u4e00-\u9fa5]{2,6}?(?:镇|乡|街道))(?:党委|人民政府|政府|办事处)/.exec(l);
    if (m) return m[1]!.replace(/^.*[县市区]/, '');
  }
  return '';
}

function yearFrom(title: string, opening: string, date: Date | undefined): number | null {
  const inTitle = /(\d{4})\s*年/.exec(title);
  if (inTitle) return Number(inTitle[1]);
  const inOpening = /^(\d{4})年(度)?[，,以来]/.exec(opening);
  if (inOpening) return Number(inOpening[1]);
  if (date) return date.getMonth() < 6 ? date.getFullYear() - 1 : date.getFullYear();
  return null;
}

export function detectTemplate(registry: TemplateRegistry, title: string, unit: string, body: string): Template {
  const has = (id: string) => registry.get(id);
  const duty = has('duty');
  if (duty && (/述职|述法/.test(title) || (/第一责任人/.test(title) && !/法治政府建设(工作)?(情况|年度)/.test(title)))) {
    return duty;
  }
  if (duty && !title && (body.match(/本人/g) ?? []).length >= 3) return duty;
  const department = has('department');
  if (department && unit && !/(镇|乡|街道)$/.test(unit) && /(局|委|办|中心|院|所)$/.test(unit)) return department;
  return registry.getOrDefault('township');
}

export function importText(text: string, options: ImportOptions = {}): ImportResult {
  const registry = options.registry ?? defaultRegistry;
  const warnings: string[] = [];
  const all = normaliseLines(text, warnings);

  // Web-page chrome: drop it, remembering a date it carries.
  let webDate: Date | undefined;
  const dropped: string[] = [];
  const lines = all.filter((l) => {
    if (!isChrome(l.text)) return true;
    webDate ??= /日期|时间/.test(l.text) ? metadataDate(l.text) : undefined;
    dropped.push(l.text);
    return false;
  });
  if (dropped.length) warnings.push(`已去掉网页附带的信息 ${dropped.length} 行（如“${dropped[0]!.slice(0, 20)}”）。`);
  if (lines.length === 0) return { ok: false, error: '文件中没有找到报告正文。' };

  // Head: 文号, title, addressee.
  let i = 0;
  let docNumber = '';
  if (DOC_NUMBER.test(lines[0]!.text.replace(/\s+/g, ''))) docNumber = lines[i++]!.text;
  const { title, next } = takeTitle(lines, i);
  i = next;
  if (!docNumber && i < lines.length && DOC_NUMBER.test(lines[i]!.text.replace(/\s+/g, ''))) docNumber = lines[i++]!.text;
  let addressee = '';
  const candidate = lines[i]?.text ?? '';
  if (/[：:]$/.test(candidate) && candidate.length <= 40 && !headingNumber(candidate) && !/[。，,]/.test(candidate)) {
    addressee = candidate;
    i++;
  }

  // Tail: 成文日期, 署名, staff lines, 特此报告, 附件.
  let end = lines.length;
  const tail: string[] = [];
  let date = '';
  const signature: string[] = [];
  const closing: string[] = [];
  while (end > i) {
    const t = lines[end - 1]!.text;
    if (STAFF_LINE.test(t)) {
      tail.unshift(t);
      end--;
      continue;
    }
    break;
  }
  if (end > i && (DATE_LINE.test(lines[end - 1]!.text.replace(/\s+/g, '')) || CN_DATE_LINE.test(lines[end - 1]!.text))) {
    date = lines[end - 1]!.text.replace(/\s+/g, '');
    end--;
    while (end > i && signature.length < 3) {
      const t = lines[end - 1]!.text.replace(/\s+/g, '');
      if (t.length <= 30 && SIGNATURE_END.test(t) && !headingNumber(t) && !/[。，,：:]/.test(t)) {
        signature.unshift(t);
        end--;
      } else break;
    }
  }
  while (end > i && CLOSING.test(lines[end - 1]!.text)) {
    closing.unshift(lines[end - 1]!.text);
    end--;
  }
  closing.push(...tail);
  const attachments: string[] = [];

  // Body: opening paragraphs, then one section per top-level heading.
  const body = lines.slice(i, end);
  const topLevel = chooseTopLevel(body);
  const sections: Section[] = [];
  let current: Section = { key: 'opening', part: OPENING_PART, heading: '', blocks: [] };
  sections.push(current);
  let key = 1;
  for (const { text: t } of body) {
    const attachment = /^附件\s*[:：]\s*(.*)$/.exec(t);
    if (attachment && t.length <= 60) {
      attachments.push(attachment[1]!.trim());
      continue;
    }
    const kind = classifyBody(t, topLevel);
    if (kind.kind === 'heading') {
      current = { key: `s${key++}`, part: null, heading: t, blocks: [] };
      sections.push(current);
    } else if (kind.kind === 'subheading') {
      // The model keeps the numbering form (2 = （一）, 3 = 1., 4 = （1）): the export sets fonts by it.
      const level = Math.max(2, kind.level!) as 2 | 3 | 4;
      current.blocks.push({ kind: 'subheading', level, text: t } satisfies Block);
    } else {
      current.blocks.push({ kind: 'paragraph', text: t });
    }
  }
  if (sections[0]!.blocks.length === 0 && sections.length > 1) sections.shift();

  const titleText = title.join('\n');
  const opening = sections[0]?.part === OPENING_PART ? sections[0].blocks.map((b) => b.text).join('') : '';
  let unit = unitFromText(title.join(''));
  if (!unit) unit = findUnitInLines([...title, ...signature, ...body.slice(0, 3).map((l) => l.text)]);
  if (!unit && signature[0]) unit = unitFromText(signature[0]) || signature[0];
  const dateMatch = DATE_LINE.exec(date);
  const dateValue = dateMatch ? new Date(Number(dateMatch[1]), Number(dateMatch[2]) - 1, Number(dateMatch[3])) : webDate;
  const year = yearFrom(title.join(''), opening, dateValue);

  const template = options.templateId
    ? registry.getOrDefault(options.templateId)
    : detectTemplate(registry, title.join(''), unit, opening);
  const mapping = mapParts(sections, template, year);

  const doc: ReportDocument = emptyReport(template.id);
  doc.meta = { ...doc.meta, templateId: template.id, unit, year, title: titleText, addressee, docNumber, signature, date, attachments };
  doc.sections = sections;
  doc.closing = closing;
  if (!titleText) warnings.push('没有找到报告标题，请在“标题”一栏补上。');
  if (sections.every((s) => !s.heading)) warnings.push('没有找到“一、”这样的部分标题，全文放在了开头部分，请检查。');
  return { ok: true, doc, mapping, warnings, template: template.id };
}
