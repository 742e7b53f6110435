/**
 * The one IPC map: every channel between the renderer and the main process, with the zod schema of its
 * request and of its response. Main validates sender and request against it; preload exposes exactly
 * these channels as named functions (window.nianbao); the browser tests' stand-in serves the same map.
 *
 * Errors cross as data: every response is `{ ok: true, value }` or `{ ok: false, error, code }` with a Chinese
 * message and an ErrorCode (src/core/errors.ts), never a thrown exception. Each channel's `api` names its
 * function on window.nianbao.
 */
import * as z from 'zod';
import type { ErrorCode } from '../core/errors';
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
  findings: z.array(
    z.object({
      part: z.string(),
      rule: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      message: z.string(),
      text: z.string(),
    }),
  ),
  figures: z.record(z.string(), z.object({ value: z.number(), unit: z.string() })),
});

const Empty = z.object({}).strict();

function result<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    // code: the ErrorCode of src/core/errors.ts, for a program; error: the Chinese message, for the user.
    z.object({ ok: z.literal(false), error: z.string(), code: z.string().optional() }),
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

/** A file opened without a dialog (最近打开, dropped on the window): a report opens, anything else is imported. */
const OpenedFile = z.discriminatedUnion('kind', [
  OpenedReport.extend({ kind: z.literal('report') }),
  ImportedReport.extend({ kind: z.literal('import') }),
]);

/** One line of 最近打开: the file's token, the folder it is in (its name only), and whether it is still there. */
export const RecentFileSchema = z.object({ file: FileRefSchema, folder: z.string().max(1000), missing: z.boolean() });
export type RecentFile = z.infer<typeof RecentFileSchema>;

/** Extensions a file dropped on the window (or listed in 最近打开) may have: our report, or what 导入 reads. */
export const OPENABLE_EXTENSIONS = ['.nianbao', '.docx', '.doc', '.wps', '.txt', '.html', '.htm'] as const;
export const NOT_OPENABLE_MESSAGE =
  '只能打开本软件的报告（.nianbao），或导入 Word、WPS、文本、网页文件（.docx、.doc、.wps、.txt、.html）。这个文件没有打开，当前报告没有改动。';
/** Is this a name 打开 or 导入 could read (by its extension, as the dialogs' filters choose)? */
export const isOpenableName = (name: string) =>
  (OPENABLE_EXTENSIONS as readonly string[]).some((ext) => name.toLowerCase().endsWith(ext));

