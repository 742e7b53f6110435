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
import { compileConfusables, wordingOfLine, type ConfusableList } from './wording';
import { WORD_LISTS } from './wordLists';

const KINDS = new Set(['heading', 'subheading', 'paragraph', 'closing']);

/** Per profile and template, computed once: the checker runs after every keystroke. */
const templates = new WeakMap<CountyProfile, WeakMap<Template, Template>>();
const confusables = new WeakMap<CountyProfile, { list: ConfusableList; key: string }>();

/**
 * The template as the county wants it: its minimum lengths, and each required figure expected in the part
 * whose sub-sections usually report it (else the first part the report year speaks of, 举措和成效).
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
  for (const id of profile.requiredFigures) {
    const part = home(id);
    if (part && !part.indicators.includes(id)) extra.set(part.id, [...(extra.get(part.id) ?? []), id]);
  }
  const result: Template = {
    ...template,
    parts: template.parts.map((p) => {
      const minChars = profile.minChars[p.id];
      const more = extra.get(p.id);
      if (minChars === undefined && !more) return p;
      return { ...p, ...(minChars !== undefined ? { minChars } : {}), ...(more ? { indicators: [...p.indicators, ...more] } : {}) };
    }),
  };
  byTemplate.set(template, result);
  return result;
}

function placeholdersOf(words: readonly string[]) {
  return (line: TextLine): RawFinding[] => {
    const findings: RawFinding[] = [];
    for (const word of words) {
      for (let i = line.text.indexOf(word); i >= 0; i = line.text.indexOf(word, i + word.length)) {
        findings.push(at('placeholder', severityOf('placeholder'), `这里还留着县里列出的占位符“${word}”，请填上实际内容。`, line, i, i + word.length));
      }
    }
    return findings;
  };
}

export function checkCounty(ctx: CheckContext, profile: CountyProfile | undefined): RawFinding[] {
  if (!profile) return [];
  const findings: RawFinding[] = [];
  if (profile.placeholders.length) {
    findings.push(...perLine(`county-placeholder|${profile.placeholders.join('\u0000')}`, ctx.plain.lines, placeholdersOf(profile.placeholders)));
  }
  if (profile.confusables.length) {
    let entry = confusables.get(profile);
    if (!entry) {
      const list = compileConfusables({ confusables: profile.confusables, keep: WORD_LISTS.keep });
      confusables.set(profile, (entry = { list, key: `county-words|${JSON.stringify(profile.confusables)}` }));
    }
    const { list, key } = entry;
    findings.push(...perLine(key, ctx.plain.lines.filter((l) => KINDS.has(l.kind)), (line) => wordingOfLine(line, list)));
  }
  return findings;
}
