/**
 * The app's own confirm and prompt: Electron implements neither window.prompt nor a styled confirm, so
 * every question goes through this dialog (eslint forbids the browser's). Enter answers yes, Escape no;
 * an Enter that confirms an IME candidate is left to the IME.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
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
}

interface Question extends AskOptions {
  resolve: (answer: string | null) => void;
}

interface Dialogs {
  /** Resolves true when the clerk confirms. */
  confirm: (options: Omit<AskOptions, 'input'>) => Promise<boolean>;
  /** Resolves with the text typed, or null when cancelled. */
  prompt: (options: AskOptions & { input: { label: string; value: string } }) => Promise<string | null>;
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

function QuestionDialog({ question, onAnswer }: { question: Question; onAnswer: (answer: string | null) => void }) {
  const [text, setText] = useState(question.input?.value ?? '');
  const yes = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const opener = useRef<Element | null>(document.activeElement);
  useEffect(() => {
    if (field.current) {
      field.current.focus();
      field.current.select();
    } else yes.current?.focus();
    const back = opener.current;
    // Focus returns where the clerk was, as after a system dialog.
    return () => {
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
  }, []);
  const accept = () => onAnswer(question.input ? (text.trim() ? text.trim() : null) : '');
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog dialog-question"
        role="dialog"
        aria-modal="true"
        aria-label={question.title}
        onKeyDown={(event) => {
          if (isImeKey(event.nativeEvent)) return;
          if (event.key === 'Escape') {
            event.preventDefault();
            onAnswer(null);
          } else if (event.key === 'Enter' && (event.target as HTMLElement).tagName !== 'BUTTON') {
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
        <div className="dialog-actions">
          <button
            type="button"
            className="primary"
            ref={yes}
            onClick={accept}
            disabled={!!question.input && !text.trim()}
          >
            {question.confirm ?? '确定'}
          </button>
          <button type="button" onClick={() => onAnswer(null)}>
            {question.cancel ?? '取消'}
          </button>
        </div>
      </div>
    </div>
  );
}
