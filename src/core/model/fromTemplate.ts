/** Starting a new report from an outline template. */
import { formatHeadingNumber, headingNumber } from '../text/numbering';
import type { Template } from '../templates/schema';
import { OPENING_PART, emptyReport, type ReportDocument, type Section } from './report';

export interface NewReportOptions {
  unit: string;
  year: number | null;
  /** 成文日期 as written, e.g. "2026年1月15日"; "" when not yet known. */
  date?: string;
}

/** Fill {unit} and {year} in a template string; an unknown year stays as "    " for the clerk to see. */
export function fillTemplateText(format: string, unit: string, year: number | null): string {
  return format.replaceAll('{unit}', unit).replaceAll('{year}', year === null ? '' : String(year));
}

/**
 * The part heading the template fixes for the part at position `index` (0-based): "一、主要举措和成效", or
 * "第一部分　主要举措和成效" in a report whose parts are so numbered (`level` 0, see partNumbering).
 */
export function partHeading(index: number, title: string, level: 0 | 1 = 1): string {
  return level === 0
    ? `${formatHeadingNumber(0, index + 1)}　${title}`
    : `${formatHeadingNumber(1, index + 1)}${title}`;
}

/**
 * The numbering form of a report's parts: 0 when every numbered part heading is "第一部分…" (its sub-points
 * are then 一、二、, so renumbering its parts 一、 would clash with them), else 1 (一、).
 */
export function partNumbering(sections: readonly Section[]): 0 | 1 {
  const levels = sections.filter((s) => s.heading).map((s) => headingNumber(s.heading, true)?.level);
  const numbered = levels.filter((l) => l !== undefined);
  return numbered.length > 0 && numbered.every((l) => l === 0) ? 0 : 1;
}

/** A part heading's number and wording: "一、主要举措和成效" → "一、" + "主要举措和成效" ("" number when it has none). */
export function splitPartHeading(heading: string): { number: string; wording: string } {
  const n = headingNumber(heading, true);
  return n
    ? { number: heading.slice(0, n.end), wording: heading.slice(n.end).trim() }
    : { number: '', wording: heading.trim() };
}

/** （一） style sub-heading numbering, full-width brackets as GB/T 9704 uses. */
export function subheadingNumber(index: number): string {
  return formatHeadingNumber(2, index + 1);
}

export function createReportFromTemplate(template: Template, options: NewReportOptions): ReportDocument {
  const doc = emptyReport(template.id);
  doc.meta.unit = options.unit;
  doc.meta.year = options.year;
  doc.meta.date = options.date ?? '';
  doc.meta.title = options.unit ? fillTemplateText(template.titleFormat, options.unit, options.year) : '';
  doc.meta.signature = options.unit ? [options.unit] : [];
  const sections: Section[] = [
    { key: 'opening', part: OPENING_PART, heading: '', blocks: [{ kind: 'paragraph', text: '' }] },
  ];
  template.parts.forEach((part, index) => {
    const blocks: Section['blocks'] = [];
    if (part.subsections.length === 0) blocks.push({ kind: 'paragraph', text: '' });
    part.subsections.forEach((sub, subIndex) => {
      blocks.push({ kind: 'subheading', level: 2, text: subheadingNumber(subIndex) + sub.title });
      blocks.push({ kind: 'paragraph', text: '' });
    });
    sections.push({ key: part.id, part: part.id, heading: partHeading(index, part.title), blocks });
  });
  doc.sections = sections;
  doc.closing = [...template.closing];
  return doc;
}

/**
 * Renumber the part headings 一、二、三… (第一部分… where the report numbers its parts so) in document order,
 * keeping each heading's wording.
 * Used after a part is moved or an extra section is added, so numbers never skip or repeat.
 */
export function renumberParts(doc: ReportDocument): ReportDocument {
  let index = 0;
  const level = partNumbering(doc.sections);
  const sections = doc.sections.map((s) => {
    if (!s.heading) return s;
    return { ...s, heading: partHeading(index++, splitPartHeading(s.heading).wording, level) };
  });
  return { ...doc, sections };
}
