/**
 * Pasting from Word, WPS or a web page brings fonts, colours and tables the report must not carry:
 * reduce every paste to its plain text, one paragraph per line.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_CRITICAL, PASTE_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { $collapseAcrossParts } from '../PartGuardsPlugin';

export function pastedLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\t\u00a0]+/g, ' ').trim())
    .filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1 && all[i - 1] !== ''))
    .filter((l) => l !== '');
}

const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'TR',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TABLE',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'SECTION',
  'ARTICLE',
  'PRE',
]);

/** Text of pasted HTML, one line per block, for the rare source that offers no plain text. */
export function htmlToText(html: string): string {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out.push((node.textContent ?? '').replace(/\s+/g, ' '));
    else if (node.nodeName === 'BR') out.push('\n');
    else if (node.nodeName === 'TD' || node.nodeName === 'TH') {
      node.childNodes.forEach(walk);
      out.push('\t');
    } else if (!['SCRIPT', 'STYLE', 'TEMPLATE', 'HEAD'].includes(node.nodeName)) {
      const block = BLOCKS.has(node.nodeName);
      if (block) out.push('\n');
      node.childNodes.forEach(walk);
      if (block) out.push('\n');
    }
  };
  walk(body);
  return out.join('');
}

/**
 * Insert lines at the caret: the first continues the current paragraph, each further one starts a new
 * paragraph (splitting at the caret, as typing Enter would). selection.insertNodes() with paragraph nodes
 * merges them all into the current paragraph, so it is not used.
 */
export function $insertPlainLines(lines: readonly string[]): void {
  lines.forEach((line, i) => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (i > 0) selection.insertParagraph();
    $getSelection()?.insertText(line);
  });
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
          const plain = data.getData('text/plain');
          const html = plain.trim() ? '' : data.getData('text/html');
          const lines = pastedLines(html ? htmlToText(html) : plain);
          if (lines.length === 0) return true;
          editor.update(() => {
            // Pasting over a selection that spans parts replaces its text part by part, never a part.
            $collapseAcrossParts();
            $insertPlainLines(lines);
          });
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor],
  );
  return null;
}
