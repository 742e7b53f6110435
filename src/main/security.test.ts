import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  appUrlCheck,
  CONTENT_SECURITY_POLICY,
  devServerOrigin,
  lockNavigation,
  PAGE_CSP,
  refusePermissions,
  secureWebPreferences,
} from './security';

describe('window security', () => {
  it('puts the page CSP in index.html without frame-ancestors (ignored there), and the header keeps it', () => {
    const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(PAGE_CSP);
    expect(meta).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY).toBe(`${PAGE_CSP}; frame-ancestors 'none'`);
  });

  it('runs the page isolated and sandboxed, without Node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('refuses every permission request', () => {
    let requestAnswer: boolean | undefined;
    let check: (() => boolean) | undefined;
    refusePermissions({
      setPermissionRequestHandler: (h: unknown) =>
        (h as (w: unknown, p: string, cb: (v: boolean) => void) => void)(null, 'media', (v) => (requestAnswer = v)),
      setPermissionCheckHandler: (h: unknown) => (check = h as () => boolean),
    } as never);
    expect(requestAnswer).toBe(false);
    expect(check!()).toBe(false);
  });

  it('blocks navigation away from the app and every new window', () => {
    const handlers = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | undefined;
    lockNavigation(
      {
        on: (name: string, h: never) => handlers.set(name, h),
        setWindowOpenHandler: (h: never) => (openHandler = h),
      } as never,
      appUrlCheck('file:///app/index.html', null),
    );
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    handlers.get('will-navigate')!(event, 'https://example.com/');
    handlers.get('will-navigate')!(event, 'file:///app/index.html#top');
    handlers.get('will-attach-webview')!(event);
    expect(prevented).toBe(2);
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('the installed app never follows ELECTRON_RENDERER_URL', () => {
    expect(devServerOrigin(true, 'http://localhost:5173/')).toBeNull();
    expect(devServerOrigin(false, 'http://localhost:5173/')).toBe('http://localhost:5173');
  });

  it('a dev server URL is accepted only over http to this machine, without a user name', () => {
    for (const url of [
      'http://localhost:5173@evil.example/',
      'https://evil.example/',
      'http://evil.example:5173/',
      'file:///etc/',
      'not a url',
    ]) {
      expect(devServerOrigin(false, url)).toBeNull();
    }
    const isAppUrl = appUrlCheck('file:///app/index.html', devServerOrigin(false, 'http://127.0.0.1:5173'));
    expect(isAppUrl('http://127.0.0.1:5173/index.html')).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5173@evil.example/')).toBe(false);
    expect(isAppUrl('http://127.0.0.1:51730/')).toBe(false);
    expect(isAppUrl('file:///app/index.html?x=1')).toBe(true);
    expect(isAppUrl('file:///app/other.html')).toBe(false);
  });
});
