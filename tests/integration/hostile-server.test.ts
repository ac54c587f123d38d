import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core';
import { maxJsonDepth } from '../../shared/json-depth';
import { databaseDigest, serveForTest } from '../helpers/in-process-server';
import { rawRequest } from '../helpers/raw-http';

/**
 * `levqor serve` tried as an attacker would: a page on another local port, a DNS-rebound
 * name, a script without the token, broken request lines, bodies built to exhaust a stack.
 * Each case names the promise of docs/security.md it checks.
 */
/** JSON text nested `levels` objects deep (built as text: JSON.stringify itself overflows on it). */
const deep = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const json = { 'content-type': 'application/json' };

describe('browser sessions instead of a token cookie', () => {
  it('no response sets a cookie; the session is not the token and is refused once revoked', async () => {
    const s = await serveForTest();
    const page = await rawRequest(s.server.port, { path: `/?token=${s.token}`, headers: { host: `127.0.0.1:${s.server.port}` } });
    expect(page.headers['set-cookie']).toBeUndefined();
    const session = await s.openSession();
    expect(session).not.toBe(s.token);
    expect(session).not.toContain(s.token);
    const asPage = { ...json, 'x-levqor-session': session, origin: s.origin };
    expect((await s.call('app.info', {}, asPage)).status).toBe(200);

    const { sessions } = (await (await s.call('sessions.list', {}, asPage)).json()) as { sessions: { id: string; current: boolean }[] };
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.current).toBe(true);
    expect((await s.call('sessions.revoke', { current: true }, asPage)).status).toBe(200);
    expect((await s.call('app.info', {}, asPage)).status).toBe(401);
  });

  it('a session ends 14 days after its last use, and 90 days after it began whatever the use', async () => {
    const clock = new ManualClock(Date.UTC(2026, 5, 1));
    const s = await serveForTest({ clock });
    const day = 24 * 3600_000;
    const idle = await s.openSession();
    const used = await s.openSession();
    const asPage = (session: string) => ({ ...json, 'x-levqor-session': session, origin: s.origin });
    for (let i = 0; i < 8; i++) {
      clock.advance(10 * day);
      expect((await s.call('app.info', {}, asPage(used))).status).toBe(200);
    }
    expect((await s.call('app.info', {}, asPage(idle))).status).toBe(401);
    clock.advance(10 * day + 1);
    expect((await s.call('app.info', {}, asPage(used))).status).toBe(401);
  });
});

