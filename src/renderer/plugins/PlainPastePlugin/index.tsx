/**
 * Pasting from Word, WPS or a web page brings fonts, colours and tables the report must not carry:
 * reduce every paste to its plain text, one paragraph per line.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createParagraphNode, $createTextNode, $getSelection, $isRangeSelection, COMMAND_PRIORITY_CRITICAL, PASTE_COMMAND } from 'lexical';
import { useEffect } from 'react';

export function pastedLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\t\u00a0]+/g, ' ').trim())
    .filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1 && all[i - 1] !== ''))
    .filter((l) => l !== '');
}

export function PlainPastePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          if (!data) return false;
          event.preventDefault();
          const lines = pastedLines(data.getData('text/plain'));
          if (lines.length === 0) return true;
          editor.update(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            selection.insertText(lines[0]!);
            if (lines.length > 1) {
              selection.insertNodes(lines.slice(1).map((line) => $createParagraphNode().append($createTextNode(line))));
            }
          });
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor],
  );
  return null;
}
