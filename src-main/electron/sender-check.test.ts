import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl } from './app-url';
import { checkSender, type SenderPolicy } from './sender-check';

const rendererFileUrl = pathToFileURL('/opt/Levqor X/resources/app.asar/out/renderer/index.html').href;
const policy: SenderPolicy = { rendererFileUrl, knownWindowIds: new Set([1]) };
const ours = { frameUrl: rendererFileUrl, isMainFrame: true, windowId: 1 };

describe('isAppUrl', () => {
  it('accepts the renderer file with any hash or query (client-side routes)', () => {
    expect(isAppUrl(rendererFileUrl, policy)).toBe(true);
    expect(isAppUrl(`${rendererFileUrl}#/workflows/42`, policy)).toBe(true);
    expect(isAppUrl(`${rendererFileUrl}?tab=settings`, policy)).toBe(true);
  });

  it('refuses other files, other schemes and look-alikes', () => {
    expect(isAppUrl(pathToFileURL('/opt/Levqor X/resources/app.asar/out/renderer/other.html').href, policy)).toBe(false);
    expect(isAppUrl(pathToFileURL('/tmp/index.html').href, policy)).toBe(false);
    expect(isAppUrl('file://evil-host/opt/Levqor%20X/resources/app.asar/out/renderer/index.html', policy)).toBe(false);
    expect(isAppUrl('https://levqor.example/index.html', policy)).toBe(false);
    expect(isAppUrl('about:blank', policy)).toBe(false);
    expect(isAppUrl('not a url', policy)).toBe(false);
  });

  it('sees through percent-encoding but not path tricks', () => {
    expect(isAppUrl('file:///opt/Levqor%20X/resources/app.asar/out/renderer/index.html', policy)).toBe(true);
    expect(isAppUrl('file:///opt/Levqor%20X/resources/app.asar/out/renderer/../renderer/index.html', policy)).toBe(true);
    expect(isAppUrl('file:///opt/Levqor%20X/resources/app.asar/out/renderer/index.html%00.txt', policy)).toBe(false);
  });

  it('compares Windows paths without case, and others with it', () => {
    const win = { rendererFileUrl: 'file:///C:/Program%20Files/Levqor/out/renderer/index.html', caseInsensitivePaths: true };
    expect(isAppUrl('file:///c:/program%20files/levqor/out/renderer/INDEX.html', win)).toBe(true);
    expect(isAppUrl('file:///c:/program%20files/levqor/out/renderer/INDEX.html', { ...win, caseInsensitivePaths: false })).toBe(false);
  });

  it('accepts the dev server origin only when one is configured', () => {
    const dev = { ...policy, devServerUrl: 'http://localhost:5173' };
    expect(isAppUrl('http://localhost:5173/#/settings', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', policy)).toBe(false);
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
