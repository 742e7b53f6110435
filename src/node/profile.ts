/**
 * Reading a county's profile from disk, for the command line and the app alike: bounded (a profile is a
 * short file), in whatever encoding Notepad saved it (UTF-8 with or without BOM, UTF-16, GB18030), and
 * validated; every refusal is one Chinese sentence naming the file.
 */
import { basename } from 'node:path';
import { decodeText } from '../core/import/decode';
import { MAX_PROFILE_BYTES, parseProfile, type ProfileParse } from '../core/profile/schema';
import { ReadError, readFileBounded, readFileBoundedSync } from './readFile';

export function profileFromBytes(bytes: Uint8Array, name: string): ProfileParse {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, error: `县里的配置“${name}”无法读取：${decoded.error}` };
  return parseProfile(decoded.text, `县里的配置“${name}”`);
}

function readError(path: string, error: unknown): ProfileParse {
  if (error instanceof ReadError) return { ok: false, error: `县里的配置无法读取：${error.message}` };
  return { ok: false, error: `县里的配置无法读取：${path}` };
}

export function readProfileSync(path: string): ProfileParse {
  let bytes: Uint8Array;
  try {
    bytes = readFileBoundedSync(path, MAX_PROFILE_BYTES);
  } catch (error) {
    return readError(path, error);
  }
  return profileFromBytes(bytes, basename(path));
}

export async function readProfile(path: string): Promise<ProfileParse & { bytes?: Uint8Array }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFileBounded(path, MAX_PROFILE_BYTES);
  } catch (error) {
    return readError(path, error);
  }
  const parsed = profileFromBytes(bytes, basename(path));
  return parsed.ok ? { ...parsed, bytes } : parsed;
}
