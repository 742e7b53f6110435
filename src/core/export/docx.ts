/**
 * The report as a .docx laid out to GB/T 9704-2012: the report's paragraphs (paragraphs.ts) in the package
 * for its font profile (styles, settings, page-number footers, section). The package is docx's, packed at
 * build time from packageSource.ts (which explains the grid and cites the clauses) into
 * generated/docxPackage.ts; this module does not load docx, so the app and the command line share one
 * export path that starts fast.
 */
import type { ReportDocument } from '../model/report';
import type { FontProfileId } from './fonts';
import { PACKAGE_PARTS, PACKAGE_TEXTS } from './generated/docxPackage';
import { assembleDocx, DEFAULT_DOCX_OPTIONS, type DocxOptions } from './paragraphs';
import type { Deflater } from './zip';

export {
  attachmentLines,
  charWidth,
  CHAR_SPACING,
  CHAR_TWIPS,
  GRID_CHAR_SPACE,
  LINE_TWIPS,
  PAGE,
  signatureIndents,
  TITLE_LINE_TWIPS,
} from './layout';
export { DEFAULT_DOCX_OPTIONS, type DocxOptions } from './paragraphs';

/** The package's parts for a font profile (path → XML, in docx's order), before the report's go in; each caller gets its own Map. */
export function docxPackageParts(profileId: FontProfileId): Map<string, string> {
  return new Map(PACKAGE_PARTS[profileId].map(([path, text]) => [path, PACKAGE_TEXTS[text]!]));
}

/**
 * The report as .docx bytes; pure (no Node built-ins), so the app, the CLI and the tests share it. With a
 * `deflater` (src/node/deflater.ts: Node's zlib, in the CLI and the app's main process) the parts are
 * deflated; without one (where there is no zlib) they are stored, which every reader of .docx accepts.
 */
export async function exportDocx(
  doc: ReportDocument,
  options: Partial<DocxOptions> = {},
  deflater?: Deflater,
): Promise<Uint8Array> {
  const settings = { ...DEFAULT_DOCX_OPTIONS, ...options };
  return assembleDocx(doc, settings, docxPackageParts(settings.fontProfile), deflater);
}
