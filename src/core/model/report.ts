/**
 * The report model: one township/department/述职 report as the app, the CLI and the tests see it.
 *
 * Pure data, no Electron and no DOM. Headings keep their literal numbers ("一、", "（一）", "1.", "（1）")
 * because GB/T 9704 wants them as text, and the checker reads them.
 */
import * as z from 'zod';

/** Sub-heading levels below the part heading: 2 = （一）, 3 = 1., 4 = （1）. */
export const SubheadingLevelSchema = z.union([z.literal(2), z.literal(3), z.literal(4)]);
export type SubheadingLevel = z.infer<typeof SubheadingLevelSchema>;

/**
 * A table's plain text, as the checker and every other reader of `text` see it: cells separated by a tab,
 * rows by a line break. A cell's own tabs and line breaks become spaces, so the shape is unambiguous.
 */
export function tableText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => cell.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n');
}

/**
 * A table (a statistics table in the body): rows of cell strings, the first row the header. `text` is
 * always tableText(rows), recomputed whenever a table is read, so it can never disagree with the cells.
 */
const TableBlockSchema = z
  .object({ kind: z.literal('table'), rows: z.array(z.array(z.string())).min(1), text: z.string().default('') })
  .transform((table) => ({ ...table, text: tableText(table.rows) }));

export const BlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({ kind: z.literal('subheading'), level: SubheadingLevelSchema, text: z.string() }),
  TableBlockSchema,
]);
export type Block = z.infer<typeof BlockSchema>;
export type TableBlock = Extract<Block, { kind: 'table' }>;

/** A table block from its rows (the first is the header). */
export function tableBlock(rows: readonly (readonly string[])[]): TableBlock {
  return { kind: 'table', rows: rows.map((row) => [...row]), text: tableText(rows) };
}

/** True when every cell is blank (spaces only): such a table says nothing, is flagged and is not exported. */
export function isBlankTable(rows: readonly (readonly string[])[]): boolean {
  return rows.every((row) => row.every((cell) => cell.trim() === ''));
}

/** The part id of the lead paragraph(s) before the first numbered heading. */
export const OPENING_PART = 'opening';

export const SectionSchema = z.object({
  /** Stable, unique within the document: the editor and ignored findings refer to it. */
  key: z.string().min(1),
  /** Template part id ('measures', 'plans'…), OPENING_PART, or null for a section the template does not name. */
  part: z.string().nullable(),
  /** Literal heading with its number, e.g. "一、主要举措和成效"; "" for the opening. */
  heading: z.string(),
  blocks: z.array(BlockSchema),
});
export type Section = z.infer<typeof SectionSchema>;

export const IndicatorEntrySchema = z.object({
  value: z.number().nullable(),
  unit: z.string().optional(),
  note: z.string().optional(),
});
export type IndicatorEntry = z.infer<typeof IndicatorEntrySchema>;

export const ReportMetaSchema = z.object({
  templateId: z.string().min(1),
  /** 单位, e.g. "曹回镇" or "XX县司法局". */
  unit: z.string(),
  /** The year reported on (a report written in January 2025 is the 2024 report). */
  year: z.number().int().min(1949).max(2200).nullable(),
  title: z.string(),
  /** 主送机关, e.g. "县委、县政府：" (optional in many counties). */
  addressee: z.string(),
  /** 发文字号, e.g. "X府〔2025〕26号", kept when imported. */
  docNumber: z.string(),
  /** 署名: one line per signing unit. */
  signature: z.array(z.string()),
  /** 成文日期 exactly as written, e.g. "2025年1月12日". */
  date: z.string(),
  /** 附件说明 lines, without the "附件：" label. */
  attachments: z.array(z.string()),
});
export type ReportMeta = z.infer<typeof ReportMetaSchema>;

/** What the report of the year before said, for 同比 and for last year's promises (issue: draft from last year). */
export const PreviousReportSchema = z.object({
  year: z.number().int(),
  indicators: z.record(z.string(), z.number()),
  /** Items of last year's plans section, each a promise this year's report should answer. */
  plans: z.array(z.string()),
});
export type PreviousReport = z.infer<typeof PreviousReportSchema>;

/**
 * A comment (批注) the county wrote into the town's Word file, read on import (import/docxComments.ts): kept
 * in the report, never exported. Where it is about is the words themselves and which occurrence of them,
 * not offsets, so it is found again after the clerk edits around it (model/reviewComments.ts).
 */
