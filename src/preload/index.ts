/**
 * The only bridge between the page and the main process: window.nianbao, one named function per channel
 * of the IPC map, each validating its request before it leaves. No ipcRenderer, no Node, nothing else.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  apiChannels,
  FileRefSchema,
  ipcError,
  ipcMap,
  MENU_CHANNEL,
  MENU_COMMANDS,
  OS_OPEN_CHANNEL,
  RECENT_CHANNEL,
  type FileRef,
  type MenuCommand,
  type NianbaoApi,
} from '../shared/ipc';

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
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command))
        listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, handler);
    };
  };
  api.onOpenRecent = (listener: (file: FileRef) => void) => {
    const handler = (_event: unknown, file: unknown) => {
      const parsed = FileRefSchema.safeParse(file);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(RECENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(RECENT_CHANNEL, handler);
    };
  };
  // No payload crosses: the page asks main for the files (file:takeOsOpened), as tokens.
  api.onOsOpen = (listener: () => void) => {
    const handler = () => listener();
    ipcRenderer.on(OS_OPEN_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(OS_OPEN_CHANNEL, handler);
    };
  };
  // With contextIsolation and the sandbox, File.path is gone: Electron gives a dropped file's path here only,
  // and the page gets the opened report, never the path ("" for a File the page made itself).
  const openDropped = invoker('file:openDropped');
  api.openDroppedFile = async (file: unknown) => {
    let path = '';
    try {
      path = webUtils.getPathForFile(file as File);
    } catch {
      path = '';
    }
    if (!path) return ipcError('没有读到拖入文件的位置，请用“打开…”或“导入…”选择它。');
    return openDropped({ path });
  };
  return Object.freeze(api) as unknown as NianbaoApi;
}

contextBridge.exposeInMainWorld('nianbao', buildApi());
