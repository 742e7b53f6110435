/**
 * The side forms' part of the one undo history (editor/sessionHistory.ts): 报告信息, the figures and the
 * closing lines record each change as a step beside the editor's, and Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z)
 * in those fields — or the 编辑 menu's 撤销/重做, which reach a field as beforeinput historyUndo/historyRedo —
 * step through the whole history instead of the field's own. Other fields (查找, a dialog's) keep theirs.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ReportDocument, ReportMeta } from '../../core/model/report';
import { shortcutOf } from '../commands';
import { SessionHistory } from '../editor/sessionHistory';
import { isImeKey } from '../plugins/ImeSafeKeysPlugin';
import type { Session } from '../session';

/** Fields whose changes are steps of the session's history; the page itself (nothing focused) too. */
const HISTORY_FIELDS = 'fieldset.meta, details.indicators, .doc-closing-edit';

/** A field with an undo of its own (查找's field, a table cell's input, the text itself through Lexical). */
const ownUndo = (target: Element) =>
  (target instanceof HTMLElement && target.isContentEditable) || target.matches('input, textarea, select');

/**
 * Where Ctrl+Z / Ctrl+Y step through the one history here: the side forms, and — as in Word, where undo works
 * while a ribbon button has the focus — anywhere that is not a field of its own (a button, the page).
 */
function inHistoryFields(target: EventTarget | null): boolean {
  if (target === document.body) return true;
  if (!(target instanceof Element)) return false;
  return target.closest(HISTORY_FIELDS) !== null || !ownUndo(target);
}

/** Undo or redo, by the keys Word uses; null for any other key. */
export function historyKeyOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>) {
  const keys = shortcutOf(event);
  if (keys === 'Ctrl+Z') return 'undo';
  if (keys === 'Ctrl+Y' || keys === 'Ctrl+Shift+Z') return 'redo';
  return null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Which entries of `next` differ from `before`, by key (undefined for one removed). */
function changedEntries<T extends object>(before: T, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(next)]) as Set<keyof T>)
    if (!same(before[key], next[key])) out[key] = next[key];
  return out;
}

/** `base` with `entries` applied; an undefined entry is removed (a figure cleared). */
function withEntries<T extends object>(base: T, entries: Partial<T>): T {
  const out = { ...base };
  for (const key of Object.keys(entries) as (keyof T)[]) {
    if (entries[key] === undefined) delete out[key];
    else out[key] = entries[key] as T[keyof T];
  }
  return out;
}

function pick<T extends object>(from: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) out[key] = from[key];
  return out;
}

type FieldFinder = () => HTMLElement | null;

/** The field the clerk is changing (focused), found again later by its id or label: React may redraw it. */
function changingField(): FieldFinder | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)) return null;
  if (!active.closest(HISTORY_FIELDS)) return null;
  const { id } = active;
  const label = active.getAttribute('aria-label');
  return () => {
    if (active.isConnected) return active;
    if (id) return document.getElementById(id);
    if (!label) return null;
    for (const area of document.querySelectorAll(HISTORY_FIELDS)) {
      const field = area.querySelector<HTMLElement>(`[aria-label="${CSS.escape(label)}"]`);
      if (field) return field;
    }
    return null;
  };
}

/**
 * A form field keeps what is being typed while it has the focus (the figures, the year): it lets go, the
 * step is applied, and the field the step changed gets the focus, as Word puts the caret at the change
 * (a step with no field of its own, a closing line removed by its button, gives it back to the one that had it).
 */
