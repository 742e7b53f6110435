/** 历史版本: a snapshot of the report every five minutes of editing, kept seven days. */
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { ReportDocumentSchema } from '../../core/model/report';
import { ipcOk } from '../../shared/ipc';
import { writeFileAtomic } from '../atomicWrite';
import type { HandlerContext, Handlers } from './context';

type HistoryChannels = 'history:startUntitled' | 'history:snapshot' | 'history:list';

const SNAPSHOT_DAYS = 7;

export function historyHandlers(ctx: HandlerContext): Pick<Handlers, HistoryChannels> {
  const { grants, historyDir, writeOptions } = ctx;
  return {
    async 'history:startUntitled'() {
      ctx.startUntitled();
      return ipcOk(null);
    },

    async 'history:snapshot'({ doc, file }) {
      const dir = join(historyDir, ctx.idOf(grants.get(file)?.path ?? null));
      await fs.mkdir(dir, { recursive: true });
      const savedAt = new Date();
      await writeFileAtomic(
        join(dir, `${savedAt.getTime()}.json`),
        JSON.stringify({ savedAt: savedAt.toISOString(), doc }),
        writeOptions,
      );
      // Kept seven days: older snapshots of every report are removed.
      const cutoff = savedAt.getTime() - SNAPSHOT_DAYS * 24 * 3600 * 1000;
      for (const report of await fs.readdir(historyDir).catch(() => [] as string[])) {
        for (const name of await fs.readdir(join(historyDir, report)).catch(() => [] as string[])) {
          const time = Number(name.replace(/\.json$/, ''));
          if (Number.isFinite(time) && time < cutoff)
            await fs.unlink(join(historyDir, report, name)).catch(() => undefined);
        }
      }
      return ipcOk(null);
    },

    async 'history:list'({ file }) {
      const dir = join(historyDir, ctx.idOf(grants.get(file)?.path ?? null));
      const names = (await fs.readdir(dir).catch(() => [] as string[]))
        .filter((n) => /^\d+\.json$/.test(n))
        .sort()
        .reverse();
      const versions = [];
      for (const name of names.slice(0, 200)) {
        try {
          const record = JSON.parse(await fs.readFile(join(dir, name), 'utf8')) as { savedAt?: unknown; doc?: unknown };
          const doc = ReportDocumentSchema.safeParse(record.doc);
          if (doc.success && typeof record.savedAt === 'string')
            versions.push({ id: name.replace(/\.json$/, ''), savedAt: record.savedAt, doc: doc.data });
        } catch {
          // a damaged snapshot is skipped, never trusted
        }
      }
      return ipcOk(versions);
    },
  };
}
