/**
 * A part's text is laid out and painted only while it is near the screen (`content-visibility: auto` on the
 * part body, styles.css): a keystroke then costs Chromium's layout and paint of what is on screen, not of a
 * whole 30,000-character report. Two things follow, both here:
 * - Until a part has been on screen its height is an estimate, given from its length when the part is
 *   created, so that the scroll bar and a jump to a far part start about right; once shown, the browser
 *   remembers its real height (`auto`).
 * - Chromium's own Ctrl+End / Ctrl+Home stop at the edge of a part it has not laid out (the caret landed at
 *   the start of the last part, and the clerk's typing with it): those keys go to the report's ends here.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $onUpdate,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import { $isPartNode, PartNode } from '../../nodes/PartNode';
import { isImeKey } from '../ImeSafeKeysPlugin';

/** Characters on a line of the page at 三号 (the page's text width over the font size), and a line's height in em. */
const CHARS_PER_LINE = 30;
const LINE_EM = 1.8;

/** The body's height in em for a part of `chars` characters in `blocks` paragraphs: each paragraph ends a line. */
export function estimatedPartHeightEm(chars: number, blocks: number): number {
  const lines = Math.max(1, Math.ceil(chars / CHARS_PER_LINE) + Math.ceil(blocks / 2));
  return Math.round(lines * LINE_EM * 10) / 10;
}

/**
 * Ctrl+Home / Ctrl+End (with Shift: extending the selection) to the report's first or last character, and
 * that place into view (the browser's own scroll to a caret misses one in an empty paragraph: no line box).
 */
function $toReportEdge(editor: LexicalEditor, toEnd: boolean, extend: boolean): boolean {
  const before = $getSelection();
  if (!$isRangeSelection(before)) return false;
  const { key, offset, type } = before.anchor;
  const edge = toEnd ? $getRoot().selectEnd() : $getRoot().selectStart();
  if (extend) edge.anchor.set(key, offset, type);
  const focusKey = edge.focus.getNode().getKey();
  $onUpdate(() => {
    const element = editor.getElementByKey(focusKey);
    (element?.nodeType === 1 ? element : element?.parentElement)?.scrollIntoView({ block: 'nearest' });
  });
  return true;
}

export function registerOffscreenParts(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerMutationListener(
      PartNode,
      (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            if (mutation !== 'created') continue;
            const part = $getNodeByKey(key);
            const body = editor.getElementByKey(key)?.lastElementChild as HTMLElement | null | undefined;
            if (!$isPartNode(part) || !body) continue;
            const em = estimatedPartHeightEm(part.getTextContentSize(), part.getChildrenSize());
            body.style.setProperty('--part-estimate', `${em}em`);
          }
        });
      },
      { skipInitialization: false },
    ),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (isImeKey(event) || editor.isComposing()) return false;
        if (!(event.ctrlKey || event.metaKey) || event.altKey) return false;
        if (event.key !== 'End' && event.key !== 'Home') return false;
        if (!$toReportEdge(editor, event.key === 'End', event.shiftKey)) return false;
        event.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
  );
}

export function OffscreenPartsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerOffscreenParts(editor), [editor]);
  return null;
}
