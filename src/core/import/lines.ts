/**
 * Raw text → trimmed, non-empty lines. Word artifacts are removed here (and counted); a paragraph that a
 * web page or a converter glued onto the previous one ("…体系。    （三）持续加强…") is split back, so
 * its heading is seen. Only whitespace and artifacts are ever lost at this stage.
 */
import { HEADING_NUMBER_SOURCE } from '../text/numbering';

/** Bookmarks and similar marks that converters leave in the text: never the report's own words. */
const ARTIFACTS = /\[bookmark:[^\]\n]{0,200}\]|\[\s*_GoBack\s*\]|\[\]\{#[A-Za-z_][\w-]{0,100}\}|\{#_GoBack\}/g;

/** Runs of 2+ spaces after a sentence end and before a heading number mark a lost line break. */
const GLUED = new RegExp(`([。！？；：”」』）)])[\\s\\u3000]{2,}(?=${HEADING_NUMBER_SOURCE})`, 'g');

/** Invisible characters that make a line look non-empty. */
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/g;

export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

export interface SplitLines {
  lines: string[];
  artifacts: number;
}

export function splitLines(text: string): SplitLines {
  let artifacts = 0;
  const lines: string[] = [];
  for (const raw of text.split(/\r\n|[\r\n\u2028\u2029\v\f\x85]/)) {
    const cleaned = raw.replace(ARTIFACTS, () => {
      artifacts++;
      return '';
    });
    for (const piece of cleaned.replace(GLUED, '$1\n').split('\n')) {
      const t = piece.trim();
      if (!isBlank(t)) lines.push(t);
    }
  }
  return { lines, artifacts };
}
