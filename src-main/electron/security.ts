import type { Session, WebContents } from 'electron';
import type { Logger } from '../core/logger';
import { isAppUrl, type AppUrlPolicy } from './app-url';
import { withContentSecurityPolicy } from './csp';
import { isSafeExternalUrl } from './external-links';

/**
 * Session-wide rules (Electron security checklist): no web permission is ever granted (camera,
 * geolocation, notifications, clipboard writes through navigator.clipboard, ...), and every
 * response carries our CSP.
 */
export function hardenSession(ses: Session, log: Logger): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log.info({ permission }, 'permission request denied');
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

/**
 * Per-webContents rules, applied to every webContents the app ever creates: navigation only
 * to our own page, no new windows (an https link that passes the check opens in the OS
 * browser instead), no <webview>.
 */
export function guardWebContents(
  contents: WebContents,
  policy: () => AppUrlPolicy,
  openExternal: (url: string) => Promise<void>,
  log: () => Logger | undefined,
): void {
  const refuse = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url, policy())) return;
    event.preventDefault();
    log()?.warn({ kind, url: redact(event.url) }, 'navigation blocked');
  };
  contents.on('will-navigate', refuse('navigate'));
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      openExternal(url).catch((err: unknown) => log()?.warn({ err: String(err) }, 'could not open link in the browser'));
    } else {
      log()?.warn({ url: redact(url) }, 'window.open blocked');
    }
    return { action: 'deny' };
  });
}

/** Origin and path only: a query string may carry tokens. */
function redact(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}
