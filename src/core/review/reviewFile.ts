/**
 * One report of a folder review, as the CLI, the app and the bench all do it: import, check, the row and
 * findings for the table and workbook, and — when asked — the town's file with the findings as comments.
 */
import { checkReport, type CheckOptions } from '../checks/index';
import type { CheckResult } from '../checks/types';
import type { Deflater } from '../export/zip';
import type { Inflater } from './zipEntries';
import { importFile } from '../import/index';
import type { ImportOptions } from '../import/types';
import { toPlainText } from '../model/plainText';
import type { ReportDocument } from '../model/report';
import { defaultRegistry, type TemplateRegistry } from '../templates/registry';
import { findingComments, summaryComment } from './annotate';
import { addComments, DocxCommentError, ZipError } from './comments';
import { problemRow, reviewedReport, type ReviewedReport } from './table';

export interface ReviewFileOptions extends Omit<CheckOptions, 'registry'> {
  registry?: TemplateRegistry;
  /** Write the comments: into the town's own .docx, or into our GB/T 9704 export of a .txt/.nianbao. */
  /** Looks into a zip before anything unpacks it (src/node/zip.ts checkZip): a zip bomb in a town's folder is refused in its row. */
  zipGuard?: ImportOptions['zipGuard'];
  comments?: {
    author?: string;
    date?: Date;
    deflater: Deflater;
    inflater?: Inflater;
    exportDocx: (doc: ReportDocument) => Uint8Array | Promise<Uint8Array>;
  };
}

export interface ReviewedFile {
  report: ReviewedReport;
  doc?: ReportDocument;
  result?: CheckResult;
  /** The commented .docx, when comments were asked for and the file could be read. */
  commented?: Uint8Array;
  /** Why the comments went into an exported copy rather than the town's own file. */
  commentNote?: string;
}

export async function reviewFile(
  name: string,
  bytes: Uint8Array,
  options: ReviewFileOptions = {},
): Promise<ReviewedFile> {
  const registry = options.registry ?? defaultRegistry;
  const imported = await importFile(name, bytes, {
    registry,
    ...(options.template ? { templateId: options.template.id } : {}),
    ...(options.zipGuard ? { zipGuard: options.zipGuard } : {}),
  });
  if (!imported.ok) return { report: { row: problemRow(name, imported.error), findings: [], figures: {} } };
  const doc = imported.doc;
  const result = checkReport(doc, { ...options, registry });
  const plain = toPlainText(doc).text;
  const report = reviewedReport(name, result, plain, doc.meta.date, registry);
  if (!options.comments) return { report, doc, result };

  const { author, date, deflater, inflater, exportDocx } = options.comments;
  const summary = summaryComment(result, registry.getOrDefault(result.template));
  const specs = findingComments(result, plain);
  const commentOptions = {
    deflater,
    ...(inflater ? { inflater } : {}),
    ...(author ? { author } : {}),
    ...(date ? { date } : {}),
  };
  if (/\.docx$/i.test(name)) {
    try {
      return { report, doc, result, commented: (await addComments(bytes, summary, specs, commentOptions)).bytes };
    } catch (error) {
      if (!(error instanceof DocxCommentError || error instanceof ZipError)) throw error;
      const exported = await addComments(await exportDocx(doc), summary, specs, commentOptions);
      return {
        report,
        doc,
        result,
        commented: exported.bytes,
        commentNote: `${error.message}已改为在按 GB/T 9704 导出的文件上写批注。`,
      };
    }
  }
  return {
    report,
    doc,
    result,
    commented: (await addComments(await exportDocx(doc), summary, specs, commentOptions)).bytes,
  };
}
