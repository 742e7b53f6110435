import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS, type MenuCommand } from '../shared/ipc';
import { menuTemplate } from './menu';

function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);
}

describe('the application menu', () => {
  it('sends each command the renderer knows, find and replace among them, with Word’s keys', () => {
    const sent: MenuCommand[] = [];
    const all = items(menuTemplate((c) => sent.push(c)));
    for (const item of all) item.click?.(undefined as never, undefined, undefined as never);
    // 'close' is sent by the window's close button (index.ts), not by a menu item.
    expect([...new Set(sent)].sort()).toEqual(MENU_COMMANDS.filter((c) => c !== 'close').sort());
    expect(all.find((i) => i.label === '查找…')?.accelerator).toBe('CmdOrCtrl+F');
    expect(all.find((i) => i.label === '替换…')?.accelerator).toBe('CmdOrCtrl+H');
    // 打印预览 keeps Ctrl+P; 打印… sits beside it.
    expect(all.find((i) => i.label === '打印预览')?.accelerator).toBe('CmdOrCtrl+P');
    expect(all.find((i) => i.label === '打印…')).toBeDefined();
  });

  it('lists 最近打开 under 文件, marks a missing file, and sends the chosen one’s token', () => {
    const opened: string[] = [];
    const recent = [
      { file: { id: 'a', name: '青石镇报告.nianbao' }, folder: '2025', missing: false },
      { file: { id: 'b', name: '去年的报告.docx' }, folder: '旧', missing: true },
    ];
    const file = menuTemplate(
      () => {},
      false,
      recent,
      (f) => opened.push(f.id),
    )[0]!;
    const submenu = (file.submenu as MenuItemConstructorOptions[]).find((i) => i.label === '最近打开')!
      .submenu as MenuItemConstructorOptions[];
    expect(submenu.map((i) => i.label)).toEqual(['&1 青石镇报告.nianbao', '&2 去年的报告.docx（已移动或删除）']);
    submenu[1]!.click?.(undefined as never, undefined, undefined as never);
    expect(opened).toEqual(['b']);
    const empty = (menuTemplate(() => {})[0]!.submenu as MenuItemConstructorOptions[]).find(
      (i) => i.label === '最近打开',
    )!;
    expect((empty.submenu as MenuItemConstructorOptions[])[0]).toMatchObject({ enabled: false });
  });

  it('撤销/重做 and the zoom send the page’s own commands, showing their keys without taking them from the page', () => {
    const sent: MenuCommand[] = [];
    const all = items(menuTemplate((c) => sent.push(c)));
    const byLabel = (label: string) => all.find((i) => i.label === label)!;
    for (const [label, command, key] of [
      ['撤销', 'undo', 'CmdOrCtrl+Z'],
      ['重做', 'redo', 'CmdOrCtrl+Y'],
      ['放大文稿', 'zoomIn', 'CmdOrCtrl+='],
      ['缩小文稿', 'zoomOut', 'CmdOrCtrl+-'],
      ['文稿实际大小', 'zoomReset', 'CmdOrCtrl+0'],
    ] as const) {
      const item = byLabel(label);
      sent.length = 0;
      item.click?.(undefined as never, undefined, undefined as never);
      expect(sent).toEqual([command]);
      expect(item).toMatchObject({ accelerator: key, registerAccelerator: false });
      expect(item.role).toBeUndefined();
    }
    // No item runs the browser's own undo or page zoom, which would bypass the report's one history.
    const roles = all.map((i) => i.role).filter(Boolean);
    for (const role of ['undo', 'redo', 'zoomIn', 'zoomOut', 'resetZoom', 'zoom']) expect(roles).not.toContain(role);
    // 全选 selects where the focus is, and leaves Ctrl+A to the page.
    expect(byLabel('全选')).toMatchObject({ role: 'selectAll', registerAccelerator: false });
  });
});