export const ipcMap = {
  /** Open a .nianbao file chosen in the open dialog. */
  'report:open': { api: 'openReport', request: Empty, response: result(OpenedReport.nullable()) },
  /** Save to the granted file, or ask for a name when there is none (or it is read-only). */
  'report:save': {
    api: 'saveReport',
    request: z
      .object({ doc: ReportDocumentSchema, file: FileRefSchema.nullable(), suggestedName: z.string().max(200) })
      .strict(),
    response: result(z.object({ file: FileRefSchema }).nullable()),
  },
  /** Always ask for a new name. */
  'report:saveAs': {
    api: 'saveReportAs',
    request: z.object({ doc: ReportDocumentSchema, suggestedName: z.string().max(200) }).strict(),
    response: result(z.object({ file: FileRefSchema }).nullable()),
  },
  /** Import last year's .docx or .txt chosen in the open dialog, onto the county's outlines when its profile has them. */
  'report:import': { api: 'importReport', request: Empty, response: result(ImportedReport.nullable()) },
  /** Read the file just imported (by any door) again, its parts mapped onto the outline the clerk chose in the import dialog. */
  'report:reimport': {
    api: 'reimportReport',
    request: z.object({ templateId: z.string().min(1).max(100) }).strict(),
    response: result(ImportedReport),
  },
  /** Export the report as a GB/T 9704 .docx, to a path chosen in the save dialog. */
  'report:exportDocx': {
    api: 'exportDocx',
    request: z
      .object({ doc: ReportDocumentSchema, options: ExportOptionsSchema, suggestedName: z.string().max(200) })
      .strict(),
    response: result(z.object({ name: z.string() }).nullable()),
  },
  /**
   * Print the preview the window shows to a PDF, saved where the clerk chooses. `doc` is the report the
   * preview is drawn from: main refuses it while a phone or ID number remains, as for Word.
   */
  'report:exportPdf': {
    api: 'exportPdf',
    request: z.object({ doc: ReportDocumentSchema, suggestedName: z.string().max(200) }).strict(),
    response: result(z.object({ name: z.string() }).nullable()),
  },
  /** Web text (plain text or simple HTML) for the portal's CMS; refused while privacy errors remain. */
  'report:exportWeb': {
    api: 'exportWeb',
    request: z
      .object({ doc: ReportDocumentSchema, format: z.enum(['txt', 'html']), suggestedName: z.string().max(200) })
      .strict(),
    response: result(z.object({ name: z.string() }).nullable()),
  },
  /** Templates a county added in the app's templates folder (the built-in ones ship with the renderer), by file; problems name the files that could not be read. */
  'templates:list': {
    api: 'listTemplates',
    request: Empty,
    response: result(
      z.object({
        templates: z.array(z.object({ file: z.string(), data: z.unknown() })),
        problems: z.array(z.string()),
      }),
    ),
  },
  /** Journal unsaved work for crash recovery (app data folder, not the clerk's). */
  'journal:write': {
    api: 'writeJournal',
    request: z.object({ doc: ReportDocumentSchema, file: FileRefSchema.nullable() }).strict(),
    response: result(z.null()),
  },
  /** Unsaved work found on start: journals newer than their files (corrupt ones are ignored). */
  'journal:pending': {
    api: 'pendingJournals',
    request: Empty,
    response: result(
      z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          savedAt: z.string(),
          doc: ReportDocumentSchema,
          file: FileRefSchema.nullable(),
        }),
      ),
    ),
  },
  /** Forget a journal the clerk chose not to restore. */
  'journal:discard': {
    api: 'discardJournal',
    request: z.object({ id: z.string().regex(/^[a-z0-9]{1,40}$/) }).strict(),
    response: result(z.null()),
  },
  /** A new unsaved report starts (新建, 导入, 起草): its 历史版本 and journal are its own, not the previous unsaved one's. */
  'history:startUntitled': { api: 'startUntitled', request: Empty, response: result(z.null()) },
  /** A timed snapshot of the report (every 5 minutes while editing), kept 7 days, for 历史版本. */
  'history:snapshot': {
    api: 'snapshot',
    request: z.object({ doc: ReportDocumentSchema, file: FileRefSchema.nullable() }).strict(),
    response: result(z.null()),
  },
  /** The snapshots of this report, newest first. */
  'history:list': {
    api: 'listHistory',
    request: z.object({ file: FileRefSchema.nullable() }).strict(),
    response: result(z.array(z.object({ id: z.string(), savedAt: z.string(), doc: ReportDocumentSchema }))),
  },
  /** 批量检查: choose a folder; every report inside is granted for checking. */
  'review:chooseFolder': {
    api: 'chooseReviewFolder',
    request: Empty,
    response: result(z.object({ folder: z.string(), files: z.array(FileRefSchema) }).nullable()),
  },
  /** Last year's folder, for 主要数据's comparison and the chart: its reports granted read-only, as review:chooseFolder does. */
  'review:chooseLastYear': {
    api: 'chooseReviewLastYear',
    request: Empty,
    response: result(z.object({ folder: z.string(), files: z.array(FileRefSchema) }).nullable()),
  },
  /** Save the table as CSV (opens in Excel and WPS) where the reviewer chooses. */
  'review:exportTable': {
    api: 'exportReviewTable',
    request: z.object({ rows: z.array(ReviewRowSchema).max(10_000), suggestedName: z.string().max(200) }).strict(),
    response: result(z.object({ name: z.string() }).nullable()),
  },
  /** The reviewer's desk: one granted report checked, with its findings and figures (kept for the workbook). */
  'review:report': {
    api: 'reviewReport',
    request: z.object({ file: FileRefSchema }).strict(),
    response: result(ReviewedReportSchema),
  },
  /** Open one granted report of the folder, read-only, to read it beside its findings. */
  'review:open': {
    api: 'openReviewFile',
    request: z.object({ file: FileRefSchema }).strict(),
    response: result(z.object({ doc: ReportDocumentSchema })),
  },
  /** Save the workbook (汇总, 问题清单, 主要数据) of the reviewed files where the reviewer chooses. */
  'review:exportWorkbook': {
    api: 'exportReviewWorkbook',
    request: z
      .object({
        files: z.array(FileRefSchema).max(10_000),
        suggestedName: z.string().max(200),
        /** Last year's reports (from review:chooseLastYear): 主要数据 puts their figures and the change beside. */
        lastYear: z.array(FileRefSchema).max(10_000).optional(),
      })
      .strict(),
    response: result(z.object({ name: z.string() }).nullable()),
  },
  /** Write each reviewed file with its findings as Word comments into a folder the reviewer chooses. */
  'review:writeComments': {
    api: 'writeReviewComments',
    request: z.object({ files: z.array(FileRefSchema).max(10_000), author: z.string().max(100).optional() }).strict(),
    response: result(z.object({ folder: z.string(), written: z.number(), failed: z.array(z.string()) }).nullable()),
  },
  /** 最近打开: the last ten reports opened or saved, newest first (a moved or deleted one marked missing). */
  'recent:list': { api: 'listRecent', request: Empty, response: result(z.array(RecentFileSchema)) },
  /** A report was opened or saved under this granted file: it goes to the top of 最近打开. */
  'recent:add': { api: 'addRecent', request: z.object({ file: FileRefSchema }).strict(), response: result(z.null()) },
  /** Open a file of 最近打开 (a token from recent:list or the menu): a missing one is removed and said so. */
  'recent:open': {
    api: 'openRecent',
    request: z.object({ file: FileRefSchema }).strict(),
    response: result(OpenedFile),
  },
  /** A file dropped on the window; the preload reads its path (webUtils), the page never sees it. */
  'file:openDropped': {
    api: 'openDroppedFile',
    request: z.object({ path: z.string().min(1).max(4096) }).strict(),
    response: result(OpenedFile),
  },
  /** Files the OS asked the app to open (double-clicked, 打开方式), each taken once: tokens for recent:open. */
  'file:takeOsOpened': { api: 'takeOsOpenedFiles', request: Empty, response: result(z.array(FileRefSchema).max(100)) },
  /**
   * 打印…: the window (showing the preview) goes to the system's print dialog; printed false when cancelled.
   * `doc` is the report the preview is drawn from: main refuses it while a phone or ID number remains, as for PDF.
   */
  'window:print': {
    api: 'printWindow',
    request: z.object({ doc: ReportDocumentSchema }).strict(),
    response: result(z.object({ printed: z.boolean() })),
  },
  /** The right-click menu's 剪切 复制 粘贴 全选: what the 编辑 menu's roles do (webContents), on the restored selection. */
  'window:edit': {
    api: 'editWindow',
    request: z.object({ action: z.enum(['cut', 'copy', 'paste', 'selectAll']) }).strict(),
    response: result(z.null()),
  },
  /** The county's profile imported once (kept in the app's data folder), or null when there is none. */
  'profile:get': {
    api: 'countyProfile',
    request: Empty,
    response: result(z.object({ profile: CountyProfileSchema, name: z.string() }).nullable()),
  },
  /** 导入县里的配置: choose the county's JSON file; validated (a mistake named by its line) before it is kept. */
  'profile:import': {
    api: 'importCountyProfile',
    request: Empty,
    response: result(z.object({ profile: CountyProfileSchema, name: z.string() }).nullable()),
  },
  /** Stop using the county's profile: the kept copy is deleted. */
  'profile:remove': { api: 'removeCountyProfile', request: Empty, response: result(z.null()) },
  /** The renderer reports unsaved changes, so closing the window can ask first. */
  'window:setDirty': {
    api: 'setDirty',
    request: z.object({ dirty: z.boolean() }).strict(),
    response: result(z.null()),
  },
} as const;

