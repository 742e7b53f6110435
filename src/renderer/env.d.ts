import type { NianbaoApi } from '../shared/ipc';

declare global {
  interface Window {
    /** The preload bridge (src/preload/index.ts), or the browser tests' stand-in. */
    nianbao: NianbaoApi;
  }
}

export {};
