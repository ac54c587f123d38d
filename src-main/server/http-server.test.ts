import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp-dir';
import { serveForTest } from '../../tests/helpers/in-process-server';
import { loadOrCreateToken } from './token';

/** The server with no routes beside /api, serving a stand-in UI. */
async function serve() {
  const rendererDir = tempDir();
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const served = await serveForTest({ rendererDir, routes: () => [] });
  const { server, token } = served;
  const call = (procedure: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
    fetch(`${server.url}api/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { ...served, call };
}

describe('headless server', () => {
  it('answers an API call with the token', async () => {
    const { call } = await serve();
    const res = await call('app.info', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ stage: 'pre-launch' });
  });

  it('refuses calls without the token or with a wrong one (401), and they change nothing', async () => {
    const { call, core, server } = await serve();
    expect((await call('app.info', {}, {})).status).toBe(401);
    const wrong = await call('stage.set', { stage: 'post-launch' }, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect(core.stage.current).toBe('pre-launch');
    const events = await fetch(`${server.url}api/events`);
    expect(events.status).toBe(401);
  });

  it('maps errors: unknown procedure 404, invalid input 400 with the field, body over 1 MB 413', async () => {
    const { call, core, server, token } = await serve();
    const unknown = await call('nope.nothing', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'UNKNOWN_PROCEDURE', message: 'Unknown procedure "nope.nothing"' } });
    const bad = await call('stage.set', { stage: 'soon' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_INPUT', field: 'stage' } });
    const big = await fetch(`${server.url}api/settings.set`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'productsDir', value: 'x'.repeat(1_100_000) }),
    });
    expect(big.status).toBe(413);
    expect(core.settings.entry('productsDir').source).toBe('default');
    const notJson = await fetch(`${server.url}api/stage.set`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{nope' });
    expect(notJson.status).toBe(400);
  });

  it('trades the access token for a browser session that is not the token, and sets no cookie', async () => {
    const { server, token } = await serve();
    const page = await fetch(`${server.url}?token=${token}`, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    const origin = server.url.replace(/\/$/, '');
    const opened = await fetch(`${server.url}auth/session`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin }, body: '{}' });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('set-cookie')).toBeNull();
    const { session } = (await opened.json()) as { session: string };
    expect(session).not.toContain(token);
    const withSession = await fetch(`${server.url}api/stage.get`, { method: 'POST', headers: { 'x-levqor-session': session, 'content-type': 'application/json', origin } });
    expect(withSession.status).toBe(200);
    const wrong = await fetch(`${server.url}auth/session`, { method: 'POST', headers: { authorization: 'Bearer wrong', 'content-type': 'application/json', origin }, body: '{}' });
    expect(wrong.status).toBe(401);
  });

  it('serves the renderer with a strict CSP, and index.html for client routes', async () => {
    const { server } = await serve();
    const page = await fetch(`${server.url}settings`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>app</title>');
    const asset = await fetch(`${server.url}assets/app.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    const escape = await fetch(`${server.url}..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).toContain('<title>app</title>');
  });

  it('streams contract events as Server-Sent Events', async () => {
    const { server, token, call } = await serve();
    const controller = new AbortController();
    const res = await fetch(`${server.url}api/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    await call('stage.set', { stage: 'post-launch' });
    let text = '';
    while (!text.includes('event: stage.changed')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const block = text.split('\n\n').find((b) => b.startsWith('event: stage.changed'))!;
    expect(JSON.parse(block.split('\ndata: ')[1]!)).toMatchObject({ stage: 'post-launch' });
  });

  it('keeps one token per data dir', async () => {
    const dataDir = tempDir();
    expect(loadOrCreateToken(dataDir)).toBe(loadOrCreateToken(dataDir));
    expect(loadOrCreateToken(dataDir)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