describe('cross-site calls', () => {
  it('an API call without content-type application/json runs nothing, an empty body included', async () => {
    const s = await serveForTest();
    const before = databaseDigest(s.core);
    for (const headers of [{}, { 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }, { 'content-type': 'multipart/form-data; boundary=x' }] as Record<string, string>[]) {
      for (const procedure of ['telemetry.prune', 'runs.resume', 'products.sendUploads', 'guardian.check', 'stage.set']) {
        const res = await fetch(`${s.origin}/api/${procedure}`, { method: 'POST', headers: { authorization: `Bearer ${s.token}`, ...headers }, body: procedure === 'stage.set' ? '{"stage":"post-launch"}' : '' });
        expect(res.status, `${procedure} with ${JSON.stringify(headers)}`).toBe(415);
      }
    }
    expect(databaseDigest(s.core)).toBe(before);
    expect(s.core.stage.current).toBe('pre-launch');
  });

  it('a session call from another origin, or from a page that does not say it is ours, is 403 and runs nothing', async () => {
    const s = await serveForTest();
    const session = await s.openSession();
    const before = databaseDigest(s.core);
    const sibling = `http://127.0.0.1:${s.server.port + 1}`;
    for (const headers of [{ origin: sibling }, { origin: 'null' }, { 'sec-fetch-site': 'same-site' }, { 'sec-fetch-site': 'cross-site' }, {}] as Record<string, string>[]) {
      const res = await s.call('stage.set', { stage: 'post-launch' }, { ...json, 'x-levqor-session': session, ...headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('origin');
    }
    const events = await fetch(`${s.origin}/api/events`, { headers: { 'x-levqor-session': session, 'sec-fetch-site': 'cross-site' } });
    expect(events.status).toBe(403);
    expect(databaseDigest(s.core)).toBe(before);
    expect((await s.call('stage.set', { stage: 'post-launch' }, { ...json, 'x-levqor-session': session, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });
});

describe('the Host header', () => {
  it('a name that is not ours is refused before any route, the token link included', async () => {
    const s = await serveForTest();
    const port = s.server.port;
    const paths = [
      { method: 'POST', path: '/api/app.info', headers: { ...json, authorization: `Bearer ${s.token}` }, body: '{}' },
      { method: 'GET', path: `/?token=${s.token}` },
      { method: 'GET', path: '/' },
      { method: 'POST', path: '/auth/session', headers: { ...json, authorization: `Bearer ${s.token}` }, body: '{}' },
      { method: 'POST', path: '/hooks/anything', headers: json, body: '{}' },
      { method: 'GET', path: '/heartbeat/anything' },
      { method: 'POST', path: '/ingest/telemetry', headers: { ...json, authorization: `Bearer ${s.token}` }, body: '[]' },
    ];
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`]) {
      for (const p of paths) {
        const res = await rawRequest(port, { ...p, headers: { ...p.headers, host } });
        expect(res.status, `${host} ${p.path}`).toBe(421);
        expect(res.body).not.toContain(s.token);
      }
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const res = await rawRequest(port, { ...paths[0]!, headers: { ...paths[0]!.headers, host } });
      expect(res.status, host).toBe(200);
    }
  });

  it('--allow-host adds a name', async () => {
    const s = await serveForTest({ allowHosts: ['home.example'] });
    const res = await rawRequest(s.server.port, { method: 'POST', path: '/api/app.info', headers: { ...json, authorization: `Bearer ${s.token}`, host: `home.example:${s.server.port}` }, body: '{}' });
    expect(res.status).toBe(200);
  });
});

describe('files of this machine', () => {
  it('products.validate { file } and telemetry.ingest { path } are refused over HTTP, and never echo a file', async () => {
    const s = await serveForTest();
    const secretFile = join(s.dataDir, 'not-json.txt');
    writeFileSync(secretFile, 'root:$y$SECRET-CONTENT-7f3a:19000:0:99999:7:::\n');
    for (const [procedure, input, field] of [
      ['products.validate', { file: secretFile }, 'file'],
      ['products.validate', { file: join(s.dataDir, 'secret.key') }, 'file'],
      ['telemetry.ingest', { path: secretFile }, 'path'],
    ] as const) {
      const res = await s.call(procedure, input);
      expect(res.status).toBe(403);
      const body = (await res.json()) as { error: { field: string; message: string } };
      expect(body.error.field).toBe(field);
      expect(JSON.stringify(body)).not.toContain('SECRET-CONTENT');
    }
    // the command line may name files, and a file that is not JSON is reported without its content
    const local = await s.dispatcher.call('products.validate', { file: secretFile }, { transport: 'cli' });
    expect(local.ok).toBe(true);
    expect(JSON.stringify(local)).toContain('is not valid JSON');
    expect(JSON.stringify(local)).not.toContain('SECRET-CONTENT');
    const ingest = await s.dispatcher.call('telemetry.ingest', { path: secretFile }, { transport: 'cli' });
    expect(JSON.stringify(ingest)).not.toContain('SECRET-CONTENT');
  });
});

describe('settings that decide where a secret goes', () => {
  it('drive.rootUrl and productsDir change only from the command line; an address must be https or loopback', async () => {
    const s = await serveForTest();
    const before = databaseDigest(s.core);
    for (const [key, value] of [
      ['drive.rootUrl', 'http://127.0.0.1:9/'],
      ['drive.rootUrl', 'https://attacker.example/'],
      ['productsDir', '/etc'],
    ] as const) {
      const res = await s.call('settings.set', { key, value });
      expect(res.status, key).toBe(403);
      expect(((await res.json()) as { error: { field: string; message: string } }).error.message).toContain('only from the command line');
    }
    expect(databaseDigest(s.core)).toBe(before);

    const cli = (value: string) => s.dispatcher.call('settings.set', { key: 'drive.rootUrl', value }, { transport: 'cli' });
    const plain = await cli('http://drive-proxy.example/');
    expect(plain).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'value' } });
    expect(JSON.stringify(plain)).toContain('must use https');
    expect(await cli('http://127.0.0.1:9000/')).toMatchObject({ ok: true });
    expect(await cli('https://drive-proxy.example/')).toMatchObject({ ok: true });
    const listed = (await (await s.call('settings.get', { key: 'drive.rootUrl' })).json()) as { settings: { cliOnly?: string }[] };
    expect(listed.settings[0]!.cliOnly).toContain('decides where a secret is sent');
  });
});

describe('malformed requests', () => {
  it('broken percent-encoding and `//` answer 400 or the app, never 500', async () => {
    const s = await serveForTest();
    const host = `127.0.0.1:${s.server.port}`;
    const auth = { authorization: `Bearer ${s.token}`, ...json, host };
    for (const [method, path] of [
      ['GET', '/%E0%A4%A'],
      ['GET', '//'],
      ['GET', '//api/app.info'],
      ['POST', '/api/%E0%A4%A'],
      ['POST', '/api/app.%ZZinfo'],
      ['POST', '/hooks/%E0%A4%A'],
      ['GET', '/heartbeat/%E0%A4%A'],
      ['POST', '/heartbeat/%'],
      ['GET', '/assets/%00'],
    ] as const) {
      const res = await rawRequest(s.server.port, { method, path, headers: auth, body: method === 'POST' ? '{}' : undefined });
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      expect(res.status === 200 || res.status === 400 || res.status === 404 || res.status === 401, `${method} ${path}: ${res.status}`).toBe(true);
    }
  });

  it(`JSON nested deeper than ${maxJsonDepth} levels is 400 naming the limit, everywhere JSON enters`, async () => {
    const s = await serveForTest();
    const tooDeep = deep(5_000);
    const api = (procedure: string, body: string) => fetch(`${s.origin}/api/${procedure}`, { method: 'POST', headers: { ...json, authorization: `Bearer ${s.token}` }, body });
    const row = (meta: string) => `{"level":"info","source":"s","message":"m","meta":${meta}}`;
    const cases: Array<{ name: string; send: () => Promise<Response> }> = [
      { name: 'workflows.run input', send: () => api('workflows.run', `{"workflow":{"name":"x","trigger":{"type":"manual"},"nodes":[],"edges":[]},"input":${tooDeep}}`) },
      { name: 'workflows.save draft', send: () => api('workflows.save', `{"workflow":{"name":"x","extra":${tooDeep}},"draft":true}`) },
      { name: 'telemetry meta through the API', send: () => api('telemetry.ingest', JSON.stringify({ body: row(tooDeep) })) },
      {
        name: 'telemetry meta through /ingest/telemetry',
        send: () => fetch(`${s.origin}/ingest/telemetry`, { method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/x-ndjson' }, body: row(tooDeep) }),
      },
      { name: 'webhook body', send: () => fetch(`${s.origin}/hooks/anything`, { method: 'POST', headers: json, body: tooDeep }) },
      { name: 'just past the limit', send: () => api('workflows.run', `{"workflow":{"name":"x"},"input":${deep(maxJsonDepth)}}`) },
    ];
    const before = databaseDigest(s.core);
    for (const c of cases) {
      const res = await c.send();
      expect(res.status, c.name).toBe(400);
      expect(await res.text(), c.name).toContain(`${maxJsonDepth} levels`);
    }
    expect(databaseDigest(s.core)).toBe(before);
    const fine = await api('telemetry.ingest', JSON.stringify({ body: row(deep(maxJsonDepth - 2)) }));
    expect(fine.status).toBe(200);
  });
});
