/**
 * The one IPC map: every channel between the renderer and the main process, with the zod schema of its
 * request and of its response. Main validates sender and request against it; preload exposes exactly
 * these channels as named functions (window.nianbao); the browser tests' stand-in serves the same map.
 *
 * Errors cross as data: every response is `{ ok: true, value }` or `{ ok: false, error }` with a Chinese
 * message, never a thrown exception.
 */
import * as z from 'zod';
import { ReportDocumentSchema } from '../core/model/report';
import { CountyProfileSchema } from '../core/profile/model';

/** A file the main process has granted through one of its dialogs; the renderer never sees a path it could forge. */
export const FileRefSchema = z.object({
  /** Opaque token; main maps it to the path the clerk chose. */
  id: z.string().min(1).max(100),
  /** File name for display, e.g. "青石镇2025年度报告.nianbao". */
  name: z.string().max(1000),
});
export type FileRef = z.infer<typeof FileRefSchema>;

export const ExportOptionsSchema = z.object({
  fontProfile: z.enum(['gb2312', 'windows', 'kylin']).default('windows'),
  /** Bold "1." headings: a local option many counties ask for. */
  boldLevel3: z.boolean().default(false),
  /** Print the 主送机关 line when the report has one. */
  includeAddressee: z.boolean().default(true),
  /** 署名 and 成文日期 laid out for the unit's seal (GB/T 9704 7.3.5.1) instead of unsealed (7.3.5.2). */
  sealed: z.boolean().default(false),
});
export type ExportOptions = z.infer<typeof ExportOptionsSchema>;

export const PartMappingSchema = z.object({
  sectionKey: z.string(),
  heading: z.string(),
  part: z.string().nullable(),
  /** How sure the importer is: by alias, by keyword, or a guess from position. */
  confidence: z.enum(['alias', 'keyword', 'position', 'none']),
});
export type PartMapping = z.infer<typeof PartMappingSchema>;

export const ReviewRowSchema = z.object({
  file: z.string(),
  unit: z.string(),
  year: z.number().nullable(),
  template: z.string(),
  missing: z.array(z.string()),
  errors: z.number(),
  warnings: z.number(),
  ready: z.boolean(),
  problem: z.string().optional(),
  date: z.string().optional(),
  parts: z.array(z.object({ title: z.string(), present: z.boolean() })).optional(),
});

/** One report of the reviewer's desk: its row, its findings (private details masked), its figures. */
export const ReviewedReportSchema = z.object({
  row: ReviewRowSchema,
  findings: z.array(z.object({ part: z.string(), rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), text: z.string() })),
  figures: z.record(z.string(), z.object({ value: z.number(), unit: z.string() })),
});

const Empty = z.object({}).strict();

function result<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]);
}

/** An opened report: null value means the clerk cancelled the dialog. */
const OpenedReport = z.object({
  file: FileRefSchema,
  doc: ReportDocumentSchema,
  readOnly: z.boolean(),
  notice: z.string().optional(),
});

const ImportedReport = z.object({
  sourceName: z.string(),
  doc: ReportDocumentSchema,
  mapping: z.array(PartMappingSchema),
  warnings: z.array(z.string()),
});

