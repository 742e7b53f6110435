/**
 * A table of the report (a block of kind 'table': rows of cells, the first the header), shown in the
 * editor read-only: its cells come from the imported file and go to the export as they are. The clerk can
 * delete the whole table like any block, but not type into it, so the editor never drops or mangles it.
 */
import { createElement, type ReactNode } from 'react';
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
    const [header = [], ...body] = this.__rows;
    const columns = Math.max(0, ...this.__rows.map((row) => row.length));
    const cells = (row: readonly string[], tag: 'th' | 'td') =>
      Array.from({ length: columns }, (_, c) => createElement(tag, { key: c }, row[c] ?? ''));
    return createElement(
      'table',
      {
        className: 'report-table-grid',
        'aria-label': '表格（只读）',
        title: '表格：导入时的内容，在编辑区只读；导出时按公文格式排版',
      },
      createElement('thead', null, createElement('tr', null, cells(header, 'th'))),
      createElement(
        'tbody',
        null,
        body.map((row, r) => createElement('tr', { key: r }, cells(row, 'td'))),
      ),
    );
  }
}

export function $createTableNode(rows: readonly (readonly string[])[]): TableNode {
  return $applyNodeReplacement(new TableNode(rows));
}

export function $isTableNode(node: LexicalNode | null | undefined): node is TableNode {
  return node instanceof TableNode;
}