export const ReviewCommentSchema = z.object({
  /** Unique within the report; 已处理 is recorded in ignoredFindings as reviewCommentKey(id). */
  id: z.string().min(1),
  author: z.string(),
  /** As the file gives it (ISO 8601, e.g. "2026-03-02T09:30:00Z"), or "". */
  date: z.string(),
  text: z.string(),
  /** The words it is about as the file holds them (paragraphs joined by "\n"); "" when it names none. */
  quote: z.string(),
  /** Which occurrence of those words (whitespace ignored), 0 = the first. */
  occurrence: z.number().int().min(0),
  /*
   * The two below came after version 2 shipped and are optional, with no new file version: a version-2
   * file written before has neither, and an older app drops them on save and shows what it always showed
   * (a reply as a comment of its own; a comment resolved in Word as 已处理, which ignoredFindings records).
   */
  /** A reply (Word's commentsExtended paraIdParent): the id of the comment that starts its thread. */
  replyTo: z.string().min(1).optional(),
  /** The reviewer marked the thread 已解决 in Word (w15:done): imported as 已处理, which the clerk can undo. */
  resolvedInWord: z.boolean().optional(),
});
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;

export const REPORT_FORMAT = 'nianbao-report';
/** 2: 审核意见 (reviewComments) added; a version-1 app opens a version-2 file read-only, never dropping them on save. */
export const REPORT_VERSION = 2;

export const ReportDocumentSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  version: z.literal(REPORT_VERSION),
  meta: ReportMetaSchema,
  sections: z.array(SectionSchema),
  /** Closing lines after the body such as "特此报告。" */
  closing: z.array(z.string()),
  /** Figures typed into the form, by indicator id. */
  indicators: z.record(z.string(), IndicatorEntrySchema),
  /** Fingerprints of findings the clerk judged wrong and dismissed. */
  ignoredFindings: z.array(z.string()),
  previous: PreviousReportSchema.nullable(),
  /** The county's 审核意见 read from a Word file it returned with comments; absent when there are none. */
  reviewComments: z.array(ReviewCommentSchema).optional(),
});
export type ReportDocument = z.infer<typeof ReportDocumentSchema>;

export function emptyMeta(templateId: string): ReportMeta {
  return {
    templateId,
    unit: '',
    year: null,
    title: '',
    addressee: '',
    docNumber: '',
    signature: [],
    date: '',
    attachments: [],
  };
}

export function emptyReport(templateId: string): ReportDocument {
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    meta: emptyMeta(templateId),
    sections: [],
    closing: [],
    indicators: {},
    ignoredFindings: [],
    previous: null,
  };
}

/** A key not yet used by any section of `doc`. */
export function newSectionKey(doc: Pick<ReportDocument, 'sections'>, base = 's'): string {
  const used = new Set(doc.sections.map((s) => s.key));
  for (let i = doc.sections.length + 1; ; i++) {
    const key = `${base}${i}`;
    if (!used.has(key)) return key;
  }
}

/** True when a section has any non-blank body text. */
export function sectionHasText(section: Section): boolean {
  return section.blocks.some((b) => (b.kind === 'paragraph' || b.kind === 'table') && b.text.trim() !== '');
}

/** "2025年1月12日" for a date; the form GB/T 9704 7.3.5.4 asks for (no zero padding). */
export function formatChineseDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/**
 * The 成文日期 the form suggests for a report of `year`: an annual report is written early in the next
 * year, before the publication deadline `deadline` ("MM-DD", years.ts date.format), so the example is in
 * that year, and today is offered only inside that window — elsewhere today's date would draw the
 * checker's own "早于…年结束" or "晚于公开期限", and the form says why instead.
 */
export function dateSuggestion(
  year: number | null,
  today: Date,
  deadline: string,
): { example: string; today: string | null; why?: string } {
  const next = (year ?? today.getFullYear() - 1) + 1;
  const example = `如${next}年1月15日`;
  if (year === null) return { example, today: formatChineseDate(today) };
  const [mm, dd] = deadline.split('-').map(Number);
  const end = new Date(next, (mm || 4) - 1, dd || 1);
  if (today < new Date(next, 0, 1))
    return { example, today: null, why: `${year}年还没有结束：年度报告应在${next}年年初成文，到时再填写成文日期。` };
  if (today >= end)
    return {
      example,
      today: null,
      why: `今天已过公开期限（${formatChineseDate(end)}前）：请填写这份报告实际成文的日期。`,
    };
  return { example, today: formatChineseDate(today) };
}
