import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp-dir';
import { respondToAppRequest, type AppRequest } from './app-protocol-response';
import { contentSecurityPolicy } from './csp';

/** A built renderer folder beside a secret the app must never serve. */
function rendererFolder() {
  const base = tempDir();
  const root = join(base, 'out', 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Levqor X</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export const x = 1;');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'blob.xyz'), 'bytes');
  mkdirSync(join(base, 'out', 'main'));
  writeFileSync(join(base, 'out', 'main', 'index.js'), 'SECRET main bundle');
  writeFileSync(join(base, 'secret.txt'), 'SECRET');
  return { base, root };
}

const get = (url: string, extra: Partial<AppRequest> = {}): AppRequest => ({ url, method: 'GET', ...extra });

async function expectNotFound(response: Response): Promise<void> {
  expect(response.status).toBe(404);
  expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  expect(await response.text()).not.toContain('SECRET');
}

describe('respondToAppRequest', () => {
  it('serves index.html for the root and for its own name, with the CSP', async () => {
    const { root } = rendererFolder();
    for (const url of ['app://levqor/', 'app://levqor/index.html', 'app://levqor/index.html#/settings']) {
      const response = await respondToAppRequest(get(url), root);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe('<!doctype html><title>Levqor X</title>');
    }
  });

  it('gives each asset its content type', async () => {
    const { root } = rendererFolder();
    const typeOf = async (path: string) => (await respondToAppRequest(get(`app://levqor/${path}`), root)).headers.get('content-type');
    expect(await typeOf('assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(await typeOf('assets/index-abc.css')).toBe('text/css; charset=utf-8');
    expect(await typeOf('assets/logo.svg')).toBe('image/svg+xml');
    expect(await typeOf('assets/blob.xyz')).toBe('application/octet-stream');
    expect(await (await respondToAppRequest(get('app://levqor/assets/index-abc.js'), root)).text()).toBe('export const x = 1;');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const { root } = rendererFolder();
    const head = await respondToAppRequest(get('app://levqor/index.html', { method: 'HEAD' }), root);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await respondToAppRequest(get('app://levqor/index.html', { method: 'POST' }), root);
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it.each([
    'app://levqor/../secret.txt',
    'app://levqor/%2e%2e/%2e%2e/secret.txt',
    'app://levqor/..%2f..%2fsecret.txt',
    'app://levqor/..\\..\\secret.txt',
    'app://levqor/%5c..%5c..%5csecret.txt',
    'app://levqor//etc/passwd',
    'app://other/index.html',
    'app://levqor/missing.js',
    'app://levqor/assets',
    'app://levqor/assets/',
  ])('answers %s with 404', async (url) => {
    const { root } = rendererFolder();
    await expectNotFound(await respondToAppRequest(get(url), root));
  });

  it('refuses a symlink that leads out of the folder, and serves one that stays inside', async () => {
    const { base, root } = rendererFolder();
    symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'leak.js'));
    symlinkSync(join(base, 'out', 'main'), join(root, 'main-link'));
    symlinkSync(join(root, 'assets', 'index-abc.js'), join(root, 'alias.js'));
    await expectNotFound(await respondToAppRequest(get('app://levqor/assets/leak.js'), root));
    await expectNotFound(await respondToAppRequest(get('app://levqor/main-link/index.js'), root));
    const alias = await respondToAppRequest(get('app://levqor/alias.js'), root);
    expect(alias.status).toBe(200);
    expect(await alias.text()).toBe('export const x = 1;');
  });

  it('still serves when the renderer folder itself is reached through a symlink', async () => {
    const { base, root } = rendererFolder();
    symlinkSync(root, join(base, 'linked-renderer'));
    const response = await respondToAppRequest(get('app://levqor/assets/index-abc.js'), join(base, 'linked-renderer'));
    expect(response.status).toBe(200);
  });

  it('serves the app\u2019s own page and nobody else\u2019s', async () => {
    const { root } = rendererFolder();
    expect((await respondToAppRequest(get('app://levqor/assets/index-abc.js', { initiatorOrigin: 'app://levqor' }), root)).status).toBe(200);
    await expectNotFound(await respondToAppRequest(get('app://levqor/assets/index-abc.js', { initiatorOrigin: 'https://evil.example' }), root));
    await expectNotFound(await respondToAppRequest(get('app://levqor/assets/index-abc.js', { initiatorOrigin: 'null' }), root));
  });
});
