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
  $getNodeByKey,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  COMMAND_PRIORITY_CRITICAL,
  HISTORIC_TAG,
  REDO_COMMAND,
  UNDO_COMMAND,
  type EditorState,
  type LexicalEditor,
  type RangeSelection,
} from 'lexical';
import { createContext, useContext, useEffect, useState } from 'react';
import { SessionHistory } from '../../editor/sessionHistory';

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
      else if (contentChanged(prevEditorState, editorState, dirtyLeaves, dirtyElements))
        lastEditEnd = editorState.read(() => {
          const selection = $getSelection();
          return $isRangeSelection(selection) ? selection.clone() : null;
        });
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
