/**
 * A Chinese input method driven through Chromium's DevTools protocol, as the editor's IME tests type: the
 * composition (pinyin, then the candidate), keys pressed while composing (which reach the page as keyCode
 * 229, key "Process"), and the chosen words committed.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface Ime {
  /** The session itself, for a key event of another shape. */
  readonly cdp: CDPSession;
  /** The text being composed, the caret at its end. */
  compose(text: string): Promise<void>;
  /** A key pressed while composing (code as KeyboardEvent.code: 'Enter', 'Backspace'): the IME's key, keyCode 229. */
  keyWhileComposing(code: string): Promise<void>;
  /** The chosen words committed into the page, ending the composition. */
  commit(text: string): Promise<void>;
  /** The release of the Enter that confirmed a candidate: keyCode 13, no longer composing. */
  releaseEnter(): Promise<void>;
}

export async function ime(page: Page): Promise<Ime> {
  const cdp = await page.context().newCDPSession(page);
  return {
    cdp,
    compose: async (text) => {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    },
    keyWhileComposing: async (code) => {
      await cdp.send('Input.dispatchKeyEvent', {
        type: 'rawKeyDown',
        windowsVirtualKeyCode: 229,
        nativeVirtualKeyCode: 229,
        key: 'Process',
        code,
      });
    },
    commit: async (text) => {
      await cdp.send('Input.insertText', { text });
    },
    releaseEnter: async () => {
      await cdp.send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        windowsVirtualKeyCode: 13,
        key: 'Enter',
        code: 'Enter',
      });
    },
  };
}
