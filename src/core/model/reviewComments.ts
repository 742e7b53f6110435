/**
 * The county's 审核意见 in the report: where each one is now, and whether the clerk has dealt with it.
 * A comment keeps its words, not offsets (as a finding's fingerprint does), so that typing elsewhere never
 * moves it: its place is looked up again in the current plain text, whitespace ignored (a comment across
 * two paragraphs, or on a heading whose number Word generated, still matches).
 */
import type { PlainText } from './plainText';
import type { ReportDocument, ReviewComment } from './report';

/**
 * 已处理 is recorded with the 忽略 of findings, in ignoredFindings, under this key: one list of what the
 * clerk has dismissed, so marking a comment done is saved and undone (Ctrl+Z) exactly as 忽略 is. No
 * finding's fingerprint starts with it (fingerprints start with a rule id).
 */
export function reviewCommentKey(id: string): string {
  return `审核意见:${id}`;
}

export function isResolved(doc: Pick<ReportDocument, 'ignoredFindings'>, comment: ReviewComment): boolean {
  return doc.ignoredFindings.includes(reviewCommentKey(comment.id));
}

const SPACE = /\s/;

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The plain text without whitespace, and for each of its characters the offset it came from. */
export interface SquashedText {
  text: string;
  from: Int32Array;
}

export function squashed(plain: PlainText): SquashedText {
  const source = plain.text;
  const from = new Int32Array(source.length);
  let text = '';
  let k = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (SPACE.test(c)) continue;
    from[k++] = i;
    text += c;
  }
  return { text, from: from.subarray(0, k) };
}

function nth(haystack: string, needle: string, n: number): number {
  let at = haystack.indexOf(needle);
  for (let i = 0; i < n && at >= 0; i++) at = haystack.indexOf(needle, at + 1);
  return at;
}

/**
 * Where the comment's words are in the plain text now: [start, end), or null when the clerk has rewritten
 * them (or the comment names no words). The same occurrence when it is still there, else the first one;
 * a quote of several paragraphs whose later ones changed is found by its first line.
 */
export function locateReviewComment(
  comment: Pick<ReviewComment, 'quote' | 'occurrence'>,
  plain: PlainText,
  text: SquashedText = squashed(plain),
): { start: number; end: number } | null {
  const candidates = [squash(comment.quote)];
  const firstLine = squash(comment.quote.split('\n').find((line) => line.trim()) ?? '');
  if (firstLine && firstLine !== candidates[0]) candidates.push(firstLine);
  for (const needle of candidates) {
    if (!needle) continue;
    let at = nth(text.text, needle, comment.occurrence);
    if (at < 0) at = text.text.indexOf(needle);
    if (at < 0) continue;
    return { start: text.from[at]!, end: text.from[at + needle.length - 1]! + 1 };
  }
  return null;
}

/** A reply in a thread, as the panel shows it under the comment it answers. */
export interface ReviewReplyState {
  id: string;
  author: string;
  date: string;
  text: string;
}

/**
 * Each thread as the panel shows it and `check --json` lists it (shared/spec/cli.md: fields added, none
 * changed): its first comment, with the replies under it in order. 已处理 is the thread's.
 */
export interface ReviewCommentState {
  id: string;
  author: string;
  date: string;
  text: string;
  quote: string;
  /** Offsets into the plain text, as findings give them; null when the words are no longer found. */
  start: number | null;
  end: number | null;
  resolved: boolean;
  /** The reviewer marked it 已解决 in Word (it came in as 已处理). */
  resolvedInWord: boolean;
  replies: ReviewReplyState[];
}

/** The first comment of each thread, and its replies in order; a reply whose thread is gone stands alone. */
export function reviewThreads(
  comments: readonly ReviewComment[],
): Array<{ comment: ReviewComment; replies: ReviewComment[] }> {
  const roots = new Set(comments.filter((c) => !c.replyTo).map((c) => c.id));
  const threads = new Map<string, { comment: ReviewComment; replies: ReviewComment[] }>();
  for (const c of comments) if (!c.replyTo || !roots.has(c.replyTo)) threads.set(c.id, { comment: c, replies: [] });
  for (const c of comments) if (c.replyTo && roots.has(c.replyTo)) threads.get(c.replyTo)!.replies.push(c);
  return [...threads.values()];
}

/** What the import says of a file's comments: the items the clerk will see, replies, and those resolved in Word. */
export function reviewCommentSummary(comments: readonly ReviewComment[] | undefined): {
  threads: number;
  replies: number;
  resolvedInWord: number;
} {
  const threads = reviewThreads(comments ?? []);
  return {
    threads: threads.length,
    replies: threads.reduce((n, t) => n + t.replies.length, 0),
    resolvedInWord: threads.filter((t) => t.comment.resolvedInWord).length,
  };
}

/** The keys that put away, on import, the threads the reviewer marked 已解决 in Word. */
export function resolvedInWordKeys(comments: readonly ReviewComment[]): string[] {
  return reviewThreads(comments)
    .filter((t) => t.comment.resolvedInWord)
    .map((t) => reviewCommentKey(t.comment.id));
}

export function reviewCommentStates(doc: ReportDocument, plain: PlainText): ReviewCommentState[] {
  const comments = doc.reviewComments ?? [];
  if (comments.length === 0) return [];
  const text = squashed(plain);
  return reviewThreads(comments).map(({ comment: c, replies }) => {
    const at = locateReviewComment(c, plain, text);
    return {
      id: c.id,
      author: c.author,
      date: c.date,
      text: c.text,
      quote: c.quote,
      start: at?.start ?? null,
      end: at?.end ?? null,
      resolved: isResolved(doc, c),
      resolvedInWord: c.resolvedInWord === true,
      replies: replies.map((r) => ({ id: r.id, author: r.author, date: r.date, text: r.text })),
    };
  });
}
