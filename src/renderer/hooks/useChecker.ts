/**
 * Check as the clerk types, but never in the middle of an IME composition. The check of a 30,000-character
 * report takes a few milliseconds, so a short pause (not a quarter second) is enough to keep typing smooth.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { checkReport } from '../../core/checks/index';
import type { CheckResult } from '../../core/checks/types';
import type { ReportDocument } from '../../core/model/report';
import type { CountyProfile } from '../../core/profile/model';
import type { TemplateRegistry } from '../../core/templates/registry';

const PAUSE_MS = 40;

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

export function useChecker(
  doc: ReportDocument | null,
  registry: TemplateRegistry,
  profile: CountyProfile | null = null,
): { result: CheckResult | null; checkNow: () => CheckResult | null } {
  const [result, setResult] = useState<CheckResult | null>(null);
  const composing = useComposing();
  const docRef = useRef(doc);
  docRef.current = doc;
  useEffect(() => {
    if (!doc) {
      setResult(null);
      return;
    }
    let timer = 0;
    const run = () => {
      if (composing.current) {
        timer = window.setTimeout(run, 100);
        return;
      }
      setResult(checkReport(doc, { registry, ...(profile ? { profile } : {}) }));
    };
    timer = window.setTimeout(run, PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [doc, registry, profile, composing]);
  const checkNow = useCallback(() => {
    const current = docRef.current;
    const next = current ? checkReport(current, { registry, ...(profile ? { profile } : {}) }) : null;
    setResult(next);
    return next;
  }, [registry, profile]);
  return { result, checkNow };
}
