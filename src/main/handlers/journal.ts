/** Crash recovery: unsaved work journalled in the app's data folder, offered back on start. */
import * as fs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ReportDocumentSchema } from '../../core/model/report';
import { ipcOk } from '../../shared/ipc';
import { cleanStaleTemps, writeFileAtomic } from '../atomicWrite';
import type { HandlerContext, Handlers } from './context';

type JournalChannels = 'journal:write' | 'journal:pending' | 'journal:discard';

export function journalHandlers(ctx: HandlerContext): Pick<Handlers, JournalChannels> {
  const { grants, journalDir, writeOptions } = ctx;
  return {
    async 'journal:write'({ doc, file }) {
      await fs.mkdir(journalDir, { recursive: true });
      const grant = grants.get(file);
      const path = grant?.path ?? null;
      // A read-only grant stays read-only when its journal is offered back, even in a later session.
      const record = JSON.stringify({
        savedAt: new Date().toISOString(),
        path,
        readOnly: grant?.readOnly ?? false,
        doc,
      });
      await writeFileAtomic(join(journalDir, `${ctx.idOf(path)}.json`), record, writeOptions);
      return ipcOk(null);
    },

    async 'journal:pending'() {
      let names: string[];
      try {
        names = (await fs.readdir(journalDir)).filter((n) => /^[a-z0-9]+\.json$/.test(n));
      } catch {
        return ipcOk([]);
      }
      const pending = [];
      for (const name of names) {
        let record: { savedAt?: unknown; path?: unknown; readOnly?: unknown; doc?: unknown };
        try {
          record = JSON.parse(await fs.readFile(join(journalDir, name), 'utf8'));
        } catch {
          continue; // truncated or corrupt: never trusted
        }
        const doc = ReportDocumentSchema.safeParse(record.doc);
        const savedAt = typeof record.savedAt === 'string' ? new Date(record.savedAt) : null;
        if (!doc.success || !savedAt || Number.isNaN(savedAt.getTime())) continue;
        const path = typeof record.path === 'string' ? record.path : null;
        if (path) {
          const mtime = await fs.stat(path).then(
            (s) => s.mtime,
            () => null,
          );
          if (mtime && mtime >= savedAt) continue; // the file itself is newer: nothing to recover
          await cleanStaleTemps(dirname(path)); // a save of it may have been killed too
        }
        pending.push({
          id: name.replace(/\.json$/, ''),
          name: path ? basename(path) : '未保存的报告',
          savedAt: savedAt.toISOString(),
          doc: doc.data,
          file: path ? grants.grant(path, record.readOnly === true) : null,
        });
      }
      // Newest first: the clerk's last work heads the list (readdir's order is the file system's).
      pending.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
      return ipcOk(pending);
    },

    async 'journal:discard'({ id }) {
      await fs.unlink(join(journalDir, `${id}.json`)).catch(() => undefined);
      return ipcOk(null);
    },
  };
}
