/**
 * Backspace and Delete of one plain character inside a text node, without the browser's caret measurement.
 * Lexical finds the extent of "one character" by moving the page's selection (Selection.modify), which
 * lays out the page first; in a 30,000-character report that is most of a keystroke's time. Where one
 * UTF-16 unit is certainly one character on screen (Chinese, kana, ASCII, full-width forms, with no
 * combining mark, joiner or selector beside it) the deletion is done in the model directly; anything else
 * (emoji, combining marks, the edge of a paragraph, a selection) goes the usual way.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_HIGH,
  DELETE_CHARACTER_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';

/** Characters that are a whole grapheme on their own. */
const SINGLE =
  /^[\u0020-\u007e\u00a0-\u02ff\u3000-\u303f\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]$/;
const MARK = /^\p{M}$/u;
/** What may join the character beside it into one grapheme: marks, joiners, selectors, surrogates, voicing marks. */
function joins(unit: string | undefined): boolean {
  if (unit === undefined) return false;
  const code = unit.charCodeAt(0);
  return (
    MARK.test(unit) ||
    code === 0x200c ||
    code === 0x200d ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0x3099 ||
    code === 0x309a ||
    code === 0xff9e ||
    code === 0xff9f ||
    (code >= 0xd800 && code <= 0xdfff)
  );
}

/**
 * The offset of the one character Backspace (`backward`) or Delete removes at `offset` in `text`, or null
 * when that character is not certainly a grapheme of its own or the caret is at the edge of the text.
 */
export function singleCharacterAt(text: string, offset: number, backward: boolean): number | null {
  const at = backward ? offset - 1 : offset;
  if (at < 0 || at >= text.length || !SINGLE.test(text[at]!)) return null;
  return joins(text[at - 1]) || joins(text[at + 1]) ? null : at;
}

export function registerQuickDelete(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    DELETE_CHARACTER_COMMAND,
    (backward) => {
      if (editor.isComposing()) return false;
      const selection = $getSelection();
      if (!$isRangeSelection(selection) || !selection.isCollapsed() || selection.anchor.type !== 'text') return false;
      const node = selection.anchor.getNode();
      // A node of one character goes the usual way: removing it empties the node, which Lexical tidies.
      if (!$isTextNode(node) || !node.isSimpleText() || node.getTextContentSize() < 2) return false;
      // The page's caret must be where the model's is: after arrow keys the model may not have caught up yet.
      const page = window.getSelection();
      const text = editor.getElementByKey(node.getKey())?.firstChild;
      if (!page?.isCollapsed || !text || page.anchorNode !== text || page.anchorOffset !== selection.anchor.offset)
        return false;
      const at = singleCharacterAt(node.getTextContent(), selection.anchor.offset, backward);
      if (at === null) return false;
      node.spliceText(at, 1, '', true);
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
}

export function QuickDeletePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerQuickDelete(editor), [editor]);
  return null;
}
