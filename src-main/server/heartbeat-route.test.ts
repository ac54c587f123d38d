import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp-dir';
import { createCore, type Core } from '../core';
import { createDispatcher } from '../api/dispatcher';
import { startServer, type RunningServer } from './http-server';
import { appRoutes } from './routes';

let running: { server: RunningServer; core: Core } | undefined;
afterEach(async () => {
  await running?.server.close();
  running?.core.close();
  running = undefined;
});

describe('heartbeat route', () => {
  it('GET and POST /heartbeat/<token> need no access token; a wrong token is 404', async () => {
    const core = createCore({ dataDir: tempDir(), env: { LEVQOR_SECRET_KEY: 'c'.repeat(64) }, logToFile: false });
    const monitor = core.guardian.add({ type: 'push', intervalSeconds: 60 });
    const dispatcher = createDispatcher(core);
    const server = await startServer({ core, dispatcher, token: 't'.repeat(43), port: 0, routes: appRoutes(dispatcher) });
    running = { server, core };
    const pingUrl = `${server.url}${monitor.pushPath!.replace(/^\//, '')}`;
    const get = await fetch(pingUrl);
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ ok: true, monitorId: monitor.id, state: 'UP' });
    expect((await fetch(pingUrl, { method: 'POST', body: 'job output' })).status).toBe(200);
    expect((await fetch(`${server.url}heartbeat/wrong-token`)).status).toBe(404);
    expect((await fetch(`${server.url}api/guardian.monitors`, { method: 'POST', body: '{}' })).status).toBe(401);
  });
});
