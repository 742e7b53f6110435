/**
 * The one stretch in which two texts differ, as one keystroke, a paste, an undo or a fix changes a text: the
 * length of their common start and of their common end (never overlapping). One home for the editor's
 * writing of a changed text (renderer/editor/textInPlace.ts) and the findings' mapping across an edit
 * (checks/stillStanding.ts).
 */
export function changedStretch(before: string, after: string): { prefix: number; suffix: number } {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  return { prefix, suffix };
}
