/**
 * Backspace at the start of the paragraph after a table, or Delete at the end of the one before it, would let
 * Lexical remove the whole table (a decorator) in one keystroke, with no warning. As in Word, the caret goes
 * into the table instead (its last cell, or its first); only a table with every cell blank is removed so.
 * The right-click 删除表格 stays the way to remove a filled table.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import { $isTableNode, type TableNode } from '../../nodes/TableNode';
import { isBlankTable } from '../../../core/model/report';
import { isImeKey } from '../ImeSafeKeysPlugin';

/** The table right before (backward) or after the caret's block, when the caret is at that block's edge. */
function $tableAcross(backward: boolean): TableNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const anchor = selection.anchor;
  const node = anchor.getNode();
  const block = node.getTopLevelElement() ?? node;
  if (!$isElementNode(block)) return null;
  const neighbour = backward ? block.getPreviousSibling() : block.getNextSibling();
  if (!$isTableNode(neighbour)) return null;
  // At the edge of the block: the caret's point is the block's first (or last) point.
  const edge = backward ? block.getFirstDescendant() : block.getLastDescendant();
  const atEdge =
    anchor.type === 'element'
      ? backward
        ? anchor.offset === 0
        : anchor.offset === (node as typeof block).getChildrenSize()
      : (edge === null || node.is(edge)) && anchor.offset === (backward ? 0 : node.getTextContentSize());
  return atEdge ? neighbour : null;
}

/** Focus the table's last cell (caret at its end) or first cell (caret at its start). */
function focusCell(editor: LexicalEditor, tableKey: string, last: boolean): void {
  const inputs = editor.getElementByKey(tableKey)?.querySelectorAll<HTMLInputElement>('input[data-row]');
  const input = inputs?.[last ? inputs.length - 1 : 0];
  if (!input) return;
  // After this key's update: the editor would otherwise take the focus back.
  setTimeout(() => {
    input.focus();
    const at = last ? input.value.length : 0;
    input.setSelectionRange(at, at);
  });
}

export function registerTableKeys(editor: LexicalEditor): () => void {
  const handle = (event: KeyboardEvent | null, backward: boolean): boolean => {
    if (isImeKey(event) || editor.isComposing()) return false;
    const table = $tableAcross(backward);
    if (!table) return false;
    event?.preventDefault();
    if (isBlankTable(table.getRows())) table.remove();
    else focusCell(editor, table.getKey(), backward);
    return true;
  };
  return mergeRegister(
    editor.registerCommand(KEY_BACKSPACE_COMMAND, (event) => handle(event, true), COMMAND_PRIORITY_HIGH),
    editor.registerCommand(KEY_DELETE_COMMAND, (event) => handle(event, false), COMMAND_PRIORITY_HIGH),
  );
}

export function TableKeysPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerTableKeys(editor), [editor]);
  return null;
}
