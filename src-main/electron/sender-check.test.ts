import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl } from './app-url';
import { checkSender, type SenderPolicy } from './sender-check';

const appPage = 'app://levqor/index.html';
const policy: SenderPolicy = { knownWindowIds: new Set([1]) };
const ours = { frameUrl: appPage, isMainFrame: true, windowId: 1 };

describe('isAppUrl', () => {
  it('accepts the app page with any hash or query (client-side routes)', () => {
    expect(isAppUrl(appPage, policy)).toBe(true);
    expect(isAppUrl('app://levqor/', policy)).toBe(true);
    expect(isAppUrl(`${appPage}#/workflows/42`, policy)).toBe(true);
    expect(isAppUrl(`${appPage}?tab=settings`, policy)).toBe(true);
  });

  it('no longer counts any file:// URL as ours, even the built index.html', () => {
    expect(isAppUrl(pathToFileURL('/opt/Levqor X/resources/app.asar/out/renderer/index.html').href, policy)).toBe(false);
    expect(isAppUrl('file:///C:/Program%20Files/Levqor/resources/app.asar/out/renderer/index.html', policy)).toBe(false);
    expect(isAppUrl(pathToFileURL('/tmp/index.html').href, policy)).toBe(false);
  });

  it('refuses other files of the app, other hosts, other schemes and look-alikes', () => {
    expect(isAppUrl('app://levqor/assets/index-JWrI_1Ds.js', policy)).toBe(false);
    expect(isAppUrl('app://levqor/other.html', policy)).toBe(false);
    expect(isAppUrl('app://evil/index.html', policy)).toBe(false);
    expect(isAppUrl('app://levqor.evil.example/index.html', policy)).toBe(false);
    expect(isAppUrl('app://levqor:8080/index.html', policy)).toBe(false);
    expect(isAppUrl('app://user@levqor/index.html', policy)).toBe(false);
    expect(isAppUrl('https://levqor/index.html', policy)).toBe(false);
    expect(isAppUrl('https://levqor.example/index.html', policy)).toBe(false);
    expect(isAppUrl('about:blank', policy)).toBe(false);
    expect(isAppUrl('not a url', policy)).toBe(false);
  });

  it('sees through dot segments but not a NUL', () => {
    expect(isAppUrl('app://levqor/assets/../index.html', policy)).toBe(true);
    expect(isAppUrl('app://levqor/index.html%00.txt', policy)).toBe(false);
  });

  it('accepts the dev server origin only when one is configured', () => {
    const dev = { ...policy, devServerUrl: 'http://localhost:5173' };
    expect(isAppUrl('http://localhost:5173/#/settings', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', policy)).toBe(false);
    expect(isAppUrl(appPage, dev)).toBe(true);
  });
});

describe('checkSender', () => {
  it('accepts the main frame of our window showing our page', () => {
    expect(checkSender(ours, policy)).toEqual({ ok: true });
  });

  it('refuses a frame that is gone', () => {
    expect(checkSender({ ...ours, frameUrl: undefined }, policy)).toEqual({ ok: false, reason: 'the sending frame is gone' });
  });

  it('refuses a subframe, even one showing our page', () => {
    expect(checkSender({ ...ours, isMainFrame: false }, policy)).toMatchObject({ ok: false, reason: 'sent from a subframe' });
  });

  it('refuses a window the app did not create, or no window at all', () => {
    expect(checkSender({ ...ours, windowId: 2 }, policy)).toMatchObject({ ok: false });
    expect(checkSender({ ...ours, windowId: undefined }, policy)).toMatchObject({ ok: false });
  });

  it('refuses our window after it navigated elsewhere', () => {
    expect(checkSender({ ...ours, frameUrl: 'https://evil.example/' }, policy)).toMatchObject({ ok: false, reason: 'sent from a page that is not the app' });
  });
});
