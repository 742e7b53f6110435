/**
 * Word comments (批注) written into a copy of any .docx: word/comments.xml, its relationship and content
 * type, and for each comment w:commentRangeStart/End plus a w:commentReference run around the words it is
 * about. Runs are split where a comment starts or ends inside one, each half keeping the run's formatting;
 * every other part of the package is copied as it was stored. XML is read and written with a DOM parser
 * (@xmldom/xmldom), never with patterns.
 */
import { AppError } from '../errors';
import type { Deflater } from '../export/zip';
import { needleOf } from './annotate';
import { entryText, readZipEntries, writeZipEntries, ZipError, type Inflater, type ZipEntry } from './zipEntries';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export const DEFAULT_AUTHOR = '县司法局审核';

export interface CommentSpec {
  /** The words the comment is about, or null for the report as a whole (then it goes on the title). */
  text: string | null;
  /** Which occurrence of those words (0 = first) when they appear more than once. */
  occurrence?: number;
  /** The comment's text; "\n" starts a new paragraph. */
  message: string;
}

export interface CommentOptions {
  author?: string;
  date?: Date;
  deflater: Deflater;
  /** Node's zlib where there is one (much quicker than a DecompressionStream per part). */
  inflater?: Inflater;
}

export interface CommentedDocx {
  bytes: Uint8Array;
  /** For each comment given (summary first), whether it sits on its words or fell back to the title. */
  placed: Array<'text' | 'title'>;
}

export class DocxCommentError extends AppError {
  constructor(message: string) {
    super('format', message);
  }
}

type Xmldom = typeof import('@xmldom/xmldom');
let xmldom: Xmldom | undefined;

/** Loaded when first needed, so that commands that never write comments do not pay for it at start. */
async function loadXmldom(): Promise<Xmldom> {
  return (xmldom ??= await import('@xmldom/xmldom'));
}

function parseXml(xml: string, part: string): Document {
  const fail = () => {
    throw new DocxCommentError(`Word 文件的 ${part} 部件不是有效的 XML，无法写入批注。`);
  };
  return new xmldom!.DOMParser({
    errorHandler: { warning: () => undefined, error: fail, fatalError: fail },
  }).parseFromString(xml, 'application/xml');
}

/** Serialized with the standalone declaration Word writes, whatever the parser kept of the original's. */
function serialize(doc: Document): string {
  let root: Node | null = doc.firstChild;
  while (root && root.nodeType !== 1) root = root.nextSibling;
  return XML_DECLARATION + new xmldom!.XMLSerializer().serializeToString(root!);
}

const isW = (node: Node | null, local: string): boolean =>
  !!node && node.nodeType === 1 && (node as Element).namespaceURI === W && (node as Element).localName === local;

function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

// ——— the document's text, as runs ———

interface Segment {
  /** A w:t element and the w:r it is in. */
  t: Element;
  run: Element;
}

interface Paragraph {
  p: Element;
  segments: Segment[];
  /** The paragraph's characters without whitespace, and for each where it is: segment index and offset. */
  squashed: string;
  where: Array<[number, number]>;
}

/** Containers whose runs are not the paragraph's own text (text boxes, drawings, deleted text). */
const SKIPPED = new Set([
  'pPr',
  'rPr',
  'del',
  'moveFrom',
  'drawing',
  'pict',
  'object',
  'txbxContent',
  'AlternateContent',
]);

function collectRuns(node: Node, segments: Segment[]): void {
  for (const child of childElements(node)) {
    if (SKIPPED.has(child.localName ?? '')) continue;
    if (isW(child, 'r')) {
      for (const part of childElements(child)) if (isW(part, 't')) segments.push({ t: part, run: child });
    } else {
      collectRuns(child, segments);
    }
  }
}

/** Body paragraphs in reading order, tables and content controls included, text boxes not. */
function collectParagraphs(node: Node, out: Element[]): void {
  for (const child of childElements(node)) {
    if (isW(child, 'p')) out.push(child);
    else if (
      child.namespaceURI === W &&
      ['tbl', 'tr', 'tc', 'sdt', 'sdtContent', 'customXml', 'ins', 'moveTo'].includes(child.localName ?? '')
    )
      collectParagraphs(child, out);
  }
}

const WHITESPACE = /\s/;

function describe(p: Element): Paragraph {
  const segments: Segment[] = [];
  collectRuns(p, segments);
  let squashed = '';
  const where: Array<[number, number]> = [];
  segments.forEach((s, i) => {
    const text = s.t.textContent ?? '';
    for (let k = 0; k < text.length; k++) {
      if (WHITESPACE.test(text[k]!)) continue;
      squashed += text[k];
      where.push([i, k]);
    }
  });
  return { p, segments, squashed, where };
}

