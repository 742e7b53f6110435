// Types for scripts/ensure-electron.cjs, for its test.
import type { spawnSync } from 'node:child_process';

interface Where {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  arch?: string;
}
export function ensureElectron(options?: {
  electronDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: (text: string) => void;
  spawn?: typeof spawnSync;
}): number;
export function isInstalled(electronDir: string, where?: Where): boolean;
export function zipCachePath(version: string, where?: Where): { fileName: string; path: string };
export function withMirrorDefaults(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function cacheRoot(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string;
export function failureMessage(version: string, reason: string, env?: NodeJS.ProcessEnv): string;
export function reasonFrom(stderr: string): string;
export function nodeIsRecentEnough(version?: string): boolean;
