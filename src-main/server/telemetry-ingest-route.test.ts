import { describe, expect, it } from 'vitest';
import { serveForTest } from '../../tests/helpers/in-process-server';
import { telemetryIngestRoute } from './telemetry-ingest-route';

async function serve() {
  const { core, server, token } = await serveForTest({ routes: (dispatcher) => [telemetryIngestRoute(dispatcher)] });
  const post = (body: string, type = 'application/x-ndjson', auth = token) =>
    fetch(`${server.url}ingest/telemetry`, { method: 'POST', headers: { 'content-type': type, ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body });
  const stored = () => core.db.prepare('SELECT count(*) FROM telemetry_logs').pluck().get() as number;
  return { post, stored };
}

const line = (extra: Record<string, unknown> = {}) => JSON.stringify({ level: 'info', message: 'hello', ...extra });

describe('POST /ingest/telemetry', () => {
  it('stores an NDJSON batch or a JSON array with the token', async () => {
    const { post, stored } = await serve();
    const nd = await post([line(), line({ level: 'warn' })].join('\n'));
    expect(nd.status).toBe(200);
    expect(await nd.json()).toEqual({ accepted: 2, duplicates: 0 });
    const arr = await post(`[${line()}]`, 'application/json');
    expect(await arr.json()).toEqual({ accepted: 1, duplicates: 0 });
    expect(stored()).toBe(3);
  });

  it('refuses a missing or wrong token (401) and stores nothing', async () => {
    const { post, stored } = await serve();
    expect((await post(line(), 'application/x-ndjson', '')).status).toBe(401);
    expect((await post(line(), 'application/x-ndjson', 'nope')).status).toBe(401);
    expect(stored()).toBe(0);
  });

  it('rejects a batch whole: 400 with the line and field of the first bad row; 413 when too big', async () => {
    const { post, stored } = await serve();
    const bad = await post([line(), line({ id: 'nope' }), line()].join('\n'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'BAD_INPUT', field: 'id', line: 2, message: expect.stringMatching(/^line 2: id: must be a UUID/) } });
    const many = await post(Array.from({ length: 10_001 }, () => line()).join('\n'));
    expect(many.status).toBe(413);
    const huge = await post('x'.repeat(9 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect((await post(line(), 'text/plain')).status).toBe(400);
    expect(stored()).toBe(0);
  });
});
