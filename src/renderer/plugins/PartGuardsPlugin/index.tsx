/**
 * What keeps the parts of the one document editor whole: every top-level node is a part, a part always
 * holds a block to type into, Backspace/Delete at a part's edge do not reach into its neighbour (its
 * heading and number stay), and an edit over a selection that spans parts removes the selected text of
 * each part but never a part itself.
 */
import { copyToClipboard } from '@lexical/clipboard';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_LEFT_COMMAND,
  KEY_ARROW_RIGHT_COMMAND,
  KEY_ARROW_UP_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  REMOVE_TEXT_COMMAND,
  RootNode,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
} from 'lexical';
import { useEffect } from 'react';
import { $partByKey, $partOf } from '../../editor/blocks';
import { $createPartNode, $isPartNode, PartNode } from '../../nodes/PartNode';
import { isImeKey } from '../ImeSafeKeysPlugin';

/** The part a selection point is in; a point on the root (Ctrl+A) stands for the part at its offset. */
function $pointPart(point: PointType, isEnd: boolean): { part: PartNode | null; whole: boolean } {
  const node = point.getNode();
  const part = $partOf(node);
  if (part) return { part, whole: false };
  const children = $getRoot().getChildren().filter($isPartNode);
  if (children.length === 0) return { part: null, whole: true };
  const at = Math.min(Math.max(isEnd ? point.offset - 1 : point.offset, 0), children.length - 1);
  return { part: children[at] ?? null, whole: true };
}

function $emptyPart(part: PartNode): void {
  const paragraph = $createParagraphNode();
  part.clear().append(paragraph);
  paragraph.selectStart();
}

/** Remove [from, to) inside one part with Lexical's own removal (a single shadow root). */
function $removeWithin(from: Point, to: Point): void {
  const range = $createRangeSelection();
  range.anchor.set(from.key, from.offset, from.type);
  range.focus.set(to.key, to.offset, to.type);
  $setSelection(range);
  range.removeText();
}

/**
 * When the selection spans parts: delete the selected text part by part, keeping every part (and its
 * heading), and leave the caret where the selection began. Returns false when it did not span parts.
 */
export function $collapseAcrossParts(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return false;
  const [start, end] = selection.isBackward()
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus];
  const first = $pointPart(start, false);
  const last = $pointPart(end, true);
  if (!first.part || !last.part || first.part.is(last.part)) {
    if (!first.whole && !last.whole) return false;
  }
  if (!first.part || !last.part) return false;
  const startPoint: Point = { key: start.key, offset: start.offset, type: start.type };
  const endPoint: Point = { key: end.key, offset: end.offset, type: end.type };
  const parts = $getRoot().getChildren().filter($isPartNode);
  const from = parts.findIndex((p) => p.is(first.part));
  const to = parts.findIndex((p) => p.is(last.part));
  // The last part first, so the start point's node and offset still hold afterwards.
  for (let i = to; i >= from; i--) {
    const part = parts[i]!;
    const headWhole = i > from || first.whole;
    const tailWhole = i < to || last.whole;
    if (headWhole && tailWhole) {
      $emptyPart(part);
      continue;
    }
    const partStart = part.getFirstDescendant<LexicalNode>();
    const partEnd = part.getLastDescendant<LexicalNode>();
    const a = headWhole ? $edge(part, partStart, false) : startPoint;
    const b = tailWhole ? $edge(part, partEnd, true) : endPoint;
    $removeWithin(a, b);
  }
  if (!first.whole) {
    const caret = $createRangeSelection();
    caret.anchor.set(startPoint.key, startPoint.offset, startPoint.type);
    caret.focus.set(startPoint.key, startPoint.offset, startPoint.type);
    if (caret.anchor.getNode().isAttached()) $setSelection(caret);
  } else {
    parts[from]!.selectStart();
  }
  return true;
}

type Point = { key: string; offset: number; type: 'text' | 'element' };