// ——— splitting runs and placing markers ———

interface Point {
  parent: Node;
  before: Node | null;
}

function setText(t: Element, text: string): void {
  while (t.firstChild) t.removeChild(t.firstChild);
  t.appendChild(t.ownerDocument!.createTextNode(text));
  // Leading or trailing spaces are kept only with xml:space="preserve".
  if (/^\s|\s$/.test(text)) t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
}

/** A new run after `run` with the same properties, taking `from` and everything after it. */
function splitRunBefore(run: Element, from: Node): Element {
  const clone = run.cloneNode(false) as Element;
  const rPr = childElements(run).find((c) => isW(c, 'rPr'));
  if (rPr) clone.appendChild(rPr.cloneNode(true));
  for (let node: Node | null = from; node;) {
    const next: Node | null = node.nextSibling;
    clone.appendChild(node);
    node = next;
  }
  run.parentNode!.insertBefore(clone, run.nextSibling);
  return clone;
}

const isContent = (node: Node) =>
  !(node.nodeType === 1 && isW(node, 'rPr')) && (node.nodeType === 1 || (node.nodeValue ?? '').trim() !== '');

/** The point in the document just before character `offset` of segment's w:t (offset may equal its length). */
function pointAt(segment: Segment, offset: number): Point {
  const { t, run } = segment;
  const text = t.textContent ?? '';
  let prev = t.previousSibling;
  while (prev && !isContent(prev)) prev = prev.previousSibling;
  let next = t.nextSibling;
  while (next && !isContent(next)) next = next.nextSibling;
  if (offset <= 0) {
    if (!prev) return { parent: run.parentNode!, before: run };
    return { parent: run.parentNode!, before: splitRunBefore(run, t) };
  }
  if (offset >= text.length) {
    if (!next) return { parent: run.parentNode!, before: run.nextSibling };
    return { parent: run.parentNode!, before: splitRunBefore(run, t.nextSibling!) };
  }
  const rest = t.cloneNode(false) as Element;
  setText(rest, text.slice(offset));
  setText(t, text.slice(0, offset));
  t.parentNode!.insertBefore(rest, t.nextSibling);
  return { parent: run.parentNode!, before: splitRunBefore(run, rest) };
}

/** Where runs may go after `marker`: beside it in the paragraph, or after the paragraph child holding it. */
function afterInParagraph(marker: Element): Point {
  let node: Node = marker;
  while (node.parentNode && !isW(node.parentNode, 'p')) node = node.parentNode;
  if (node === marker || !node.parentNode) return { parent: marker.parentNode!, before: marker.nextSibling };
  return { parent: node.parentNode, before: node.nextSibling };
}

// ——— the package around the document ———

