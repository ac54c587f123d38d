import { createServer, type Server } from 'node:http';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../api/dispatcher';
import { createCore, ManualClock, type Core } from '../core';
import { CoreError } from '../core/errors';
import { freePort } from '../../tests/helpers/free-port';
import { webhookSecret } from '../../tests/helpers/stripe/core';
import { tempDir } from '../../tests/helpers/temp-dir';
import { runInboundService, type InboundService } from './inbound-service';
import { startInboundServer } from './inbound-server';
import { appRoutes } from './routes';
import { loadOrCreateToken } from './token';

const now = Date.UTC(2026, 10, 1);
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The desktop app's wiring: a real core, its dispatcher's routes and the data dir's token. */
function desktopCore(): { core: Core; service: (onProblem?: (err: Error) => void) => InboundService } {
  const dataDir = tempDir();
  const core = createCore({ dataDir, env: {}, logToFile: false, clock: new ManualClock(now) });
  core.secrets.set('stripe.webhookSecret', webhookSecret);
  cleanups.push(() => core.close());
  const routes = appRoutes(createDispatcher(core));
  const service = (onProblem?: (err: Error) => void) => {
    const running = runInboundService(core, routes, loadOrCreateToken(dataDir), onProblem);
    cleanups.push(() => running.close());
    return running;
  };
  return { core, service };
}

function listeningUrl(core: Core): string {
  const status = core.inbound.current;
  if (status.state !== 'listening') throw new Error(`not listening: ${status.reason}`);
  return status.url;
}

function customerEvent(id: string): string {
  const customer = { id: 'cus_inbound', object: 'customer', created: now / 1000 - 60, email: 'ada@example.com', name: 'Ada', livemode: false, metadata: {}, currency: 'usd', deleted: false };
  return JSON.stringify({ id, object: 'event', api_version: '2026-11-18.endive', created: now / 1000 - 5, data: { object: customer }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type: 'customer.created' });
}

async function occupiedPort(): Promise<number> {
  const port = await freePort();
  const other: Server = createServer((_req, res) => res.end('someone else'));
  await new Promise<void>((resolve) => other.listen(port, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => other.close(() => resolve())));
  return port;
}

describe('the desktop app\u2019s inbound server', () => {
  it('stores a signed Stripe event posted to /webhooks/stripe, without the access token', async () => {
    const { core, service } = desktopCore();
    core.settings.set('inbound.port', await freePort());
    await service().ready;
    const payload = customerEvent('evt_inbound_1');
    const res = await fetch(new URL('webhooks/stripe', listeningUrl(core)), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret, timestamp: now / 1000 }) },
      body: payload,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, eventId: 'evt_inbound_1', duplicate: false });
    expect(core.db.prepare('SELECT id FROM stripe_events').pluck().all()).toEqual(['evt_inbound_1']);
  });

  it('serves no API, event stream or page: 404 naming what it answers', async () => {
    const { core, service } = desktopCore();
    core.settings.set('inbound.port', await freePort());
    await service().ready;
    const token = loadOrCreateToken(core.dataDir);
    const base = listeningUrl(core);
    const api = await fetch(new URL('api/settings.list', base), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { message: string } }).error.message).toMatch(/^POST \/api\/settings\.list: the desktop app answers only webhooks, heartbeats and telemetry ingest here/);
    expect((await fetch(new URL('api/events', base), { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
    expect((await fetch(base)).status).toBe(404);
  });

  it('gives workflows.get the webhook\u2019s full URL on the inbound server, and the hook answers there', async () => {
    const { core, service } = desktopCore();
    core.settings.set('stage', 'post-launch');
    core.settings.set('inbound.port', await freePort());
    await service().ready;
    const dispatcher = createDispatcher(core);
    const workflow = { name: 'Inbound hook', trigger: { type: 'webhook', path: 'inbound-order', respond: 'onFinish' }, nodes: [{ id: 'say', type: 'log', params: { message: 'order {{ trigger.body.id }}' } }], edges: [] };
    const imported = await dispatcher.call('workflows.import', { workflow }, { transport: 'cli' });
    if (!imported.ok) throw new Error(imported.error.message);
    const got = await dispatcher.call('workflows.get', { id: (imported.value as { id: string }).id }, { transport: 'cli' });
    if (!got.ok) throw new Error(got.error.message);
    const webhook = (got.value as { webhook: { url: string; listenUrl?: string; secret: string } }).webhook;
    expect(webhook.url).toBe('/hooks/inbound-order');
    expect(webhook.listenUrl).toBe(`${listeningUrl(core)}hooks/inbound-order`);
    const res = await fetch(webhook.listenUrl!, { method: 'POST', headers: { 'content-type': 'application/json', 'x-levqor-secret': webhook.secret }, body: '{"id": 7}' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'succeeded' });
  });

  it('a port another program holds: a clear error naming inbound.port, and the app runs on', async () => {
    const port = await occupiedPort();
    const { core, service } = desktopCore();
    await expect(startInboundServer({ core, routes: [], token: 't', host: '127.0.0.1', port })).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'inbound.port',
      message: `inbound.port: ${port} on 127.0.0.1 is already used by another program; choose a free port (levqor settings set inbound.port N) or 0 to turn the inbound server off`,
    });
    core.settings.set('inbound.port', port);
    const problems: Error[] = [];
    await service((err) => problems.push(err)).ready;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBeInstanceOf(CoreError);
    expect(core.inbound.current).toEqual({ state: 'none', reason: problems[0]!.message });
    // the rest of the app is untouched, and a free port set later starts the server
    expect(core.settings.get('stripe.mode')).toBe('test');
    const free = await freePort();
    core.settings.set('inbound.port', free);
    await expect.poll(() => core.inbound.current).toEqual({ state: 'listening', url: `http://127.0.0.1:${free}/` });
  });

  it('inbound.port 0 turns it off, saying so; a bad port is refused naming the setting', async () => {
    const { core, service } = desktopCore();
    core.settings.set('inbound.port', await freePort());
    await service().ready;
    const url = listeningUrl(core);
    core.settings.set('inbound.port', 0);
    await expect.poll(() => core.inbound.current.state).toBe('none');
    expect(core.inbound.current).toMatchObject({ reason: expect.stringContaining('inbound.port is 0') });
    await expect(fetch(url)).rejects.toThrow();
    const dispatcher = createDispatcher(core);
    expect(await dispatcher.call('settings.set', { key: 'inbound.port', value: 70_000 }, { transport: 'cli' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'value', message: 'Inbound port (desktop app) must be a whole number from 0 (off) to 65535' } });
    expect(await dispatcher.call('settings.set', { key: 'inbound.host', value: 'http://example.com' }, { transport: 'cli' })).toMatchObject({ ok: false, error: { field: 'value', message: expect.stringMatching(/^Inbound address \(desktop app\) must be an address of this machine to listen on/) } });
    expect(core.settings.get('inbound.port')).toBe(0);
  });
});
