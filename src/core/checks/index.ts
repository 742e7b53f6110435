/**
 * The checker: reads a report model and says what a county reviewer would send back.
 * The app, the CLI and the tests all call `checkReport`; nothing else computes a rule.
 */
import { toPlainText, type PlainText } from '../model/plainText';
import type { ReportDocument } from '../model/report';
import { defaultRegistry, type TemplateRegistry } from '../templates/registry';
import type { Template } from '../templates/schema';
import type { CountyProfile } from '../profile/schema';
import { applyRuleSettings, RULES, type RuleSettings } from './catalogue';
import type { CheckContext, Deadlines, RawFinding } from './context';
import { checkCounty, countyTemplate } from './county';
import { calendarOf, indicatorsOf } from './countyLists';
import { checkEmptyHeadings } from './emptyHeadings';
import { checkForm } from './form';
import { checkIndicators, findIndicators, summariseIndicators } from './indicators';
import { checkPrevious } from './previous';
import { checkPlaceholders, checkPrivacy, privacyOfLines } from './privacy';
import { checkHeadings, checkStructure, summariseSections } from './structure';
import { compareFindings, type CheckResult, type Finding } from './types';
import { checkYears } from './years';
import { checkProofreading } from './proofread';
import { FULL_WIDTH_DIGIT, halfWidthDigits } from '../text/numerals';

/**
 * The report as the rules read figures and years: full-width digits ("２０２４年", "３１２件") as the numbers they
 * are, so that a report typed with them is not told it names no year or no figure. One character for one,
 * so every offset holds for the text as written. JSON syntax has no full-width digit, so folding the
 * serialised model touches the report's words only.
 */
function asRead(doc: ReportDocument, plain: PlainText): ReportDocument {
  if (!FULL_WIDTH_DIGIT.test(plain.text)) return doc;
  return JSON.parse(halfWidthDigits(JSON.stringify(doc))) as ReportDocument;
}

export interface CheckOptions {
  registry?: TemplateRegistry;
  /** Overrides the template named in the document. */
  template?: Template;
  /** Overrides the report year found in the document. */
  year?: number;
  /** Counties tighten deadlines: publication as "MM-DD" of the following year (default 04-01). */
  deadlines?: Partial<Deadlines>;
  /** The county's profile (core/profile): its deadline, outlines' lengths and figures, words and rule settings. */
  profile?: CountyProfile;
}

/**
 * Fingerprints say which finding this is without absolute offsets, so that an ignored finding stays
 * ignored while the clerk edits elsewhere: rule, part, the text it is about, and its occurrence number.
 */
function fingerprint(raw: RawFinding[], text: string): Finding[] {
  const seen = new Map<string, number>();
  return raw.map((f) => {
    const subject = f.start !== null && f.end !== null ? text.slice(f.start, f.end) : f.message;
    const base = `${f.rule}|${f.section ?? ''}|${subject}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...f, fingerprint: n ? `${base}|${n}` : base };
  });
}

/** The report as the rules read it (full-width digits made half-width) with its plain text, and its own text. */
function readText(doc: ReportDocument): { plain: PlainText; read: ReportDocument; readPlain: PlainText } {
  const plain = toPlainText(doc);
  const read = asRead(doc, plain);
  return { plain, read, readPlain: read === doc ? plain : toPlainText(read) };
}

/** Raw findings fingerprinted against the report's own text, in order, split by the clerk's 忽略. */
function settle(raw: RawFinding[], doc: ReportDocument, plain: PlainText, profile: RuleSettings | undefined) {
  const all = fingerprint(applyRuleSettings(raw, profile), plain.text).sort(compareFindings);
  const ignoredSet = new Set(doc.ignoredFindings);
  return {
    findings: all.filter((f) => !ignoredSet.has(f.fingerprint)),
    ignored: all.filter((f) => ignoredSet.has(f.fingerprint)),
  };
}

export function checkReport(doc: ReportDocument, options: CheckOptions = {}): CheckResult {
  const registry = options.registry ?? defaultRegistry;
  const profile = options.profile;
  const template = countyTemplate(options.template ?? registry.getOrDefault(doc.meta.templateId), profile);
  const year = options.year ?? doc.meta.year;
  const { plain, read, readPlain } = readText(doc);
  const ctx: CheckContext = {
    doc: read,
    plain: readPlain,
    template,
    parts: template.parts,
    year,
    deadlines: {
      publish: options.deadlines?.publish ?? profile?.deadline ?? String(RULES['date.format'].params!.publishDeadline),
    },
    indicators: indicatorsOf(profile),
    calendar: calendarOf(profile),
  };
  const found = findIndicators(ctx);
  const raw = [
    ...checkStructure(ctx),
    ...checkHeadings(ctx),
    ...checkIndicators(ctx, found),
    ...checkYears(ctx),
    ...checkPrivacy(ctx),
    ...checkPlaceholders(ctx),
    ...checkForm(ctx),
    ...checkPrevious(ctx),
    // number.form says a full-width digit should be half-width: it reads the digits as typed.
    ...checkProofreading(read === doc ? ctx : { ...ctx, doc, plain }),
    ...checkEmptyHeadings(ctx),
    ...checkCounty(ctx, profile),
  ];
  const { findings, ignored } = settle(raw, doc, plain, profile);
  return {
    template: template.id,
    unit: doc.meta.unit,
    year,
    title: doc.meta.title.replace(/\n/g, ''),
    sections: summariseSections(ctx),
    indicators: summariseIndicators(ctx, found),
    findings,
    ignored,
    ready: !findings.some((f) => f.severity === 'error'),
  };
}

/**
 * The privacy rules alone (phone, ID number, staff lines, names), fingerprinted and with the county's rule
 * settings and the clerk's 忽略 applied exactly as checkReport gives them with the same profile: what every
 * export must hold back (publish.ts). The CLI's export is a fresh process, where the whole check, cold, costs
 * tens of milliseconds for findings it does not need.
 */
export function checkPrivateText(doc: ReportDocument, settings?: RuleSettings): Finding[] {
  const { plain, readPlain } = readText(doc);
  return settle(privacyOfLines(readPlain.lines), doc, plain, settings).findings;
}

export type { CheckResult, Finding, Severity } from './types';
