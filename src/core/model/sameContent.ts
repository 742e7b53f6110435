/**
 * Whether two reports hold the same content, as the saved file would: key order does not matter and a
 * property set to undefined is the same as a missing one (JSON drops both). The app marks a report
 * "changed" only when this says no, so an update that rewrites the same text (the editor normalising what
 * it was given, a form writing back its value) is not an edit.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], other[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const kx = keys(x);
  if (kx.length !== keys(y).length) return false;
  for (const k of kx) if (!sameContent(x[k], y[k])) return false;
  return true;
}
