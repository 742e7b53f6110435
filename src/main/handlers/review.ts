/**
 * The reviewer's desk over IPC: a folder chosen and every report in it granted read-only, each checked (a
 * row of the table, and remembered for the workbook), opened read-only, filed as a CSV table or one .xlsx
 * workbook, and written back with its findings as Word comments into a folder the reviewer chooses — never
 * over the town's file.
 */
import * as fs from 'node:fs/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { AppError } from '../../core/errors';
import { exportDocx } from '../../core/export/docx';
import { importFile } from '../../core/import/index';
import { registryWithProfile, reviewerOf } from '../../core/profile/index';
import { reviewFile } from '../../core/review/reviewFile';
import { problemRow, reviewCsv, type ReviewedReport } from '../../core/review/table';
import { reviewWorkbook } from '../../core/review/workbook';
import { indicatorsOf } from '../../core/checks/countyLists';
import { nodeDeflater, nodeInflater } from '../../node/deflater';
import { InputError, expandInputs } from '../../node/inputs';
import { readFileBounded } from '../../node/readFile';
import { checkZip } from '../../node/zip';
import { ipcError, ipcOk, type FileRef } from '../../shared/ipc';
import { writeFileAtomic } from '../atomicWrite';
import { safeName, withExtension, type HandlerContext, type Handlers } from './context';

/** Every file of a reviewed folder is looked into before anything unpacks it. */
const zipGuard = (zip: Uint8Array) => checkZip(zip);

export interface ReviewDialogs {
  /** Where to save the workbook; null when cancelled. */
  saveWorkbook(suggestedName: string): Promise<string | null>;
  /** The folder the commented copies go into; null when cancelled. */
  commentsFolder(): Promise<string | null>;
  /** Last year's folder of the same towns' reports; null when cancelled. */
  lastYearFolder?(): Promise<string | null>;
}

type ReviewChannels =
  | 'review:chooseFolder'
  | 'review:chooseLastYear'
  | 'review:exportTable'
  | 'review:report'
  | 'review:open'
  | 'review:exportWorkbook'
  | 'review:writeComments';

/** As the other handlers: refuse before reading anything no report comes near. */
const MAX_BYTES = 60 * 1024 * 1024;

