import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { assertBuilt, levqor, levqorAsync as levqorIn, startServe } from '../helpers/cli';

/** The target HTTP server lives in this process; the CLI must not block it. */
const levqorAsync = (args: string[]) => levqorIn(args, { LEVQOR_DATABASE_URL: '' });

beforeAll(assertBuilt);

let mode: 'up' | 'down' = 'up';
const server = createServer((_req, res) => (mode === 'up' ? res.writeHead(200).end('status: levqor ok') : res.writeHead(503).end('maintenance')));
let url = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('levqor monitor / guardian', () => {
  it('add, list, check (retries then DOWN), summary and healing plan as JSON, remove', async () => {
    const dir = tempDir();
    const run = (...args: string[]) => levqorAsync(['--data-dir', dir, ...args]);

    const added = await run('monitor', 'add', '--type', 'http', '--url', url, '--interval', '30', '--keyword', 'levqor', '--retries', '1', '--json');
    expect(added.code).toBe(0);
    const monitor = JSON.parse(added.stdout);
    expect(monitor).toMatchObject({ type: 'http', url, intervalSeconds: 30, keyword: 'levqor', retries: 1, state: 'PENDING' });

    const list = await run('monitor', 'list', '--json');
    expect(JSON.parse(list.stdout).monitors).toHaveLength(1);

    const up = await run('guardian', 'check', '--json');
    expect(up.code).toBe(0);
    expect(JSON.parse(up.stdout).monitors[0]).toMatchObject({ id: monitor.id, state: 'UP' });

    mode = 'down';
    expect(JSON.parse((await run('guardian', 'check', '--json')).stdout).monitors[0]).toMatchObject({ state: 'PENDING', failures: 1 });
    const human = await run('guardian', 'check');
    expect(human.stdout).toMatch(/^DOWN\s+\S+\s+http/);
    mode = 'up';

    const summary = await run('guardian', 'summary', '--json');
    expect(summary.code).toBe(0);
    const s = JSON.parse(summary.stdout);
    expect(s).toMatchObject({ score: 85, breakdown: [{ cause: expect.stringContaining('is DOWN'), points: 15 }], monitors: { total: 1, down: 1 }, anomalies: [] });
    expect(s.breakdown.reduce((n: number, b: { points: number }) => n + b.points, 0)).toBe(100 - s.score);
    expect((await run('guardian', 'summary')).stdout).toContain('Health score: 85/100');

    const plan = await run('guardian', 'healing-plan', '--json');
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({ dryRun: true, score: 85, steps: [expect.objectContaining({ action: 'recheck_monitor', class: 'A', finding: 'monitor_down', evidence: expect.stringContaining('HTTP 503') })] });
    expect((await run('guardian', 'healing-plan')).stdout).toContain('dry run');

    const removed = await run('monitor', 'remove', monitor.id);
    expect(removed.code).toBe(0);
    const again = await run('monitor', 'remove', monitor.id);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`no monitor ${monitor.id}`);
  }, 120_000);

  it('bad definitions exit 2 naming the flag; nothing is stored', () => {
    const dir = tempDir();
    const bad = (args: string[], text: RegExp) => {
      const r = levqor(['--data-dir', dir, 'monitor', 'add', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(text);
    };
    bad(['--type', 'http', '--url', 'not a url'], /^levqor: --url: is not a valid URL/);
    bad(['--type', 'http', '--url', 'https://example.com', '--interval', '0.5'], /^levqor: --interval: must be at least 1 second/);
    bad(['--type', 'http', '--url', 'https://example.com', '--interval', 'soon'], /^levqor: --interval: must be a number/);
    bad(['--type', 'smtp', '--url', 'https://example.com'], /^levqor: --type: must be one of http, postgres, push, internal/);
    expect(JSON.parse(levqor(['--data-dir', dir, 'monitor', 'list', '--json']).stdout)).toEqual({ monitors: [] });
  }, 90_000);

  it('a push monitor is pinged at /heartbeat/<token> on levqor serve without the access token', async () => {
    const dir = tempDir();
    const added = levqor(['--data-dir', dir, 'monitor', 'add', '--type', 'push', '--interval', '300', '--json']);
    expect(added.code).toBe(0);
    const m = JSON.parse(added.stdout);
    const serve = await startServe(dir, { LEVQOR_DATABASE_URL: '' });
    try {
      const ping = await fetch(`${serve.base}${m.pushPath.slice(1)}`, { method: 'POST', body: 'backup ok' });
      expect(ping.status).toBe(200);
      expect(await ping.json()).toEqual({ ok: true, monitorId: m.id, state: 'UP' });
      expect((await fetch(`${serve.base}heartbeat/not-a-token`)).status).toBe(404);
    } finally {
      await serve.stop();
    }
    expect(JSON.parse(levqor(['--data-dir', dir, 'monitor', 'list', '--json']).stdout).monitors[0]).toMatchObject({ state: 'UP', lastPingAt: expect.any(Number) });
  }, 90_000);
});
