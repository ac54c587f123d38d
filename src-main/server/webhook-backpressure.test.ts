import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../core';
import { serveForTest, serveInProcess } from '../../tests/helpers/in-process-server';

/** A local HTTP target that holds every request until released: how many runs execute at once. */
async function gate() {
  let open = false;
  let inside = 0;
  let most = 0;
  const held: ServerResponse[] = [];
  const answer = (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  const server = createServer((_req: IncomingMessage, res: ServerResponse) => {
    inside++;
    most = Math.max(most, inside);
    res.once('finish', () => inside--);
    if (open) answer(res);
    else held.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`;
  return {
    url,
    held: () => held.length,
    most: () => most,
    release() {
      open = true;
      for (const res of held.splice(0)) answer(res);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
type Gate = Awaited<ReturnType<typeof gate>>;
const gates: Gate[] = [];
afterEach(async () => {
  for (const g of gates.splice(0)) {
    g.release();
    await g.close();
  }
});

function limits(inFlight: number, queued: number) {
  return { LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_WORKFLOWS_MAX_RUNS_IN_FLIGHT: String(inFlight), LEVQOR_WORKFLOWS_MAX_QUEUED_RUNS: String(queued) };
}

/** `levqor serve` in process with a webhook workflow whose one step waits on the gate. */
async function hookedServer(env: Record<string, string>, respond: 'immediately' | 'onFinish', keep = serveForTest) {
  const target = await gate();
  gates.push(target);
  const served = await keep({ env });
  served.core.background.start();
  const workflow = { name: 'Slow hook', trigger: { type: 'webhook', path: 'slow', respond }, nodes: [{ id: 'wait', type: 'http.request', params: { url: target.url } }], edges: [] };
  const imported = (await (await served.call('workflows.import', { workflow })).json()) as { id: string };
  const detail = (await (await served.call('workflows.get', { id: imported.id })).json()) as { webhook: { secret: string } };
  const post = (n: number) =>
    fetch(`${served.origin}/hooks/slow`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-levqor-secret': detail.webhook.secret }, body: JSON.stringify({ n }) });
  return { served, target, post };
}

function runsByStatus(core: Core): Record<string, number> {
  const rows = core.db.prepare('SELECT status, COUNT(*) AS n FROM runs GROUP BY status').all() as { status: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

const soon = { timeout: 5000, interval: 20 };

describe('webhooks under load: workflows.maxRunsInFlight and workflows.maxQueuedRuns', () => {
  it('respond immediately: at most the bound execute at once, the rest wait as queued rows and all finish', async () => {
    const { served, target, post } = await hookedServer(limits(2, 100), 'immediately');
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map(post));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202, 202]);
    await vi.waitFor(() => expect(target.held()).toBe(2), soon);
    expect(runsByStatus(served.core)).toEqual({ running: 2, queued: 4 });
    target.release();
    await vi.waitFor(() => expect(runsByStatus(served.core)).toEqual({ succeeded: 6 }), soon);
    expect(target.most()).toBe(2);
  });

  it('respond onFinish: a request whose run waited in the queue still gets the run’s answer', async () => {
    const { served, target, post } = await hookedServer(limits(2, 100), 'onFinish');
    const pending = [1, 2, 3, 4, 5].map(post);
    await vi.waitFor(() => expect(runsByStatus(served.core)).toEqual({ running: 2, queued: 3 }), soon);
    target.release();
    const answers = await Promise.all(pending);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { status: string }[];
    expect(bodies.every((b) => b.status === 'succeeded')).toBe(true);
    expect(target.most()).toBe(2);
    expect(runsByStatus(served.core)).toEqual({ succeeded: 5 });
  });

  it('past the queue limit: 429 with Retry-After in seconds, and nothing is saved', async () => {
    const { served, target, post } = await hookedServer(limits(1, 2), 'immediately');
    expect((await post(1)).status).toBe(202);
    await vi.waitFor(() => expect(target.held()).toBe(1), soon);
    expect([(await post(2)).status, (await post(3)).status]).toEqual([202, 202]);
    const before = runsByStatus(served.core);
    const refused = await post(4);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/workflows\.maxQueuedRuns/);
    expect(runsByStatus(served.core)).toEqual(before);
    expect(before).toEqual({ running: 1, queued: 2 });
    target.release();
    await vi.waitFor(() => expect(runsByStatus(served.core)).toEqual({ succeeded: 3 }), soon);
  });

  it('a restart with queued runs starts them from the database', async () => {
    const { served, target, post } = await hookedServer(limits(1, 100), 'immediately', serveInProcess);
    await Promise.all([1, 2, 3].map(post));
    await vi.waitFor(() => expect(target.held()).toBe(1), soon);
    await served.close();
    target.release();
    const again = createCore({ dataDir: served.dataDir, env: limits(1, 100), logToFile: false });
    try {
      expect(runsByStatus(again).queued).toBe(2);
      again.background.start();
      await vi.waitFor(() => expect(runsByStatus(again)).toEqual({ succeeded: 3 }), soon);
    } finally {
      again.close();
    }
  });
});
