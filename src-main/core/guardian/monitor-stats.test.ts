import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { createCore, ManualClock } from '..';
import { createDispatcher } from '../../api/dispatcher';
import { dispatcherCall } from '../../../tests/helpers/dispatcher-call';

const minute = 60_000;
const day = 24 * 60 * minute;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('guardian.monitorStats', () => {
  it('counts uptime over 24 h and 30 days from UP and DOWN checks, lists the newest beats and averages response times per slice', async () => {
    let status = 200;
    const server = createServer((_req, res) => res.writeHead(status).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const clock = new ManualClock(Date.UTC(2026, 5, 1, 12));
    const core = createCore({ dataDir: tempDir(), env: { LEVQOR_SECRET_KEY: 'c'.repeat(64), LEVQOR_DATABASE_URL: '' }, clock, logToFile: false });
    cleanups.push(() => core.close());
    const m = core.guardian.add({ type: 'http', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, name: 'api' });
    const idle = core.guardian.add({ type: 'internal', check: 'disk', minFreeMb: 0, name: 'never checked' });
    // ten days ago: 3 DOWN checks; today: 6 UP and 2 DOWN
    clock.advance(-10 * day);
    status = 500;
    for (let i = 0; i < 3; i++) {
      await core.guardian.checkOne(m.id);
      clock.advance(minute);
    }
    clock.set(Date.UTC(2026, 5, 1, 12) - 2 * 60 * minute);
    status = 200;
    for (let i = 0; i < 8; i++) {
      if (i === 6) status = 500;
      await core.guardian.checkOne(m.id);
      clock.advance(10 * minute);
    }
    const call = dispatcherCall(createDispatcher(core));
    const out = await call('guardian.monitorStats', { points: 12, beats: 5 });
    expect(out.to - out.from).toBe(day);
    const api1 = out.monitors.find((s: { id: string }) => s.id === m.id);
    expect(api1.uptime24h).toEqual({ up: 6, down: 2, ratio: 0.75 });
    expect(api1.uptime30d).toEqual({ up: 6, down: 5, ratio: 6 / 11 });
    expect(api1.recent.map((b: { state: string }) => b.state)).toEqual(['UP', 'UP', 'UP', 'DOWN', 'DOWN']);
    expect(api1.recent[4]).toMatchObject({ message: 'HTTP 500 (expected 2xx)', ms: expect.any(Number) });
    // 12 slices of 2 h: today's checks fall in the last one, averaged; the DOWN ones ten days ago are outside the window
    expect(api1.responseTimes).toEqual([{ at: out.from + 11 * 2 * 60 * minute, ms: expect.any(Number) }]);
    expect(out.monitors.find((s: { id: string }) => s.id === idle.id)).toEqual({ id: idle.id, uptime24h: { up: 0, down: 0, ratio: null }, uptime30d: { up: 0, down: 0, ratio: null }, recent: [], responseTimes: [] });

    await expect(call('guardian.monitorStats', { from: 10, to: 5 })).rejects.toMatchObject({ code: 'BAD_INPUT', message: 'guardian.monitorStats: to: must be after from' });
  });
});
