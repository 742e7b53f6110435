/**
 * The comments (批注) of a .docx, as the county writes them back to a town (our 写回批注, review/comments.ts,
 * or Word and WPS by hand): author, date and text from word/comments.xml, and the words each is about —
 * the text between w:commentRangeStart and w:commentRangeEnd, or, for a comment with no range (some tools
 * write only the reference), the paragraph holding its w:commentReference. Read with the DOM parser from
 * the zip entries the fast reader uses; a part that is missing or not well-formed gives no comments,
 * never a failed import.
 */
import type { ReviewComment } from '../model/report';
import { readDocxPart } from './docxFast';
import { parse, xmlParser } from './docxNumbering';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const COMMENTS_REL = /\/comments$/;

/** More than any county writes on one report; a file with more is not a review, and the rest is left out. */
export const MAX_COMMENTS = 2000;
/** A comment's text and its words are shown in a side panel: longer ones are cut there. */
const MAX_TEXT = 4000;

const isWord = (el: Element) => el.namespaceURI === W || el.namespaceURI === W_STRICT;
const attr = (el: Element, name: string): string | null =>
  el.getAttributeNS(W, name) || el.getAttributeNS(W_STRICT, name) || el.getAttribute(`w:${name}`);

function elements(node: Node): Element[] {
  const out: Element[] = [];
  for (let n = node.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** Where the comments part is: the main part's relationship of type comments, else Word's usual name; null for none. */
async function commentsPartName(bytes: Uint8Array): Promise<string | null> {
  const rels = await readDocxPart(bytes, 'word/_rels/document.xml.rels');
  // No relationship of type …/comments without the word: most files have none, and skip the parse (~1.5 ms).
  if (rels !== undefined && !rels.includes('comments')) return null;
  const root = rels ? parse(await xmlParser(), rels)?.documentElement : undefined;
  for (const rel of root ? Array.from(root.getElementsByTagNameNS(RELS, 'Relationship')) : []) {
    if (!COMMENTS_REL.test(rel.getAttribute('Type') ?? '')) continue;
    const target = rel.getAttribute('Target') ?? '';
    if (rel.getAttribute('TargetMode') === 'External' || !target) continue;
    // Relative to word/, or absolute from the package root.
    const path = target.startsWith('/') ? target.slice(1) : `word/${target}`;
    const parts: string[] = [];
    for (const step of path.split('/'))
      if (step === '..') parts.pop();
      else if (step && step !== '.') parts.push(step);
    return parts.join('/');
  }
  return 'word/comments.xml';
}

interface CommentBody {
  id: string;
  author: string;
  date: string;
  text: string;
}

/** The text of a comment's paragraphs, one line each; Word's mark of the anchor (annotationRef) is not text. */
function bodyText(node: Element): string {
  const lines: string[] = [];
  const walk = (el: Element, line: string[]): void => {
    for (const c of elements(el)) {
      if (c.namespaceURI === MC && c.localName === 'Fallback') continue;
      if (!isWord(c)) walk(c, line);
      else if (c.localName === 'p') {
        const own: string[] = [];
        walk(c, own);
        lines.push(own.join(''));
      } else if (c.localName === 't') line.push(c.textContent ?? '');
      else if (c.localName === 'tab') line.push(' ');
      else if (c.localName === 'br' || c.localName === 'cr') line.push(' ');
      else if (c.localName !== 'delText' && c.localName !== 'instrText' && c.localName !== 'rPr') walk(c, line);
    }
  };
  walk(node, []);
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

interface Anchor {
  quote: string;
  /** Where the words start in the document's whitespace-free text, to count earlier occurrences. */
  at: number;
}

interface Located {
  quote: string;
  /** Which occurrence of the words (whitespace ignored) in the document, 0 = the first. */
  occurrence: number;
}

/** For each comment id, the words it is about, walking document.xml once in reading order. */
function anchors(body: Element): Map<string, Located> {
  const found = new Map<string, Anchor>();
  const open = new Map<string, { text: string; at: number }>();
  const paragraphs: Array<{ text: string; at: number; refs: string[] }> = [];
  let all = '';
  const add = (text: string) => {
    if (!text) return;
    for (const range of open.values()) range.text += text;
    for (const p of paragraphs) p.text += text;
    all += squash(text);
  };
  const close = (id: string) => {
    const range = open.get(id);
    if (!range) return;
    open.delete(id);
    found.set(id, { quote: range.text.replace(/\s*\n\s*/g, '\n').trim(), at: range.at });
  };
  const walk = (el: Element): void => {
    for (const c of elements(el)) {
      if (c.namespaceURI === MC && c.localName === 'Fallback') continue;
      if (!isWord(c)) {
        walk(c);
        continue;
      }
      switch (c.localName) {
        case 't':
          add(c.textContent ?? '');
          break;
        case 'tab':
          add('\t');
          break;
        case 'br':
        case 'cr':
          add('\n');
          break;
        // Deleted and moved-away text (tracked changes) is not in the report the clerk sees.
        case 'del':
        case 'moveFrom':
        case 'delText':
        case 'instrText':
        case 'rPr':
        case 'pPr':
          break;
        case 'commentRangeStart': {
          const id = attr(c, 'id');
          if (id !== null && !found.has(id)) open.set(id, { text: '', at: all.length });
          break;
        }
        case 'commentRangeEnd': {
          const id = attr(c, 'id');
          if (id !== null) close(id);
          break;
        }
        case 'commentReference': {
          const id = attr(c, 'id');
          if (id !== null && paragraphs.length) paragraphs[paragraphs.length - 1]!.refs.push(id);
          break;
        }
        case 'p': {
          paragraphs.push({ text: '', at: all.length, refs: [] });
          walk(c);
          const p = paragraphs.pop()!;
          // Paragraphs inside one comment's words are lines of its quote.
          for (const range of open.values()) range.text += '\n';
          for (const id of p.refs)
            if (!found.has(id) && !open.has(id)) found.set(id, { quote: p.text.trim(), at: p.at });
          // A text box's paragraph is also text of the paragraph it sits in.
          if (paragraphs.length) paragraphs[paragraphs.length - 1]!.text += ' ';
          break;
        }
        default:
          walk(c);
      }
    }
  };
  walk(body);
  // A range Word never closed runs to the end of the document.
  for (const id of [...open.keys()]) close(id);
  const result = new Map<string, Located>();
  for (const [id, a] of found) result.set(id, { quote: a.quote, occurrence: occurrenceIn(all, squash(a.quote), a.at) });
  return result;
}

/** Which occurrence of `needle` starts at `at` (earlier ones counted), 0 when it is the first. */
function occurrenceIn(all: string, needle: string, at: number): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = all.indexOf(needle); i >= 0 && i < at; i = all.indexOf(needle, i + 1)) n++;
  return n;
}

/** The 审核意见 of a .docx, in the order of comments.xml; [] when it has none or they cannot be read. */
export async function readDocxComments(bytes: Uint8Array): Promise<ReviewComment[]> {
  try {
    const part = await commentsPartName(bytes);
    if (part === null) return [];
    const DOMParser = await xmlParser();
    const commentsXml = await readDocxPart(bytes, part);
    const root = commentsXml ? parse(DOMParser, commentsXml)?.documentElement : undefined;
    if (!root) return [];
    const bodies: CommentBody[] = [];
    for (const el of elements(root)) {
      if (!isWord(el) || el.localName !== 'comment') continue;
      const id = attr(el, 'id');
      if (id === null) continue;
      bodies.push({
        id,
        author: (attr(el, 'author') ?? '').trim(),
        date: (attr(el, 'date') ?? '').trim(),
        text: bodyText(el).slice(0, MAX_TEXT),
      });
      if (bodies.length >= MAX_COMMENTS) break;
    }
    if (bodies.length === 0) return [];
    const documentXml = await readDocxPart(bytes, 'word/document.xml');
    const document = documentXml ? parse(DOMParser, documentXml)?.documentElement : undefined;
    const where = document ? anchors(document) : new Map<string, Located>();
    return bodies
      .filter((b) => b.text || where.get(b.id)?.quote)
      .map((b, i) => {
        const anchor = where.get(b.id);
        return {
          id: `c${i + 1}`,
          author: b.author,
          date: b.date,
          text: b.text,
          quote: (anchor?.quote ?? '').slice(0, MAX_TEXT),
          occurrence: anchor?.occurrence ?? 0,
        };
      });
  } catch {
    // A damaged comments part costs the comments, never the report's text.
    return [];
  }
}
