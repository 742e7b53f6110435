/**
 * A sub-heading inside a section: （一） (level 2), 1. (level 3) or （1） (level 4). Its number is literal
 * text, as GB/T 9704 wants; the level decides the export font.
 */
import {
  $applyNodeReplacement,
  $createParagraphNode,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type RangeSelection,
  type SerializedElementNode,
  type Spread,
} from 'lexical';

export type SubheadingLevel = 2 | 3 | 4;

export type SerializedSubheadingNode = Spread<{ level: SubheadingLevel }, SerializedElementNode>;

export class SubheadingNode extends ElementNode {
  __level: SubheadingLevel;

  static override getType(): string {
    return 'subheading';
  }

  static override clone(node: SubheadingNode): SubheadingNode {
    return new SubheadingNode(node.__level, node.__key);
  }

  constructor(level: SubheadingLevel = 2, key?: NodeKey) {
    super(key);
    this.__level = level;
  }

  getLevel(): SubheadingLevel {
    return this.getLatest().__level;
  }

  setLevel(level: SubheadingLevel): this {
    const writable = this.getWritable();
    writable.__level = level;
    return writable;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('p');
    const theme = config.theme.subheading as Record<number, string> | undefined;
    element.className = theme?.[this.__level] ?? '';
    element.dataset.level = String(this.__level);
    return element;
  }

  override updateDOM(prevNode: SubheadingNode, dom: HTMLElement, config: EditorConfig): boolean {
    if (prevNode.__level !== this.__level) {
      const theme = config.theme.subheading as Record<number, string> | undefined;
      dom.className = theme?.[this.__level] ?? '';
      dom.dataset.level = String(this.__level);
    }
    return false;
  }

  static override importJSON(json: SerializedSubheadingNode): SubheadingNode {
    return $createSubheadingNode(json.level).updateFromJSON(json);
  }

  override exportJSON(): SerializedSubheadingNode {
    return { ...super.exportJSON(), level: this.__level };
  }

  /** Enter at the end of a sub-heading starts a body paragraph, as in Word. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): LexicalNode {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  /** Backspace at its start turns it back into body text instead of merging it away. */
  override collapseAtStart(): boolean {
    const paragraph = $createParagraphNode();
    this.getChildren().forEach((child) => paragraph.append(child));
    this.replace(paragraph);
    return true;
  }
}

export function $createSubheadingNode(level: SubheadingLevel = 2): SubheadingNode {
  return $applyNodeReplacement(new SubheadingNode(level));
}

export function $isSubheadingNode(node: LexicalNode | null | undefined): node is SubheadingNode {
  return node instanceof SubheadingNode;
}
