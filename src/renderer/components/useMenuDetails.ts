/**
 * A <details> used as a drop-down (版式设置, 文件 ▾): it closes like a menu, on a click elsewhere or on Esc —
 * but not on the Esc that cancels an IME candidate list — and gives the focus back to its summary.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { isImeKey } from '../plugins/ImeSafeKeysPlugin';

export function useMenuDetails(): RefObject<HTMLDetailsElement | null> {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const closeOutside = (event: MouseEvent) => {
      if (details.current?.open && !details.current.contains(event.target as Node)) details.current.open = false;
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (isImeKey(event)) return;
      if (event.key === 'Escape' && details.current?.open) {
        details.current.open = false;
        details.current.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('mousedown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('mousedown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, []);
  return details;
}
