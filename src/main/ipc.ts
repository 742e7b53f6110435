/**
 * Registers every channel of the one IPC map (src/shared/ipc.ts): checks the sender, validates the
 * payload with the channel's zod schema, and turns any failure into `{ ok: false, error, code }` data.
 * Electron's ipcMain is passed in, so this is tested without Electron.
 */
import { AppError } from '../core/errors';
import { ipcError, ipcMap, type Channel } from '../shared/ipc';
import { saveErrorMessage } from './atomicWrite';
import type { Handlers } from './handlers/index';

export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, payload: unknown) => Promise<unknown>): void;
}

export interface SenderEvent {
  senderFrame?: { url: string } | null;
}

/** Electron security checklist 17: validate the sender of all IPC messages. */
export function makeSenderCheck(trustedUrl: (url: string) => boolean) {
  return (event: SenderEvent): boolean => {
    const url = event.senderFrame?.url;
    return typeof url === 'string' && trustedUrl(url);
  };
}

export function registerIpc(
  ipc: IpcMainLike,
  handlers: Handlers,
  isTrustedSender: (event: SenderEvent) => boolean,
): void {
  for (const channel of Object.keys(ipcMap) as Channel[]) {
    ipc.handle(channel, async (event, payload) => {
      if (!isTrustedSender(event)) return ipcError('已拒绝来自未知页面的请求。', 'refused');
      const parsed = ipcMap[channel].request.safeParse(payload ?? {});
      if (!parsed.success) return ipcError('请求的数据格式不正确，已拒绝。报告内容没有改动。', 'invalid');
      try {
        const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
        return await handler(parsed.data);
      } catch (error) {
        if (error instanceof AppError) return ipcError(error.message, error.code);
        // Anything else would carry an English system message: say it in Chinese, by errno where there is one.
        const code = (error as NodeJS.ErrnoException | undefined)?.code;
        return code
          ? ipcError(saveErrorMessage('文件', error), 'write')
          : ipcError(
              '操作没有完成（程序内部出错）。报告内容没有改动，请重试；如仍不行，请另存为新文件后重启软件。',
              'internal',
            );
      }
    });
  }
}
