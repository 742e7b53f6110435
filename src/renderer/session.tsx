/**
 * The open report and what the app knows about it: the document, its file, whether it is saved or
 * read-only, and the message bar. Every change goes through `change`, which counts revisions, so a save
 * knows whether the text moved on while the file was being written.
 */
import { createContext, startTransition, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReportDocument } from '../core/model/report';
import type { FileRef } from '../shared/ipc';
import { createCall } from './api';

export interface Message {
  kind: 'error' | 'info';
  text: string;
}

export function useSessionState() {
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  // A new generation remounts the editors: a different report (or version) was loaded.
  const [generation, setGeneration] = useState(0);
  const [file, setFile] = useState<FileRef | null>(null);
  const [readOnly, setReadOnly] = useState(false);
  const [dirty, setDirty] = useState(false);
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
      setDoc(next);
      setFile(nextFile);
      setReadOnly(options.readOnly ?? false);
      setDirty(options.dirty ?? false);
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
    setDirty(true);
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
