/**
 * The document's right-click menu (Electron shows none of its own): 剪切 复制 粘贴 全选; on a finding's text
 * its fix (改为…) and 忽略; on a paragraph the block types of the toolbar. It works through the findings list
 * and the app's commands, never the editor's internals: where the click falls is read from the DOM (the
 * section editor's element and block), as the checker's plain text numbers it. Keys: arrows move, Enter
 * chooses, Esc closes — none while an IME is composing.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { createPortal } from 'react-dom';
import type { Finding } from '../../core/checks/types';
import type { PlainText } from '../../core/model/plainText';
import type { SubheadingLevel } from '../nodes/SubheadingNode';
import { isImeKey } from '../plugins/ImeSafeKeysPlugin';
import { BLOCK_TYPES } from './Toolbar';

export interface MenuItem {
  label: string;
  run: () => void;
  disabled?: boolean;
  /** A line above this item. */
  separated?: boolean;
}

/** Where a point of the document falls in the checker's plain text, or null outside the section editors. */
export function plainOffsetAt(plain: PlainText, node: Node, offset: number): { at: number; sectionKey: string } | null {
  const element = node instanceof Element ? node : node.parentElement;
  const root = element?.closest<HTMLElement>('[data-section-editor]');
  const sectionKey = root?.dataset.sectionEditor;
  if (!root || sectionKey === undefined) return null;
  const block = [...root.children].find((child) => child.contains(node));
  if (!block) return null;
  const blockIndex = [...root.children].indexOf(block);
  // Characters of the block before the point, as the block's text reads.
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(node, offset);
  const chars = before.toString().length;
  const line = plain.lines.find((l) => l.sectionKey === sectionKey && l.blockIndex === blockIndex);
  return line ? { at: line.start + Math.min(chars, line.text.length), sectionKey } : null;
}

/** A field the clerk types text in (not a checkbox, a list or a button). */
function isTextField(target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement {
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && ['text', 'search', 'number', ''].includes(target.type);
}

/** The findings whose text covers that point: the one with a fix first. */
export function findingsAt(findings: readonly Finding[], at: number): Finding[] {
  return findings
    .filter((f) => f.start !== null && f.end !== null && f.end > f.start && f.start <= at && at <= f.end)
    .sort((a, b) => Number(!a.fix) - Number(!b.fix));
}

export function ContextMenu({
  x,
  y,
  items,
  onClose,
  onEscape,
}: {
  x: number;
  y: number;
  items: readonly MenuItem[];
  onClose: () => void;
  onEscape?: () => void;
}) {
  const menu = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: x, top: y });
  const enabled = items.map((item, i) => (item.disabled ? -1 : i)).filter((i) => i >= 0);
  const [active, setActive] = useState(enabled[0] ?? -1);

  // Kept inside the window, as a system menu is: opened upwards when there is no room below (its height is
  // at most the window's, scrolling beyond).
  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (!box) return;
    const below = y + box.height + 4 <= window.innerHeight;
    setPosition({
      left: Math.max(0, Math.min(x, window.innerWidth - box.width - 4)),
      top: below ? y : Math.max(0, Math.min(y - box.height, window.innerHeight - box.height - 4)),
    });
  }, [x, y]);

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
  }, [active]);

  useEffect(() => {
    const away = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    const closeNow = () => onClose();
    window.addEventListener('mousedown', away, true);
    window.addEventListener('blur', closeNow);
    window.addEventListener('resize', closeNow);
    return () => {
      window.removeEventListener('mousedown', away, true);
      window.removeEventListener('blur', closeNow);
      window.removeEventListener('resize', closeNow);
    };
  }, [onClose]);

  const choose = (index: number) => {
    const item = items[index];
    if (!item || item.disabled) return;
    onClose();
    item.run();
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (isImeKey(event.nativeEvent)) return;
    const step = (by: number) => {
      const at = enabled.indexOf(active);
      setActive(enabled[(at + by + enabled.length) % enabled.length] ?? -1);
    };
    const keys: Record<string, () => void> = {
      ArrowDown: () => step(1),
      ArrowUp: () => step(-1),
      Home: () => setActive(enabled[0] ?? -1),
      End: () => setActive(enabled[enabled.length - 1] ?? -1),
      Enter: () => choose(active),
      ' ': () => choose(active),
      Escape: () => {
        onClose();
        onEscape?.();
      },
      Tab: onClose,
    };
    const act = keys[event.key];
    if (!act) return;
    event.preventDefault();
    event.stopPropagation();
    act();
  };

  // On the page's body, not inside the document: the menu takes the UI's font, never the document's size or
  // zoom (under a CSS zoom its fixed position would not be the click's either).
  return createPortal(
    <div
      ref={menu}
      className="context-menu"
      role="menu"
      aria-label="右键菜单"
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((item, i) => (
        <div key={i} role="none">
          {item.separated && <div className="context-menu-separator" role="separator" />}
          <button
            type="button"
            role="menuitem"
            data-index={i}
            tabIndex={i === active ? 0 : -1}
            disabled={item.disabled}
            onMouseEnter={() => !item.disabled && setActive(i)}
            onClick={() => choose(i)}
          >
            {item.label}
          </button>
        </div>
      ))}
    </div>,
    document.body,
  );
}

interface DocumentMenuProps {
  /**
   * The findings of the text as it is at the right-click, with the plain text their offsets count in: a word
   * typed a moment ago, before the pause-then-check has run, still offers its fix.
   */
  findingsNow: () => { plain: PlainText | null; findings: readonly Finding[] };
  readOnly: boolean;
  onFix: (finding: Finding) => void;
  onIgnore: (finding: Finding) => void;
  onBlockType: (level: SubheadingLevel | 0) => void;
  onInsertTable: () => void;
  onEdit: (action: 'cut' | 'copy' | 'paste' | 'selectAll') => void;
}

