/**
 * Keys that must never fight the IME: an Enter that confirms a candidate is the IME's, not a new
 * paragraph. Also keeps the document plain: no bold/italic (GB/T 9704 has none) and no soft line breaks
 * (one paragraph is one block).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  COMMAND_PRIORITY_CRITICAL,
  FORMAT_TEXT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  KEY_ENTER_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';

/** True while an input method is composing: the key belongs to the IME. */
export function isImeKey(event: KeyboardEvent | null | undefined): boolean {
  return !!event && (event.isComposing || event.keyCode === 229);
}

/** The key guards on their own, so tests can run them on a headless editor. */
export function registerImeSafeKeys(editor: LexicalEditor): () => void {
  return mergeRegister(
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
