/**
 * Selecting and replacing text of one block of one part in the document editor, by character offsets —
 * in a table, the offsets of its plain text (tableText) lead to a cell and the range inside it.
 */
import {
  $createRangeSelection,
  $createTextNode,
  $isElementNode,
  $isTextNode,
  $setSelection,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
  type UpdateTag,
} from 'lexical';
import { $isTableNode } from '../nodes/TableNode';
import { $partByKey } from './blocks';
import { cellRange, setCell } from './tableOps';

function $blockOf(sectionKey: string, blockIndex: number): LexicalNode | undefined {
  return $partByKey(sectionKey)?.getChildren()[blockIndex];
}

/** Select [start, end) of block `blockIndex` of a part and focus the editor. */
export function selectInBlock(
  editor: LexicalEditor,
  sectionKey: string,
  blockIndex: number,
  start: number,
  end: number,
): void {
  // A table's cells are inputs of their own: the words are selected there, not in the editor's text.
  const cell = editor.read(() => {
    const block = $blockOf(sectionKey, blockIndex);
    if (!$isTableNode(block)) return null;
    const range = cellRange(block.getRows(), start, end);
    return range && { ...range, key: block.getKey() };
  });
  if (cell) {
    const input = editor
      .getElementByKey(cell.key)
      ?.querySelector<HTMLInputElement>(`input[data-row="${cell.row}"][data-column="${cell.column}"]`);
    input?.focus();
    input?.setSelectionRange(cell.from, cell.to);
    return;
  }
  editor.update(
    () => {
      const block = $blockOf(sectionKey, blockIndex) ?? $partByKey(sectionKey)?.getFirstChild();
      if (!block || !$isElementNode(block)) return;
      const nodes = block.getAllTextNodes().filter($isTextNode);
      if (nodes.length === 0) {
        block.selectStart();
        return;
      }
      const point = (offset: number): [TextNode, number] => {
        let rest = offset;
        for (const node of nodes) {
          const size = node.getTextContentSize();
          if (rest <= size) return [node, rest];
          rest -= size;
        }
        const last = nodes[nodes.length - 1]!;
        return [last, last.getTextContentSize()];
      };
      const [anchorNode, anchorOffset] = point(start);
      const [focusNode, focusOffset] = point(end);
      const selection = $createRangeSelection();
      selection.anchor.set(anchorNode.getKey(), anchorOffset, 'text');
      selection.focus.set(focusNode.getKey(), focusOffset, 'text');
      $setSelection(selection);
    },
    { tag: 'finding-jump' },
  );
  editor.focus();
}

/**
 * The caret into a part, ready to type (a click on it in the 提纲): in its first empty paragraph, else at
 * the end of its last paragraph or sub-heading (a table is typed in through its cells, never the caret).
 */
export function caretIntoPart(editor: LexicalEditor, sectionKey: string): void {
  editor.update(
    () => {
      const part = $partByKey(sectionKey);
      if (!part) return;
      const blocks = part.getChildren().filter((n) => $isElementNode(n) && !$isTableNode(n));
      const empty = blocks.find((n) => n.getType() === 'paragraph' && n.getTextContentSize() === 0);
      if (empty && $isElementNode(empty)) empty.selectStart();
      else {
        const last = blocks[blocks.length - 1];
        if (last && $isElementNode(last)) last.selectEnd();
      }
    },
    { tag: 'finding-jump' },
  );
  editor.focus();
}

/** Replace [start, end) of a block with `replacement` (a one-click fix); undoable like typing. */
export function replaceInBlock(
  editor: LexicalEditor,
  sectionKey: string,
  blockIndex: number,
  start: number,
  end: number,
  replacement: string,
  tag?: UpdateTag,
): void {
  editor.update(
    () => {
      const block = $blockOf(sectionKey, blockIndex);
      if ($isTableNode(block)) {
        const rows = block.getRows();
        const cell = cellRange(rows, start, end);
        if (!cell) return;
        const text = rows[cell.row]![cell.column]!;
        block.setRows(
          setCell(rows, cell.row, cell.column, text.slice(0, cell.from) + replacement + text.slice(cell.to)),
        );
        return;
      }
      if (!block || !$isElementNode(block)) return;
      const text = block.getTextContent();
      const next = text.slice(0, start) + replacement + text.slice(end);
      block.clear();
      if (next) block.append($createTextNode(next));
    },
    tag ? { tag } : undefined,
  );
}

/** Remove `count` whole blocks of a part from `blockIndex` (a fix that deletes an empty sub-heading); undoable. */
export function removeBlocks(editor: LexicalEditor, sectionKey: string, blockIndex: number, count: number): void {
  editor.update(() => {
    const children = $partByKey(sectionKey)?.getChildren() ?? [];
    // A part always keeps a block to type in.
    if (blockIndex + count > children.length || children.length - count < 1) return;
    for (const node of children.slice(blockIndex, blockIndex + count)) node.remove();
  });
}