export const ipcMap = {
  /** Open a .nianbao file chosen in the open dialog. */
  'report:open': { request: Empty, response: result(OpenedReport.nullable()) },
  /** Save to the granted file, or ask for a name when there is none (or it is read-only). */
  'report:save': {
    request: z.object({ doc: ReportDocumentSchema, file: FileRefSchema.nullable(), suggestedName: z.string().max(200) }).strict(),
    response: result(z.object({ file: FileRefSchema }).nullable()),
  },
  /** Always ask for a new name. */
  'report:saveAs': {
    request: z.object({ doc: ReportDocumentSchema, suggestedName: z.string().max(200) }).strict(),
    response: result(z.object({ file: FileRefSchema }).nullable()),
  },
  /** Import last year's .docx or .txt chosen in the open dialog. */
  'report:import': { request: Empty, response: result(ImportedReport.nullable()) },
  /** Export the report as a GB/T 9704 .docx, to a path chosen in the save dialog. */
  'report:exportDocx': {
    request: z.object({ doc: ReportDocumentSchema, options: ExportOptionsSchema, suggestedName: z.string().max(200) }).strict(),
    response: result(z.object({ name: z.string() }).nullable()),
  },
  /** Print the preview the window shows to a PDF, saved where the clerk chooses. */
  'report:exportPdf': {
    request: z.object({ suggestedName: z.string().max(200) }).strict(),
    response: result(z.object({ name: z.string() }).nullable()),
  },
  /** Web text (plain text or simple HTML) for the portal's CMS; refused while privacy errors remain. */
  'report:exportWeb': {
    request: z.object({ doc: ReportDocumentSchema, format: z.enum(['txt', 'html']), suggestedName: z.string().max(200) }).strict(),
    response: result(z.object({ name: z.string() }).nullable()),
  },
  /** Templates a county added in the app's templates folder (the built-in ones ship with the renderer). */
  'templates:list': { request: Empty, response: result(z.array(z.unknown())) },
  /** Journal unsaved work for crash recovery (app data folder, not the clerk's). */
  'journal:write': {
    request: z.object({ doc: ReportDocumentSchema, file: FileRefSchema.nullable() }).strict(),
    response: result(z.null()),
  },
  /** Unsaved work found on start: journals newer than their files (corrupt ones are ignored). */
  'journal:pending': {
    request: Empty,
    response: result(z.array(z.object({ id: z.string(), name: z.string(), savedAt: z.string(), doc: ReportDocumentSchema, file: FileRefSchema.nullable() }))),
  },
  /** Forget a journal the clerk chose not to restore. */
  'journal:discard': { request: z.object({ id: z.string().regex(/^[a-z0-9]{1,40}$/) }).strict(), response: result(z.null()) },
  /** A new unsaved report starts (新建, 导入, 起草): its 历史版本 and journal are its own, not the previous unsaved one's. */
  'history:startUntitled': { request: Empty, response: result(z.null()) },
  /** A timed snapshot of the report (every 5 minutes while editing), kept 7 days, for 历史版本. */
  'history:snapshot': { request: z.object({ doc: ReportDocumentSchema, file: FileRefSchema.nullable() }).strict(), response: result(z.null()) },
  /** The snapshots of this report, newest first. */
  'history:list': {
    request: z.object({ file: FileRefSchema.nullable() }).strict(),
    response: result(z.array(z.object({ id: z.string(), savedAt: z.string(), doc: ReportDocumentSchema }))),
  },
  /** 批量检查: choose a folder; every report inside is granted for checking. */
  'review:chooseFolder': {
    request: Empty,
    response: result(z.object({ folder: z.string(), files: z.array(FileRefSchema) }).nullable()),
  },
  /** Check one granted report of that folder: one row of the reviewer's table. */
  'review:checkFile': { request: z.object({ file: FileRefSchema }).strict(), response: result(ReviewRowSchema) },
  /** Save the table as CSV (opens in Excel and WPS) where the reviewer chooses. */
  'review:exportTable': {
    request: z.object({ rows: z.array(ReviewRowSchema).max(10_000), suggestedName: z.string().max(200) }).strict(),
    response: result(z.object({ name: z.string() }).nullable()),
  },
  /** The reviewer's desk: one granted report checked, with its findings and figures (kept for the workbook). */
  'review:report': { request: z.object({ file: FileRefSchema }).strict(), response: result(ReviewedReportSchema) },
  /** Open one granted report of the folder, read-only, to read it beside its findings. */
  'review:open': { request: z.object({ file: FileRefSchema }).strict(), response: result(z.object({ doc: ReportDocumentSchema })) },
  /** Save the workbook (汇总, 问题清单, 主要数据) of the reviewed files where the reviewer chooses. */
  'review:exportWorkbook': {
    request: z.object({ files: z.array(FileRefSchema).max(10_000), suggestedName: z.string().max(200) }).strict(),
    response: result(z.object({ name: z.string() }).nullable()),
  },
  /** Write each reviewed file with its findings as Word comments into a folder the reviewer chooses. */
  'review:writeComments': {
    request: z.object({ files: z.array(FileRefSchema).max(10_000), author: z.string().max(100).optional() }).strict(),
    response: result(z.object({ folder: z.string(), written: z.number(), failed: z.array(z.string()) }).nullable()),
  },
  /** The county's profile imported once (kept in the app's data folder), or null when there is none. */
  'profile:get': { request: Empty, response: result(z.object({ profile: CountyProfileSchema, name: z.string() }).nullable()) },
  /** 导入县里的配置: choose the county's JSON file; validated (a mistake named by its line) before it is kept. */
  'profile:import': { request: Empty, response: result(z.object({ profile: CountyProfileSchema, name: z.string() }).nullable()) },
  /** Stop using the county's profile: the kept copy is deleted. */
  'profile:remove': { request: Empty, response: result(z.null()) },
  /** The renderer reports unsaved changes, so closing the window can ask first. */
  'window:setDirty': { request: z.object({ dirty: z.boolean() }).strict(), response: result(z.null()) },
} as const;

