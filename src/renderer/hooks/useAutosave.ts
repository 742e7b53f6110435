/**
 * Unsaved work is journalled a second after the last change (and at most five seconds after the first one,
 * while the clerk types on), for recovery after a crash; a snapshot every five minutes of editing feeds 历史版本.
 */
import { useEffect, useRef } from 'react';
import { nextFrame } from '../frames';
import type { Session } from '../session';
import { debounceWithMaxWait } from './schedule';

const JOURNAL_WAIT_MS = 1000;
const JOURNAL_MAX_WAIT_MS = 5000;
const SNAPSHOT_INTERVAL_MS = 5 * 60 * 1000;

export function useAutosave(session: Session): void {
  const { doc, dirty, readOnly, file, docRef, fileRef, call } = session;
  const journal = useRef(
    debounceWithMaxWait(
      () => {
        const current = docRef.current;
        // A journal that cannot be written (disk full, no permission) is said: the clerk should save now.
        if (current) void call('writeJournal', { doc: current, file: fileRef.current });
      },
      JOURNAL_WAIT_MS,
      JOURNAL_MAX_WAIT_MS,
    ),
  );
  useEffect(() => {
    if (!doc || !dirty || readOnly) journal.current.cancel();
    else journal.current.poke();
  }, [doc, dirty, readOnly, file]);
  useEffect(() => () => journal.current.cancel(), []);

  const changedSinceSnapshot = useRef(false);
  useEffect(() => {
    if (doc && dirty) changedSinceSnapshot.current = true;
  }, [doc, dirty]);
  useEffect(() => {
    const timer = window.setInterval(() => {
      const current = docRef.current;
      if (!current || !changedSinceSnapshot.current) return;
      changedSinceSnapshot.current = false;
      void call('snapshot', { doc: current, file: fileRef.current });
    }, SNAPSHOT_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [docRef, fileRef, call]);

  // Main hears of the unsaved state when it changes, not at every keystroke (each call is an IPC round trip).
  useEffect(() => void call('setDirty', { dirty }), [dirty, call]);
  const open = doc !== null;
  // After the next painted frame: setting document.title costs Chromium's main thread 6–15 ms (measured in a
  // bare page), which, on opening a report, sat between the report's render and its first picture.
  useEffect(() => {
    let current = true;
    void nextFrame().then(() => {
      if (!current) return;
      document.title = open
        ? `法治年报助手 — ${file?.name ?? '未保存的报告'}${dirty ? ' *' : ''}${readOnly ? '（只读）' : ''}`
        : '法治年报助手';
    });
    return () => {
      current = false;
    };
  }, [open, file, dirty, readOnly]);
}
