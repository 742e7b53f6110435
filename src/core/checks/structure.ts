/** Structure rules: is every required part there, and does it say something? (shared/spec/checks.md) */
import type { Part } from '../templates/schema';
import { sectionHasText, type ReportDocument, type Section } from '../model/report';
import type { PlainText } from '../model/plainText';
import type { Finding, SectionSummary } from './types';

export interface CheckContext {
  doc: ReportDocument;
  plain: PlainText;
  parts: readonly Part[];
}

/** Characters of a section's body, whitespace excluded (what "thin" is measured in). */
export function bodyChars(section: Section): number {
  let n = 0;
  for (const b of section.blocks) n += b.text.replace(/\s+/g, '').length;
  return n;
}

export function sectionsOfPart(doc: ReportDocument, partId: string): Section[] {
  return doc.sections.filter((s) => s.part === partId);
}

export function summariseSections(ctx: CheckContext): SectionSummary[] {
  return ctx.parts.map((part) => {
    const sections = sectionsOfPart(ctx.doc, part.id);
    const first = sections[0];
    if (!first) return { id: part.id, present: false };
    return {
      id: part.id,
      present: true,
      heading: first.heading,
      chars: sections.reduce((n, s) => n + bodyChars(s), 0),
    };
  });
}

function headingRange(ctx: CheckContext, section: Section): { start: number | null; end: number | null } {
  const line = ctx.plain.lines.find((l) => l.kind === 'heading' && l.sectionKey === section.key);
  return line ? { start: line.start, end: line.start + line.text.length } : { start: null, end: null };
}

export function checkStructure(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const part of ctx.parts) {
    if (!part.required) continue;
    const sections = sectionsOfPart(ctx.doc, part.id);
    if (sections.length === 0) {
      findings.push({
        rule: 'section.missing',
        severity: 'error',
        section: part.id,
        start: null,
        end: null,
        message: `缺少“${part.requirement}”部分。请增加一部分，标题可写作“${part.title}”。`,
        fingerprint: `section.missing:${part.id}`,
      });
      continue;
    }
    if (!sections.some(sectionHasText)) {
      findings.push({
        rule: 'section.empty',
        severity: 'error',
        section: part.id,
        ...headingRange(ctx, sections[0]!),
        message: `“${part.title}”部分还没有正文。${part.mayBeNone ? '没有需要报告的情况时写“无”。' : part.hint}`,
        fingerprint: `section.empty:${part.id}`,
      });
    }
  }
  return findings;
}
