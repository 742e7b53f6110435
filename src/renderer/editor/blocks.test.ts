// @vitest-environment jsdom
/** The report's sections ↔ the one document editor's state, and the key guards, on a real Lexical editor in jsdom. */
import { registerRichText } from '@lexical/rich-text';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  createEditor,
  KEY_ENTER_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { tableBlock, type Block, type Section } from '../../core/model/report';
import { PartNode } from '../nodes/PartNode';
import { SubheadingNode } from '../nodes/SubheadingNode';
import { TableNode } from '../nodes/TableNode';
import { registerImeSafeKeys } from '../plugins/ImeSafeKeysPlugin';
import { $collapseAcrossParts, registerPartGuards, registerPartTransforms } from '../plugins/PartGuardsPlugin';
import { $documentToRoot, $ignoredFindings, $partByKey, $rootToSections } from './blocks';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const section = (key: string, heading: string, blocks: Block[], part: string | null = key): Section => ({
  key,
  part,
  heading,
  blocks,
});

function editorWith(sections: readonly Section[], mounted = false, ignored: string[] = []): LexicalEditor {
  const editor = createEditor({
    namespace: 'test',
    nodes: [PartNode, SubheadingNode, TableNode],
    onError: (e) => {
      throw e;
    },
  });
  if (mounted) {
    const root = document.createElement('div');
    root.contentEditable = 'true';
    document.body.append(root);
    editor.setRootElement(root);
    cleanups.push(
      registerPartTransforms(editor),
      registerRichText(editor),
      registerImeSafeKeys(editor),
      registerPartGuards(editor),
      () => root.remove(),
    );
  }
  editor.update(() => $documentToRoot(sections, ignored), { discrete: true });
  return editor;
}

/** One part's blocks, for the tests written about a single part. */
const one = (blocks: Block[]) => [section('measures', '一、主要举措和成效', blocks)];
const read = (editor: LexicalEditor) => editor.getEditorState().read($rootToSections);
const blocksOf = (editor: LexicalEditor, index = 0) => read(editor)[index]!.blocks;

describe('sections ↔ the document editor', () => {
  it('round-trips every block kind in several parts, with keys, part ids, headings and the ignored findings', () => {
    const table = tableBlock([['项目', '2025年'], ['行政复议（件）', '12'], ['备注']]);
    const sections: Section[] = [
      section('opening', '', [{ kind: 'paragraph', text: '2025年，本镇坚持依法行政。' }], 'opening'),
      section('measures', '一、主要举措和成效', [
        { kind: 'subheading', level: 2, text: '（一）健全政府机构职能体系' },
        { kind: 'paragraph', text: '全年情况见下表。' },
        table,
        { kind: 'subheading', level: 3, text: '1.权责清单' },
        { kind: 'subheading', level: 4, text: '（1）动态调整' },
        { kind: 'paragraph', text: '' },
        { kind: 'paragraph', text: '　　全角空格缩进保留。' },
      ]),
      section('extra-1', '二、安全生产工作', [{ kind: 'paragraph', text: '开展检查5次。' }], null),
    ];
    const editor = editorWith(sections, true, ['fp-1', 'fp-2']);
    expect(read(editor)).toEqual(sections);
    expect(editor.getEditorState().read($ignoredFindings)).toEqual(['fp-1', 'fp-2']);
    // Typing elsewhere keeps the table as it was, read-only in the page.
    editor.update(
      () =>
        $partByKey('measures')!
          .getLastChild<ReturnType<typeof $createParagraphNode>>()!
          .append($createTextNode('补充。')),
      { discrete: true },
    );
    expect(blocksOf(editor, 1)[2]).toEqual(table);
    expect(
      editor.getRootElement()!.querySelector('[data-section-editor="measures"] [contenteditable="false"]'),
    ).not.toBeNull();
    // Each part is a section element holding its blocks, as the page shows it.
    expect(
      editor
        .getRootElement()!
        .querySelector('section[data-section="extra-1"]:not([data-part]) [data-section-editor="extra-1"]')!.children,
    ).toHaveLength(1);
  });

  it('gives an empty part one empty paragraph to type into', () => {
    expect(blocksOf(editorWith(one([])))).toEqual([{ kind: 'paragraph', text: '' }]);
  });

  it('keeps a paragraph on one line when a line break got into it', () => {
    const editor = editorWith(one([]));
    editor.update(
      () => {
        const p = $createParagraphNode().append(
          $createTextNode('上半句'),
          $createLineBreakNode(),
          $createTextNode('下半句'),
        );
        $partByKey('measures')!.clear().append(p);
      },
      { discrete: true },
    );
    expect(blocksOf(editor)).toEqual([{ kind: 'paragraph', text: '上半句下半句' }]);
  });
});

