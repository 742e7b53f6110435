/**
 * Check as the clerk types, but never in the middle of an IME composition. The check of a 30,000-character
 * report takes a few milliseconds, so a short pause (not a quarter second) is enough to keep typing smooth.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { checkReport } from '../../core/checks/index';
import type { CheckResult } from '../../core/checks/types';
import type { ReportDocument } from '../../core/model/report';
import type { CountyProfile } from '../../core/profile/model';
import type { TemplateRegistry } from '../../core/templates/registry';

/**
 * The pause only keeps the check out of a burst of keys. At a clerk's typing speed (60–150 ms a key) a check
 * already runs after every key, and it ends (check 2–4 ms, then the panel's render as a transition) long
 * before the next one; a longer pause only delays the findings (traced: 40 of the ~56 ms from the last key to
 * the updated panel were this pause).
 */
const PAUSE_MS = 25;

/** True while any input method is composing anywhere in the page. */
export function useComposing(): React.RefObject<boolean> {
  const composing = useRef(false);
  useEffect(() => {
    const start = () => (composing.current = true);
    const end = () => (composing.current = false);
    window.addEventListener('compositionstart', start, true);
    window.addEventListener('compositionend', end, true);
    return () => {
      window.removeEventListener('compositionstart', start, true);
      window.removeEventListener('compositionend', end, true);
    };
  }, []);
  return composing;
}

export interface Checked {
  result: CheckResult;
  /** The document the result is about: its plain text gives the findings' offsets. */
  doc: ReportDocument;
}

/**
 * `changedAt` (performance.now() of the last edit, -Infinity after a load): the pause counts from the clerk's keystroke, so the
 * time React takes to render the change is not added to it.
 */
export function useChecker(
  doc: ReportDocument | null,
  registry: TemplateRegistry,
  profile: CountyProfile | null = null,
  changedAt?: React.RefObject<number>,
): {
  result: CheckResult | null;
  checked: ReportDocument | null;
  /** Check now (the document shown, or `current`: the newest, before React renders it) and show the result. */
  checkNow: (current?: ReportDocument | null) => CheckResult | null;
} {
  const [checked, setChecked] = useState<Checked | null>(null);
  const composing = useComposing();
  const docRef = useRef(doc);
  docRef.current = doc;
  useEffect(() => {
    if (!doc) {
      setChecked(null);
      return;
    }
    let timer = 0;
    const run = () => {
      if (composing.current) {
        timer = window.setTimeout(run, 100);
        return;
      }
      const result = checkReport(doc, { registry, ...(profile ? { profile } : {}) });
      // The findings panel, outline and marks re-render as a transition: a keystroke that comes in meanwhile is
      // handled at once, not after the whole render.
      startTransition(() => setChecked({ result, doc }));
    };
    // A report just loaded (no edit yet) is checked once its first frame is painted, however long that frame
    // takes: a pause counted from the load could end before it and hold it up.
    const since = changedAt ? performance.now() - changedAt.current : 0;
    const left = Number.isFinite(since) ? PAUSE_MS - since : 0;
    // No pause left (React took longer than the pause to render the edit, or a load): after the frame that shows it.
    let frame = 0;
    if (left > 0) timer = window.setTimeout(run, left);
    else frame = requestAnimationFrame(() => (timer = window.setTimeout(run, 0)));
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [doc, registry, profile, composing, changedAt]);
  const checkNow = useCallback(
    (current: ReportDocument | null = docRef.current) => {
      const next = current ? checkReport(current, { registry, ...(profile ? { profile } : {}) }) : null;
      setChecked(current && next ? { result: next, doc: current } : null);
      return next;
    },
    [registry, profile],
  );
  return { result: checked?.result ?? null, checked: checked?.doc ?? null, checkNow };
}