/**
 * The document's menu and the handler for its container's contextmenu event. The selection under the
 * click is kept (or, outside it, the caret put there, as Word does) and given back to the editor before a
 * command runs, so 剪切/复制/设为标题 act on what the clerk right-clicked.
 */
export function useDocumentContextMenu({
  findingsNow,
  readOnly,
  onFix,
  onIgnore,
  onBlockType,
  onInsertTable,
  onEdit,
}: DocumentMenuProps) {
  const [open, setOpen] = useState<{ x: number; y: number; items: MenuItem[]; escape?: () => void } | null>(null);
  const saved = useRef<{ range: Range; root: HTMLElement } | null>(null);

  const restore = useCallback(() => {
    const s = saved.current;
    if (!s) return;
    s.root.focus({ preventScroll: true });
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(s.range);
  }, []);

  const onContextMenu = useCallback(
    (event: ReactMouseEvent) => {
      const target = event.target as HTMLElement;
      const selection = getSelection();
      const current = selection?.rangeCount ? selection.getRangeAt(0) : null;
      // The keyboard's menu key (Shift+F10, ≣) fires at the editor itself (button -1), at the caret: the menu
      // is then about the selection, from its start.
      const byKeyboard = event.button === -1 && !!current && target.contains(current.startContainer);
      const start = current?.startContainer;
      const from = byKeyboard && start ? (start instanceof Element ? start : start.parentElement) : target;
      // Form fields (part headings, closing lines) keep the page's own handling; the menu is for the text.
      const part = from?.closest<HTMLElement>('[data-section-editor]');
      if (!part) return;
      // The focus goes to the editing host (the report's one editor): a part's body is no focus target of its own.
      const root = part.closest<HTMLElement>('[contenteditable="true"]') ?? part;
      event.preventDefault();
      const point =
        byKeyboard && current
          ? (() => {
              const at = current.cloneRange();
              at.collapse(true);
              return at;
            })()
          : (document.caretRangeFromPoint?.(event.clientX, event.clientY) ?? null);
      const inCurrent = !!(
        current &&
        !current.collapsed &&
        point &&
        // A selection may run across parts (one editor): it counts wherever in it the click falls.
        root.contains(current.startContainer) &&
        root.contains(current.endContainer) &&
        current.comparePoint(point.startContainer, point.startOffset) === 0
      );
      const range = inCurrent || !point ? current : point;
      if (range && !inCurrent) {
        root.focus({ preventScroll: true });
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
      saved.current = range ? { range: range.cloneRange(), root } : null;
      const hasSelection = !!range && !range.collapsed;
      const then = (run: () => void) => () => {
        restore();
        run();
      };
      const items: MenuItem[] = [];
      const { plain, findings } = readOnly ? { plain: null, findings: [] } : findingsNow();
      const where = plain && point ? plainOffsetAt(plain, point.startContainer, point.startOffset) : null;
      const [finding] = where ? findingsAt(findings, where.at) : [];
      if (finding && !readOnly) {
        if (finding.fix) items.push({ label: finding.fix.label, run: then(() => onFix(finding)) });
        items.push({ label: '忽略此条检查结果', run: () => onIgnore(finding) });
      }
      items.push(
        {
          label: '剪切',
          run: then(() => onEdit('cut')),
          disabled: !hasSelection || readOnly,
          separated: items.length > 0,
        },
        { label: '复制', run: then(() => onEdit('copy')), disabled: !hasSelection },
        { label: '粘贴', run: then(() => onEdit('paste')), disabled: readOnly },
        { label: '全选', run: then(() => onEdit('selectAll')) },
      );
      if (!readOnly) {
        BLOCK_TYPES.forEach(([level, , name], i) =>
          items.push({ label: `设为${name}`, run: then(() => onBlockType(level)), separated: i === 0 }),
        );
        items.push({ label: '插入表格', run: then(onInsertTable), separated: true });
      }
      setOpen({ x: event.clientX, y: event.clientY, items });
    },
    [findingsNow, readOnly, onFix, onIgnore, onBlockType, onInsertTable, onEdit, restore],
  );

  // A field anywhere in the window (the title, a part heading, a figure, 查找): Electron shows no menu of its
  // own, so the window's edit commands are offered on the field, which has the focus again before they run.
  useEffect(() => {
    const onField = (event: MouseEvent) => {
      const field = event.target;
      if (event.defaultPrevented || !isTextField(field)) return;
      event.preventDefault();
      const editable = !field.readOnly && !field.disabled;
      const hasSelection = (field.selectionStart ?? 0) !== (field.selectionEnd ?? 0);
      const back = () => field.focus({ preventScroll: true });
      const then = (action: 'cut' | 'copy' | 'paste' | 'selectAll') => () => {
        back();
        onEdit(action);
      };
      setOpen({
        x: event.clientX,
        y: event.clientY,
        escape: back,
        items: [
          { label: '剪切', run: then('cut'), disabled: !hasSelection || !editable },
          { label: '复制', run: then('copy'), disabled: !hasSelection },
          { label: '粘贴', run: then('paste'), disabled: !editable },
          { label: '全选', run: then('selectAll') },
        ],
      });
    };
    document.addEventListener('contextmenu', onField);
    return () => document.removeEventListener('contextmenu', onField);
  }, [onEdit]);

  const close = useCallback(() => setOpen(null), []);
  // Esc goes back to the text, where the clerk was (or to the field right-clicked).
  const menu = open && (
    <ContextMenu x={open.x} y={open.y} items={open.items} onClose={close} onEscape={open.escape ?? restore} />
  );
  return { onContextMenu, menu };
}