describe('a selection over several parts', () => {
  const three = () => [
    section('measures', '一、主要举措和成效', [
      { kind: 'paragraph', text: '开展培训10场次。' },
      { kind: 'paragraph', text: '审查合同12份。' },
    ]),
    section('shortcomings', '二、存在的不足和原因', [{ kind: 'paragraph', text: '人员少。' }]),
    section('plans', '三、下一年度主要安排', [
      { kind: 'paragraph', text: '加强培训。' },
      { kind: 'paragraph', text: '补齐人员。' },
    ]),
  ];
  const selectAcross = (editor: LexicalEditor, backward = false) =>
    editor.update(
      () => {
        const from = $partByKey('measures')!.getChildren()[1]!.getFirstDescendant()!;
        const to = $partByKey('plans')!.getFirstChild()!.getFirstDescendant()!;
        const sel = from.selectStart();
        if (backward) {
          sel.anchor.set(to.getKey(), 2, 'text');
          sel.focus.set(from.getKey(), 4, 'text');
        } else {
          sel.anchor.set(from.getKey(), 4, 'text');
          sel.focus.set(to.getKey(), 2, 'text');
        }
      },
      { discrete: true },
    );

  it('deleting it removes the selected text of each part and keeps every part and heading', () => {
    for (const backward of [false, true]) {
      const editor = editorWith(three(), true);
      selectAcross(editor, backward);
      editor.update(() => void $collapseAcrossParts(), { discrete: true });
      expect(read(editor).map((s) => [s.heading, s.blocks.map((b) => ('text' in b ? b.text : ''))])).toEqual([
        ['一、主要举措和成效', ['开展培训10场次。', '审查合同']],
        ['二、存在的不足和原因', ['']],
        ['三、下一年度主要安排', ['培训。', '补齐人员。']],
      ]);
      // The caret is where the selection began.
      const caret = editor.getEditorState().read(() => {
        const s = $getSelection();
        return $isRangeSelection(s) && s.isCollapsed() ? [s.anchor.getNode().getTextContent(), s.anchor.offset] : null;
      });
      expect(caret).toEqual(['审查合同', 4]);
    }
  });

  it('a block that lands at the root joins the part before it, and a part whose blocks are all removed stays', () => {
    const editor = editorWith(three(), true);
    editor.update(
      () => {
        $getRoot().append($createParagraphNode().append($createTextNode('游离的一段。')));
        $partByKey('shortcomings')!
          .getChildren()
          .forEach((block) => block.remove());
      },
      { discrete: true },
    );
    expect(read(editor).map((s) => [s.key, s.heading, s.blocks.map((b) => ('text' in b ? b.text : ''))])).toEqual([
      ['measures', '一、主要举措和成效', ['开展培训10场次。', '审查合同12份。']],
      ['shortcomings', '二、存在的不足和原因', ['']],
      ['plans', '三、下一年度主要安排', ['加强培训。', '补齐人员。', '游离的一段。']],
    ]);
  });

  it('select all then delete empties every part but keeps them all', () => {
    const editor = editorWith(three(), true);
    editor.update(() => void $getRoot().select(0, $getRoot().getChildrenSize()), { discrete: true });
    editor.update(() => void $collapseAcrossParts(), { discrete: true });
    expect(read(editor).map((s) => [s.key, s.blocks])).toEqual([
      ['measures', [{ kind: 'paragraph', text: '' }]],
      ['shortcomings', [{ kind: 'paragraph', text: '' }]],
      ['plans', [{ kind: 'paragraph', text: '' }]],
    ]);
  });
});

describe('keys and the IME', () => {
  const enter = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { key: 'Enter', cancelable: true, ...init });
  const pressEnter = (editor: LexicalEditor, init: KeyboardEventInit) => {
    editor.update(() => void $getRoot().selectEnd(), { discrete: true });
    editor.update(() => void editor.dispatchCommand(KEY_ENTER_COMMAND, enter(init)), { discrete: true });
    return blocksOf(editor);
  };

  it('an Enter that confirms an IME candidate does not split the paragraph', () => {
    const editor = editorWith(one([{ kind: 'paragraph', text: '依法行政' }]), true);
    expect(pressEnter(editor, { isComposing: true })).toEqual([{ kind: 'paragraph', text: '依法行政' }]);
  });

  it('a plain Enter does start a new paragraph (the guard is not simply swallowing Enter)', () => {
    const editor = editorWith(one([{ kind: 'paragraph', text: '依法行政' }]), true);
    expect(pressEnter(editor, {})).toEqual([
      { kind: 'paragraph', text: '依法行政' },
      { kind: 'paragraph', text: '' },
    ]);
  });

  it('Shift+Enter starts a paragraph too, never a line break inside one', () => {
    const editor = editorWith(one([{ kind: 'paragraph', text: '依法行政' }]), true);
    expect(pressEnter(editor, { shiftKey: true })).toHaveLength(2);
  });

  it('Enter at the end of a sub-heading starts a body paragraph', () => {
    const editor = editorWith(one([{ kind: 'subheading', level: 2, text: '（一）健全依法行政制度体系' }]), true);
    expect(pressEnter(editor, {})).toEqual([
      { kind: 'subheading', level: 2, text: '（一）健全依法行政制度体系' },
      { kind: 'paragraph', text: '' },
    ]);
  });
});
