/**
 * Which template part each top-level section of an imported report is, by meaning rather than exact
 * wording: the usual wordings first, then telling words, then position (the parts before 不足/安排 are
 * 举措和成效 content, however many there are).
 */
import type { Section } from '../model/report';
import type { Part, Template } from '../templates/schema';
import { stripHeadingNumber } from './headings';
import type { PartMapping } from './types';

/** Heading wording without number, punctuation, spaces or years, for comparing with aliases. */
export function normaliseHeading(text: string): string {
  return stripHeadingNumber(text)
    .replace(/\d{4}\s*年(度)?/g, '')
    .replace(/[\s，,、。：:；;（）()“”"《》·—-]/g, '');
}

function aliasScore(name: string, part: Part): number {
  let best = 0;
  for (const alias of part.aliases) {
    const a = normaliseHeading(alias);
    if (!a) continue;
    if (name === a) return 1000;
    if (a.length >= 4 && name.includes(a)) best = Math.max(best, a.length * 10);
    else if (name.length >= 4 && a.includes(name)) best = Math.max(best, name.length * 8);
  }
  return best;
}

/** Keyword checks in an order that avoids the usual confusions ("问题" in a 举措 heading, "工作" everywhere). */
const KEYWORD_ORDER = ['other', 'leadership', 'shortcomings', 'plans'];

function byKeyword(name: string, template: Template): Part | undefined {
  const ordered = [...template.parts].sort((a, b) => {
    const ia = KEYWORD_ORDER.indexOf(a.id);
    const ib = KEYWORD_ORDER.indexOf(b.id);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  return ordered.find((p) => p.keywords.some((k) => name.includes(k)));
}

export function mapParts(sections: Section[], template: Template, year: number | null): PartMapping[] {
  const mapping: PartMapping[] = [];
  const first = template.parts[0];
  const plans = template.parts.find((p) => p.yearScope === 'next');
  for (const section of sections) {
    if (!section.heading) continue;
    const name = normaliseHeading(section.heading);
    const headingYear = /(\d{4})\s*年/.exec(section.heading);
    let part: Part | undefined;
    let confidence: PartMapping['confidence'] = 'none';
    if (plans && year !== null && headingYear && Number(headingYear[1]) === year + 1) {
      part = plans;
      confidence = 'keyword';
    } else {
      let best = 0;
      for (const p of template.parts) {
        const score = aliasScore(name, p);
        if (score > best) {
          best = score;
          part = p;
        }
      }
      if (part) confidence = 'alias';
      else {
        part = byKeyword(name, template);
        if (part) confidence = 'keyword';
      }
      // "2023年主要工作" in the 2023 report is about this year; "2023年工作打算" is plans with a wrong year.
      if (part === plans && year !== null && headingYear && Number(headingYear[1]) === year && !/安排|打算|计划|思路|要点|目标|展望/.test(name)) {
        part = first;
        confidence = 'keyword';
      }
    }
    section.part = part?.id ?? null;
    mapping.push({ sectionKey: section.key, heading: section.heading, part: section.part, confidence });
  }
  // Unmapped parts before the first non-measures part are measures areas (一、二、三… each an area).
  const firstOther = mapping.findIndex((m) => m.part !== null && m.part !== first?.id);
  mapping.forEach((m, index) => {
    if (m.part === null && first && (firstOther < 0 || index < firstOther)) {
      m.part = first.id;
      m.confidence = 'position';
      sections.find((s) => s.key === m.sectionKey)!.part = first.id;
    }
  });
  return mapping;
}
