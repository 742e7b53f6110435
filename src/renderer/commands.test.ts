import { describe, expect, it } from 'vitest';
import { commandForKey, shortcutOf, type Command } from './commands';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'shiftKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the command table', () => {
  const ran: string[] = [];
  const table: Command[] = [
    { id: 'save', label: '保存', shortcut: 'Ctrl+S', run: () => ran.push('save') },
    { id: 'saveAs', label: '另存为', shortcut: 'Ctrl+Shift+S', run: () => ran.push('saveAs') },
    { id: 'check', label: '检查', shortcut: 'F7', run: () => ran.push('check') },
    { id: 'zoomIn', label: '放大', shortcut: 'Ctrl+=', run: () => ran.push('zoomIn') },
  ];

  it('spells keys as the menu shows them', () => {
    expect(shortcutOf(key('s', { ctrlKey: true }))).toBe('Ctrl+S');
    expect(shortcutOf(key('S', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+S');
    expect(shortcutOf(key('s', { metaKey: true }))).toBe('Ctrl+S');
  });

  it('finds the command of a shortcut, and none for plain typing', () => {
    expect(commandForKey(table, key('S', { ctrlKey: true, shiftKey: true }))?.id).toBe('saveAs');
    expect(commandForKey(table, key('F7'))?.id).toBe('check');
    expect(commandForKey(table, key('+', { ctrlKey: true, shiftKey: true }))?.id).toBe('zoomIn');
    expect(commandForKey(table, key('s'))).toBeUndefined();
  });
});
