/**
 * Next year's report from last year's: same unit, addressee, signature and outline (last year's part
 * headings with their years moved on, the areas of 举措和成效 kept as sub-headings, any required part
 * last year lacked added from the template); last year's plans become a checklist in this year's
 * 举措和成效, each to be answered with what was done; last year's figures are kept beside this year's for
 * 同比. No sentence of last year's body is copied in: the clerk writes this year's text.
 */
import { checkReport } from '../checks/index';
import { classifyHeading, partsNamed } from '../import/mapParts';
import { createReportFromTemplate, partHeading, partNumbering } from '../model/fromTemplate';
import { OPENING_PART, type Block, type ReportDocument, type Section } from '../model/report';
import { defaultRegistry, type TemplateRegistry } from '../templates/registry';
import type { Template } from '../templates/schema';
import type { CountyProfile } from '../profile/model';
import { OUTCOME_LABEL, PROMISE_PREFIX, promisePrefix } from '../text/conventions';
import { enumeratedItems, headingNumber, stripHeadingNumber } from '../text/numbering';

/** The marker the checker looks for (rule previous.unanswered): "2026年计划：…　完成情况：<answer>" in the 2026 draft. */
export { OUTCOME_LABEL, PROMISE_PREFIX };

export interface DraftOptions {
  registry?: TemplateRegistry;
  /** 成文日期 of the new report, as written. */
  date?: string;
  /** The year the new report covers, when last year's report does not say which year it was (or says it wrongly). */
  year?: number;
  /** The county's profile: last year's figures are read with its figures (数据项) too. */
  profile?: CountyProfile;
}

/** Nesting rank of a numbering form: 第一部分 (0) above 一、 (1) … above （1） (4); 99 for no number. */
function rank(text: string): number {
  return headingNumber(text, true)?.level ?? 99;
}

/** The promise of an item: its run-in heading or first sentence, without the number. */
function promiseOf(item: string): string {
  const text = stripHeadingNumber(item);
  const end = text.search(/[。；;]/);
  // A "；" closes one item of a list ("一是加强培训；二是……"), not the promise.
  return (end > 0 ? text.slice(0, end + 1) : text).trim().replace(/[；;]$/, '');
}

/**
 * The promises of a plans section: its numbered items of the outermost numbering level (first sentence
 * each); without numbers, the "一是…二是…" items of its paragraphs; else each paragraph that is not a
 * lead-in ("2025年，我镇将重点抓好以下工作：").
 */
export function promisesOf(blocks: readonly Block[]): string[] {
  const texts = blocks.map((b) => b.text.trim()).filter(Boolean);
  const ranks = texts.map(rank);
  const top = Math.min(...ranks);
  if (top < 99)
    return texts
      .filter((_, i) => ranks[i] === top)
      .map(promiseOf)
      .filter(Boolean);
  const enumerated = texts.flatMap(enumeratedItems);
  if (enumerated.length >= 2) return enumerated.map(promiseOf).filter(Boolean);
  return texts
    .filter((t) => !/[：:]$/.test(t))
    .map(promiseOf)
    .filter(Boolean);
}

/** Where a paragraph turns to next year's plans: "下一步，我镇将……", "2025年，我镇将……", "今后，……". */
const TURN_TO_PLANS =
  /(?:^|[。；;！]\s*)(?=(下一步|下步|今后|下一年度?|明年|(\d{4})\s*年)[^。；;]{0,30}?(?:将|要|计划|打算|拟|继续|重点|着力|坚持))/g;

/**
 * The plans half of a part that combines them with another ("三、存在的问题及下一步打算"): the blocks
 * under its sub-heading that names the plans ("（二）下一步打算"), else from the sentence that turns to
 * them ("下一步，我镇将……") to the end of the part. Empty when the part never turns to plans.
 */
export function plansHalf(section: Section, template: Template, year: number | null, plansId: string): Block[] {
  const blocks = section.blocks;
  const head = blocks.findIndex(
    (b) => b.kind === 'subheading' && classifyHeading(b.text, template, year)?.part.id === plansId,
  );
  if (head >= 0) {
    const level = (blocks[head] as { level: number }).level;
    const end = blocks.findIndex((b, i) => i > head && b.kind === 'subheading' && b.level <= level);
    return blocks.slice(head + 1, end < 0 ? undefined : end);
  }
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'paragraph') continue;
    // A year turns to plans only when it is the next one: "2024年执法力量仍要加强" is last year's problem.
    const m = [...b.text.matchAll(TURN_TO_PLANS)].find(
      (t) => t[2] === undefined || (year !== null && Number(t[2]) === year + 1),
    );
    if (!m) continue;
    const rest = b.text.slice(m.index + m[0].length).trim();
    return [{ kind: 'paragraph', text: rest }, ...blocks.slice(i + 1)];
  }
  return [];
}

/** "三、2024年工作计划" in the 2023 report → "三、2025年工作计划" in the 2024 one. */
function moveYears(text: string, lastYear: number | null): string {
  if (lastYear === null) return text;
  return text.replace(/(\d{4})(?=\s*年)/g, (y) => {
    const n = Number(y);
    return n === lastYear || n === lastYear + 1 ? String(n + 1) : y;
  });
}

