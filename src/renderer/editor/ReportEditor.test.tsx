// @vitest-environment jsdom
/**
 * Mounting the one document editor: the content is built already normalised, so the editor reports no change
 * on mount (each such report re-read every part, re-rendered the app and ran a second check while the clerk
 * waited for the report to open), and the part transforms still hold for what comes later.
 */
import { $createParagraphNode, $createTextNode, $getRoot, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Section } from '../../core/model/report';
import { BUILTIN_TEMPLATES } from '../../core/templates/registry';
import { $isPartNode } from '../nodes/PartNode';
import { ReportEditor } from './ReportEditor';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const township = BUILTIN_TEMPLATES.find((t) => t.parts.length > 0)!;
const sections: Section[] = [
  { key: 'opening', part: 'opening', heading: '', blocks: [{ kind: 'paragraph', text: '今年以来，我镇依法行政。' }] },
  {
    key: township.parts[0]!.id,
    part: township.parts[0]!.id,
    heading: `一、${township.parts[0]!.title}`,
    blocks: [
      { kind: 'subheading', level: 2, text: '（一）学法用法' },
      { kind: 'paragraph', text: '全年集中学法十次。' },
    ],
  },
];

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

async function mount(onChange: (sections: Section[], ignored: string[]) => void): Promise<LexicalEditor> {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  let editor: LexicalEditor | null = null;
  await act(async () => {
    root!.render(
      <ReportEditor
        initialSections={sections}
        initialIgnored={[]}
        template={township}
        readOnly={false}
        onChange={onChange}
        onEditor={(e) => (editor = e ?? editor)}
        onRemovePart={() => {}}
      />,
    );
  });
  // Lexical commits in a microtask; let every pending update land.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return editor!;
}

describe('the one document editor, mounted', () => {
  it('shows the report without reporting a change: no whole-document update on mount', async () => {
    const onChange = vi.fn();
    const editor = await mount(onChange);
    expect(onChange).not.toHaveBeenCalled();
    expect(host!.textContent).toContain('全年集中学法十次。');
    expect(editor.getEditorState().read(() => $getRoot().getChildren().every($isPartNode))).toBe(true);
  });

  it('still gathers text that lands at the root into a part, and reports that change once', async () => {
    const onChange = vi.fn();
    const editor = await mount(onChange);
    await act(async () => {
      editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode('落在外面的一段。'))), {
        discrete: true,
      });
    });
    const parts = editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((child) => ($isPartNode(child) ? child.getTextContent() : `不在部分里：${child.getTextContent()}`)),
    );
    expect(parts).toHaveLength(2);
    expect(parts[1]).toContain('落在外面的一段。');
    expect(onChange).toHaveBeenCalledTimes(1);
    const [reported] = onChange.mock.calls[0] as [Section[]];
    expect(reported[1]!.blocks.at(-1)).toEqual({ kind: 'paragraph', text: '落在外面的一段。' });
  });
});

describe('the one document editor, undo after opening', () => {
  it('undoes the first change after opening, made before any click in the text', async () => {
    const editor = await mount(vi.fn());
    const text = () => editor.getEditorState().read(() => $getRoot().getTextContent());
    const opened = text();
    await act(async () => {
      editor.update(
        () => {
          const part = $getRoot().getChildren().find($isPartNode)!;
          part.append($createParagraphNode().append($createTextNode('新加的一段。')));
        },
        { discrete: true },
      );
    });
    expect(text()).toContain('新加的一段。');
    await act(async () => {
      editor.dispatchCommand(UNDO_COMMAND, undefined);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(text()).toBe(opened);
  });
});
