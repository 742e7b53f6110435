/**
 * A button that is unavailable while the work it started runs (a save, an export, a folder being checked) and
 * keeps the keyboard meanwhile: aria-disabled (dimmed; a click or Enter does nothing), not disabled, since a
 * disabled button drops the focus to the page and a clerk who pressed Enter on it lost the keyboard's place.
 */
import type { ButtonHTMLAttributes } from 'react';

export function FocusKeepingButton({ disabled, onClick, ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="button"
      {...props}
      aria-disabled={disabled || undefined}
      onClick={(event) => {
        if (!disabled) onClick?.(event);
      }}
    />
  );
}
