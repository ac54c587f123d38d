import { describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { wf } from '../../../../tests/helpers/workflows/documents';
import { serverPerTest } from '../../../../tests/helpers/workflows/server-per-test';

let t: TestCore;
const http = serverPerTest(() => t?.cleanup());

describe('http.request', () => {
  it('GETs a URL, parses JSON, sends Idempotency-Key = runId:nodeId', async () => {
    t = testCore();
    http.server.route('/orders/7', (_hit, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-extra': 'yes' });
      res.end(JSON.stringify({ id: 7, total: 12.5 }));
    });
    const r = await t.core.workflows.run({
      workflow: wf([{ id: 'fetch', type: 'http.request', params: { url: `${http.server.url}/orders/{{ input.id }}` } }]),
      input: { id: 7 },
      wait: true,
    });
    expect(r.status).toBe('succeeded');
    expect(r.output).toMatchObject({ status: 200, body: { id: 7, total: 12.5 }, headers: { 'x-extra': 'yes' } });
    expect(http.server.hits).toHaveLength(1);
    expect(http.server.hits[0]?.key).toBe(`${r.runId}:fetch`);
  });

  it('POSTs JSON bodies built from expressions (Class B runs in post-launch)', async () => {
    t = testCore({ stage: 'post-launch' });
    const r = await t.core.workflows.run({
      workflow: wf([{ id: 'send', type: 'http.request', params: { method: 'POST', url: `${http.server.url}/hook`, body: { total: '{{ input.a * 2 }}', note: 'x' }, headers: { 'x-a': 'b' } } }]),
      input: { a: 21 },
      wait: true,
    });
    expect(r.status).toBe('succeeded');
    const hit = http.server.hitsOn('/hook')[0];
    expect(hit?.method).toBe('POST');
    expect(JSON.parse(hit?.body ?? '{}')).toEqual({ total: 42, note: 'x' });
    expect(hit?.headers['content-type']).toBe('application/json');
    expect(hit?.headers['x-a']).toBe('b');
    const audit = t.core.engine.audit.forRun(r.runId);
    expect(audit).toEqual([expect.objectContaining({ nodeId: 'send', class: 'B', stage: 'post-launch', mode: 'real', decision: 'not-required' })]);
  });

  it('in pre-launch, a POST asks for approval showing its dry run, and sends only once approved', async () => {
    t = testCore({ stage: 'pre-launch' });
    const r = await t.core.workflows.run({ workflow: wf([{ id: 'send', type: 'http.request', params: { method: 'POST', url: `${http.server.url}/hook`, body: { a: 1 } } }]), wait: true });
    expect(r.status).toBe('waiting');
    expect(http.server.hits).toHaveLength(0);
    const [a] = t.core.approvals.list({ runId: r.runId, status: 'pending', limit: 5 });
    expect(a).toMatchObject({ nodeId: 'send', class: 'B', stage: 'pre-launch', preview: { method: 'POST', url: `${http.server.url}/hook`, body: { a: 1 }, headers: { 'Idempotency-Key': `${r.runId}:send` } } });
    t.core.approvals.approve(a!.id);
    const done = await t.core.runs.wait(r.runId, { untilEnd: true });
    expect(done.status).toBe('succeeded');
    expect(http.server.hitsOn('/hook')).toHaveLength(1);
    expect(t.core.runs.get(r.runId).steps[0]).toMatchObject({ status: 'succeeded', mode: 'real', class: 'B' });
    expect(t.core.engine.audit.forRun(r.runId)).toEqual([expect.objectContaining({ mode: 'real', decision: 'approved', stage: 'pre-launch', approvalId: a!.id })]);
  });

  it('in a dry run (workflows.run dryRun), a POST records its preview and sends nothing', async () => {
    t = testCore({ stage: 'pre-launch' });
    const r = await t.core.workflows.run({ workflow: wf([{ id: 'send', type: 'http.request', params: { method: 'POST', url: `${http.server.url}/hook`, body: { a: 1 } } }]), wait: true, dryRun: true });
    expect(r.status).toBe('succeeded');
    expect(http.server.hits).toHaveLength(0);
    expect(r.output).toMatchObject({ dryRun: true, preview: { method: 'POST', url: `${http.server.url}/hook`, body: { a: 1 }, headers: { 'Idempotency-Key': `${r.runId}:send` } } });
    expect(t.core.runs.get(r.runId).steps[0]).toMatchObject({ status: 'succeeded', mode: 'dry-run' });
    expect(t.core.engine.audit.forRun(r.runId)).toEqual([expect.objectContaining({ mode: 'dry-run', decision: 'dry-run', stage: 'pre-launch' })]);
  });

  it('fails on a 4xx at once and retries a 5xx with backoff, with the same key', async () => {
    t = testCore();
    http.server.route('/gone', (_h, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    });
    let calls = 0;
    http.server.route('/flaky', (_h, res) => {
      calls++;
      res.writeHead(calls < 3 ? 503 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ calls }));
    });
    const gone = await t.core.workflows.run({ workflow: wf([{ id: 'get', type: 'http.request', params: { url: `${http.server.url}/gone` }, retry: { maxAttempts: 5 } }]), wait: true });
    expect(gone.status).toBe('failed');
    expect(gone.error).toMatchObject({ code: 'HTTP_STATUS', nodeId: 'get', message: expect.stringContaining('404') });
    expect(http.server.hitsOn('/gone')).toHaveLength(1);

    const run = t.core.workflows.run({
      workflow: wf([{ id: 'get', type: 'http.request', params: { url: `${http.server.url}/flaky` }, retry: { maxAttempts: 5, initialMs: 1000, maxMs: 60_000, jitter: false } }]),
      wait: true,
    });
    // attempt 1 now, 2 after 1 s, 3 after 2 more
    await waitFor(() => http.server.hitsOn('/flaky').length === 1);
    await t.timer.advance(999);
    expect(http.server.hitsOn('/flaky')).toHaveLength(1);
    await t.timer.advance(1);
    await waitFor(() => http.server.hitsOn('/flaky').length === 2);
    await t.timer.advance(2000);
    const r = await run;
    expect(r.status).toBe('succeeded');
    expect(r.steps).toEqual([{ id: 'get', status: 'succeeded', attempts: 3 }]);
    expect(new Set(http.server.hitsOn('/flaky').map((h) => h.key))).toEqual(new Set([`${r.runId}:get`]));
  });

  it('can output an error status instead of failing', async () => {
    t = testCore();
    http.server.route('/teapot', (_h, res) => {
      res.writeHead(418);
      res.end();
    });
    const r = await t.core.workflows.run({ workflow: wf([{ id: 'get', type: 'http.request', params: { url: `${http.server.url}/teapot`, failOnStatus: false } }]), wait: true });
    expect(r.status).toBe('succeeded');
    expect(r.output).toMatchObject({ status: 418, body: '' });
  });

  it('times out a hanging server (timeoutMs) as a retriable error', async () => {
    t = testCore();
    http.server.route('/hang', () => undefined);
    const r = await t.core.workflows.run({ workflow: wf([{ id: 'get', type: 'http.request', params: { url: `${http.server.url}/hang`, timeoutMs: 150 } }]), wait: true });
    expect(r.status).toBe('failed');
    expect(r.error).toMatchObject({ code: 'TIMEOUT' });
  });

  it('reports a refused connection as a network error', async () => {
    t = testCore();
    const r = await t.core.workflows.run({ workflow: wf([{ id: 'get', type: 'http.request', params: { url: 'http://127.0.0.1:1/x' } }]), wait: true });
    expect(r.status).toBe('failed');
    expect(r.error).toMatchObject({ code: 'HTTP_NETWORK' });
  });
});

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
