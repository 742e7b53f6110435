/**
 * The proofreader's rule families (numbers.ts, marks.ts, wording.ts, relativeTime.ts, genre.ts) run in one
 * pass over the lines, through one line cache: after a keystroke only the edited line is recomputed, and
 * the other lines cost one cache lookup for all five families rather than one each.
 */
import type { TextLine } from '../model/plainText';
import { perLine, type CheckContext, type RawFinding } from './context';
import { closingOf, genreOfLine } from './genre';
import { marksOfLine } from './marks';
import { fullWidthDigitsOfLine, numbersOfLine } from './numbers';
import { relativeTimeOfLine } from './relativeTime';
import { wordingOfLine } from './wording';

const KINDS = new Set(['heading', 'subheading', 'paragraph', 'closing', 'attachment']);
/** The lines around the text (the checker reads their years folded to half-width): only their digits' width here. */
const META_KINDS = new Set(['docNumber', 'title', 'date']);

function proofreadLine(year: number | null) {
  return (line: TextLine): RawFinding[] => {
    // An attachment line is a document's name: only its marks are ours to check.
    if (line.kind === 'attachment') return marksOfLine(line);
    // Appended in place: most lines yield nothing, and five spreads per line were most of the cost here.
    const findings = numbersOfLine(line);
    for (const part of [
      marksOfLine(line),
      wordingOfLine(line),
      relativeTimeOfLine(line, year),
      genreOfLine(line, year),
    ])
      for (const f of part) findings.push(f);
    return findings;
  };
}

export function checkProofreading(ctx: CheckContext): RawFinding[] {
  // Fixes of relative time and repealed bases depend on the report year: one cache per year.
  const findings = perLine(
    `proofread@${ctx.year ?? ''}`,
    ctx.plain.lines.filter((l) => KINDS.has(l.kind)),
    proofreadLine(ctx.year),
  );
  for (const line of ctx.plain.lines) if (META_KINDS.has(line.kind)) findings.push(...fullWidthDigitsOfLine(line));
  // Where the closing formula stands depends on the lines after it: one cheap pass over the whole report.
  findings.push(...closingOf(ctx.plain.lines));
  return findings;
}
