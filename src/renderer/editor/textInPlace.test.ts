// @vitest-environment jsdom
import { $createParagraphNode, $createTextNode, $getRoot, $isTextNode, createEditor, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { textEdit, writeTextChangesInPlace } from './textInPlace';

describe('textEdit: the characters that differ between two texts', () => {
  it('finds a deleted, an inserted and a replaced run', () => {
    expect(textEdit('依法行政。', '依行政。')).toEqual({ at: 1, remove: 1, insert: '' });
    expect(textEdit('审查13次', '审查123次')).toEqual({ at: 3, remove: 0, insert: '2' });
    expect(textEdit('化解率98%', '化解率98.3%')).toEqual({ at: 5, remove: 0, insert: '.3' });
    expect(textEdit('二〇二四年', '二〇二五年')).toEqual({ at: 3, remove: 1, insert: '五' });
  });

  it('handles whole, empty and repeated texts', () => {
    expect(textEdit('', '镇')).toEqual({ at: 0, remove: 0, insert: '镇' });
    expect(textEdit('镇', '')).toEqual({ at: 0, remove: 1, insert: '' });
    expect(textEdit('法法治', '法治')).toEqual({ at: 1, remove: 1, insert: '' });
    expect(textEdit('abc', 'xyz')).toEqual({ at: 0, remove: 3, insert: 'xyz' });
  });
});

/** An editor with one paragraph of `text`, and the page's caret (a live Range) at `caret` in its DOM text. */
function editorWith(text: string, caret: number) {
  writeTextChangesInPlace();
  const root = document.createElement('div');
  root.contentEditable = 'true';
  document.body.append(root);
  const editor = createEditor({
    namespace: 'test',
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root);
  editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(text))), { discrete: true });
  const domText = root.querySelector('span')!.firstChild as Text;
  const range = document.createRange();
  range.setStart(domText, caret);
  range.collapse(true);
  const edit = (change: (node: TextNode) => void) =>
    editor.update(
      () => {
        const node = $getRoot().getFirstDescendant();
        if ($isTextNode(node)) change(node);
      },
      { discrete: true },
    );
  return { root, domText, range, edit };
}

describe('writeTextChangesInPlace: a text change keeps the page caret where the clerk is', () => {
  it('a Backspace in the middle: the same DOM text, the caret one character back (not at the start)', () => {
    const { root, domText, range, edit } = editorWith('全年集中学法十次。', 6);
    edit((node) => node.spliceText(5, 1, '', true));
    expect(root.textContent).toBe('全年集中学十次。');
    expect(root.querySelector('span')!.firstChild).toBe(domText);
    expect([range.startContainer, range.startOffset]).toEqual([domText, 5]);
  });

  it('a Delete and a replacement elsewhere in the text leave the caret alone', () => {
    const { root, domText, range, edit } = editorWith('审查13次，提出意见20条。', 2);
    edit((node) => node.spliceText(2, 1, '', true));
    expect([range.startContainer, range.startOffset]).toEqual([domText, 2]);
    edit((node) => node.setTextContent(node.getTextContent().replace('20', '25')));
    expect(root.textContent).toBe('审查3次，提出意见25条。');
    expect([range.startContainer, range.startOffset]).toEqual([domText, 2]);
  });

  it('leaves formatted text to Lexical, which still writes it right', () => {
    const { root, edit } = editorWith('依法行政', 2);
    edit((node) => node.toggleFormat('bold'));
    edit((node) => node.setTextContent('依法治镇'));
    expect(root.textContent).toBe('依法治镇');
    expect(root.querySelector('strong')).not.toBeNull();
  });
});