/** A point at the start or end of a node: text in a text node, else a position in an element. */
function $edge(part: PartNode, node: LexicalNode | null, atEnd: boolean): Point {
  if (!node) return { key: part.getKey(), offset: atEnd ? part.getChildrenSize() : 0, type: 'element' };
  if ($isTextNode(node)) return { key: node.getKey(), offset: atEnd ? node.getTextContentSize() : 0, type: 'text' };
  if ($isElementNode(node)) return { key: node.getKey(), offset: atEnd ? node.getChildrenSize() : 0, type: 'element' };
  // A table (decorator): a position beside it in its parent.
  const parent = node.getParentOrThrow();
  return { key: parent.getKey(), offset: node.getIndexWithinParent() + (atEnd ? 1 : 0), type: 'element' };
}

/** True when the caret sits at the very start (or end) of its part. */
function $atPartEdge(atEnd: boolean, keepSubheadingRule = true): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const part = $partOf(selection.anchor.getNode());
  if (!part) return false;
  const block = atEnd ? part.getLastChild() : part.getFirstChild();
  if (!block) return true;
  if (!$isElementNode(block)) return false;
  const anchor = selection.anchor;
  const node = anchor.getNode();
  if (!(node.is(block) || block.isParentOf(node))) return false;
  // A sub-heading first in its part still turns back into body text on Backspace (SubheadingNode).
  if (keepSubheadingRule && !atEnd && block.getType() === 'subheading') return false;
  if (anchor.type === 'element') return node.is(block) && anchor.offset === (atEnd ? block.getChildrenSize() : 0);
  const edgeText = atEnd ? block.getLastDescendant() : block.getFirstDescendant();
  return node.is(edgeText) && anchor.offset === (atEnd ? node.getTextContentSize() : 0);
}

/** Is the DOM caret on the first (or last) line of the block element? An empty block is one line. */
function caretOnEdgeLine(blockElement: HTMLElement, last: boolean): boolean {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return true;
  const rects = selection.getRangeAt(0).getClientRects();
  const caret = rects.length ? rects[rects.length - 1]! : null;
  if (!caret || caret.height === 0) return true;
  const box = blockElement.getBoundingClientRect();
  return last ? caret.bottom > box.bottom - caret.height / 2 : caret.top < box.top + caret.height / 2;
}

/** ↑ on the first line of a part's text goes up to its heading field (caret at its end), as in Word. */
function $upToHeading(editor: LexicalEditor, part: PartNode, node: LexicalNode): boolean {
  const block = node.getTopLevelElement() ?? node;
  if (!block.is(part.getFirstChild())) return false;
  const element = editor.getElementByKey(block.getKey());
  if (!element || !caretOnEdgeLine(element, false)) return false;
  const field = document.getElementById(`heading-${part.getSectionKey()}`);
  if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) return false;
  // After this key's update: the editor would otherwise take the focus back.
  setTimeout(() => {
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  });
  return true;
}

/**
 * Arrow keys at a part's edge go on into the next (or previous) part. The browser alone would stop at
 * the part's header (its heading field is not text) or put the caret between parts.
 */
function $crossPart(editor: LexicalEditor, event: KeyboardEvent | null, forward: boolean, byLine: boolean): boolean {
  if (
    !event ||
    isImeKey(event) ||
    editor.isComposing() ||
    event.shiftKey ||
    event.altKey ||
    event.ctrlKey ||
    event.metaKey
  )
    return false;
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const part = $partOf(selection.anchor.getNode());
  if (!part) return false;
  if (!forward && byLine && $upToHeading(editor, part, selection.anchor.getNode())) {
    event.preventDefault();
    return true;
  }
  const neighbour = forward ? part.getNextSibling() : part.getPreviousSibling();
  if (!$isPartNode(neighbour)) return false;
  if (byLine) {
    const block = selection.anchor.getNode().getTopLevelElement() ?? selection.anchor.getNode();
    if (!block.is(forward ? part.getLastChild() : part.getFirstChild())) return false;
    const element = editor.getElementByKey(block.getKey());
    if (!element || !caretOnEdgeLine(element, forward)) return false;
  } else if (!$atPartEdge(forward, false)) return false;
  event.preventDefault();
  if (forward) neighbour.selectStart();
  else neighbour.selectEnd();
  return true;
}

