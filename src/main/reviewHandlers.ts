/**
 * The reviewer's desk over IPC: each granted report of the chosen folder checked (and remembered for the
 * workbook), opened read-only, filed as one .xlsx workbook, and written back with its findings as Word
 * comments into a folder the reviewer chooses — never over the town's file.
 */
import * as fs from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { nodeDeflater } from '../cli/deflater';
import { exportDocx } from '../core/export/docx';
import { importFile } from '../core/import/index';
import type { CountyProfile } from '../core/profile/model';
import { registryWithProfile, reviewerOf } from '../core/profile/index';
import { reviewFile } from '../core/review/reviewFile';
import { problemRow, type ReviewedReport } from '../core/review/table';
import { reviewWorkbook } from '../core/review/workbook';
import { ipcError, ipcOk, type FileRef } from '../shared/ipc';
import { writeFileAtomic } from './atomicWrite';
import type { FileGrants, HandlerDeps, Handlers } from './handlers';

export interface ReviewDialogs {
  /** Where to save the workbook; null when cancelled. */
  saveWorkbook(suggestedName: string): Promise<string | null>;
  /** The folder the commented copies go into; null when cancelled. */
  commentsFolder(): Promise<string | null>;
}

type ReviewChannels = 'review:report' | 'review:open' | 'review:exportWorkbook' | 'review:writeComments';

/** As the other handlers: refuse before reading anything no report comes near. */
const MAX_BYTES = 60 * 1024 * 1024;

export function createReviewHandlers(
  deps: HandlerDeps & { reviewDialogs?: ReviewDialogs; countyProfile?: () => Promise<CountyProfile | undefined> },
  grants: FileGrants,
): Pick<Handlers, ReviewChannels> {
  /** Reviewed reports by the token of their file, for the workbook. */
  const reviewed = new Map<string, ReviewedReport>();

  async function read(path: string): Promise<Uint8Array> {
    const stat = await fs.stat(path);
    if (stat.size > MAX_BYTES) throw new Error(`文件过大（约 ${Math.round(stat.size / 1024 / 1024)} MB），不像是一份报告。`);
    return fs.readFile(path);
  }

  const unreadable = (error: unknown) => (error instanceof Error && /文件过大/.test(error.message) ? error.message : '无法读取：文件不存在、没有权限或正被其他程序占用。');

  async function review(file: FileRef): Promise<ReviewedReport> {
    const grant = grants.get(file);
    if (!grant) return { row: problemRow(file.name, '没有选择这个文件，已拒绝。'), findings: [], figures: {} };
    let report: ReviewedReport;
    try {
      const profile = await deps.countyProfile?.();
      report = (await reviewFile(grant.path, await read(grant.path), profile ? { profile, registry: registryWithProfile(profile) } : {})).report;
      report = { ...report, row: { ...report.row, file: file.name } };
    } catch (error) {
      report = { row: problemRow(file.name, unreadable(error)), findings: [], figures: {} };
    }
    reviewed.set(file.id, report);
    return report;
  }

  return {
    async 'review:report'({ file }) {
      if (!grants.get(file)) return ipcError('没有选择这个文件，已拒绝。');
      return ipcOk(await review(file));
    },

    async 'review:open'({ file }) {
      const grant = grants.get(file);
      if (!grant) return ipcError('没有选择这个文件，已拒绝。');
      let bytes: Uint8Array;
      try {
        bytes = await read(grant.path);
      } catch (error) {
        return ipcError(`“${file.name}”${unreadable(error)}`);
      }
      const imported = await importFile(grant.path, bytes);
      if (!imported.ok) return ipcError(`“${file.name}”：${imported.error}`);
      return ipcOk({ doc: imported.doc });
    },

    async 'review:exportWorkbook'({ files, suggestedName }) {
      if (!deps.reviewDialogs) return ipcError('这里不能导出工作簿。');
      if (files.some((f) => !grants.get(f))) return ipcError('有未选择的文件，已拒绝。');
      const chosen = await deps.reviewDialogs.saveWorkbook(`${suggestedName.replace(/[\\/:*?"<>|\r\n]+/g, '').trim() || '审核结果'}.xlsx`);
      if (!chosen) return ipcOk(null);
      const path = extname(chosen).toLowerCase() === '.xlsx' ? chosen : `${chosen}.xlsx`;
      const reports: ReviewedReport[] = [];
      for (const file of files) reports.push(reviewed.get(file.id) ?? (await review(file)));
      await writeFileAtomic(path, await reviewWorkbook(reports), deps.fs ? { fs: deps.fs } : {});
      return ipcOk({ name: basename(path) });
    },

    async 'review:writeComments'({ files, author }) {
      if (!deps.reviewDialogs) return ipcError('这里不能写回批注。');
      if (files.some((f) => !grants.get(f))) return ipcError('有未选择的文件，已拒绝。');
      const folder = await deps.reviewDialogs.commentsFolder();
      if (!folder) return ipcOk(null);
      const originals = new Set(files.map((f) => grants.get(f)!.path));
      const profile = await deps.countyProfile?.();
      // The comments are signed as asked, else by the county its profile names, else 县司法局审核.
      const signer = author?.trim() || reviewerOf(profile);
      const comments = { deflater: nodeDeflater, ...(signer ? { author: signer } : {}), exportDocx: (doc: Parameters<typeof exportDocx>[0]) => exportDocx(doc, {}, nodeDeflater) };
      let written = 0;
      const failed: string[] = [];
      for (const file of files) {
        const path = grants.get(file)!.path;
        // file.name is the path inside the chosen folder: the copies keep its sub-folders.
        const relative = file.name.replace(/\\/g, '/').split('/').filter((s) => s && s !== '..' && s !== '.').join('/');
        const target = join(folder, relative.slice(0, relative.length - extname(relative).length) + '（审核意见）.docx');
        if (originals.has(target)) {
          failed.push(`${file.name}：会覆盖原文件，已跳过`);
          continue;
        }
        try {
          const result = await reviewFile(path, await read(path), { comments, ...(profile ? { profile, registry: registryWithProfile(profile) } : {}) });
          if (!result.commented) {
            failed.push(`${file.name}：${result.report.row.problem ?? '无法读取'}`);
            continue;
          }
          await fs.mkdir(dirname(target), { recursive: true });
          await writeFileAtomic(target, result.commented, deps.fs ? { fs: deps.fs } : {});
          written++;
        } catch (error) {
          failed.push(`${file.name}：${error instanceof Error && /[\u4e00-\u9fff]/.test(error.message) ? error.message : unreadable(error)}`);
        }
      }
      return ipcOk({ folder: basename(folder), written, failed });
    },
  };
}
