/**
 * A table of the report (a block of kind 'table': rows of cells, the first the header). Its cells are
 * edited in place (TableGrid): each change, and each row or column added or removed, is an update of this
 * node, so it is one step of the document's undo history like typing in a paragraph.
 */
import { createElement, type ReactNode } from 'react';
import { rectangular } from '../editor/tableOps';
import { TableGrid } from './TableGrid';
import {
  $applyNodeReplacement,
  DecoratorNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';

export type SerializedTableNode = Spread<{ rows: string[][] }, SerializedLexicalNode>;

export class TableNode extends DecoratorNode<ReactNode> {
  __rows: string[][];

  static override getType(): string {
    return 'report-table';
  }

  static override clone(node: TableNode): TableNode {
    return new TableNode(node.__rows, node.__key);
  }

  static override importJSON(json: SerializedTableNode): TableNode {
    return $createTableNode(json.rows);
  }

  constructor(rows: readonly (readonly string[])[] = [[]], key?: NodeKey) {
    super(key);
    this.__rows = rows.map((row) => [...row]);
  }

  override exportJSON(): SerializedTableNode {
    return { ...super.exportJSON(), type: TableNode.getType(), version: 1, rows: this.getRows() };
  }

  getRows(): string[][] {
    return this.getLatest().__rows.map((row) => [...row]);
  }

  /** New content for the whole table (always made rectangular: the exporter lays out a grid). */
  setRows(rows: readonly (readonly string[])[]): this {
    const writable = this.getWritable();
    writable.__rows = rectangular(rows);
    return writable;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    element.className = (config.theme.table as string | undefined) ?? 'report-table';
    element.setAttribute('contenteditable', 'false');
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isInline(): boolean {
    return false;
  }

  override getTextContent(): string {
    return this.getRows()
      .map((row) => row.join('\t'))
      .join('\n');
  }

  override decorate(): ReactNode {
    return createElement(TableGrid, { nodeKey: this.getKey(), rows: this.__rows });
  }
}

export function $createTableNode(rows: readonly (readonly string[])[]): TableNode {
  return $applyNodeReplacement(new TableNode(rows));
}

export function $isTableNode(node: LexicalNode | null | undefined): node is TableNode {
  return node instanceof TableNode;
}
