// @vitest-environment jsdom
/** Lexical state ↔ a section's blocks, and the key guards, on a real Lexical editor in jsdom. */
import { registerRichText } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, createEditor, KEY_ENTER_COMMAND, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import type { Block } from '../../core/model/report';
import { SubheadingNode } from '../nodes/SubheadingNode';
import { TableNode } from '../nodes/TableNode';
import { tableBlock } from '../../core/model/report';
import { registerImeSafeKeys } from '../plugins/ImeSafeKeysPlugin';
import { $blocksToRoot, $rootToBlocks } from './blocks';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function editorWith(blocks: readonly Block[], mounted = false): LexicalEditor {
  const editor = createEditor({ namespace: 'test', nodes: [SubheadingNode, TableNode], onError: (e) => { throw e; } });
  if (mounted) {
    const root = document.createElement('div');
    root.contentEditable = 'true';
    document.body.append(root);
    editor.setRootElement(root);
    cleanups.push(registerRichText(editor), registerImeSafeKeys(editor), () => root.remove());
  }
  editor.update(() => $blocksToRoot(blocks), { discrete: true });
  return editor;
}

const read = (editor: LexicalEditor) => editor.getEditorState().read($rootToBlocks);

describe('blocks ↔ Lexical', () => {
  it('keeps a table through the editor, cells and all, between paragraphs, read-only', () => {
    const table = tableBlock([['项目', '2025年'], ['行政复议（件）', '12'], ['备注']]);
    const blocks: Block[] = [{ kind: 'paragraph', text: '全年情况见下表。' }, table, { kind: 'paragraph', text: '表后正文。' }];
    const editor = editorWith(blocks, true);
    expect(read(editor)).toEqual(blocks);
    // Typing elsewhere in the section keeps the table as it was.
    editor.update(() => $getRoot().getLastChild<ReturnType<typeof $createParagraphNode>>()!.append($createTextNode('补充。')), { discrete: true });
    expect(read(editor)[1]).toEqual(table);
    const dom = editor.getRootElement()!.querySelector('[contenteditable="false"]');
    expect(dom).not.toBeNull();
  });

  it('round-trips paragraphs and sub-headings of every level, in order', () => {
    const blocks: Block[] = [
      { kind: 'subheading', level: 2, text: '（一）健全政府机构职能体系' },
      { kind: 'paragraph', text: '全年开展法治培训10场次。' },
      { kind: 'subheading', level: 3, text: '1.权责清单' },
      { kind: 'subheading', level: 4, text: '（1）动态调整' },
      { kind: 'paragraph', text: '' },
      { kind: 'paragraph', text: '　　全角空格缩进保留。' },
    ];
    expect(read(editorWith(blocks))).toEqual(blocks);
  });

  it('gives an empty section one empty paragraph to type into', () => {
    expect(read(editorWith([]))).toEqual([{ kind: 'paragraph', text: '' }]);
  });

  it('keeps a paragraph on one line when a line break got into it', () => {
    const editor = editorWith([]);
    editor.update(
      () => {
        const p = $createParagraphNode().append($createTextNode('上半句'), $createLineBreakNode(), $createTextNode('下半句'));
        $getRoot().clear().append(p);
      },
      { discrete: true },
    );
    expect(read(editor)).toEqual([{ kind: 'paragraph', text: '上半句下半句' }]);
  });
});

describe('keys and the IME', () => {
  const enter = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { key: 'Enter', cancelable: true, ...init });
  const pressEnter = (editor: LexicalEditor, init: KeyboardEventInit) => {
    editor.update(() => $getRoot().selectEnd(), { discrete: true });
    editor.update(() => void editor.dispatchCommand(KEY_ENTER_COMMAND, enter(init)), { discrete: true });
    return read(editor);
  };

  it('an Enter that confirms an IME candidate does not split the paragraph', () => {
    const editor = editorWith([{ kind: 'paragraph', text: '依法行政' }], true);
    expect(pressEnter(editor, { isComposing: true })).toEqual([{ kind: 'paragraph', text: '依法行政' }]);
  });

  it('a plain Enter does start a new paragraph (the guard is not simply swallowing Enter)', () => {
    const editor = editorWith([{ kind: 'paragraph', text: '依法行政' }], true);
    expect(pressEnter(editor, {})).toEqual([
      { kind: 'paragraph', text: '依法行政' },
      { kind: 'paragraph', text: '' },
    ]);
  });

  it('Shift+Enter starts a paragraph too, never a line break inside one', () => {
    const editor = editorWith([{ kind: 'paragraph', text: '依法行政' }], true);
    expect(pressEnter(editor, { shiftKey: true })).toHaveLength(2);
  });

  it('Enter at the end of a sub-heading starts a body paragraph', () => {
    const editor = editorWith([{ kind: 'subheading', level: 2, text: '（一）健全依法行政制度体系' }], true);
    expect(pressEnter(editor, {})).toEqual([
      { kind: 'subheading', level: 2, text: '（一）健全依法行政制度体系' },
      { kind: 'paragraph', text: '' },
    ]);
  });
});