export type IpcMap = typeof ipcMap;
export type Channel = keyof IpcMap;
export type Request<C extends Channel> = z.input<IpcMap[C]['request']>;
export type Response<C extends Channel> = z.infer<IpcMap[C]['response']>;

/** Commands the application menu sends to the renderer (main → renderer, no response). */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'saveAs',
  'import',
  'exportDocx',
  'exportPdf',
  'preview',
  'check',
  'find',
  'replace',
  'print',
  /** 编辑 and 视图: the page's own one history and document zoom, not the browser's (menu.ts). */
  'undo',
  'redo',
  'zoomIn',
  'zoomOut',
  'zoomReset',
  /** Not a menu item: the window's close button with unsaved work, asked in the page (保存 / 不保存 / 取消). */
  'close',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_CHANNEL = 'menu:command';
/** 文件 → 最近打开 in the application menu sends the chosen file's token (main → renderer). */
export const RECENT_CHANNEL = 'menu:openRecent';

/** The OS asked the app to open a file (main → renderer, no payload): the page takes it with file:takeOsOpened. */
export const OS_OPEN_CHANNEL = 'os:openFiles';

/** The API function of a channel: a request is optional where the channel's request is empty. */
type ApiFunction<C extends Channel> =
  Record<string, never> extends Request<C>
    ? (request?: Request<C>) => Promise<Response<C>>
    : (request: Request<C>) => Promise<Response<C>>;

/** window.nianbao: one named function per channel of the IPC map (named by its `api`), nothing else. */
export type NianbaoApi = Omit<{ [C in Channel as IpcMap[C]['api']]: ApiFunction<C> }, 'openDroppedFile'> & {
  /** Open or import a file dropped on the window: the preload asks Electron for its path (file:openDropped), the page never sees it. */
  openDroppedFile(file: File): Promise<Response<'file:openDropped'>>;
  /** Subscribe to application-menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Subscribe to 文件 → 最近打开 choices in the application menu; returns an unsubscribe function. */
  onOpenRecent(listener: (file: FileRef) => void): () => void;
  /** Subscribe to "the OS asked to open a file" (double-click while the app runs); returns an unsubscribe function. */
  onOsOpen(listener: () => void): () => void;
};

export type ApiName = IpcMap[Channel]['api'];

/** Which channel each API function calls, derived from the map: preload and the browser stand-in both build from this. */
export const apiChannels = Object.freeze(
  Object.fromEntries(Object.entries(ipcMap).map(([channel, entry]) => [entry.api, channel])) as {
    [N in ApiName]: { [C in Channel]: IpcMap[C]['api'] extends N ? C : never }[Channel];
  },
);

export const ipcError = (error: string, code: ErrorCode = 'internal') => ({ ok: false as const, error, code });
export const ipcOk = <T>(value: T) => ({ ok: true as const, value });
