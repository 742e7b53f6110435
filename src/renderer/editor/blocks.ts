/** Lexical state ↔ a section's blocks (src/core/model/report.ts): one top-level node per block. */
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, type ElementNode, type LexicalNode } from 'lexical';
import { tableBlock, type Block } from '../../core/model/report';
import { $createTableNode, $isTableNode } from '../nodes/TableNode';
import { $createSubheadingNode, $isSubheadingNode } from '../nodes/SubheadingNode';

export function $blocksToRoot(blocks: readonly Block[]): void {
  const root = $getRoot();
  root.clear();
  const list = blocks.length ? blocks : [{ kind: 'paragraph', text: '' } as Block];
  for (const block of list) {
    if (block.kind === 'table') {
      root.append($createTableNode(block.rows));
      continue;
    }
    const node = block.kind === 'subheading' ? $createSubheadingNode(block.level) : $createParagraphNode();
    if (block.text) node.append($createTextNode(block.text));
    root.append(node);
  }
}

function textOf(node: LexicalNode): string {
  // A line break inside a paragraph would make two lines of one block: keep the text on one line.
  return node.getTextContent().replace(/\n/g, '');
}

export function $rootToBlocks(): Block[] {
  return $getRoot()
    .getChildren()
    .filter((node) => $isElementNode(node) || $isTableNode(node))
    .map((node): Block => ($isTableNode(node) ? tableBlock(node.getRows()) : elementBlock(node as ElementNode)));
}

function elementBlock(node: ElementNode): Block {
  return $isSubheadingNode(node) ? { kind: 'subheading', level: node.getLevel(), text: textOf(node) } : { kind: 'paragraph', text: textOf(node) };
}
