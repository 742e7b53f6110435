/** The application menu, in Chinese; each item sends a command the renderer carries out. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc';

export function menuTemplate(send: (command: MenuCommand) => void, isMac = false): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => send(command),
    ...(accelerator ? { accelerator } : {}),
  });
  return [
    {
      label: '文件',
      submenu: [
        item('新建报告', 'new', 'CmdOrCtrl+N'),
        item('打开…', 'open', 'CmdOrCtrl+O'),
        { type: 'separator' },
        item('保存', 'save', 'CmdOrCtrl+S'),
        item('另存为…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('导入去年的报告（Word/文本）…', 'import'),
        item('导出 Word 文件…', 'exportDocx', 'CmdOrCtrl+E'),
        item('导出 PDF…', 'exportPdf'),
        item('打印预览', 'preview', 'CmdOrCtrl+P'),
        { type: 'separator' },
        { label: isMac ? '退出法治年报助手' : '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
        { type: 'separator' },
        item('查找…', 'find', 'CmdOrCtrl+F'),
        item('替换…', 'replace', 'CmdOrCtrl+H'),
      ],
    },
    { label: '检查', submenu: [item('检查报告', 'check', 'F7')] },
    { label: '视图', submenu: [{ label: '放大', role: 'zoomIn' }, { label: '缩小', role: 'zoomOut' }, { label: '实际大小', role: 'resetZoom' }] },
  ];
}
