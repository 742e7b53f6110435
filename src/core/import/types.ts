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
  /**
   * Trimmed text of paragraphs styled as headings or given an outline level, with their level
   * (1 = Heading 1 / outline level 0), BOLD_HINT for a short paragraph that is wholly bold, TABLE_CELL
   * for a table cell's paragraph (never a heading).
   */
  styledHeadings: Map<string, number>;
  /**
   * The fast reader's paragraphs that Word numbers automatically, in order: the number Word shows and the
   * paragraph's own text. mammoth reads no numbering; its reading takes the numbers from here.
   */
  numbered?: Array<{ label: string; text: string }>;
  /** How many comments mammoth read (its reading only): a sign of comments the comments reader could not reach. */
  comments?: number;
}

/** A styledHeadings value: the paragraph is wholly bold and has no heading style — a part heading only if its wording names a part. */
export const BOLD_HINT = 0;

/** A wholly bold paragraph is a heading candidate only when short: a bold sentence is emphasis. */
export const MAX_BOLD_HEADING = 40;

/** A styledHeadings value: the paragraph is a table cell's — a header cell "存在的问题" heads a column, not a part. */
export const TABLE_CELL = -1;

/**
 * A styledHeadings value: the paragraph opens with a bold title through its first 。 or ：, the rest not bold
 * ("加强组织领导。全年召开…", the run-in sub-point form); weighed by buildSections like a bold line.
 */
export const RUN_IN_BOLD = -2;

/** The bold title a RUN_IN_BOLD paragraph opens with: its text through the first 。 or ：, when that is short. */
export function runInBoldTitle(text: string): string | undefined {
  const m = /^[^。：:；;！？!?]{2,25}[。：:]/.exec(text);
  return m && m[0].length < text.trim().length ? m[0] : undefined;
}