function partDir(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

function relsPath(part: string): string {
  return `${partDir(part)}_rels/${part.slice(partDir(part).length)}.rels`;
}

/** Resolve a relationship target against its source part, as OPC does ("../x", "/x", "x"). */
function resolveTarget(source: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : partDir(source) + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

function relativeTarget(source: string, part: string): string {
  const dir = partDir(source);
  return part.startsWith(dir) ? part.slice(dir.length) : `/${part}`;
}

function commentParagraphs(doc: Document, message: string): Element[] {
  return message.split('\n').map((line, i) => {
    const p = doc.createElementNS(W, 'w:p');
    if (i === 0) {
      const ref = doc.createElementNS(W, 'w:r');
      ref.appendChild(doc.createElementNS(W, 'w:annotationRef'));
      p.appendChild(ref);
    }
    const r = doc.createElementNS(W, 'w:r');
    const t = doc.createElementNS(W, 'w:t');
    setText(t, line);
    r.appendChild(t);
    p.appendChild(r);
    return p;
  });
}

/** Word writes comment dates without fractions of a second. */
function wordDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A copy of `docx` with the summary on the title and each comment on its words (or on the title when its
 * words are not found). The input is never changed; an unusable file throws DocxCommentError or ZipError
 * with a Chinese message.
 */
export async function addComments(
  docx: Uint8Array,
  summary: string | null,
  comments: readonly CommentSpec[],
  options: CommentOptions,
): Promise<CommentedDocx> {
  await loadXmldom();
  const entries = readZipEntries(docx);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = async (name: string): Promise<string | undefined> => {
    const entry: ZipEntry | undefined = byName.get(name);
    return entry ? entryText(entry, options.inflater) : undefined;
  };

  const rootRelsXml = await text('_rels/.rels');
  const typesXml = await text('[Content_Types].xml');
  if (!rootRelsXml || !typesXml) throw new DocxCommentError('不是有效的 Word 文件（缺少包的目录部件）。');
  const rootRels = parseXml(rootRelsXml, '_rels/.rels');
  const mainRel = Array.from(rootRels.getElementsByTagNameNS(RELS, 'Relationship')).find(
    (r) => r.getAttribute('Type') === OFFICE_DOCUMENT,
  );
  if (!mainRel) throw new DocxCommentError('不是有效的 Word 文件（找不到正文部件）。');
  const mainPart = resolveTarget('', mainRel.getAttribute('Target') ?? '');
  const mainXml = await text(mainPart);
  if (mainXml === undefined) throw new DocxCommentError('不是有效的 Word 文件（找不到正文部件）。');

  const document = parseXml(mainXml, mainPart);
  const root = document.documentElement;
  if (root?.namespaceURI === W_STRICT)
    throw new DocxCommentError(
      '这是“严格 Open XML”格式的 Word 文件，暂不能写入批注。请在 Word 中另存为普通的 .docx 后再试。',
    );
  // w:body is the root's child; getElementsByTagNameNS would walk the whole document for it.
  const body = root
    ? (childElements(root).find((c) => isW(c, 'body')) ?? Array.from(document.getElementsByTagNameNS(W, 'body'))[0])
    : undefined;
  if (!body) throw new DocxCommentError('不是有效的 Word 文件（正文部件中没有 w:body）。');

  // The comments part: the one the document already has, or a new word/comments.xml.
  const docRelsPath = relsPath(mainPart);
  const docRelsXml = await text(docRelsPath);
  const docRels = parseXml(docRelsXml ?? `<Relationships xmlns="${RELS}"/>`, docRelsPath);
  const relations = Array.from(docRels.getElementsByTagNameNS(RELS, 'Relationship'));
  const commentsRel = relations.find(
    (r) => r.getAttribute('Type') === COMMENTS_REL && r.getAttribute('TargetMode') !== 'External',
  );
  const commentsPart = commentsRel
    ? resolveTarget(mainPart, commentsRel.getAttribute('Target') ?? '')
    : `${partDir(mainPart)}comments.xml`;
  const existingComments = commentsRel ? await text(commentsPart) : undefined;
  const commentsDoc = parseXml(existingComments ?? `<w:comments xmlns:w="${W}"/>`, commentsPart);

  // New ids follow every id already used by a comment or a comment anchor.
  let nextId = 0;
  const takeId = (el: Element) => (nextId = Math.max(nextId, Number(el.getAttributeNS(W, 'id')) + 1 || nextId));
  for (const el of Array.from(commentsDoc.getElementsByTagNameNS(W, 'comment'))) takeId(el);
  // One walk of the document for both kinds of anchor (each getElementsByTagNameNS is a walk of its own).
  const anchorsIn = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      if (isW(c, 'commentRangeStart') || isW(c, 'commentReference')) takeId(c as Element);
      else anchorsIn(c);
    }
  };
  anchorsIn(document);

  const pElements: Element[] = [];
  collectParagraphs(body, pElements);
  const paragraphs = pElements.map(describe);
  let title = paragraphs.find((p) => p.squashed.length > 0)?.p ?? pElements[0];
  if (!title) {
    title = document.createElementNS(W, 'w:p');
    body.insertBefore(title, childElements(body).find((c) => isW(c, 'sectPr')) ?? null);
  }

  // Where each comment goes: a range of squashed characters in one paragraph, or the title.
  interface Anchor {
    id: number;
    paragraph?: Paragraph;
    from?: number;
    to?: number;
  }
  const all: CommentSpec[] = summary === null ? [...comments] : [{ text: null, message: summary }, ...comments];
  const anchors: Anchor[] = all.map((spec) => {
    const id = nextId++;
    const needle = spec.text ? needleOf(spec.text) : '';
    if (!needle) return { id };
    const hits: Array<[Paragraph, number]> = [];
    for (const p of paragraphs) {
      for (let at = p.squashed.indexOf(needle); at >= 0; at = p.squashed.indexOf(needle, at + 1)) hits.push([p, at]);
      if (hits.length > (spec.occurrence ?? 0)) break;
    }
    const hit = hits[spec.occurrence ?? 0] ?? hits[0];
    return hit ? { id, paragraph: hit[0], from: hit[1], to: hit[1] + needle.length } : { id };
  });

  // Markers inside runs, placed from the end of the document backwards, so that splitting a run never
  // moves a character a later (earlier-placed) marker still has to find.
  interface Mark {
    anchor: Anchor;
    kind: 'start' | 'end';
    /** Paragraph, segment, character: where the mark goes, for sorting. */
    order: [number, number, number];
    segment: Segment;
    offset: number;
  }
  const marks: Mark[] = [];
  const paragraphOrder = new Map(paragraphs.map((p, i) => [p, i]));
  for (const anchor of anchors) {
    if (!anchor.paragraph) continue;
    const { where, segments } = anchor.paragraph;
    const [si, so] = where[anchor.from!]!;
    const [ei, eo] = where[anchor.to! - 1]!;
    const pi = paragraphOrder.get(anchor.paragraph)!;
    marks.push({ anchor, kind: 'start', order: [pi, si, so], segment: segments[si]!, offset: so });
    marks.push({ anchor, kind: 'end', order: [pi, ei, eo + 1], segment: segments[ei]!, offset: eo + 1 });
  }
  marks.sort((a, b) => b.order[0] - a.order[0] || b.order[1] - a.order[1] || b.order[2] - a.order[2]);
  const ends = new Map<number, Element>();
  for (const mark of marks) {
    const point = pointAt(mark.segment, mark.offset);
    const marker = document.createElementNS(W, mark.kind === 'start' ? 'w:commentRangeStart' : 'w:commentRangeEnd');
    marker.setAttributeNS(W, 'w:id', String(mark.anchor.id));
    point.parent.insertBefore(marker, point.before);
    if (mark.kind === 'end') ends.set(mark.anchor.id, marker);
  }

  // Comments without words of their own span the title paragraph's content.
  const titleAnchors = anchors.filter((a) => !a.paragraph);
  if (titleAnchors.length) {
    const pPr = childElements(title).find((c) => isW(c, 'pPr'));
    const first = pPr ? pPr.nextSibling : title.firstChild;
    for (const anchor of titleAnchors) {
      const start = document.createElementNS(W, 'w:commentRangeStart');
      start.setAttributeNS(W, 'w:id', String(anchor.id));
      title.insertBefore(start, first);
      const end = document.createElementNS(W, 'w:commentRangeEnd');
      end.setAttributeNS(W, 'w:id', String(anchor.id));
      title.appendChild(end);
      ends.set(anchor.id, end);
    }
  }

  // Each range end is followed by the run carrying the comment's reference mark.
  for (const anchor of anchors) {
    const end = ends.get(anchor.id)!;
    const point = afterInParagraph(end);
    const run = document.createElementNS(W, 'w:r');
    const reference = document.createElementNS(W, 'w:commentReference');
    reference.setAttributeNS(W, 'w:id', String(anchor.id));
    run.appendChild(reference);
    point.parent.insertBefore(run, point.before);
  }

  const author = options.author?.trim() || DEFAULT_AUTHOR;
  const date = wordDate(options.date ?? new Date());
  const commentsRoot = commentsDoc.documentElement!;
  all.forEach((spec, i) => {
    const comment = commentsDoc.createElementNS(W, 'w:comment');
    comment.setAttributeNS(W, 'w:id', String(anchors[i]!.id));
    comment.setAttributeNS(W, 'w:author', author);
    comment.setAttributeNS(W, 'w:date', date);
    comment.setAttributeNS(W, 'w:initials', author.slice(0, 2));
    // A comment that could not sit on its words quotes them, so the town still finds the place.
    const message =
      spec.text && !anchors[i]!.paragraph
        ? `${spec.message}\n（原文：“${spec.text.trim().slice(0, 60)}”）`
        : spec.message;
    for (const p of commentParagraphs(commentsDoc, message)) comment.appendChild(p);
    commentsRoot.appendChild(comment);
  });

  const replaced = new Map<string, string>([
    [mainPart, serialize(document)],
    [commentsPart, serialize(commentsDoc)],
  ]);
  if (!commentsRel) {
    const ids = new Set(relations.map((r) => r.getAttribute('Id')));
    let n = relations.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const rel = docRels.createElementNS(RELS, 'Relationship');
    rel.setAttribute('Id', `rId${n}`);
    rel.setAttribute('Type', COMMENTS_REL);
    rel.setAttribute('Target', relativeTarget(mainPart, commentsPart));
    docRels.documentElement!.appendChild(rel);
    replaced.set(docRelsPath, serialize(docRels));
  }
  const types = parseXml(typesXml, '[Content_Types].xml');
  const overrides = Array.from(types.getElementsByTagNameNS(CONTENT_TYPES, 'Override'));
  if (!overrides.some((o) => (o.getAttribute('PartName') ?? '').toLowerCase() === `/${commentsPart}`.toLowerCase())) {
    const override = types.createElementNS(CONTENT_TYPES, 'Override');
    override.setAttribute('PartName', `/${commentsPart}`);
    override.setAttribute('ContentType', COMMENTS_TYPE);
    types.documentElement!.appendChild(override);
    replaced.set('[Content_Types].xml', serialize(types));
  }

  return {
    bytes: writeZipEntries(entries, replaced, options.deflater),
    placed: anchors.map((a) => (a.paragraph ? 'text' : 'title')),
  };
}

export { ZipError };
