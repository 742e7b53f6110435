/**
 * The editor's part of the session's one undo history (editor/sessionHistory.ts): Lexical's HistoryPlugin
 * keeps the editor states as before; each new step it records is announced to the session, and every undo
 * or redo — Ctrl+Z/Ctrl+Y in the text, the 编辑 menu (beforeinput historyUndo) — goes through the session,
 * which undoes whichever came last, the text or a side form.
 */
import { createEmptyHistoryState } from '@lexical/history';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { mergeRegister } from '@lexical/utils';
import {
  $createRangeSelection,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_CRITICAL,
  HISTORIC_TAG,
  REDO_COMMAND,
  UNDO_COMMAND,
  type EditorState,
  type ElementNode,
  type LexicalEditor,
  type PointType,
  type RangeSelection,
} from 'lexical';
import { createContext, useContext, useEffect, useState } from 'react';
import { SessionHistory } from '../../editor/sessionHistory';
import { $isPartNode } from '../../nodes/PartNode';

/** The open report's history (App makes one per loaded report). */
export const SessionHistoryContext = createContext<SessionHistory | null>(null);

type LexicalHistoryState = ReturnType<typeof createEmptyHistoryState>;

/** What a node is, its children aside; the format a caret carries into an empty paragraph is not content. */
function $shape(key: string): string | null {
  const node = $getNodeByKey(key);
  if (!node) return null;
  const { textFormat: _format, textStyle: _style, ...json } = node.exportJSON() as Record<string, unknown>;
  return JSON.stringify([json, $isElementNode(node) ? node.getChildrenKeys() : null]);
}

/**
 * Did this update change the report's content, not just the caret? Lexical marks the paragraph a click
 * lands in as changed (it takes the caret's format), so the dirty nodes alone do not say.
 */
function contentChanged(
  prev: EditorState,
  next: EditorState,
  dirtyLeaves: ReadonlySet<string>,
  dirtyElements: ReadonlyMap<string, unknown>,
): boolean {
  for (const key of [...dirtyLeaves, ...dirtyElements.keys()])
    if (prev.read(() => $shape(key)) !== next.read(() => $shape(key))) return true;
  return false;
}

/** The block of the text a point is in (a paragraph or sub-heading of a part), if any. */
function $blockOf(point: PointType): ElementNode | null {
  const block = point.getNode().getTopLevelElement();
  return block && $isPartNode(block.getParent()) ? block : null;
}

/** How many characters of its block's text precede a point. */
function $offsetInBlock(block: ElementNode, point: PointType): number {
  const node = point.getNode();
  if ($isTextNode(node)) {
    let before = 0;
    for (const text of block.getAllTextNodes()) {
      if (text.is(node)) return before + point.offset;
      before += text.getTextContentSize();
    }
    return before;
  }
  // An element point: the text before that element, and of its children before the offset.
  if (!$isElementNode(node)) return 0;
  const outside = node.is(block)
    ? 0
    : block
        .getAllTextNodes()
        .filter((text) => text.isBefore(node))
        .reduce((n, text) => n + text.getTextContentSize(), 0);
  return (
    outside +
    node
      .getChildren()
      .slice(0, point.offset)
      .reduce((n, child) => n + child.getTextContentSize(), 0)
  );
}

/** A collapsed caret `offset` characters into a block's text (at its end past the last character). */
function $caretIn(block: ElementNode, offset: number): RangeSelection {
  const selection = $createRangeSelection();
  let rest = offset;
  const texts = block.getAllTextNodes();
  for (const text of texts) {
    const size = text.getTextContentSize();
    if (rest <= size) {
      selection.anchor.set(text.getKey(), rest, 'text');
      selection.focus.set(text.getKey(), rest, 'text');
      return selection;
    }
    rest -= size;
  }
  const last = texts.at(-1);
  if (last) {
    selection.anchor.set(last.getKey(), last.getTextContentSize(), 'text');
    selection.focus.set(last.getKey(), last.getTextContentSize(), 'text');
  } else {
    selection.anchor.set(block.getKey(), 0, 'element');
    selection.focus.set(block.getKey(), 0, 'element');
  }
  return selection;
}

/**
 * Where `to` differs from `from`: the first block of the document (in `to`; only the `among` keys, when given)
 * whose text is not the same, and the range of its text that differs — after a common beginning and
 * before a common end. Null when no block's text differs (a part heading or a table changed).
 */
function changeIn(
  from: EditorState,
  to: EditorState,
  among?: ReadonlySet<string>,
): { block: string; start: number; end: number } | null {
  const blockKeys = to.read(() =>
    $getRoot()
      .getChildren()
      .filter($isPartNode)
      .flatMap((part) => part.getChildren().filter($isElementNode))
      .map((block) => block.getKey())
      .filter((key) => !among || among.has(key)),
  );
  const before = from.read(() => blockKeys.map((key) => $getNodeByKey(key)?.getTextContent()));
  return to.read(() => {
    for (let i = 0; i < blockKeys.length; i++) {
      const text = $getNodeByKey(blockKeys[i]!)!.getTextContent();
      const old = before[i];
      if (old === text) continue;
      if (old === undefined) return { block: blockKeys[i]!, start: 0, end: text.length };
      let start = 0;
      while (start < old.length && start < text.length && old[start] === text[start]) start++;
      let same = 0;
      while (same < old.length - start && same < text.length - start && old.at(-1 - same) === text.at(-1 - same))
        same++;
      return { block: blockKeys[i]!, start, end: text.length - same };
    }
    return null;
  });
}

