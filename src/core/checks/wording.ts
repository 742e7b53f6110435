/**
 * word.confusable (checks.md "Language"): words a county reviewer marks in this genre — 其它, 截止（到某日）,
 * 制订（法规）, 法制建设 — from the word list in templates/wording.json. Fixed terms that keep 法制 (法制审核,
 * 法制机构…) and anything inside quotation marks or 《》 are left alone.
 */
import type { TextLine } from '../model/plainText';
import { at, type RawFinding } from './context';
import { severityOf } from './catalogue';
import { inSpans, quotedSpans } from './quoted';
import type { Severity } from './types';
import { WORD_LISTS, type WordLists } from './wordLists';

interface Compiled {
  wrong: string;
  right: string;
  why: string;
  followedBy: RegExp | null;
  severity: Severity;
}

function compile(lists: Pick<WordLists, 'confusables'>): Compiled[] {
  // Longest first, so that 截止到 is reported once rather than also as 截止.
  return [...lists.confusables]
    .sort((a, b) => b.wrong.length - a.wrong.length)
    .map((c) => ({
      wrong: c.wrong,
      right: c.right,
      why: c.why,
      followedBy: c.followedBy?.length ? new RegExp(`^\\s*(?:${c.followedBy.join('|')})`) : null,
      severity: c.severity ?? severityOf('word.confusable'),
    }));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A word list compiled once; a county's additions (its profile) are compiled the same way. */
export interface ConfusableList {
  compiled: Compiled[];
  /** One scan of the line finds whether any listed word is there at all. */
  anyWord: RegExp;
  keep: readonly string[];
}

export function compileConfusables(lists: Pick<WordLists, 'confusables' | 'keep'>): ConfusableList {
  const compiled = compile(lists);
  return {
    compiled,
    anyWord: compiled.length ? new RegExp(compiled.map((c) => escape(c.wrong)).join('|')) : /(?!)/,
    keep: lists.keep,
  };
}

const BUILT_IN = compileConfusables(WORD_LISTS);

/** Ranges of the line covered by a fixed term of the keep list. */
function keptSpans(text: string, keep: readonly string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const term of keep) {
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) spans.push([i, i + term.length]);
  }
  return spans;
}

export function wordingOfLine(line: TextLine, list: ConfusableList = BUILT_IN): RawFinding[] {
  const text = line.text;
  if (!list.anyWord.test(text)) return [];
  const quoted = quotedSpans(text);
  const kept = keptSpans(text, list.keep);
  const taken: Array<[number, number]> = [];
  const findings: RawFinding[] = [];
  for (const c of list.compiled) {
    for (let i = text.indexOf(c.wrong); i >= 0; i = text.indexOf(c.wrong, i + 1)) {
      const end = i + c.wrong.length;
      if (inSpans(quoted, i, end) || inSpans(taken, i, end)) continue;
      // Inside a kept term only when the term covers the whole match.
      if (kept.some(([s, e]) => s <= i && end <= e)) continue;
      if (c.followedBy && !c.followedBy.test(text.slice(end, end + 24))) continue;
      taken.push([i, end]);
      findings.push(
        at('word.confusable', c.severity, `“${c.wrong}”应为“${c.right}”：${c.why}。`, line, i, end, {
          label: `改为“${c.right}”`,
          replacement: c.right,
        }),
      );
    }
  }
  return findings;
}
