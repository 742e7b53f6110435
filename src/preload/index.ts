/**
 * The only bridge between the page and the main process: window.nianbao, one named function per channel
 * of the IPC map, each validating its request before it leaves. No ipcRenderer, no Node, nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { apiChannels, ipcError, ipcMap, MENU_CHANNEL, MENU_COMMANDS, type MenuCommand, type NianbaoApi } from '../shared/ipc';

type Invoker = (request?: unknown) => Promise<unknown>;

function invoker(channel: keyof typeof ipcMap): Invoker {
  return async (request = {}) => {
    const parsed = ipcMap[channel].request.safeParse(request);
    if (!parsed.success) return ipcError('请求的数据格式不正确，没有发送。', 'invalid');
    return ipcRenderer.invoke(channel, parsed.data);
  };
}

export function buildApi(): NianbaoApi {
  const api: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(apiChannels)) api[name] = invoker(channel);
  api.onMenuCommand = (listener: (command: MenuCommand) => void) => {
    const handler = (_event: unknown, command: unknown) => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, handler);
    };
  };
  return Object.freeze(api) as unknown as NianbaoApi;
}

contextBridge.exposeInMainWorld('nianbao', buildApi());
