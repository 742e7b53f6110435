/**
 * The comments (批注) of a .docx, as the county writes them back to a town (our 写回批注, review/comments.ts,
 * or Word and WPS by hand): author, date and text from word/comments.xml, and the words each is about —
 * the text between w:commentRangeStart and w:commentRangeEnd, or, for a comment with no range (some tools
 * write only the reference), the paragraph holding its w:commentReference. Read with the DOM parser from
 * the zip entries the fast reader uses; a part that is missing or not well-formed gives no comments,
 * never a failed import.
 */
import type { ReviewComment } from '../model/report';
import { hasDocxPart, readDocxPart } from './docxFast';
import { parse, xmlParser } from './docxNumbering';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const COMMENTS_REL = /\/comments$/;
const EXTENDED_REL = /\/commentsExtended$/;
/** Word 2010's paragraph ids (w14:paraId) and Word 2013's comment extension (w15:commentEx). */
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';

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

/** A part related to the main one by its relationship type, relative to word/ or absolute from the package root. */
function relatedPart(root: Element | undefined, type: RegExp, usual: string): string {
  for (const rel of root ? Array.from(root.getElementsByTagNameNS(RELS, 'Relationship')) : []) {
    if (!type.test(rel.getAttribute('Type') ?? '')) continue;
    const target = rel.getAttribute('Target') ?? '';
    if (rel.getAttribute('TargetMode') === 'External' || !target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `word/${target}`;
    const parts: string[] = [];
    for (const step of path.split('/'))
      if (step === '..') parts.pop();
      else if (step && step !== '.') parts.push(step);
    return parts.join('/');
  }
  return usual;
}

/** Where the comments part and Word's extension of it (replies, 已解决) are; null for a file with no comments. */
async function commentsParts(bytes: Uint8Array): Promise<{ comments: string; extended: string } | null> {
  const rels = await readDocxPart(bytes, 'word/_rels/document.xml.rels');
  // No relationship of type …/comments without the word: most files have none, and skip the parse (~1.5 ms).
  if (rels !== undefined && !rels.includes('comments')) return null;
  const root = rels ? parse(await xmlParser(), rels)?.documentElement : undefined;
  return {
    comments: relatedPart(root, COMMENTS_REL, 'word/comments.xml'),
    extended: relatedPart(root, EXTENDED_REL, 'word/commentsExtended.xml'),
  };
}

interface CommentBody {
  id: string;
  author: string;
  date: string;
  text: string;
  /** The w14:paraId of the comment's last paragraph: how commentsExtended.xml names the comment. */
  paraId: string;
}

/** What Word 2013 and later adds to a comment: the comment it replies to, and whether it is marked 已解决. */
interface CommentExtension {
  parent: string;
  done: boolean;
}

const paraIdOf = (el: Element, ns: string, name: string): string =>
  (el.getAttributeNS(ns, name) || el.getAttribute(`${ns === W14 ? 'w14' : 'w15'}:${name}`) || '').toUpperCase();

/** The w14:paraId of a comment's last paragraph, "" when it has none (WPS and older Word write none). */
function lastParagraphId(comment: Element): string {
  let last = '';
  for (const p of Array.from(comment.getElementsByTagName('*')))
    if (isWord(p) && p.localName === 'p') last = paraIdOf(p, W14, 'paraId') || last;
  return last;
}

/** commentsExtended.xml by paraId; empty when the file has none (WPS, Word before 2013) or it cannot be read. */
function extensions(root: Element | undefined): Map<string, CommentExtension> {
  const found = new Map<string, CommentExtension>();
  for (const el of root ? elements(root) : []) {
    if (el.namespaceURI !== W15 || el.localName !== 'commentEx') continue;
    const id = paraIdOf(el, W15, 'paraId');
    const done = el.getAttributeNS(W15, 'done') || el.getAttribute('w15:done') || '';
    if (id) found.set(id, { parent: paraIdOf(el, W15, 'paraIdParent'), done: done === '1' || done === 'true' });
    if (found.size >= MAX_COMMENTS) break;
  }
  return found;
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

/**
 * What reading a .docx's comments gave: `read` (its comments part was read, maybe with none in it), `none`
 * (it has no comments part), `unread` (it has one this reader could not read or parse: its comments are
 * lost, and the import says so), `unknown` (the zip itself is beyond this reader: only mammoth can tell).
 */
export type CommentsStatus = 'read' | 'none' | 'unread' | 'unknown';

/**
 * The 审核意见 of a .docx, in the order of comments.xml, a reply right after the comment of its thread
 * before it; the reviewer's 已解决 kept on the thread's first comment. Never throws.
 */
export async function docxComments(bytes: Uint8Array): Promise<{ comments: ReviewComment[]; status: CommentsStatus }> {
  const present = (name: string) => hasDocxPart(bytes, name);
  let parts: { comments: string; extended: string } | null = null;
  try {
    parts = await commentsParts(bytes);
    if (parts === null) return { comments: [], status: 'none' };
    const has = present(parts.comments);
    if (has === undefined) return { comments: [], status: 'unknown' };
    if (!has) return { comments: [], status: 'none' };
    const DOMParser = await xmlParser();
    const commentsXml = await readDocxPart(bytes, parts.comments);
    const root = commentsXml ? parse(DOMParser, commentsXml)?.documentElement : undefined;
    if (!root) return { comments: [], status: 'unread' };
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
        paraId: lastParagraphId(el),
      });
      if (bodies.length >= MAX_COMMENTS) break;
    }
    if (bodies.length === 0) return { comments: [], status: 'read' };
    // Replies and 已解决 are Word's extension; a file without it (WPS) has flat, open comments.
    const extendedXml = present(parts.extended) ? await readDocxPart(bytes, parts.extended) : undefined;
    const extended = extensions(extendedXml ? parse(DOMParser, extendedXml)?.documentElement : undefined);
    const documentXml = await readDocxPart(bytes, 'word/document.xml');
    const document = documentXml ? parse(DOMParser, documentXml)?.documentElement : undefined;
    const where = document ? anchors(document) : new Map<string, Located>();
    const kept = bodies.filter((b) => b.text || where.get(b.id)?.quote);
    return { comments: threaded(kept, where, extended), status: 'read' };
  } catch {
    // A damaged comments part costs the comments, never the report's text.
    return { comments: [], status: parts === null ? 'unknown' : 'unread' };
  }
}

