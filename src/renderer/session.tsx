/**
 * The open report and what the app knows about it: the document, its file, whether it is saved or
 * read-only, and the message bar. Every change goes through `change`, which counts revisions, so a save
 * knows whether the text moved on while the file was being written.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
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
  const docRef = useRef(doc);
  docRef.current = doc;
  const fileRef = useRef(file);
  fileRef.current = file;

  const load = useCallback(
    (next: ReportDocument | null, nextFile: FileRef | null, options: { readOnly?: boolean; dirty?: boolean } = {}) => {
      revision.current++;
      docRef.current = next;
      setDoc(next);
      setFile(nextFile);
      setReadOnly(options.readOnly ?? false);
      setDirty(options.dirty ?? false);
      setGeneration((g) => g + 1);
    },
    [],
  );

  const change = useCallback((update: (d: ReportDocument) => ReportDocument) => {
    revision.current++;
    setDoc((d) => (d ? update(d) : d));
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
  };
}

export type Session = ReturnType<typeof useSessionState>;

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}
