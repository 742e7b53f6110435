/** Median time of `runs` warm runs (three unmeasured runs first, for the JIT and the libraries' caches). */
export async function median(runs: number, task: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
