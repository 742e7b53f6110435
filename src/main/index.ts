/**
 * Electron main process: a thin shell that wires windows, dialogs and the menu to the handlers
 * (src/main/handlers/) and the pure core. Everything testable lives outside this file.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MENU_CHANNEL, OS_OPEN_CHANNEL, RECENT_CHANNEL, type MenuCommand, type RecentFile } from '../shared/ipc';
import { createHandlers, type Dialogs } from './handlers';
import { makeSenderCheck, registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { printContents } from './handlers/recent';
import { filesInArgv, OsOpenQueue, watchOpenFile } from './openFiles';
import { claimSingleInstance } from './singleInstance';
import {
  appUrlCheck,
  devServerOrigin,
  enforceCsp,
  lockNavigation,
  refusePermissions,
  secureWebPreferences,
} from './security';

const rendererFile = join(__dirname, '../renderer/index.html');
// The installed app always loads its own file; a development run may use electron-vite's dev server.
const devOrigin = devServerOrigin(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
const isAppUrl = appUrlCheck(pathToFileURL(rendererFile).href, devOrigin);

let mainWindow: BrowserWindow | null = null;
let dirty = false;

const reportFilter = { name: '法治年报（.nianbao）', extensions: ['nianbao'] };

function dialogs(): Dialogs {
  const parent = () => mainWindow ?? undefined;
  const open = async (options: Electron.OpenDialogOptions) => {
    const w = parent();
    const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  const save = async (options: Electron.SaveDialogOptions) => {
    const w = parent();
    const result = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
    return result.canceled ? null : (result.filePath ?? null);
  };
  return {
    openReport: () => open({ title: '打开报告', filters: [reportFilter], properties: ['openFile'] }),
    saveReport: (name) => save({ title: '保存报告', defaultPath: name, filters: [reportFilter] }),
    importDocument: () =>
      open({
        title: '导入去年的报告',
        filters: [{ name: 'Word、WPS、文本或网页文件', extensions: ['docx', 'doc', 'wps', 'txt', 'html', 'htm'] }],
        properties: ['openFile'],
      }),
    exportDocx: (name) =>
      save({ title: '导出 Word 文件', defaultPath: name, filters: [{ name: 'Word 文件', extensions: ['docx'] }] }),
    exportPdf: (name) =>
      save({ title: '导出 PDF', defaultPath: name, filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] }),
    exportWeb: (name, format) =>
      save({
        title: '导出网站发布用文本',
        defaultPath: name,
        // Both forms: the one asked for first; a name typed with the other's ending gets that form.
        filters:
          format === 'html'
            ? [
                { name: '网页（HTML）', extensions: ['html'] },
                { name: '纯文本', extensions: ['txt'] },
              ]
            : [
                { name: '纯文本', extensions: ['txt'] },
                { name: '网页（HTML）', extensions: ['html'] },
              ],
      }),
    openFolder: () => open({ title: '选择要批量检查的文件夹', properties: ['openDirectory'] }),
    saveTable: (name) =>
      save({
        title: '导出检查结果表',
        defaultPath: name,
        filters: [{ name: 'CSV 表格（Excel、WPS 可打开）', extensions: ['csv'] }],
      }),
  };
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: '法治年报助手',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', (event) => {
    if (!dirty || !mainWindow) return;
    const contents = mainWindow.webContents;
    // The page asks Word's question (保存 / 不保存 / 取消) and closes the window itself once the work is
    // saved or let go (it clears the flag first). A page that cannot answer gets the system's question.
    if (!contents.isCrashed() && !contents.isLoading()) {
      event.preventDefault();
      contents.send(MENU_CHANNEL, 'close' satisfies MenuCommand);
      return;
    }
    const choice = dialog.showMessageBoxSync(mainWindow, {
      type: 'warning',
      buttons: ['取消', '不保存，直接关闭'],
      defaultId: 0,
      cancelId: 0,
      title: '还有没保存的修改',
      message: '报告还有没保存的修改。',
      detail: '未保存的内容已自动备份，下次打开时可以恢复。确定不保存就关闭吗？',
    });
    if (choice === 0) event.preventDefault();
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  if (devOrigin && process.env.ELECTRON_RENDERER_URL) void mainWindow.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void mainWindow.loadFile(rendererFile);
}

// Checklist 1 (only load secure content) and 13/14: every web contents, present and future, is locked.
app.on('web-contents-created', (_event, contents) => lockNavigation(contents, isAppUrl));

// Files the OS asks to open wait for the page (openFiles.ts): those of this start's command line, those of a
// later start (a file double-clicked while the app runs) and macOS's open-file; the page is told of new ones.
const osOpened = new OsOpenQueue();
osOpened.push(filesInArgv(process.argv, process.cwd()));
const notifyOsOpen = () => mainWindow?.webContents.send(OS_OPEN_CHANNEL);
watchOpenFile(app, osOpened, notifyOsOpen);

// A second start focuses the first copy's window, hands it its files and ends (it never opens a window).
const firstCopy = claimSingleInstance(
  app,
  () => mainWindow,
  (paths) => {
    osOpened.push(paths);
    notifyOsOpen();
  },
);
if (!firstCopy) app.quit();

void app.whenReady().then(() => {
  if (!firstCopy) return;
  refusePermissions(session.defaultSession);
  enforceCsp(session.defaultSession);
  const send = (command: MenuCommand) => mainWindow?.webContents.send(MENU_CHANNEL, command);
  // 文件 → 最近打开 is rebuilt whenever the list changes; a choice goes to the page, which asks about unsaved work.
  const setMenu = (recent: RecentFile[] = []) =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(send, process.platform === 'darwin', recent, (file) =>
          mainWindow?.webContents.send(RECENT_CHANNEL, file),
        ),
      ),
    );
  setMenu();
  const handlers = createHandlers({
    dialogs: dialogs(),
    reviewDialogs: {
      saveWorkbook: async (name) => {
        const result = await dialog.showSaveDialog({
          title: '导出审核工作簿',
          defaultPath: name,
          filters: [{ name: 'Excel 工作簿（Excel、WPS 可打开）', extensions: ['xlsx'] }],
        });
        return result.canceled ? null : (result.filePath ?? null);
      },
      commentsFolder: async () => {
        const result = await dialog.showOpenDialog({
          title: '选择存放批注文件的文件夹（原文件不会改动）',
          properties: ['openDirectory', 'createDirectory'],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      lastYearFolder: async () => {
        const result = await dialog.showOpenDialog({
          title: '选择去年各镇报告所在的文件夹（用于对比主要数据）',
          properties: ['openDirectory'],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
    },
    profileDialogs: {
      openProfile: async () => {
        const result = await dialog.showOpenDialog({
          title: '导入县里的配置',
          filters: [{ name: '县里的配置（JSON）', extensions: ['json'] }],
          properties: ['openFile'],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
    },
    userDataDir: app.getPath('userData'),
    recent: {
      onChange: setMenu,
      // The jump list (Windows) and the Dock (macOS); Linux has no such list.
      ...(process.platform === 'win32' || process.platform === 'darwin'
        ? { addRecentDocument: (path: string) => app.addRecentDocument(path) }
        : {}),
    },
    printWindow: async () => {
      if (!mainWindow) throw new Error('窗口已关闭');
      return printContents(mainWindow.webContents);
    },
    editWindow: (action) => mainWindow?.webContents[action](),
    osOpened,
    onDirtyChange: (value) => {
      dirty = value;
    },
    // The renderer shows the preview before asking; CSS @page gives A4 with no margins of its own.
    printToPdf: async () => {
      if (!mainWindow) throw new Error('窗口已关闭');
      return new Uint8Array(
        await mainWindow.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
        }),
      );
    },
  });
  registerIpc(ipcMain, handlers, makeSenderCheck(isAppUrl));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