function settled(apply: () => void, changed: FieldFinder | null, history: SessionHistory): void {
  const active = document.activeElement;
  const had = active instanceof HTMLElement && active.closest(HISTORY_FIELDS) ? active : null;
  had?.blur();
  apply();
  const turn = history.turn;
  requestAnimationFrame(() => {
    // Keys faster than frames: another undo or redo has run since, and put the caret where it belongs.
    if (history.turn !== turn) return;
    const field = changed?.() ?? had;
    if (!field?.isConnected) return;
    const details = field.closest('details');
    if (details && !details.open) details.open = true;
    field.focus();
    if (field !== had && (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) {
      const end = field.value.length;
      field.setSelectionRange(end, end);
    }
  });
}

export function useSessionHistory(session: Pick<Session, 'generation' | 'change' | 'docRef' | 'readOnly'>) {
  const { generation, change, docRef, readOnly } = session;
  // A report loaded (another generation) starts a history of its own, as its editor does.
  const history = useMemo(() => new SessionHistory(), [generation]); // eslint-disable-line react-hooks/exhaustive-deps
  const composing = useRef(false);

  const record = useCallback(
    (key: string, apply: (d: ReportDocument) => ReportDocument, revert: (d: ReportDocument) => ReportDocument) => {
      change(apply);
      const field = changingField();
      history.fieldChange(
        {
          key,
          undo: () => settled(() => change(revert), field, history),
          redo: () => settled(() => change(apply), field, history),
        },
        { composing: composing.current },
      );
    },
    [change, history],
  );

  const changeMeta = useCallback(
    (meta: ReportMeta) => {
      const before = docRef.current?.meta;
      if (!before) return;
      const next = changedEntries(before, meta);
      const keys = Object.keys(next) as (keyof ReportMeta)[];
      if (!keys.length) return;
      const old = pick(before, keys);
      record(
        `meta:${keys.join(',')}`,
        (d) => ({ ...d, meta: withEntries(d.meta, next) }),
        (d) => ({ ...d, meta: withEntries(d.meta, old) }),
      );
    },
    [docRef, record],
  );

  const changeIndicators = useCallback(
    (indicators: ReportDocument['indicators']) => {
      const before = docRef.current?.indicators;
      if (!before) return;
      const next = changedEntries(before, indicators);
      const ids = Object.keys(next);
      if (!ids.length) return;
      const old = pick(before, ids);
      record(
        `figure:${ids.join(',')}`,
        (d) => ({ ...d, indicators: withEntries(d.indicators, next) }),
        (d) => ({ ...d, indicators: withEntries(d.indicators, old) }),
      );
    },
    [docRef, record],
  );

  const changeClosing = useCallback(
    (closing: string[]) => {
      const before = docRef.current?.closing;
      if (!before || same(before, closing)) return;
      record(
        'closing',
        (d) => ({ ...d, closing }),
        (d) => ({ ...d, closing: before }),
      );
    },
    [docRef, record],
  );

  /** A finding's fix or a replacement in 报告信息 or the closing lines: steps as if typed in those forms. */
  const changeFields = useCallback(
    (update: (d: ReportDocument) => ReportDocument) => {
      const before = docRef.current;
      if (!before) return;
      const after = update(before);
      changeMeta(after.meta);
      changeClosing(after.closing);
    },
    [docRef, changeMeta, changeClosing],
  );

  useEffect(() => {
    const run = (step: 'undo' | 'redo') => (step === 'undo' ? history.undo() : history.redo());
    const onKey = (event: KeyboardEvent) => {
      // An IME's keys are its own; a question on screen takes its own keys; the text is Lexical's (SessionHistoryPlugin).
      if (isImeKey(event) || readOnly || document.querySelector('.dialog-question')) return;
      const step = historyKeyOf(event);
      if (!step || !inHistoryFields(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      run(step);
    };
    const onBeforeInput = (event: InputEvent) => {
      if (event.inputType !== 'historyUndo' && event.inputType !== 'historyRedo') return;
      if (readOnly || !inHistoryFields(event.target)) return;
      event.preventDefault();
      run(event.inputType === 'historyUndo' ? 'undo' : 'redo');
    };
    const onCompositionStart = () => (composing.current = true);
    const onCompositionEnd = () => (composing.current = false);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('beforeinput', onBeforeInput, true);
    window.addEventListener('compositionstart', onCompositionStart, true);
    window.addEventListener('compositionend', onCompositionEnd, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('beforeinput', onBeforeInput, true);
      window.removeEventListener('compositionstart', onCompositionStart, true);
      window.removeEventListener('compositionend', onCompositionEnd, true);
    };
  }, [history, readOnly]);

  return { history, changeMeta, changeIndicators, changeClosing, changeFields };
}