export type IpcMap = typeof ipcMap;
export type Channel = keyof IpcMap;
export type Request<C extends Channel> = z.input<IpcMap[C]['request']>;
export type Response<C extends Channel> = z.infer<IpcMap[C]['response']>;

/** Commands the application menu sends to the renderer (main → renderer, no response). */
export const MENU_COMMANDS = ['new', 'open', 'save', 'saveAs', 'import', 'exportDocx', 'exportPdf', 'preview', 'check', 'find', 'replace'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_CHANNEL = 'menu:command';

/** window.nianbao: one named function per channel, nothing else. */
export interface NianbaoApi {
  openReport(): Promise<Response<'report:open'>>;
  saveReport(request: Request<'report:save'>): Promise<Response<'report:save'>>;
  saveReportAs(request: Request<'report:saveAs'>): Promise<Response<'report:saveAs'>>;
  importReport(): Promise<Response<'report:import'>>;
  exportDocx(request: Request<'report:exportDocx'>): Promise<Response<'report:exportDocx'>>;
  exportPdf(request: Request<'report:exportPdf'>): Promise<Response<'report:exportPdf'>>;
  exportWeb(request: Request<'report:exportWeb'>): Promise<Response<'report:exportWeb'>>;
  listTemplates(): Promise<Response<'templates:list'>>;
  writeJournal(request: Request<'journal:write'>): Promise<Response<'journal:write'>>;
  setDirty(request: Request<'window:setDirty'>): Promise<Response<'window:setDirty'>>;
  pendingJournals(): Promise<Response<'journal:pending'>>;
  startUntitled(request: Request<'history:startUntitled'>): Promise<Response<'history:startUntitled'>>;
  snapshot(request: Request<'history:snapshot'>): Promise<Response<'history:snapshot'>>;
  listHistory(request: Request<'history:list'>): Promise<Response<'history:list'>>;
  discardJournal(request: Request<'journal:discard'>): Promise<Response<'journal:discard'>>;
  chooseReviewFolder(): Promise<Response<'review:chooseFolder'>>;
  checkReviewFile(request: Request<'review:checkFile'>): Promise<Response<'review:checkFile'>>;
  exportReviewTable(request: Request<'review:exportTable'>): Promise<Response<'review:exportTable'>>;
  reviewReport(request: Request<'review:report'>): Promise<Response<'review:report'>>;
  openReviewFile(request: Request<'review:open'>): Promise<Response<'review:open'>>;
  exportReviewWorkbook(request: Request<'review:exportWorkbook'>): Promise<Response<'review:exportWorkbook'>>;
  writeReviewComments(request: Request<'review:writeComments'>): Promise<Response<'review:writeComments'>>;
  countyProfile(): Promise<Response<'profile:get'>>;
  importCountyProfile(): Promise<Response<'profile:import'>>;
  removeCountyProfile(): Promise<Response<'profile:remove'>>;
  /** Subscribe to application-menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** Which channel each API function calls: preload and the browser stand-in both build from this. */
export const apiChannels = {
  openReport: 'report:open',
  saveReport: 'report:save',
  saveReportAs: 'report:saveAs',
  importReport: 'report:import',
  exportDocx: 'report:exportDocx',
  exportPdf: 'report:exportPdf',
  exportWeb: 'report:exportWeb',
  listTemplates: 'templates:list',
  writeJournal: 'journal:write',
  setDirty: 'window:setDirty',
  pendingJournals: 'journal:pending',
  startUntitled: 'history:startUntitled',
  snapshot: 'history:snapshot',
  listHistory: 'history:list',
  discardJournal: 'journal:discard',
  chooseReviewFolder: 'review:chooseFolder',
  checkReviewFile: 'review:checkFile',
  exportReviewTable: 'review:exportTable',
  reviewReport: 'review:report',
  openReviewFile: 'review:open',
  exportReviewWorkbook: 'review:exportWorkbook',
  writeReviewComments: 'review:writeComments',
  countyProfile: 'profile:get',
  importCountyProfile: 'profile:import',
  removeCountyProfile: 'profile:remove',
} as const satisfies Record<Exclude<keyof NianbaoApi, 'onMenuCommand'>, Channel>;

export const ipcError = (error: string) => ({ ok: false as const, error });
export const ipcOk = <T>(value: T) => ({ ok: true as const, value });
