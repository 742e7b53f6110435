/**
 * The county's profile over IPC: imported once from the file the county sent (validated first, so a file
 * with a mistake is refused with its line and nothing is kept), remembered as a copy in the app's data
 * folder, read back at every start, and removed on request. The reviewer's desk checks with it too.
 */
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import type { CountyProfile } from '../../core/profile/model';
import { profileFromBytes, readProfile } from '../../node/profile';
import { ReadError, readFileBounded } from '../../node/readFile';
import { MAX_PROFILE_BYTES } from '../../core/profile/schema';
import { ipcError, ipcOk } from '../../shared/ipc';
import { writeFileAtomic } from '../atomicWrite';
import type { HandlerContext, HandlerDeps, Handlers } from './context';

export interface ProfileDialogs {
  /** The county's profile file the clerk chooses; null when cancelled. */
  openProfile(): Promise<string | null>;
}

type ProfileChannels = 'profile:get' | 'profile:import' | 'profile:remove';

const STORED_NAME = 'county-profile.json';

/** The kept profile with the name it is shown by (its 审核单位, else 县里的配置). */
const shown = (profile: CountyProfile) => ({ profile, name: profile.reviewer ?? '县里的配置' });

export function createProfileHandlers(deps: HandlerDeps): {
  handlers: Pick<Handlers, ProfileChannels>;
  /** For the reviewer's desk in main: the kept profile, or undefined. */
  current(): Promise<CountyProfile | undefined>;
} {
  const stored = join(deps.userDataDir, STORED_NAME);
  const writeOptions = deps.fs ? { fs: deps.fs } : {};

  /** Read back at every call: a few kilobytes, and the copy on disk is the one truth. */
  async function load(): Promise<{ ok: true; profile: CountyProfile | null } | { ok: false; error: string }> {
    try {
      await fs.stat(stored);
    } catch {
      return { ok: true, profile: null };
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFileBounded(stored, MAX_PROFILE_BYTES);
    } catch (error) {
      return { ok: false, error: error instanceof ReadError ? error.message : '县里的配置无法读取。' };
    }
    const parsed = profileFromBytes(bytes, STORED_NAME);
    // A kept copy this version cannot read (written by a newer version, or damaged) is reported, not used.
    return parsed.ok
      ? { ok: true, profile: parsed.profile }
      : { ok: false, error: `${parsed.error}可以在“县里的配置”中移除后重新导入。` };
  }

  const handlers: Pick<Handlers, ProfileChannels> = {
    async 'profile:get'() {
      const loaded = await load();
      if (!loaded.ok) return ipcError(loaded.error);
      return ipcOk(loaded.profile ? shown(loaded.profile) : null);
    },

    async 'profile:import'() {
      if (!deps.profileDialogs) return ipcError('这里不能导入县里的配置。');
      const path = await deps.profileDialogs.openProfile();
      if (!path) return ipcOk(null);
      const read = await readProfile(path);
      if (!read.ok) return ipcError(read.error);
      // The county's file as it was sent, so that reading it back gives the same profile.
      await fs.mkdir(deps.userDataDir, { recursive: true });
      await writeFileAtomic(stored, read.bytes!, writeOptions);
      return ipcOk(shown(read.profile));
    },

    async 'profile:remove'() {
      try {
        await fs.rm(stored);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
          return ipcError('无法移除县里的配置：文件正被占用或没有权限。');
      }
      return ipcOk(null);
    },
  };

  return {
    handlers,
    async current() {
      const loaded = await load();
      return loaded.ok && loaded.profile ? loaded.profile : undefined;
    },
  };
}

/** The county-profile domain: its store is the context's (the review domain reads the same profile). */
export function profileHandlers(ctx: HandlerContext): ReturnType<typeof createProfileHandlers>['handlers'] {
  return ctx.county.handlers;
}
