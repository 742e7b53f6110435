/**
 * The app's own confirm and prompt: Electron implements neither window.prompt nor a styled confirm, so
 * every question goes through this dialog (eslint forbids the browser's). Enter answers yes, Escape no;
 * an Enter that confirms an IME candidate is left to the IME. useModal gives every dialog of the app the
 * same keyboard: focus moves in, Tab stays inside, Escape closes, focus goes back where it was.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import { isImeKey } from '../plugins/ImeSafeKeysPlugin';

export interface AskOptions {
  title: string;
  message: string;
  /** Label of the yes button (default 确定). */
  confirm?: string;
  /** Label of the no button (default 取消). */
  cancel?: string;
  /** With a text field: the answer is its text, or null when cancelled. */
  input?: { label: string; value: string };
  /** A third answer between yes and cancel (不保存): answered as ALTERNATIVE. */
  alternative?: string;
}

const ALTERNATIVE = '\u0000alternative';

/** The answer to 保存 / 不保存 / 取消. */
export type SaveChoice = 'save' | 'discard' | 'cancel';

interface Question extends AskOptions {
  resolve: (answer: string | null) => void;
}

interface Dialogs {
  /** Resolves true when the clerk confirms. */
  confirm: (options: Omit<AskOptions, 'input'>) => Promise<boolean>;
  /** Resolves with the text typed, or null when cancelled. */
  prompt: (options: AskOptions & { input: { label: string; value: string } }) => Promise<string | null>;
  /** Word's question before leaving unsaved work: 保存 (focused, so Enter saves) / 不保存 / 取消 (Escape). */
  askSave: (options: { title: string; message: string }) => Promise<SaveChoice>;
}

const DialogContext = createContext<Dialogs | null>(null);

export function useDialogs(): Dialogs {
  const dialogs = useContext(DialogContext);
  if (!dialogs) throw new Error('useDialogs outside DialogProvider');
  return dialogs;
}

export function DialogProvider({ children }: { children: ReactNode }) {
  const [queue, setQueue] = useState<Question[]>([]);
  const ask = useCallback(
    (options: AskOptions) => new Promise<string | null>((resolve) => setQueue((q) => [...q, { ...options, resolve }])),
    [],
  );
  const dialogs = useRef<Dialogs>({
    confirm: (options) => ask(options).then((answer) => answer !== null),
    prompt: (options) => ask(options),
    askSave: (options) =>
      ask({ ...options, confirm: '保存', alternative: '不保存', cancel: '取消' }).then((answer) =>
        answer === null ? 'cancel' : answer === ALTERNATIVE ? 'discard' : 'save',
      ),
  });
  const current = queue[0];
  const answer = (value: string | null) => {
    current?.resolve(value);
    setQueue((q) => q.slice(1));
  };
  return (
    <DialogContext.Provider value={dialogs.current}>
      {children}
      {current && <QuestionDialog key={queue.length + current.message} question={current} onAnswer={answer} />}
    </DialogContext.Provider>
  );
}

const FOCUSABLE =
  'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * The keyboard of a modal dialog: on opening, focus goes to `initial` (else the first field or button);
 * Tab and Shift+Tab go round inside; Escape calls onClose (not while an IME composes); on closing, focus
 * returns to what had it before, as after a system dialog. Spread the returned onKeyDown on the dialog.
 */
export function useModal(
  box: RefObject<HTMLElement | null>,
  onClose: () => void,
  initial?: RefObject<HTMLElement | null>,
): { onKeyDown: (event: ReactKeyboardEvent) => void } {
  const opener = useRef<Element | null>(document.activeElement);
  useEffect(() => {
    const target = initial?.current ?? box.current?.querySelector<HTMLElement>(FOCUSABLE) ?? box.current;
    target?.focus();
    if (target instanceof HTMLInputElement) target.select();
    const back = opener.current;
    return () => {
      if (!(back instanceof HTMLElement) || !back.isConnected) return;
      // A menu item closes with its menu: the focus goes back to the menu's button instead.
      const shown = back.offsetParent !== null ? back : back.closest('details')?.querySelector('summary');
      shown?.focus();
    };
    // Only on opening and closing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (isImeKey(event.nativeEvent)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab' && box.current) {
      const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.offsetParent !== null);
      if (items.length === 0) return event.preventDefault();
      const first = items[0]!;
      const last = items[items.length - 1]!;
      const at = document.activeElement;
      if (event.shiftKey && (at === first || !box.current.contains(at))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (at === last || !box.current.contains(at))) {
        event.preventDefault();
        first.focus();
      }
    }
  };
  return { onKeyDown };
}

/** One button of a dialog's foot row. */
export interface DialogButton {
  label: string;
  onClick: () => void;
  /** The dialog's answer (styled as such); Enter and the initial focus are the dialog's to give (useModal). */
  primary?: boolean;
  disabled?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * The foot row of every dialog: its buttons in the order given (each dialog keeps its own: 保存 / 不保存 / 取消
 * as Word asks, 取消 before 开始编辑 elsewhere); a button left out (false) is not shown. Keys stay with the
 * dialog's onKeyDown, so Escape, Enter and the IME guard are the same as before.
 */
export function DialogActions({ buttons }: { buttons: ReadonlyArray<DialogButton | false | null | undefined> }) {
  return (
    <div className="dialog-actions">
      {buttons.map(
        (button, index) =>
          button && (
            <button
              // By place: the row of a dialog is fixed, a button only shown or not.
              key={index}
              type="button"
              className={button.primary ? 'primary' : undefined}
              ref={button.ref}
              onClick={button.onClick}
              disabled={button.disabled}
            >
              {button.label}
            </button>
          ),
      )}
    </div>
  );
}

function QuestionDialog({ question, onAnswer }: { question: Question; onAnswer: (answer: string | null) => void }) {
  const [text, setText] = useState(question.input?.value ?? '');
  const yes = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const modal = useModal(box, () => onAnswer(null), question.input ? field : yes);
  const accept = () => onAnswer(question.input ? (text.trim() ? text.trim() : null) : '');
  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        className="dialog dialog-question"
        role="dialog"
        aria-modal="true"
        aria-label={question.title}
        onKeyDown={(event) => {
          modal.onKeyDown(event);
          if (event.defaultPrevented || isImeKey(event.nativeEvent)) return;
          if (event.key === 'Enter' && (event.target as HTMLElement).tagName !== 'BUTTON') {
            event.preventDefault();
            accept();
          }
        }}
      >
        <h2>{question.title}</h2>
        <p className="dialog-message">{question.message}</p>
        {question.input && (
          <label className="dialog-field">
            {question.input.label}
            <input ref={field} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
        )}
        <DialogActions
          buttons={[
            {
              label: question.confirm ?? '确定',
              primary: true,
              ref: yes,
              onClick: accept,
              disabled: !!question.input && !text.trim(),
            },
            !!question.alternative && { label: question.alternative, onClick: () => onAnswer(ALTERNATIVE) },
            { label: question.cancel ?? '取消', onClick: () => onAnswer(null) },
          ]}
        />
      </div>
    </div>
  );
}
