import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInsideFolder, resolveAppRequestPath } from './app-request-path';

const root = join('/opt', 'Levqor X', 'resources', 'app.asar', 'out', 'renderer');

describe('resolveAppRequestPath', () => {
  it('serves index.html for the root and maps other paths into the renderer folder', () => {
    expect(resolveAppRequestPath('app://levqor/', root)).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppRequestPath('app://levqor/#/settings', root)).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppRequestPath('app://levqor/index.html?x=1#/guardian', root)).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppRequestPath('app://levqor/assets/index-JWrI_1Ds.js', root)).toEqual({ ok: true, file: join(root, 'assets', 'index-JWrI_1Ds.js') });
    expect(resolveAppRequestPath('app://levqor/assets/My%20Font.woff2', root)).toEqual({ ok: true, file: join(root, 'assets', 'My Font.woff2') });
    expect(resolveAppRequestPath('APP://LEVQOR/index.html', root)).toEqual({ ok: true, file: join(root, 'index.html') });
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://levqor.evil/index.html'],
    ['a user name before the host', 'app://x@levqor/index.html'],
    ['a port', 'app://levqor:8080/index.html'],
    ['no path at all', 'app://levqor'],
    ['another scheme', 'file:///opt/Levqor%20X/resources/app.asar/out/renderer/index.html'],
    ['https', 'https://levqor/index.html'],
  ])('refuses %s', (_why, url) => {
    expect(resolveAppRequestPath(url, root)).toEqual({ ok: false, reason: 'not the app origin' });
  });

  it.each([
    ['dot-dot', 'app://levqor/../../../etc/passwd'],
    ['dot-dot inside the path', 'app://levqor/assets/../../main/index.js'],
    ['encoded dot-dot', 'app://levqor/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed-case encoded dot-dot', 'app://levqor/%2E%2e/main/index.js'],
    ['half-encoded dot-dot', 'app://levqor/.%2e/main/index.js'],
    ['an encoded slash', 'app://levqor/..%2f..%2fetc%2fpasswd'],
    ['a backslash', 'app://levqor/..\\..\\main\\index.js'],
    ['an encoded backslash', 'app://levqor/..%5c..%5cmain%5cindex.js'],
    ['an absolute path', 'app://levqor//etc/passwd'],
    ['an encoded absolute path', 'app://levqor/%2fetc%2fpasswd'],
    ['a Windows drive', 'app://levqor/C:/Windows/win.ini'],
    ['an encoded Windows drive', 'app://levqor/C%3a%5cWindows%5cwin.ini'],
    ['a NUL byte', 'app://levqor/index.html%00.png'],
    ['a single dot', 'app://levqor/./index.html'],
    ['a folder (trailing slash)', 'app://levqor/assets/'],
    ['broken percent-encoding', 'app://levqor/%E0%A4%A'],
  ])('refuses %s', (_why, url) => {
    expect(resolveAppRequestPath(url, root)).toMatchObject({ ok: false });
  });
});

describe('isInsideFolder', () => {
  it('is true only strictly below the folder', () => {
    expect(isInsideFolder(root, join(root, 'index.html'))).toBe(true);
    expect(isInsideFolder(root, join(root, '..foo'))).toBe(true);
    expect(isInsideFolder(root, root)).toBe(false);
    expect(isInsideFolder(root, join(root, '..', 'main', 'index.js'))).toBe(false);
    expect(isInsideFolder(root, `${root}-evil${join('/', 'index.html')}`)).toBe(false);
    expect(isInsideFolder(root, join('/', 'etc', 'passwd'))).toBe(false);
  });
});
