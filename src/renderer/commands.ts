/**
 * One table of the app's commands: the application menu (by id), the keyboard shortcuts, the toolbar's
 * titles and the right-click menu all read it, so a shortcut and its menu item never disagree.
 */
import type { MenuCommand } from '../shared/ipc';

export type CommandId = MenuCommand | 'exportWeb' | 'history' | 'togglePanels';

export interface Command {
  id: CommandId;
  label: string;
  /** As shown to the clerk and matched against keys: "Ctrl+S", "Ctrl+Shift+S", "F7". */
  shortcut?: string;
  /**
   * Shown, but its key is not taken by the page-wide handler: the focused element handles it (Ctrl+Z in the
   * text, a side field or 查找's own field), so the menu and the keys still reach the same history.
   */
  keyShownOnly?: boolean;
  run: () => void;
  disabled?: boolean;
}

/** The shortcut a key event spells, in the table's notation. */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): string {
  let key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  // Shift turns "=" into "+" on most layouts: Ctrl+= and Ctrl++ are the same zoom key.
  if (key === '+') key = '=';
  return `${event.ctrlKey || event.metaKey ? 'Ctrl+' : ''}${event.altKey ? 'Alt+' : ''}${event.shiftKey && key !== '=' ? 'Shift+' : ''}${key}`;
}

export function commandForKey(
  commands: readonly Command[],
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): Command | undefined {
  const pressed = shortcutOf(event);
  return commands.find((c) => c.shortcut === pressed && !c.keyShownOnly);
}

/** "保存（Ctrl+S）" for a button's title. */
export function titleOf(command: Command | undefined): string | undefined {
  return command?.shortcut ? `${command.label}（${command.shortcut}）` : command?.label;
}
