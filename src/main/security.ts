/**
 * Every hardening the app applies, in one place. Each function cites the item of Electron's security
 * checklist (electronjs.org/docs/latest/tutorial/security) it implements.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/**
 * The page CSP, as the meta tag of src/renderer/index.html holds it: no remote hosts, no inline or eval'd
 * script. Browsers ignore frame-ancestors in a meta tag (and say so on every load): it is in the header only.
 */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** The CSP response header: the page's, and no framing of the app by any page. */
export const CONTENT_SECURITY_POLICY = `${PAGE_CSP}; frame-ancestors 'none'`;

/**
 * Checklist 2 (no Node.js integration for remote content), 3 (context isolation), 4 (process sandboxing),
 * 6 (do not disable webSecurity), 8 (do not enable allowRunningInsecureContent), 9 (no experimental
 * features), 10 (no enableBlinkFeatures), 11 (no <webview>).
 */
export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    // Electronegativity AUXCLICK_JS_CHECK: a middle click must not open a link in a new window.
    disableBlinkFeatures: 'Auxclick',
  };
}

/** Checklist 5 (handle session permission requests): a report editor needs no camera, location or notifications. */
export function refusePermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Checklist 7 (define a Content Security Policy): as a response header too, not only the meta tag. */
export function enforceCsp(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/**
 * Checklist 13 (disable or limit navigation), 14 (disable or limit creation of new windows) and 12 (verify
 * webview options: there are none, so attaching one is refused). A document's link never opens anything.
 */
export function lockNavigation(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  isAppUrl: (url: string) => boolean,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The dev server's origin, where the window may load the page from it: only in a development run (never in
 * the installed app, whatever ELECTRON_RENDERER_URL says), only over http to this machine, and never with
 * a user name in the URL ("http://localhost:5173@evil.example/" is a request to evil.example).
 */
export function devServerOrigin(isPackaged: boolean, rendererUrl: string | undefined): string | null {
  if (isPackaged || !rendererUrl) return null;
  let url: URL;
  try {
    url = new URL(rendererUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || url.username || url.password) return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null;
  return url.origin;
}

/** Only the app's own page: the built renderer file, or the dev server's origin from devServerOrigin(). */
export function appUrlCheck(rendererFileUrl: string, devOrigin: string | null): (url: string) => boolean {
  return (url) => {
    if (devOrigin) {
      try {
        const parsed = new URL(url);
        if (parsed.origin === devOrigin && !parsed.username && !parsed.password) return true;
      } catch {
        return false;
      }
    }
    const withoutHash = url.split('#')[0]!.split('?')[0]!;
    return withoutHash === rendererFileUrl;
  };
}
