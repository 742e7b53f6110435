/** Selecting and replacing text of one block of one part in the document editor, by character offsets. */
import {
  $createRangeSelection,
  $createTextNode,
  $isElementNode,
  $isTextNode,
  $setSelection,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { $partByKey } from './blocks';

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

/** Replace [start, end) of a block with `replacement` (a one-click fix); undoable like typing. */
export function replaceInBlock(
  editor: LexicalEditor,
  sectionKey: string,
  blockIndex: number,
  start: number,
  end: number,
  replacement: string,
): void {
  editor.update(() => {
    const block = $blockOf(sectionKey, blockIndex);
    if (!block || !$isElementNode(block)) return;
    const text = block.getTextContent();
    const next = text.slice(0, start) + replacement + text.slice(end);
    block.clear();
    if (next) block.append($createTextNode(next));
  });
}
