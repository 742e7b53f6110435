/**
 * The report model (src/core/model/report.ts) ↔ the one document editor's state, in one place: the root
 * holds one PartNode per section (key, part id, heading), each part one node per block; the ignored
 * findings ride on the root as node state, so 忽略 and its Ctrl+Z go through the same undo history.
 */
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getState,
  $isElementNode,
  $setState,
  createState,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { tableBlock, type Block, type Section } from '../../core/model/report';
import { $createPartNode, $isPartNode, type PartNode } from '../nodes/PartNode';
import { $createSubheadingNode, $isSubheadingNode } from '../nodes/SubheadingNode';
import { $createTableNode, $isTableNode } from '../nodes/TableNode';

/** Fingerprints of the findings the clerk ignored (ReportDocument.ignoredFindings). */
export const ignoredState = createState('ignoredFindings', {
  parse: (value: unknown): readonly string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [],
});

/** The blocks of one part as nodes; an empty part gets one empty paragraph to type into. */
export function $blockNodes(blocks: readonly Block[]): LexicalNode[] {
  const list = blocks.length ? blocks : [{ kind: 'paragraph', text: '' } as Block];
  return list.map((block) => {
    if (block.kind === 'table') return $createTableNode(block.rows);
    const node = block.kind === 'subheading' ? $createSubheadingNode(block.level) : $createParagraphNode();
    if (block.text) node.append($createTextNode(block.text));
    return node;
  });
}

export function $createPart(section: Section): PartNode {
  return $createPartNode(section.key, section.part, section.heading).append(...$blockNodes(section.blocks));
}

/** Replace the whole editor content with the report's sections and its ignored findings. */
export function $documentToRoot(sections: readonly Section[], ignored: readonly string[] = []): void {
  const root = $getRoot();
  root.clear();
  root.append(...sections.map($createPart));
  $setState(root, ignoredState, ignored);
}

function textOf(node: LexicalNode): string {
  // A line break inside a paragraph would make two lines of one block: keep the text on one line.
  return node.getTextContent().replace(/\n/g, '');
}

/** The blocks of one part (or of any element holding blocks). */
export function $blocksOf(parent: ElementNode): Block[] {
  return parent
    .getChildren()
    .filter((node) => $isElementNode(node) || $isTableNode(node))
    .map((node): Block => ($isTableNode(node) ? tableBlock(node.getRows()) : elementBlock(node as ElementNode)));
}

function elementBlock(node: ElementNode): Block {
  return $isSubheadingNode(node)
    ? { kind: 'subheading', level: node.getLevel(), text: textOf(node) }
    : { kind: 'paragraph', text: textOf(node) };
}

/** The sections as the editor holds them, in order. */
export function $rootToSections(): Section[] {
  return $getRoot()
    .getChildren()
    .filter($isPartNode)
    .map((part) => ({
      key: part.getSectionKey(),
      part: part.getPart(),
      heading: part.getHeading(),
      blocks: $blocksOf(part),
    }));
}

export function $ignoredFindings(): string[] {
  return [...$getState($getRoot(), ignoredState)];
}

/** The part with this section key, if the editor has it. */
export function $partByKey(key: string): PartNode | undefined {
  return $getRoot()
    .getChildren()
    .find((node): node is PartNode => $isPartNode(node) && node.getSectionKey() === key);
}

/** The part a node is in (itself if it is one). */
export function $partOf(node: LexicalNode | null | undefined): PartNode | null {
  for (let n: LexicalNode | null | undefined = node; n; n = n.getParent()) if ($isPartNode(n)) return n;
  return null;
}
