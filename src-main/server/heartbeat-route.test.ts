import { describe, expect, it } from 'vitest';
import { serveForTest } from '../../tests/helpers/in-process-server';

describe('heartbeat route', () => {
  it('GET and POST /heartbeat/<token> need no access token; a wrong token is 404', async () => {
    const { core, server } = await serveForTest({ env: { LEVQOR_SECRET_KEY: 'c'.repeat(64) } });
    const monitor = core.guardian.add({ type: 'push', intervalSeconds: 60 });
    const pingUrl = `${server.url}${monitor.pushPath!.replace(/^\//, '')}`;
    const get = await fetch(pingUrl);
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ ok: true, monitorId: monitor.id, state: 'UP' });
    expect((await fetch(pingUrl, { method: 'POST', body: 'job output' })).status).toBe(200);
    expect((await fetch(`${server.url}heartbeat/wrong-token`)).status).toBe(404);
    expect((await fetch(`${server.url}api/guardian.monitors`, { method: 'POST', body: '{}' })).status).toBe(401);
  });
});
