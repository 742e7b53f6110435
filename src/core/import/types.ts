import type { ReportDocument } from '../model/report';
import type { TemplateRegistry } from '../templates/registry';

/** Where the importer put one top-level part of the source, and how sure it is. */
export interface PartMapping {
  sectionKey: string;
  heading: string;
  /** Template part id, or null when the part is kept as an extra section. */
  part: string | null;
  /** alias: a usual wording; keyword: a telling word; position: where it stands; none: unmapped. */
  confidence: 'alias' | 'keyword' | 'position' | 'none';
}

export interface ImportOptions {
  registry?: TemplateRegistry;
  /** Use this template instead of detecting one from the content. */
  templateId?: string;
  fileName?: string;
  /** Looks inside a zip before anything unpacks it (src/node/zip.ts in Node): a Chinese reason to refuse it, or null. */
  zipGuard?: (bytes: Uint8Array) => Promise<string | null>;
}

export type ImportResult =
  | { ok: true; doc: ReportDocument; mapping: PartMapping[]; warnings: string[]; template: string }
  | { ok: false; error: string };

/** A Word file's text, one line per paragraph, as either reader (fast or mammoth) gives it. */
export interface DocxText {
  text: string;
  /** Trimmed text of paragraphs styled as headings, with their level (1 = Heading 1). */
  styledHeadings: Map<string, number>;
}
