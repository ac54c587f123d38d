import { describe, expect, it } from 'vitest';
import { serveForTest } from '../../tests/helpers/in-process-server';

/** webhook → log → transform: the transform's output (the last step's) echoes the request. */
function hookWorkflow(path: string, respond: 'onFinish' | 'immediately', extraNodes: unknown[] = [], extraEdges: unknown[] = []) {
  return {
    name: `Hook ${path}`,
    trigger: { type: 'webhook', path, respond },
    nodes: [
      { id: 'say', type: 'log', params: { message: 'order {{ trigger.body.id }}' } },
      {
        id: 'shape',
        type: 'transform',
        params: { expression: "{ 'order': trigger.body.id, 'double': trigger.body.qty * 2, 'from': trigger.headers.`x-shop`, 'secretSeen': $exists(trigger.headers.`x-levqor-secret`) }" },
      },
      ...extraNodes,
    ],
    edges: [{ from: 'say', to: 'shape' }, ...extraEdges],
  };
}

/** The headless server as `levqor serve` wires it: core + dispatcher + appRoutes, background work on. */
async function serve() {
  const { core, server, token } = await serveForTest({ env: { LEVQOR_LAUNCH_STAGE: 'post-launch' } });
  core.background.start();
  const api = async <T>(name: string, input: unknown): Promise<T> => {
    const res = await fetch(`${server.url}api/${name}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(input) });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const install = async (workflow: unknown) => {
    const { id } = await api<{ id: string }>('workflows.import', { workflow });
    const detail = await api<{ webhook?: { path: string; url: string; secret: string; respond: string } }>('workflows.get', { id });
    return { id, secret: detail.webhook!.secret, url: detail.webhook!.url };
  };
  const hook = (path: string, body: unknown, options: { secret?: string; query?: string; headers?: Record<string, string> } = {}) =>
    fetch(`${server.url}hooks/${path}${options.query !== undefined ? `?secret=${encodeURIComponent(options.query)}` : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.secret !== undefined ? { 'x-levqor-secret': options.secret } : {}), ...options.headers },
      body: JSON.stringify(body),
    });
  return { core, server, api, install, hook };
}

describe('POST /hooks/<path>', () => {
  it('respond onFinish: answers 200 with the last step’s output once the run ends', async () => {
    const { core, install, hook } = await serve();
    const { secret, url } = await install(hookWorkflow('new-order', 'onFinish'));
    expect(url).toBe('/hooks/new-order');
    const res = await hook('new-order', { id: 42, qty: 3 }, { secret, headers: { 'x-shop': 'shopify' } });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { runId: string; status: string; output: unknown };
    expect(answer).toEqual({ runId: expect.any(String), status: 'succeeded', output: { order: 42, double: 6, from: 'shopify', secretSeen: false } });
    const run = core.runs.get(answer.runId);
    expect(run).toMatchObject({ trigger: 'webhook', status: 'succeeded' });
    expect(run.logs.map((l) => l.message)).toEqual(['order 42']);
    // the trigger's output is the body and headers, never the secret
    expect(run.input).toMatchObject({ body: { id: 42, qty: 3 }, headers: { 'x-shop': 'shopify' } });
    expect(JSON.stringify(run.input)).not.toContain(secret);
  });

  it('respond immediately: answers 202 with the run id before the run ends; the run goes on', async () => {
    const { core, install, hook } = await serve();
    // a durable delay after the transform: the run cannot have ended when the answer comes
    const { secret } = await install(hookWorkflow('queued', 'immediately', [{ id: 'later', type: 'delay', params: { duration: '300ms' } }], [{ from: 'shape', to: 'later' }]));
    const res = await hook('queued', { id: 7, qty: 1 }, { secret });
    expect(res.status).toBe(202);
    const answer = (await res.json()) as { runId: string; status: string };
    expect(answer).toEqual({ runId: expect.any(String), status: 'running' });
    expect(core.runs.get(answer.runId).status).not.toBe('succeeded');
    const done = await core.runs.wait(answer.runId, { untilEnd: true });
    expect(done.status).toBe('succeeded');
  });

  it('takes the secret from the header or from ?secret=', async () => {
    const { install, hook } = await serve();
    const { secret } = await install(hookWorkflow('either', 'onFinish'));
    expect((await hook('either', { id: 1, qty: 1 }, { secret })).status).toBe(200);
    expect((await hook('either', { id: 2, qty: 1 }, { query: secret })).status).toBe(200);
  });

  it('a wrong or missing secret is 401 and starts no run', async () => {
    const { core, install, hook } = await serve();
    const { secret } = await install(hookWorkflow('guarded', 'onFinish'));
    for (const res of [await hook('guarded', { id: 1 }, { secret: 'wrong' }), await hook('guarded', { id: 1 }, { query: `${secret}x` }), await hook('guarded', { id: 1 })]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    }
    expect(core.runs.list({ limit: 10 })).toEqual([]);
  });

  it('an unknown path, or a disabled webhook, is 404', async () => {
    const { api, install, hook } = await serve();
    const { id, secret } = await install(hookWorkflow('switchable', 'onFinish'));
    const unknown = await hook('nobody-here', { id: 1 }, { secret });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    await api('workflows.setEnabled', { id, enabled: false });
    expect((await hook('switchable', { id: 1, qty: 1 }, { secret })).status).toBe(404);
    await api('workflows.setEnabled', { id, enabled: true });
    expect((await hook('switchable', { id: 1, qty: 1 }, { secret })).status).toBe(200);
    // imported disabled: 404 from the start
    const off = await api<{ id: string }>('workflows.import', { workflow: hookWorkflow('born-off', 'onFinish'), enabled: false });
    const detail = await api<{ webhook: { secret: string } }>('workflows.get', { id: off.id });
    expect((await hook('born-off', { id: 1, qty: 1 }, { secret: detail.webhook.secret })).status).toBe(404);
  });

  it('rotateSecret: the old secret is 401 at once, the new one works', async () => {
    const { api, install, hook } = await serve();
    const { id, secret: old } = await install(hookWorkflow('rotating', 'onFinish'));
    const { secret: fresh } = await api<{ secret: string }>('workflows.rotateSecret', { id });
    expect(fresh).not.toBe(old);
    expect((await hook('rotating', { id: 1, qty: 1 }, { secret: old })).status).toBe(401);
    expect((await hook('rotating', { id: 1, qty: 1 }, { query: old })).status).toBe(401);
    expect((await hook('rotating', { id: 1, qty: 1 }, { secret: fresh })).status).toBe(200);
    expect((await api<{ webhook: { secret: string } }>('workflows.get', { id })).webhook.secret).toBe(fresh);
  });

  it('a run that fails answers 500 with the error; a body that is not JSON is 400', async () => {
    const { server, install, hook } = await serve();
    const { secret } = await install({
      name: 'Hook failing',
      trigger: { type: 'webhook', path: 'failing', respond: 'onFinish' },
      nodes: [{ id: 'boom', type: 'transform', params: { expression: "$error('no such order')" } }],
      edges: [],
    });
    const failed = await hook('failing', { id: 1 }, { secret });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ status: 'failed', error: { code: 'RUN_FAILED', message: expect.stringContaining('no such order') } });
    const bad = await fetch(`${server.url}hooks/failing`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-levqor-secret': secret }, body: '{not json' });
    expect(bad.status).toBe(400);
  });
});
