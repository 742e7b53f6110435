/**
 * What a county's profile adds to the rules: its minimum lengths and required figures (as changes to the
 * template the rules read), its placeholder words (placeholder) and its confusable words (word.confusable,
 * matched by the proofreader's own matcher, with the built-in list of fixed terms kept).
 */
import type { TextLine } from '../model/plainText';
import type { CountyProfile } from '../profile/schema';
import type { Part, Template } from '../templates/schema';
import { severityOf } from './catalogue';
import { at, perLine, type CheckContext, type RawFinding } from './context';
import { compileConfusables, wordingOfLine } from './wording';
import { WORD_LISTS } from './wordLists';

const KINDS = new Set(['heading', 'subheading', 'paragraph', 'closing']);

/** Per profile and template, computed once: the checker runs after every keystroke. */
const templates = new WeakMap<CountyProfile, WeakMap<Template, Template>>();
const compiled = new WeakMap<CountyProfile, { key: string; rule: (line: TextLine) => RawFinding[] }>();

/**
 * The template as the county wants it: its minimum lengths, and (in an annual report) each required figure
 * expected in the part whose sub-sections usually report it (else the first part the report year speaks of).
 */
export function countyTemplate(template: Template, profile: CountyProfile | undefined): Template {
  if (!profile || (!profile.requiredFigures.length && !Object.keys(profile.minChars).length)) return template;
  let byTemplate = templates.get(profile);
  if (!byTemplate) templates.set(profile, (byTemplate = new WeakMap()));
  const cached = byTemplate.get(template);
  if (cached) return cached;
  const home = (id: string): Part | undefined =>
    template.parts.find((p) => p.indicators.includes(id) || p.subsections.some((s) => s.indicators.includes(id))) ??
    template.parts.find((p) => p.required && p.yearScope === 'report' && p.subsections.length > 0) ??
    template.parts.find((p) => p.required && p.yearScope === 'report');
  const extra = new Map<string, string[]>();
  // The county's figures are those of the annual report; a 述职 report speaks of one person's duties.
  for (const id of template.kind === 'annual' ? profile.requiredFigures : []) {
    const part = home(id);
    if (part && !part.indicators.includes(id)) extra.set(part.id, [...(extra.get(part.id) ?? []), id]);
  }
  const result: Template = {
    ...template,
    parts: template.parts.map((p) => {
      const minChars = profile.minChars[p.id];
      const more = extra.get(p.id);
      if (minChars === undefined && !more) return p;
      return {
        ...p,
        ...(minChars !== undefined ? { minChars } : {}),
        ...(more ? { indicators: [...p.indicators, ...more] } : {}),
      };
    }),
  };
  byTemplate.set(template, result);
  return result;
}

function placeholdersOf(line: TextLine, words: readonly string[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const word of words) {
    for (let i = line.text.indexOf(word); i >= 0; i = line.text.indexOf(word, i + word.length)) {
      findings.push(
        at(
          'placeholder',
          severityOf('placeholder'),
          `这里还留着县里列出的占位符“${word}”，请填上实际内容。`,
          line,
          i,
          i + word.length,
        ),
      );
    }
  }
  return findings;
}

/** The county's words, compiled once per profile, with the line cache's name for them. */
function wordsOf(profile: CountyProfile): { key: string; rule: (line: TextLine) => RawFinding[] } {
  let entry = compiled.get(profile);
  if (!entry) {
    const list = profile.confusables.length
      ? compileConfusables({ confusables: profile.confusables, keep: WORD_LISTS.keep })
      : null;
    const words = profile.placeholders;
    entry = {
      key: `county|${JSON.stringify([words, profile.confusables])}`,
      // Placeholders on every line (as the built-in ones); confusable words in the text, not in the title block.
      rule: (line) => [
        ...placeholdersOf(line, words),
        ...(list && KINDS.has(line.kind) ? wordingOfLine(line, list) : []),
      ],
    };
    compiled.set(profile, entry);
  }
  return entry;
}

/** One pass over the lines, through the line cache: after a keystroke only the edited line is recomputed. */
export function checkCounty(ctx: CheckContext, profile: CountyProfile | undefined): RawFinding[] {
  if (!profile || (!profile.placeholders.length && !profile.confusables.length)) return [];
  const { key, rule } = wordsOf(profile);
  return perLine(key, ctx.plain.lines, rule);
}
