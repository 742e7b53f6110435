/** Adding a part to a report: where the template's outline puts it, numbered in turn. */
import { partHeading, renumberParts } from '../../core/model/fromTemplate';
import { newSectionKey, type ReportDocument } from '../../core/model/report';
import type { Template } from '../../core/templates/schema';

/**
 * Insert a part before the first section of a later template part; a part the template does not name
 * (part null) goes at the end. Returns the new document and the new section's key.
 */
export function insertPart(
  doc: ReportDocument,
  template: Template,
  part: string | null,
  title: string,
): { doc: ReportDocument; key: string } {
  const key = newSectionKey(doc, part ?? 'extra');
  const section = { key, part, heading: partHeading(0, title), blocks: [{ kind: 'paragraph' as const, text: '' }] };
  const rank = part === null ? -1 : template.parts.findIndex((p) => p.id === part);
  let at = doc.sections.length;
  if (rank >= 0) {
    const later = doc.sections.findIndex((s) => {
      const r = template.parts.findIndex((p) => p.id === s.part);
      return r > rank;
    });
    if (later >= 0) at = later;
  }
  const sections = [...doc.sections.slice(0, at), section, ...doc.sections.slice(at)];
  return { doc: renumberParts({ ...doc, sections }), key };
}
