/**
 * A table in the document, edited as in Word: type in a cell, Tab to the next (a new row after the last),
 * Shift+Tab back, Enter or the arrows up and down between rows and out of the table, the right-click menu to
 * add or remove rows and columns. Each change is an update of the TableNode, so Ctrl+Z undoes it in the
 * document's one history; typing in one cell without a pause is one step. Nothing is written to the
 * document while an input method is composing: the clerk's pinyin never lands in a cell half-typed.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import {
  $createParagraphNode,
  $getNodeByKey,
  HISTORY_MERGE_TAG,
  HISTORY_PUSH_TAG,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { useCallback, useContext, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { ContextMenu, type MenuItem } from '../components/ContextMenu';
import {
  insertColumn,
  insertRow,
  pasteBlock,
  pastedBlock,
  rectangular,
  removeColumn,
  removeRow,
  setCell,
  type Rows,
} from '../editor/tableOps';
import { isImeKey } from '../plugins/ImeSafeKeysPlugin';
import { SessionContext } from '../session';
import { $isTableNode } from './TableNode';

/** Keystrokes in one cell closer together than this are one undo step, as typing in a paragraph is. */
const MERGE_MS = 1000;

type Cell = readonly [row: number, column: number];

function cellInput(table: HTMLElement | null, [row, column]: Cell): HTMLInputElement | null {
  return table?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-column="${column}"]`) ?? null;
}

/** Change the table's rows in one update of the document. */
function updateRows(editor: LexicalEditor, nodeKey: NodeKey, edit: (rows: Rows) => Rows, merge: boolean): void {
  editor.update(
    () => {
      const node = $getNodeByKey(nodeKey);
      if ($isTableNode(node)) node.setRows(edit(node.getRows()));
    },
    { tag: merge ? HISTORY_MERGE_TAG : HISTORY_PUSH_TAG },
  );
}

/** Put the caret in the block before (up) or after (down) the table; a paragraph is added if there is none. */
function leaveTable(editor: LexicalEditor, nodeKey: NodeKey, direction: 'up' | 'down'): void {
  // The cell lets go of the focus first: while it holds it, the editor leaves the page's selection alone.
  (document.activeElement as HTMLElement | null)?.blur();
  editor.update(() => {
    const node = $getNodeByKey(nodeKey);
    if (!$isTableNode(node)) return;
    const sibling = direction === 'up' ? node.getPreviousSibling() : node.getNextSibling();
    if (sibling) {
      if (direction === 'up') sibling.selectEnd();
      else sibling.selectStart();
      return;
    }
    const paragraph = $createParagraphNode();
    if (direction === 'up') node.insertBefore(paragraph);
    else node.insertAfter(paragraph);
    paragraph.select();
  });
  editor.focus();
}

function TableCell({
  value,
  row,
  column,
  header,
  editable,
  onCommit,
  onKeyDown,
  onContextMenu,
}: {
  value: string;
  row: number;
  column: number;
  header: boolean;
  editable: boolean;
  onCommit: (row: number, column: number, text: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>, cell: Cell) => void;
  onContextMenu: (event: MouseEvent, cell: Cell) => void;
}) {
  // The input shows the clerk's own text while an IME composes; the document's value comes back after.
  const [draft, setDraft] = useState(value);
  const composing = useRef(false);
  useEffect(() => {
    if (!composing.current) setDraft(value);
  }, [value]);
  const Tag = header ? 'th' : 'td';
  return (
    <Tag onContextMenu={(event) => onContextMenu(event, [row, column])}>
      <input
        type="text"
        value={draft}
        readOnly={!editable}
        data-row={row}
        data-column={column}
        aria-label={`${header ? '表头' : `第${row}行`}第${column + 1}列`}
        spellCheck={false}
        onChange={(event) => {
          setDraft(event.target.value);
          if (!composing.current && !(event.nativeEvent as InputEvent).isComposing)
            onCommit(row, column, event.target.value);
        }}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={(event) => {
          composing.current = false;
          onCommit(row, column, event.currentTarget.value);
        }}
        onKeyDown={(event) => onKeyDown(event, [row, column])}
      />
    </Tag>
  );
}

export function TableGrid({ nodeKey, rows }: { nodeKey: NodeKey; rows: readonly (readonly string[])[] }) {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const session = useContext(SessionContext);
  const table = useRef<HTMLTableElement>(null);
  const lastEdit = useRef<{ cell: string; at: number } | null>(null);
  const focusAfterRender = useRef<Cell | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[] } | null>(null);
  const grid = rectangular(rows);
  const columns = grid[0]?.length ?? 1;

  useEffect(() => {
    const cell = focusAfterRender.current;
    if (!cell) return;
    focusAfterRender.current = null;
    const input = cellInput(table.current, cell);
    input?.focus();
    input?.select();
  });

  const focusCell = useCallback((cell: Cell) => {
    const input = cellInput(table.current, cell);
    if (input) {
      input.focus();
      input.select();
    } else focusAfterRender.current = cell;
  }, []);

  const commit = useCallback(
    (row: number, column: number, text: string) => {
      const cell = `${row}:${column}`;
      const now = Date.now();
      const merge = lastEdit.current?.cell === cell && now - lastEdit.current.at < MERGE_MS;
      lastEdit.current = { cell, at: now };
      updateRows(editor, nodeKey, (current) => setCell(current, row, column, text), merge);
    },
    [editor, nodeKey],
  );

  /** A change of the table's shape: its own undo step, then the caret in the given cell. */
  const reshape = useCallback(
    (edit: (current: Rows) => Rows, focus: Cell | null) => {
      lastEdit.current = null;
      updateRows(editor, nodeKey, edit, false);
      if (focus) {
        focusAfterRender.current = focus;
      }
    },
    [editor, nodeKey],
  );

  const removeTable = useCallback(() => {
    editor.update(
      () => {
        const node = $getNodeByKey(nodeKey);
        if (!$isTableNode(node)) return;
        const next = node.getNextSibling() ?? node.getPreviousSibling();
        const paragraph = next ? null : $createParagraphNode();
        if (paragraph) node.insertAfter(paragraph);
        node.remove();
        (paragraph ?? next)?.selectStart();
      },
      { tag: HISTORY_PUSH_TAG },
    );
    editor.focus();
  }, [editor, nodeKey]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>, [row, column]: Cell) => {
      if (isImeKey(event.nativeEvent) || !editable) return;
      const last = grid.length - 1;
      const act = (): boolean => {
        if (event.ctrlKey || event.metaKey || event.altKey) return false;
        switch (event.key) {
          case 'Tab':
            if (event.shiftKey) {
              if (column > 0) focusCell([row, column - 1]);
              else if (row > 0) focusCell([row - 1, columns - 1]);
            } else if (column < columns - 1) focusCell([row, column + 1]);
            else if (row < last) focusCell([row + 1, 0]);
            // Tab in the last cell adds a row, as in Word.
            else reshape((current) => insertRow(current, row + 1), [row + 1, 0]);
            return true;
          case 'Enter':
          case 'ArrowDown':
            if (event.shiftKey) return false;
            if (row < last) focusCell([row + 1, column]);
            else leaveTable(editor, nodeKey, 'down');
            return true;
          case 'ArrowUp':
            if (event.shiftKey) return false;
            if (row > 0) focusCell([row - 1, column]);
            else leaveTable(editor, nodeKey, 'up');
            return true;
          default:
            return false;
        }
      };
      // Keys the cell handles never reach the document (Enter would split a paragraph there).
      if (act()) {
        event.preventDefault();
        event.stopPropagation();
      } else if (!((event.ctrlKey || event.metaKey) && ['z', 'y'].includes(event.key.toLowerCase()))) {
        // Backspace, Delete, Ctrl+A and the rest edit the cell, not the document around the table; Ctrl+Z
        // and Ctrl+Y go on to the document's history, which holds the cell's changes.
        event.stopPropagation();
      }
    },
    [editable, grid.length, columns, focusCell, reshape, editor, nodeKey],
  );

  const onContextMenu = useCallback(
    (event: MouseEvent, [row, column]: Cell) => {
      event.preventDefault();
      event.stopPropagation();
      const input = cellInput(table.current, [row, column]);
      input?.focus();
      const clipboard = (action: 'cut' | 'copy' | 'paste') => () => {
        input?.focus();
        void session?.call('editWindow', { action });
      };
      const items: MenuItem[] = [
        { label: '剪切', run: clipboard('cut'), disabled: !editable },
        { label: '复制', run: clipboard('copy') },
        { label: '粘贴', run: clipboard('paste'), disabled: !editable },
      ];
      if (editable) {
        items.push(
          {
            label: '在上方插入行',
            run: () => reshape((c) => insertRow(c, row), [row, column]),
            // Above the header would make the new row the header: rows go below it.
            disabled: row === 0,
            separated: true,
          },
          { label: '在下方插入行', run: () => reshape((c) => insertRow(c, row + 1), [row + 1, column]) },
          {
            label: '删除此行',
            run: () => reshape((c) => removeRow(c, row), [Math.max(0, row - 1), column]),
            disabled: grid.length <= 1,
          },
          {
            label: '在左侧插入列',
            run: () => reshape((c) => insertColumn(c, column), [row, column]),
            separated: true,
          },
          { label: '在右侧插入列', run: () => reshape((c) => insertColumn(c, column + 1), [row, column + 1]) },
          {
            label: '删除此列',
            run: () => reshape((c) => removeColumn(c, column), [row, Math.max(0, column - 1)]),
            disabled: columns <= 1,
          },
          { label: '删除表格', run: removeTable, separated: true },
        );
      }
      setMenu({ x: event.clientX, y: event.clientY, items });
    },
    [editable, grid.length, columns, reshape, removeTable, session],
  );

  // Paste in a cell goes into the cell. The listener sits on the table, below the editor's root, so the
  // document's paste handler (which pastes at the last caret in the body text) never sees it. A block copied
  // from Excel or WPS (tabs between cells, a line per row) fills the cells from this one on, adding rows and
  // columns as needed, as one undo step; a single line is pasted by the input itself.
  useEffect(() => {
    const element = table.current;
    if (!element) return;
    const onPaste = (event: ClipboardEvent) => {
      event.stopPropagation();
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || !editable) {
        event.preventDefault();
        return;
      }
      event.preventDefault();
      const text = event.clipboardData?.getData('text/plain') ?? '';
      const block = pastedBlock(text);
      const at: Cell = [Number(input.dataset.row), Number(input.dataset.column)];
      if (block) reshape((current) => pasteBlock(current, at, block), at);
      // One line: typed in as the input's own edit, so the cell's change and undo go the usual way.
      else if (text) document.execCommand('insertText', false, text.trim());
    };
    element.addEventListener('paste', onPaste);
    return () => element.removeEventListener('paste', onPaste);
  }, [editable, reshape]);

  const closeMenu = useCallback(() => setMenu(null), []);
  const [header = [], ...body] = grid;
  const cells = (row: readonly string[], r: number) =>
    row.map((text, c) => (
      <TableCell
        key={c}
        value={text}
        row={r}
        column={c}
        header={r === 0}
        editable={editable}
        onCommit={commit}
        onKeyDown={onKeyDown}
        onContextMenu={onContextMenu}
      />
    ));
  return (
    <>
      <table
        ref={table}
        className="report-table-grid"
        aria-label={editable ? '表格' : '表格（只读）'}
        title={editable ? '表格：Tab 到下一格，右键可增删行列；导出时按公文格式排版' : undefined}
      >
        <thead>
          <tr>{cells(header, 0)}</tr>
        </thead>
        <tbody>
          {body.map((row, r) => (
            <tr key={r + 1}>{cells(row, r + 1)}</tr>
          ))}
        </tbody>
      </table>
      {menu && <ContextMenu x={menu.x} y={menu.y} items={menu.items} onClose={closeMenu} />}
    </>
  );
}