/**
 * The selection `to` should come with, so that the caret is at the change from `from`, as in Word: `to`'s own
 * when it is there already (where typing began or ended), else a caret after the changed text — a fix
 * clicked in the findings panel, or 全部改正, changed words away from the caret. Null: keep `to`'s own.
 */
function caretAtChange(from: EditorState, to: EditorState, among?: ReadonlySet<string>): RangeSelection | null {
  const change = changeIn(from, to, among);
  if (!change) return null;
  return to.read(() => {
    const selection = $getSelection();
    const block = $getNodeByKey<ElementNode>(change.block)!;
    if ($isRangeSelection(selection) && $blockOf(selection.focus)?.is(block)) {
      const at = $offsetInBlock(block, selection.focus);
      if (at >= change.start && at <= change.end) return null;
    }
    return $caretIn(block, change.end);
  });
}

/** Connects an editor and its Lexical history state to the session; returns the cleanup. */
export function registerSessionHistory(
  editor: LexicalEditor,
  state: LexicalHistoryState,
  history: SessionHistory,
): () => void {
  let known = state.undoStack.length;
  /** While the session itself runs the editor's undo/redo, the commands go to Lexical's history. */
  let passing = false;
  /**
   * Where each state's last change of the text left the caret. Lexical merges later caret moves into the
   * step, so a redone step would put the caret wherever it went afterwards; Word puts it after the redone text.
   */
  const editEnd = new WeakMap<EditorState, RangeSelection | null>();
  let lastEditEnd: RangeSelection | null = null;
  const run = (command: typeof UNDO_COMMAND | typeof REDO_COMMAND) => {
    passing = true;
    try {
      if (command === UNDO_COMMAND) {
        // The state to go back to comes with the caret at the undone change, wherever the caret is now.
        const entry = state.undoStack.at(-1);
        const caret =
          entry && entry.editor === editor ? caretAtChange(editor.getEditorState(), entry.editorState) : null;
        if (entry && caret) {
          const moved = entry.editorState.clone(caret);
          editEnd.set(moved, editEnd.get(entry.editorState) ?? null);
          entry.editorState = moved;
        }
      }
      if (command === REDO_COMMAND) {
        // The step to redo comes back with the caret where its last change of the text left it.
        const entry = state.redoStack.at(-1);
        const end = entry && entry.editor === editor ? editEnd.get(entry.editorState) : null;
        if (entry && end) {
          const moved = entry.editorState.clone(end.clone());
          editEnd.set(moved, end);
          entry.editorState = moved;
        }
      }
      editor.dispatchCommand(command, undefined);
      // The caret goes to the change, as in Word, also when Ctrl+Z was pressed in a side field.
      const root = editor.getRootElement();
      if (root && !root.contains(document.activeElement)) editor.focus();
    } finally {
      passing = false;
      // Lexical moved its stacks synchronously: a redo grows the undo stack without being a new step.
      known = state.undoStack.length;
    }
  };
  history.attachEditor({ undo: () => run(UNDO_COMMAND), redo: () => run(REDO_COMMAND) });
  return mergeRegister(
    // Registered after HistoryPlugin's own listener, so its stacks are up to date here.
    editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, dirtyLeaves, tags }) => {
      if (tags.has(HISTORIC_TAG)) lastEditEnd = editEnd.get(editorState) ?? lastEditEnd;
      else if (contentChanged(prevEditorState, editorState, dirtyLeaves, dirtyElements)) {
        // Typing: the caret is in a changed block, after the change. A change made from elsewhere (a fix in
        // the findings panel, 全部改正) ends where its changed text ends: a redo puts the caret there.
        const typing = editorState.read(() => {
          const selection = $getSelection();
          return $isRangeSelection(selection) && dirtyElements.has($blockOf(selection.focus)?.getKey() ?? '');
        });
        const caret = typing ? null : caretAtChange(prevEditorState, editorState, new Set(dirtyElements.keys()));
        lastEditEnd =
          caret ??
          editorState.read(() => {
            const selection = $getSelection();
            return $isRangeSelection(selection) ? selection.clone() : null;
          });
      }
      // A caret move keeps the end of the change it follows.
      if (!editEnd.has(editorState)) editEnd.set(editorState, lastEditEnd);
      const length = state.undoStack.length;
      // The session's own undo/redo may commit right away, inside run(): never a new step.
      if (!passing && length > known) for (let i = known; i < length; i++) history.editorStep();
      known = length;
    }),
    editor.registerCommand(
      UNDO_COMMAND,
      () => {
        if (passing) return false;
        history.undo();
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      REDO_COMMAND,
      () => {
        if (passing) return false;
        history.redo();
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    () => history.attachEditor(null),
  );
}

/** In place of HistoryPlugin: the same history, shared with the session's. */
export function SessionHistoryPlugin() {
  const [editor] = useLexicalComposerContext();
  const history = useContext(SessionHistoryContext);
  const [state] = useState(createEmptyHistoryState);
  useEffect(() => {
    // The report as opened is the state the first change is undone to. Lexical's history takes the state of
    // the first update it sees as that baseline, so without this the first change after opening (a 忽略, a
    // part added from the outline, before any click in the text) could not be undone.
    if (state.current === null) state.current = { editor, editorState: editor.getEditorState() };
    return history ? registerSessionHistory(editor, state, history) : undefined;
  }, [editor, state, history]);
  return <HistoryPlugin externalHistoryState={state} />;
}
