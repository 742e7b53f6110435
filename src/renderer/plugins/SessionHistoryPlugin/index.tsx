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
import { COMMAND_PRIORITY_CRITICAL, REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { createContext, useContext, useEffect, useState } from 'react';
import { SessionHistory } from '../../editor/sessionHistory';

/** The open report's history (App makes one per loaded report). */
export const SessionHistoryContext = createContext<SessionHistory | null>(null);

type LexicalHistoryState = ReturnType<typeof createEmptyHistoryState>;

/** Connects an editor and its Lexical history state to the session; returns the cleanup. */
export function registerSessionHistory(
  editor: LexicalEditor,
  state: LexicalHistoryState,
  history: SessionHistory,
): () => void {
  let known = state.undoStack.length;
  /** While the session itself runs the editor's undo/redo, the commands go to Lexical's history. */
  let passing = false;
  const run = (command: typeof UNDO_COMMAND | typeof REDO_COMMAND) => {
    passing = true;
    try {
      editor.dispatchCommand(command, undefined);
    } finally {
      passing = false;
      // Lexical moved its stacks synchronously: a redo grows the undo stack without being a new step.
      known = state.undoStack.length;
    }
  };
  history.attachEditor({ undo: () => run(UNDO_COMMAND), redo: () => run(REDO_COMMAND) });
  return mergeRegister(
    // Registered after HistoryPlugin's own listener, so its stacks are up to date here.
    editor.registerUpdateListener(() => {
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
  useEffect(() => (history ? registerSessionHistory(editor, state, history) : undefined), [editor, state, history]);
  return <HistoryPlugin externalHistoryState={state} />;
}
