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
    expect([...new Set(sent)].sort()).toEqual([...MENU_COMMANDS].sort());
    expect(all.find((i) => i.label === '查找…')?.accelerator).toBe('CmdOrCtrl+F');
    expect(all.find((i) => i.label === '替换…')?.accelerator).toBe('CmdOrCtrl+H');
  });
});
