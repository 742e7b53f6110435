/**
 * One undo history for the clerk: the document editor's steps (Lexical's own history, which keeps the
 * editor states) and the side forms' changes (报告信息, figures, closing lines), in the order they happened,
 * so Ctrl+Z and Ctrl+Y step back and forth through both as Word does. A field's typing is one step per pause
 * (as the editor's), and a whole IME composition is one step. No DOM and no Lexical here: the editor's
 * history is reached through `EditorHistory` (SessionHistoryPlugin), the forms through their own undo/redo.
 */

/** The editor's own undo and redo, one step each. */
export interface EditorHistory {
  undo(): void;
  redo(): void;
}

/** One change of a side form: `key` names the field(s), so typing on in the same field joins the step. */
export interface FieldChange {
  key: string;
  undo(): void;
  redo(): void;
}

type Step = { kind: 'editor' } | ({ kind: 'field'; at: number } & FieldChange);

/** A pause longer than this starts a new step: Lexical's HistoryPlugin default, so fields and text agree. */
export const STEP_PAUSE_MS = 1000;

export class SessionHistory {
  private done: Step[] = [];
  private undone: Step[] = [];
  private editor: EditorHistory | null = null;
  /** Counts undos and redos: what one of them does a frame later (focus its field) is dropped once another ran. */
  turn = 0;

  constructor(private readonly now: () => number = () => Date.now()) {}

  attachEditor(editor: EditorHistory | null): void {
    this.editor = editor;
  }

  /** The editor recorded a new step of its own (its undo stack grew by typing, a fix, 忽略 …). */
  editorStep(): void {
    this.done.push({ kind: 'editor' });
    this.undone = [];
  }

  /**
   * A side form changed. Joins the last step when it is the same field's, typed without a pause, or inside
   * one IME composition (`composing`): no step ends mid-composition.
   */
  fieldChange(change: FieldChange, options: { composing?: boolean } = {}): void {
    const at = this.now();
    const last = this.done.at(-1);
    if (last?.kind === 'field' && last.key === change.key && (options.composing || at - last.at < STEP_PAUSE_MS)) {
      last.redo = change.redo;
      last.at = at;
    } else {
      this.done.push({ kind: 'field', at, ...change });
    }
    this.undone = [];
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Undo the last step, the editor's or a field's; false when there is none. */
  undo(): boolean {
    const step = this.done.pop();
    if (!step) return false;
    this.turn++;
    if (step.kind === 'editor') this.editor?.undo();
    else step.undo();
    this.undone.push(step);
    // What is now the last step is closed too: typing after an undo never joins an older step.
    const last = this.done.at(-1);
    if (last?.kind === 'field') last.at = -Infinity;
    return true;
  }

  redo(): boolean {
    const step = this.undone.pop();
    if (!step) return false;
    this.turn++;
    if (step.kind === 'editor') this.editor?.redo();
    else step.redo();
    // A field step redone is closed: the next keystroke in that field starts a step of its own.
    this.done.push(step.kind === 'field' ? { ...step, at: -Infinity } : step);
    return true;
  }
}
