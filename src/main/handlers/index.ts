/**
 * What each IPC channel does, over the pure core, with the dialogs and the file system injected so that
 * the handlers are tested in Node without Electron. One module per domain returns its part of the map;
 * this merges them and refuses to start unless every channel of the IPC map has exactly one handler.
 */
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { ipcMap, type Channel } from '../../shared/ipc';
import { cleanStaleTemps } from '../atomicWrite';
import { HandlerContext, type HandlerDeps, type Handlers } from './context';
import { historyHandlers } from './history';
import { journalHandlers } from './journal';
import { profileHandlers } from './profile';
import { recentHandlers } from './recent';
import { reportHandlers } from './report';
import { reviewHandlers } from './review';
import { templatesHandlers } from './templates';
import { windowHandlers } from './window';

export { FileGrants, isOpenInWord, journalId, type Dialogs, type HandlerDeps, type Handlers } from './context';
export type { ReviewDialogs } from './review';

/** The domains, each a function of the shared context returning its handlers. */
const DOMAINS = [
  reportHandlers,
  journalHandlers,
  historyHandlers,
  reviewHandlers,
  templatesHandlers,
  windowHandlers,
  recentHandlers,
  profileHandlers,
];

/**
 * One map out of the domains' parts: a channel handled twice, a channel of the map with no handler, or a
 * handler for a channel the map does not have is a programming error, thrown at startup.
 */
export function mergeHandlers(parts: readonly Partial<Record<string, unknown>>[]): Handlers {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [channel, handler] of Object.entries(part)) {
      if (!(channel in ipcMap)) throw new Error(`IPC handler for unknown channel ${channel}`);
      if (channel in merged) throw new Error(`IPC channel ${channel} has two handlers`);
      merged[channel] = handler;
    }
  }
  const missing = (Object.keys(ipcMap) as Channel[]).filter((channel) => typeof merged[channel] !== 'function');
  if (missing.length) throw new Error(`IPC channels without a handler: ${missing.join(', ')}`);
  return merged as Handlers;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const ctx = new HandlerContext(deps);

  // On start: temp files of saves killed last time (journals, snapshots) go.
  void (async () => {
    await cleanStaleTemps(ctx.journalDir);
    for (const report of await fs.readdir(ctx.historyDir).catch(() => [] as string[]))
      await cleanStaleTemps(join(ctx.historyDir, report));
  })();

  return mergeHandlers(DOMAINS.map((domain) => domain(ctx)));
}

// The same check for the compiler: a channel of the map that no domain handles fails the typecheck.
type KeysOf<T> = T extends unknown ? keyof T : never;
type Covered = KeysOf<ReturnType<(typeof DOMAINS)[number]>>;
const everyChannelCovered: [Channel] extends [Covered] ? true : never = true;
void everyChannelCovered;
