/**
 * A changed text node is written to the page by its changed characters only (Text.deleteData/insertData),
 * not by replacing its whole text.
 *
 * Why: Lexical writes a changed text by setting the DOM text's nodeValue (except while composing, and in
 * Firefox, where it already writes the difference — facebook/lexical#1297). Replacing a text node's data
 * moves the page's caret in it to offset 0, so after every Backspace or Delete (which Lexical does itself)
 * Lexical had to put the caret back with Selection.setBaseAndExtent, and Chromium then recomputed the input
 * method's view of the text around the caret: about 1.3 ms of a Backspace's 5 ms in a 30,000-character
 * report (bench, 30 November 2026). Removing just the deleted character lets the browser move the caret by
 * the DOM's own rules, to where Lexical's selection already is, and Lexical finds nothing to re-place.
 * Where the browser's adjustment does not land on Lexical's caret (a repeated character: "法法" with the
 * first one deleted), Lexical sees the difference and places the caret as before, so the result is the same.
 */
import { TextNode, type EditorConfig } from 'lexical';
import { changedStretch } from '../../core/text/changedStretch';

/** The edit that turns `before` into `after`: keep a common start and end, replace what lies between. */
export function textEdit(before: string, after: string): { at: number; remove: number; insert: string } {
  const { prefix, suffix } = changedStretch(before, after);
  return { at: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/** Writes `after` into a DOM text holding `before`, changing only the characters that differ. */
export function writeTextInPlace(text: Text, before: string, after: string): void {
  const { at, remove, insert } = textEdit(before, after);
  if (remove) text.deleteData(at, remove);
  if (insert) text.insertData(at, insert);
}

let installed = false;

/**
 * Makes every Lexical TextNode write its text changes in place (idempotent). Only a plain case is taken —
 * the node's element holds one DOM text with the previous text, its format (and so its tags) unchanged,
 * no composition under way; anything else is left to Lexical, which then finds the text already written.
 */
export function writeTextChangesInPlace(): void {
  if (installed) return;
  installed = true;
  const updateDOM = TextNode.prototype.updateDOM;
  TextNode.prototype.updateDOM = function (this: TextNode, prevNode: TextNode, dom: HTMLElement, config: EditorConfig) {
    // The reconciler's two versions of the node: __text is each one's own text (getTextContent() would read
    // the latest version for both).
    const before = prevNode.__text;
    const after = this.__text;
    if (before !== after && prevNode.__format === this.__format && !this.isComposing()) {
      const text = dom.firstChild;
      if (text instanceof Text && text === dom.lastChild && text.data === before) writeTextInPlace(text, before, after);
    }
    return updateDOM.call(this, prevNode, dom, config);
  };
}
