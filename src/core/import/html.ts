/**
 * A saved web page (a portal's 政府信息公开 page) → the report's lines. The page is parsed (lenient HTML
 * parsing of @xmldom/xmldom); navigation, headers of the site, footers, share bars and scripts are
 * removed and listed; block elements end lines. The page's <title> is kept aside: a report whose body
 * has no title line takes it from there.
 */
import { xmlParser } from './docxNumbering';

/** Elements that are never the report's words. */
const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'nav',
  'footer',
  'aside',
  'form',
  'select',
  'button',
  'object',
  'svg',
  'template',
]);
/** Site furniture by its class or id: menus, breadcrumbs, share bars, footers. */
const FURNITURE =
  /(^|[\s_-])(nav|navbar|menu|crumbs?|breadcrumbs?|footer|foot|share|sidebar|position|location|toolbar|copyright|dqwz|wzdh|ewm|qrcode)([\s_-]|\d|$)/i;
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'dt',
  'dd',
  'dl',
  'blockquote',
  'pre',
  'center',
  'hr',
  'header',
  'main',
  'body',
  'title',
  'caption',
]);

export interface PageText {
  text: string;
  /** The page's <title>, split from the site name ("…报告_XX县人民政府" → "…报告"). */
  pageTitle: string;
  /** Navigation and furniture removed, one entry per element, for the import's warnings. */
  removed: string[];
}

interface Node_ {
  nodeType: number;
  localName?: string;
  data?: string;
  firstChild: Node_ | null;
  nextSibling: Node_ | null;
  getAttribute?(name: string): string | null;
}

function textOf(node: Node_): string {
  if (node.nodeType === 3) return node.data ?? '';
  let s = '';
  for (let c = node.firstChild; c; c = c.nextSibling) s += textOf(c);
  return s;
}

export async function pageText(html: string): Promise<PageText> {
  const DOMParser = await xmlParser();
  const doc = new DOMParser({
    errorHandler: { warning: () => undefined, error: () => undefined, fatalError: () => undefined },
  }).parseFromString(html, 'text/html') as unknown as Node_;
  const out: string[] = [];
  const removed: string[] = [];
  let pageTitle = '';
  const walk = (node: Node_) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        out.push((c.data ?? '').replace(/[\t\r\n ]+/g, ' '));
        continue;
      }
      if (c.nodeType !== 1) continue;
      const tag = (c.localName ?? '').toLowerCase();
      if (tag === 'title') {
        pageTitle = textOf(c).trim();
        continue;
      }
      if (tag === 'head') {
        walk(c);
        continue;
      }
      const marks = `${c.getAttribute?.('class') ?? ''} ${c.getAttribute?.('id') ?? ''}`;
      if (DROP_TAGS.has(tag) || FURNITURE.test(marks)) {
        const words = textOf(c).replace(/\s+/g, ' ').trim();
        if (words && !/^(script|style|noscript|template|svg|object)$/.test(tag)) removed.push(words.slice(0, 30));
        continue;
      }
      const block = BLOCK.has(tag);
      if (block) out.push('\n');
      walk(c);
      if (block) out.push('\n');
    }
  };
  walk(doc);
  // "青石镇2025年法治政府建设年度报告_青石县人民政府门户网站": the report's part of the site's title.
  const titlePart = pageTitle.split(/\s*[_|｜—–-]\s*/).find((p) => /报告|总结|述职|述法/.test(p)) ?? '';
  return { text: out.join(''), pageTitle: titlePart, removed };
}
