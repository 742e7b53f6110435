/**
 * Keys that must never fight the IME: an Enter that confirms a candidate is the IME's, not a new
 * paragraph. Also keeps the document plain: no bold/italic (GB/T 9704 has none) and no soft line breaks
 * (one paragraph is one block). And every key acts where the caret is on screen: see `$caretFromPage`.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_CRITICAL,
  FORMAT_TEXT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_ENTER_COMMAND,
  type LexicalEditor,
  type PointType,
} from 'lexical';
import { useEffect } from 'react';

/** True while an input method is composing: the key belongs to the IME. */
export function isImeKey(event: KeyboardEvent | null | undefined): boolean {
  return !!event && (event.isComposing || event.keyCode === 229);
}

const samePoint = (a: PointType, b: PointType) => a.key === b.key && a.offset === b.offset && a.type === b.type;

/**
 * Lexical learns of a caret the browser moved (Home, an arrow, a click) from selectionchange, which Chromium
 * may run after the next key when the machine is busy (input comes first): that key (Delete, Backspace, an
 * arrow at a part's edge) would act where the caret was before. So a key first takes the page's caret, when
 * it differs; nothing changes when they agree, as nearly always.
 */
function $caretFromPage(editor: LexicalEditor): void {
  const page = editor._window?.getSelection() ?? null;
  const root = editor.getRootElement();
  // Only the text's caret: a field inside the document (a heading, a table cell) keeps its own.
  if (!page || !root || root.ownerDocument.activeElement !== root || !root.contains(page.anchorNode)) return;
  const known = $getSelection();
  const now = $createRangeSelectionFromDom(page, editor);
  if (!now) return;
  if ($isRangeSelection(known) && samePoint(known.anchor, now.anchor) && samePoint(known.focus, now.focus)) return;
  $setSelection(now);
}

/** The key guards on their own, so tests can run them on a headless editor. */
export function registerImeSafeKeys(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (!isImeKey(event) && !editor.isComposing()) $caretFromPage(editor);
        return false;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      KEY_ENTER_COMMAND,
      (event) => {
        if (isImeKey(event) || editor.isComposing()) return true;
        if (event?.shiftKey) {
          event.preventDefault();
          return editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined);
        }
        return false;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      INSERT_LINE_BREAK_COMMAND,
      () => editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined),
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(FORMAT_TEXT_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
  );
}

export function ImeSafeKeysPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerImeSafeKeys(editor), [editor]);
  return null;
}
