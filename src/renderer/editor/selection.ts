/** Selecting and replacing text of one block inside a section editor, by character offsets. */
import { $createRangeSelection, $createTextNode, $getRoot, $isElementNode, $isTextNode, $setSelection, type LexicalEditor, type TextNode } from 'lexical';

function $textNodesOf(blockIndex: number): TextNode[] {
  const block = $getRoot().getChildren()[blockIndex];
  if (!block || !$isElementNode(block)) return [];
  return block.getAllTextNodes().filter($isTextNode);
}

/** Select [start, end) of block `blockIndex` and focus the editor. */
export function selectInBlock(editor: LexicalEditor, blockIndex: number, start: number, end: number): void {
  editor.update(
    () => {
      const nodes = $textNodesOf(blockIndex);
      const block = $getRoot().getChildren()[blockIndex];
      if (nodes.length === 0) {
        if (block && $isElementNode(block)) block.selectStart();
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

/** Replace [start, end) of block `blockIndex` with `replacement` (a one-click fix); undoable like typing. */
export function replaceInBlock(editor: LexicalEditor, blockIndex: number, start: number, end: number, replacement: string): void {
  editor.update(() => {
    const block = $getRoot().getChildren()[blockIndex];
    if (!block || !$isElementNode(block)) return;
    const text = block.getTextContent();
    const next = text.slice(0, start) + replacement + text.slice(end);
    block.clear();
    if (next) block.append($createTextNode(next));
  });
}
