/**
 * The open report and what the app knows about it: the document, its file, whether it is saved or
 * read-only, and the message bar. Every change goes through `change`, which counts revisions, so a save
 * knows whether the text moved on while the file was being written.
 */
import { createContext, startTransition, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReportDocument } from '../core/model/report';
import { sameContent } from '../core/model/sameContent';
import type { FileRef } from '../shared/ipc';
import { createCall } from './api';

export interface Message {
  kind: 'error' | 'info';
  text: string;
  /** A button after the text: 查看 on a refused export takes the clerk to what holds it back. */
  action?: { label: string; run: () => void };
}

export function useSessionState() {
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  // A new generation remounts the editors: a different report (or version) was loaded.
  const [generation, setGeneration] = useState(0);
  const [file, setFile] = useState<FileRef | null>(null);
  const [readOnly, setReadOnly] = useState(false);
  const [dirty, setDirtyState] = useState(false);
  const dirtyRef = useRef(false);
  /** The content as opened or last saved: "changed" means the report differs from it (see `change`). */
  const baseline = useRef<ReportDocument | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const revision = useRef(0);
  /** performance.now() of the last edit (-Infinity after a load): the checker's pause counts from the keystroke, not from React's render. */
  const changedAt = useRef(-Infinity);
  // Always the newest document, also while a deferred render of it is pending (save, export, autosave read it).
  const docRef = useRef(doc);
  const fileRef = useRef(file);
  fileRef.current = file;

  const load = useCallback(
    (next: ReportDocument | null, nextFile: FileRef | null, options: { readOnly?: boolean; dirty?: boolean } = {}) => {
      revision.current++;
      changedAt.current = -Infinity;
      docRef.current = next;
      baseline.current = options.dirty ? null : next;
      dirtyRef.current = options.dirty ?? false;
      setDoc(next);
      setFile(nextFile);
      setReadOnly(options.readOnly ?? false);
      setDirtyState(options.dirty ?? false);
      setGeneration((g) => g + 1);
    },
    [],
  );

  /**
   * `deferred`: the editor's own changes. Its text is already on screen, so the rest of the app (outline,
   * forms, findings) re-renders as a transition, after the keystroke's frame is painted.
   */
  const change = useCallback((update: (d: ReportDocument) => ReportDocument, options: { deferred?: boolean } = {}) => {
    revision.current++;
    changedAt.current = performance.now();
    const next = docRef.current ? update(docRef.current) : docRef.current;
    docRef.current = next;
    if (options.deferred) startTransition(() => setDoc(next));
    else setDoc(next);
    // An update that leaves the content as opened or saved (the editor normalising its tree on mount, a form
    // writing back the same value) is no edit. Compared only while clean: once changed, the report stays
    // changed until saved, as in Word (undoing back to the saved text keeps the mark).
    if (dirtyRef.current || (baseline.current && sameContent(next, baseline.current))) return;
    dirtyRef.current = true;
    setDirtyState(true);
  }, []);

  /**
   * The newest document rendered now, with whatever urgent update comes with it: the editor's own changes
   * render as a transition, so a view that must show the text as it is (the preview about to be printed or
   * exported as PDF right after typing) would otherwise draw the document of a moment before.
   */
  const settle = useCallback(() => setDoc(docRef.current), []);

  /** Clean means: the newest document is what the file holds now (after a save, or a load). */
  const setDirty = useCallback((value: boolean) => {
    dirtyRef.current = value;
    if (!value) baseline.current = docRef.current;
    setDirtyState(value);
  }, []);

  const fail = useCallback((text: string) => setMessage({ kind: 'error', text }), []);
  const info = useCallback((text: string) => setMessage({ kind: 'info', text }), []);
  /** Every call to main: a failure lands in the message bar. */
  const call = useMemo(() => createCall(fail), [fail]);

  return {
    doc,
    docRef,
    file,
    fileRef,
    setFile,
    readOnly,
    setReadOnly,
    dirty,
    setDirty,
    generation,
    message,
    setMessage,
    fail,
    info,
    call,
    load,
    change,
    settle,
    revision,
    changedAt,
  };
}

export type Session = ReturnType<typeof useSessionState>;

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}
