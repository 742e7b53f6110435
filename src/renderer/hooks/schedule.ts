/**
 * Run something a while after the last change, but never later than `maxWait` after the first change not
 * yet run: a clerk who types without a pause still gets a crash journal.
 */
export interface Debouncer {
  /** A change happened. */
  poke(): void;
  cancel(): void;
}

export function debounceWithMaxWait(run: () => void, wait: number, maxWait: number): Debouncer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending: number | null = null;
  const fire = () => {
    timer = undefined;
    firstPending = null;
    run();
  };
  return {
    poke() {
      const now = Date.now();
      if (firstPending === null) firstPending = now;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, Math.min(wait, firstPending + maxWait - now)));
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      firstPending = null;
    },
  };
}
