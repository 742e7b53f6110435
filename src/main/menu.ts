/** The application menu, in Chinese; each item sends a command the renderer carries out. */
import type { MenuItemConstructorOptions } from 'electron';
import type { FileRef, MenuCommand, RecentFile } from '../shared/ipc';

/**
 * `recent` fills 文件 → 最近打开 (a moved or deleted file is shown as such; choosing it lets the page say so and
 * drop it); `openRecent` sends the chosen file's token to the page, which asks about unsaved changes first.
 */
export function menuTemplate(
  send: (command: MenuCommand) => void,
  isMac = false,
  recent: readonly RecentFile[] = [],
  openRecent: (file: FileRef) => void = () => {},
): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => send(command),
    ...(accelerator ? { accelerator } : {}),
  });
  /**
   * An item whose key the page handles where the focus is (the text, a side field, a table cell, 查找's
   * field): the menu shows the key but does not take it (registerAccelerator: false), or on Windows and
   * Linux main would take Ctrl+Z before the page and run the browser's own undo.
   */
  const shown = (label: string, command: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({
    ...item(label, command, accelerator),
    registerAccelerator: false,
  });
  return [
    {
      label: '文件',
      submenu: [
        item('新建报告', 'new', 'CmdOrCtrl+N'),
        item('打开…', 'open', 'CmdOrCtrl+O'),
        {
          label: '最近打开',
          submenu: recent.length
            ? recent.map((r, i) => ({
                // "&1" gives Alt+1…9 in Windows menus, as Word numbers its list.
                label: `${i < 9 ? `&${i + 1} ` : ''}${r.file.name}${r.missing ? '（已移动或删除）' : ''}`,
                sublabel: r.folder,
                click: () => openRecent(r.file),
              }))
            : [{ label: '（没有最近打开的报告）', enabled: false }],
        },
        { type: 'separator' },
        item('保存', 'save', 'CmdOrCtrl+S'),
        item('另存为…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('导入去年的报告（Word/文本）…', 'import'),
        item('导出 Word 文件…', 'exportDocx', 'CmdOrCtrl+E'),
        item('导出 PDF…', 'exportPdf'),
        item('打印预览', 'preview', 'CmdOrCtrl+P'),
        item('打印…', 'print'),
        { type: 'separator' },
        { label: isMac ? '退出法治年报助手' : '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        // The report's one history (text, side forms, tables), as the toolbar and the keys step through it.
        shown('撤销', 'undo', 'CmdOrCtrl+Z'),
        shown('重做', 'redo', 'CmdOrCtrl+Y'),
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        // The browser's select-all acts where the focus is, as the right-click menu's 全选 does; Ctrl+A stays the
        // page's (the whole report in the text, the cell's text in a table cell).
        { label: '全选', role: 'selectAll', registerAccelerator: false },
        { type: 'separator' },
        item('查找…', 'find', 'CmdOrCtrl+F'),
        item('替换…', 'replace', 'CmdOrCtrl+H'),
      ],
    },
    { label: '检查', submenu: [item('检查报告', 'check', 'F7')] },
    {
      label: '视图',
      submenu: [
        // The document's zoom, as Word's (and the status bar's): the page's chrome keeps its size.
        shown('放大文稿', 'zoomIn', 'CmdOrCtrl+='),
        shown('缩小文稿', 'zoomOut', 'CmdOrCtrl+-'),
        shown('文稿实际大小', 'zoomReset', 'CmdOrCtrl+0'),
      ],
    },
  ];
}
