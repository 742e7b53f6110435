/**
 * A function whose identity never changes but which always calls the latest `fn`: lets a memoised panel
 * (findings, forms) skip the re-render a keystroke in the editor would otherwise give it.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn);
  useLayoutEffect(() => {
    ref.current = fn;
  });
  return useCallback((...args: A) => ref.current(...args), []);
}
