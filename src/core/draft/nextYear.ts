/**
 * Next year's report from last year's: same unit, outline, addressee and signature; last year's plans
 * become a checklist in this year's 举措和成效, each to be answered with what was done; last year's
 * figures are kept beside this year's for 同比. No body text of last year's is copied in silently.
 */
import { createReportFromTemplate } from '../model/fromTemplate';
import type { Block, ReportDocument } from '../model/report';
import { defaultRegistry, type TemplateRegistry } from '../templates/registry';

/** The marker the checker looks for (rule previous.unanswered): "去年计划：…　完成情况：<answer>". */
export const PROMISE_PREFIX = '去年计划：';
export const OUTCOME_LABEL = '完成情况：';

export interface DraftOptions {
  registry?: TemplateRegistry;
  /** 成文日期 of the new report, as written. */
  date?: string;
}

const NUMBERED = /^([一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[一二三四五六七八九十]是)/;

/** The promises of a plans section: its numbered items (first sentence each), else its paragraphs. */
export function promisesOf(blocks: readonly Block[]): string[] {
  const texts = blocks.map((b) => b.text.trim()).filter(Boolean);
  const numbered = texts.filter((t) => NUMBERED.test(t));
  const items = numbered.length > 0 ? numbered : texts;
  return items.map((t) => {
    const end = t.indexOf('。');
    return (end > 0 ? t.slice(0, end + 1) : t).replace(NUMBERED, '').trim();
  });
}

export function draftNextYear(previous: ReportDocument, options: DraftOptions = {}): ReportDocument {
  const registry = options.registry ?? defaultRegistry;
  const template = registry.getOrDefault(previous.meta.templateId);
  const lastYear = previous.meta.year;
  const year = lastYear === null ? null : lastYear + 1;
  const doc = createReportFromTemplate(template, { unit: previous.meta.unit, year, ...(options.date ? { date: options.date } : {}) });
  if (previous.meta.title && lastYear !== null) doc.meta.title = previous.meta.title.replaceAll(String(lastYear), String(year));
  doc.meta.addressee = previous.meta.addressee;
  if (previous.meta.signature.length) doc.meta.signature = [...previous.meta.signature];

  const plansPart = template.parts.find((p) => p.yearScope === 'next');
  const promises = plansPart ? previous.sections.filter((s) => s.part === plansPart.id).flatMap((s) => promisesOf(s.blocks)) : [];
  const measures = doc.sections.find((s) => s.part === template.parts[0]?.id);
  if (measures && promises.length) {
    measures.blocks.unshift(
      ...promises.map((p): Block => ({ kind: 'paragraph', text: `${PROMISE_PREFIX}${p}　${OUTCOME_LABEL}` })),
    );
  }
  const indicators: Record<string, number> = {};
  for (const [id, entry] of Object.entries(previous.indicators)) if (entry.value !== null) indicators[id] = entry.value;
  doc.previous = lastYear === null ? null : { year: lastYear, indicators, plans: promises };
  return doc;
}