/**
 * The document's shape: every top-level node is a part, and no part is empty. Registered on the editor
 * before its content is built (ReportEditor's initial state), so the content is normalised as it is built:
 * a transform registered later makes Lexical mark every part dirty and run a whole-document update on
 * mount (a forced layout, every part read again, a second check), for nothing.
 */
export function registerPartTransforms(editor: LexicalEditor): () => void {
  return mergeRegister(
    // Every top-level node is a part: anything that lands at the root joins the part before it.
    editor.registerNodeTransform(RootNode, (root) => {
      let previous: PartNode | null = null;
      for (const child of root.getChildren()) {
        if ($isPartNode(child)) {
          previous = child;
          continue;
        }
        if (!previous) {
          // Before the first part: it becomes the opening (a key of its own if an opening exists further on).
          previous = $createPartNode($partByKey('opening') ? `opening-${child.getKey()}` : 'opening', 'opening', '');
          child.insertBefore(previous);
        }
        previous.append(child);
      }
    }),
    editor.registerNodeTransform(PartNode, (part) => {
      if (part.getChildrenSize() === 0) part.append($createParagraphNode());
    }),
  );
}

/** The keys and commands that keep each part whole: its edges hold, a selection across parts is cut to text. */
export function registerPartGuards(editor: LexicalEditor): () => void {
  const spanning = () => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || selection.isCollapsed()) return false;
    const a = $partOf(selection.anchor.getNode());
    const b = $partOf(selection.focus.getNode());
    return !a || !b || !a.is(b);
  };
  const deleting = () => (spanning() ? $collapseAcrossParts() : false);
  return mergeRegister(
    editor.registerCommand(
      KEY_BACKSPACE_COMMAND,
      (event) => {
        if (isImeKey(event) || editor.isComposing()) return false;
        if (spanning() || !$atPartEdge(false)) return false;
        event?.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      KEY_DELETE_COMMAND,
      (event) => {
        if (isImeKey(event) || editor.isComposing()) return false;
        if (spanning() || !$atPartEdge(true)) return false;
        event?.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      KEY_ARROW_DOWN_COMMAND,
      (event) => $crossPart(editor, event, true, true),
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      KEY_ARROW_UP_COMMAND,
      (event) => $crossPart(editor, event, false, true),
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      KEY_ARROW_RIGHT_COMMAND,
      (event) => $crossPart(editor, event, true, false),
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      KEY_ARROW_LEFT_COMMAND,
      (event) => $crossPart(editor, event, false, false),
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(DELETE_CHARACTER_COMMAND, deleting, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(DELETE_WORD_COMMAND, deleting, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(DELETE_LINE_COMMAND, deleting, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(REMOVE_TEXT_COMMAND, deleting, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(
      INSERT_PARAGRAPH_COMMAND,
      () => {
        if (spanning()) $collapseAcrossParts();
        return false;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      CONTROLLED_TEXT_INSERTION_COMMAND,
      (payload) => {
        // A double click on an empty paragraph selects its paragraph break up to the next block: typing
        // then would pull the next sub-heading into the paragraph ("28份。（三）…"). A selection of no
        // characters is typed at its start instead, as Word keeps the paragraph mark.
        const current = $getSelection();
        if (
          $isRangeSelection(current) &&
          !current.isCollapsed() &&
          current.getTextContent().replace(/\n/g, '') === ''
        ) {
          const start = current.isBackward() ? current.focus : current.anchor;
          current.anchor.set(start.key, start.offset, start.type);
          current.focus.set(start.key, start.offset, start.type);
          return false;
        }
        if (!spanning()) return false;
        $collapseAcrossParts();
        const text = typeof payload === 'string' ? payload : (payload.data ?? '');
        if (typeof payload !== 'string') payload.preventDefault();
        const selection = $getSelection();
        if (text && $isRangeSelection(selection)) selection.insertText(text);
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      CUT_COMMAND,
      (event) => {
        if (!spanning()) return false;
        const clipboardEvent = event instanceof ClipboardEvent ? event : null;
        void copyToClipboard(editor, clipboardEvent).then(() => editor.update(() => void $collapseAcrossParts()));
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
  );
}

export function PartGuardsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerPartGuards(editor), [editor]);
  return null;
}