/** Last year's outline, emptied: headings kept (years moved on), measures areas kept as sub-headings. */
function outlineOf(previous: ReportDocument, template: Template, lastYear: number | null): Section[] {
  const measures = template.parts[0]?.id;
  const sections: Section[] = [
    { key: 'opening', part: OPENING_PART, heading: '', blocks: [{ kind: 'paragraph', text: '' }] },
  ];
  for (const s of previous.sections) {
    if (!s.heading) continue;
    const blocks: Block[] = [];
    if (s.part === measures) {
      for (const b of s.blocks) {
        if (b.kind === 'subheading' && b.level === 2)
          blocks.push(
            { kind: 'subheading', level: 2, text: moveYears(b.text, lastYear) },
            { kind: 'paragraph', text: '' },
          );
      }
    }
    if (blocks.length === 0) blocks.push({ kind: 'paragraph', text: '' });
    // A part last year shared with another ("存在的问题及下一步打算") is two parts this year, as the template
    // has them: the plans get their own part (below), so this one takes its own part's title.
    const own = s.part === null ? undefined : template.parts.find((p) => p.id === s.part);
    const heading =
      own && partsNamed(s.heading, template, lastYear).length > 1 ? own.title : moveYears(s.heading, lastYear);
    sections.push({ key: `s${sections.length}`, part: s.part, heading, blocks });
  }
  // Required parts last year lacked, where the template puts them.
  const order = (part: string | null) => template.parts.findIndex((p) => p.id === part);
  template.parts.forEach((part, index) => {
    if (!part.required || sections.some((s) => s.part === part.id)) return;
    const after = sections.reduce((at, s, i) => (order(s.part) >= 0 && order(s.part) < index ? i : at), 0);
    sections.splice(after + 1, 0, {
      key: part.id,
      part: part.id,
      heading: part.title,
      blocks: [{ kind: 'paragraph', text: '' }],
    });
  });
  // Numbered afresh, so inserted parts never break the sequence, in last year's form: 第一部分 stays 第一部分
  // (its sub-points kept above are 一、二、), anything else becomes 一、二、三….
  const level = partNumbering(previous.sections);
  let n = 0;
  return sections.map((s) =>
    s.heading ? { ...s, heading: partHeading(n++, stripHeadingNumber(s.heading).replace(/[：:]\s*$/, ''), level) } : s,
  );
}

/** Last year's figures: the form's, else those the checker finds in last year's prose. */
function figuresOf(
  previous: ReportDocument,
  registry: TemplateRegistry,
  profile: CountyProfile | undefined,
): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const [id, entry] of Object.entries(previous.indicators)) if (entry.value !== null) figures[id] = entry.value;
  if (Object.keys(figures).length > 0) return figures;
  for (const found of checkReport(previous, { registry, ...(profile ? { profile } : {}) }).indicators) {
    if (found.found && found.value !== undefined) figures[found.id] = found.value;
  }
  return figures;
}

export function draftNextYear(previous: ReportDocument, options: DraftOptions = {}): ReportDocument {
  const registry = options.registry ?? defaultRegistry;
  const template = registry.getOrDefault(previous.meta.templateId);
  const lastYear = options.year !== undefined ? options.year - 1 : previous.meta.year;
  const year = lastYear === null ? null : lastYear + 1;
  const doc = createReportFromTemplate(template, {
    unit: previous.meta.unit,
    year,
    ...(options.date ? { date: options.date } : {}),
  });
  // Last year's title with its year moved on; a title that named no year gets the template's, which does.
  if (previous.meta.title && (year === null || /\d{4}\s*年/.test(previous.meta.title) || !previous.meta.unit))
    doc.meta.title = moveYears(previous.meta.title, lastYear);
  doc.meta.addressee = previous.meta.addressee;
  if (previous.meta.signature.length) doc.meta.signature = [...previous.meta.signature];
  if (previous.sections.some((s) => s.heading && s.part !== null))
    doc.sections = outlineOf(previous, template, lastYear);

  const plansPart = template.parts.find((p) => p.yearScope === 'next');
  // The plans may share a part with the shortcomings ("三、存在的问题及下一步打算"), whichever of the two the
  // importer took it for: then only its plans half holds promises.
  const combined = (s: Section) =>
    s.heading !== '' &&
    plansPart !== undefined &&
    partsNamed(s.heading, template, lastYear).length > 1 &&
    partsNamed(s.heading, template, lastYear).includes(plansPart.id);
  const plansBlocks = (s: Section) => {
    const half = combined(s) ? plansHalf(s, template, lastYear, plansPart!.id) : [];
    return half.length || s.part !== plansPart!.id ? half : s.blocks;
  };
  let promises = plansPart
    ? previous.sections.filter((s) => s.part === plansPart.id).flatMap((s) => promisesOf(plansBlocks(s)))
    : [];
  if (plansPart && promises.length === 0)
    promises = previous.sections
      .filter((s) => s.part !== plansPart.id && combined(s))
      .flatMap((s) => promisesOf(plansBlocks(s)));
  const measures = doc.sections.find((s) => s.part === template.parts[0]?.id);
  if (measures && promises.length) {
    measures.blocks.unshift(
      ...promises.map((p): Block => ({ kind: 'paragraph', text: `${promisePrefix(year)}${p}　${OUTCOME_LABEL}` })),
    );
  }
  doc.previous =
    lastYear === null
      ? null
      : { year: lastYear, indicators: figuresOf(previous, registry, options.profile), plans: promises };
  return doc;
}