/** The comments with their ids, each reply tied to the first comment of its thread (a reply to a reply included). */
function threaded(
  bodies: CommentBody[],
  where: Map<string, Located>,
  extended: Map<string, CommentExtension>,
): ReviewComment[] {
  const byParaId = new Map<string, number>();
  bodies.forEach((b, i) => {
    if (b.paraId && !byParaId.has(b.paraId)) byParaId.set(b.paraId, i);
  });
  /**
   * The index of the thread's first comment, parents followed up. Word writes a parent before its replies;
   * a parent named after its reply is not taken, so that parents naming each other end the walk.
   */
  const rootOf = (i: number): number => {
    let at = i;
    for (;;) {
      const parent = byParaId.get(extended.get(bodies[at]!.paraId)?.parent ?? '');
      if (parent === undefined || parent >= at) return at;
      at = parent;
    }
  };
  const roots = bodies.map((_, i) => rootOf(i));
  const out: ReviewComment[] = bodies.map((b, i) => {
    const anchor = where.get(b.id);
    const comment: ReviewComment = {
      id: `c${i + 1}`,
      author: b.author,
      date: b.date,
      text: b.text,
      quote: (anchor?.quote ?? '').slice(0, MAX_TEXT),
      occurrence: anchor?.occurrence ?? 0,
    };
    if (roots[i] !== i) comment.replyTo = `c${roots[i]! + 1}`;
    // Word marks the thread done on its first comment (and, since 2016, on the replies too).
    else if (extended.get(b.paraId)?.done) comment.resolvedInWord = true;
    return comment;
  });
  // Each thread in one run, in the order of its first comment, replies in the file's order.
  return out
    .map((_, i) => i)
    .sort((a, b) => roots[a]! - roots[b]! || a - b)
    .map((i) => out[i]!);
}

/** The 审核意见 of a .docx; [] when it has none or they cannot be read. */
export async function readDocxComments(bytes: Uint8Array): Promise<ReviewComment[]> {
  return (await docxComments(bytes)).comments;
}
