import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounceWithMaxWait } from './schedule';

describe('journal timing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes a second after the last change', () => {
    const run = vi.fn();
    const d = debounceWithMaxWait(run, 1000, 10_000);
    d.poke();
    vi.advanceTimersByTime(600);
    d.poke();
    vi.advanceTimersByTime(900);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('writes at least every ten seconds while the clerk types without a pause', () => {
    const run = vi.fn();
    const d = debounceWithMaxWait(run, 1000, 10_000);
    for (let t = 0; t < 25_000; t += 300) {
      d.poke();
      vi.advanceTimersByTime(300);
    }
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('a cancelled journal is not written', () => {
    const run = vi.fn();
    const d = debounceWithMaxWait(run, 1000, 10_000);
    d.poke();
    d.cancel();
    vi.advanceTimersByTime(20_000);
    expect(run).not.toHaveBeenCalled();
  });
});
