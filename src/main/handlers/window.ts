/** The window's own state: unsaved changes, so closing it can ask first. */
import { ipcOk } from '../../shared/ipc';
import type { HandlerContext, Handlers } from './context';

export function windowHandlers(ctx: HandlerContext): Pick<Handlers, 'window:setDirty'> {
  return {
    async 'window:setDirty'({ dirty }) {
      ctx.deps.onDirtyChange?.(dirty);
      return ipcOk(null);
    },
  };
}