export function reviewHandlers(ctx: HandlerContext): Pick<Handlers, ReviewChannels> {
  const { deps, grants, queue, writeOptions } = ctx;
  /** Reviewed reports by the token of their file, for the workbook. */
  const reviewed = new Map<string, ReviewedReport>();

  /** Bounded, regular files only: the same reader as the clerk's import. */
  const read = (path: string): Promise<Uint8Array> => readFileBounded(path, MAX_BYTES);

  /** The error's own Chinese message (it names the file), or a general one naming it. */
  const unreadable = (name: string, error: unknown) =>
    error instanceof AppError ? error.message : `“${name}”无法读取：文件不存在、没有权限或正被其他程序占用。`;

  async function review(file: FileRef): Promise<ReviewedReport> {
    const grant = grants.get(file);
    if (!grant) return { row: problemRow(file.name, '没有选择这个文件，已拒绝。'), findings: [], figures: {} };
    // Found unreadable while the folder was listed (a PDF, a broken link): its row says why, nothing is read.
    if (grant.problem) {
      const report = { row: problemRow(file.name, grant.problem), findings: [], figures: {} };
      reviewed.set(file.id, report);
      return report;
    }
    let report: ReviewedReport;
    try {
      const profile = await ctx.county.current();
      report = (
        await reviewFile(grant.path, await read(grant.path), {
          zipGuard,
          ...(profile ? { profile, registry: registryWithProfile(profile) } : {}),
        })
      ).report;
      report = { ...report, row: { ...report.row, file: file.name } };
    } catch (error) {
      report = { row: problemRow(file.name, unreadable(basename(grant.path), error)), findings: [], figures: {} };
    }
    reviewed.set(file.id, report);
    return report;
  }

  /** Every report of a chosen folder granted read-only; every file and sub-folder met, with its reason when it cannot be read. */
  function listFolder(folder: string) {
    const found = expandInputs([folder]);
    if (found.length === 1 && found[0] instanceof InputError && found[0].file === folder)
      return ipcError(`“${basename(folder)}”中没有找到报告文件（.docx、.txt 或 .nianbao）。`, 'read');
    // Every file and sub-folder met gets a row: a report to check, or the reason it cannot be.
    const files = found.map((f) => {
      const path = f instanceof InputError ? f.file : f;
      const problem = f instanceof InputError ? f.reason : undefined;
      return { ...grants.grant(path, true, problem), name: relative(folder, path) || basename(path) };
    });
    return ipcOk({ folder: basename(folder), files });
  }

  return {
    async 'review:chooseFolder'() {
      const folder = await deps.dialogs.openFolder();
      return folder ? listFolder(folder) : ipcOk(null);
    },

    async 'review:chooseLastYear'() {
      if (!deps.reviewDialogs?.lastYearFolder) return ipcError('这里不能选择去年的文件夹。', 'unavailable');
      const folder = await deps.reviewDialogs.lastYearFolder();
      return folder ? listFolder(folder) : ipcOk(null);
    },

    async 'review:exportTable'({ rows, suggestedName }) {
      const chosen = await deps.dialogs.saveTable(safeName(suggestedName, '.csv'));
      if (!chosen) return ipcOk(null);
      const path = withExtension(chosen, '.csv');
      await queue.run(path, () => writeFileAtomic(path, reviewCsv(rows), writeOptions));
      return ipcOk({ name: basename(path) });
    },

    async 'review:report'({ file }) {
      if (!grants.get(file)) return ipcError('没有选择这个文件，已拒绝。', 'refused');
      return ipcOk(await review(file));
    },

    async 'review:open'({ file }) {
      const grant = grants.get(file);
      if (!grant) return ipcError('没有选择这个文件，已拒绝。', 'refused');
      let bytes: Uint8Array;
      try {
        bytes = await read(grant.path);
      } catch (error) {
        return ipcError(unreadable(file.name, error), 'read');
      }
      // Read as its row was: onto the county's outlines, every zip looked into first.
      const profile = await ctx.county.current();
      const imported = await importFile(grant.path, bytes, {
        zipGuard,
        ...(profile ? { registry: registryWithProfile(profile) } : {}),
      });
      if (!imported.ok) return ipcError(`“${file.name}”：${imported.error}`, 'format');
      return ipcOk({ doc: imported.doc });
    },

    async 'review:exportWorkbook'({ files, suggestedName, lastYear = [] }) {
      if (!deps.reviewDialogs) return ipcError('这里不能导出工作簿。', 'unavailable');
      if ([...files, ...lastYear].some((f) => !grants.get(f))) return ipcError('有未选择的文件，已拒绝。', 'refused');
      const chosen = await deps.reviewDialogs.saveWorkbook(
        `${suggestedName.replace(/[\\/:*?"<>|\r\n]+/g, '').trim() || '审核结果'}.xlsx`,
      );
      if (!chosen) return ipcOk(null);
      const path = extname(chosen).toLowerCase() === '.xlsx' ? chosen : `${chosen}.xlsx`;
      const reports: ReviewedReport[] = [];
      for (const file of files) reports.push(reviewed.get(file.id) ?? (await review(file)));
      // Last year's reports are checked as this year's are (the CLI's --last-year): the same core, the same profile.
      const previous: ReviewedReport[] = [];
      for (const file of lastYear) previous.push(reviewed.get(file.id) ?? (await review(file)));
      const indicators = indicatorsOf(await ctx.county.current()).list;
      await writeFileAtomic(path, await reviewWorkbook(reports, previous, indicators), writeOptions);
      return ipcOk({ name: basename(path) });
    },

    async 'review:writeComments'({ files, author }) {
      if (!deps.reviewDialogs) return ipcError('这里不能写回批注。', 'unavailable');
      if (files.some((f) => !grants.get(f))) return ipcError('有未选择的文件，已拒绝。', 'refused');
      const folder = await deps.reviewDialogs.commentsFolder();
      if (!folder) return ipcOk(null);
      const originals = new Set(files.map((f) => grants.get(f)!.path));
      const profile = await ctx.county.current();
      // The comments are signed as asked, else by the county its profile names, else 县司法局审核.
      const signer = author?.trim() || reviewerOf(profile);
      const comments = {
        deflater: nodeDeflater,
        inflater: nodeInflater,
        ...(signer ? { author: signer } : {}),
        exportDocx: (doc: Parameters<typeof exportDocx>[0]) => exportDocx(doc, {}, nodeDeflater),
      };
      let written = 0;
      const failed: string[] = [];
      for (const file of files) {
        const path = grants.get(file)!.path;
        // file.name is the path inside the chosen folder: the copies keep its sub-folders.
        const relative = file.name
          .replace(/\\/g, '/')
          .split('/')
          .filter((s) => s && s !== '..' && s !== '.')
          .join('/');
        const target = join(
          folder,
          relative.slice(0, relative.length - extname(relative).length) + '（审核意见）.docx',
        );
        if (originals.has(target)) {
          failed.push(`${file.name}：会覆盖原文件，已跳过`);
          continue;
        }
        try {
          const result = await reviewFile(path, await read(path), {
            comments,
            zipGuard,
            ...(profile ? { profile, registry: registryWithProfile(profile) } : {}),
          });
          if (!result.commented) {
            failed.push(`${file.name}：${result.report.row.problem ?? '无法读取'}`);
            continue;
          }
          await fs.mkdir(dirname(target), { recursive: true });
          await writeFileAtomic(target, result.commented, writeOptions);
          written++;
        } catch (error) {
          failed.push(
            `${file.name}：${error instanceof AppError ? error.message : '没有写成批注文件（程序内部出错）。'}`,
          );
        }
      }
      return ipcOk({ folder: basename(folder), written, failed });
    },
  };
}
