import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStreamParser } from '../../src-renderer/src/api/event-stream-reader';
import { tempDir } from '../helpers/temp-dir';
import { assertBuilt, levqorAsync, startServe } from '../helpers/cli';

beforeAll(assertBuilt);

let healthy = false;
const target = createServer((_req, res) => (healthy ? res.writeHead(200).end('ok') : res.writeHead(503).end('maintenance')));
let url = '';
beforeAll(async () => {
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/health`;
});
afterAll(() => new Promise<void>((r) => target.close(() => r())));

/** Reads the server's event stream until an event of this name arrives. */
async function nextEvent(body: ReadableStream<Uint8Array>, name: string): Promise<unknown> {
  const reader = body.getReader();
  const parser = new EventStreamParser();
  const decoder = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before ${name}`);
    const found = parser.push(decoder.decode(value, { stream: true })).find((e) => e.event === name);
    if (found) return JSON.parse(found.data);
  }
}

describe('levqor notify', () => {
  it('a DOWN alert seen by the CLI waits in the outbox; levqor serve delivers it, and its own alerts reach the event stream as notify.notice', async () => {
    const dir = tempDir();
    const run = (...args: string[]) => levqorAsync(['--data-dir', dir, ...args], { LEVQOR_DATABASE_URL: '' });
    expect((await run('monitor', 'add', '--type', 'http', '--url', url, '--retries', '0', '--name', 'shop', '--json')).code).toBe(0);
    expect((await run('guardian', 'check', '--json')).code).toBe(0);

    const waiting = await run('notify', 'outbox', '--json');
    const [row] = JSON.parse(waiting.stdout).rows;
    expect(row).toMatchObject({ channel: 'os', state: 'pending', attempts: 0, notice: { title: 'Monitor DOWN: shop', area: 'guardian' } });
    expect(await run('notify', 'outbox')).toMatchObject({ code: 0, stdout: expect.stringContaining('Monitor DOWN: shop') });
    expect(await run('notify', 'retry', row.id)).toMatchObject({ code: 2, stderr: expect.stringContaining('already waiting to be delivered') });
    expect(await run('notify', 'outbox', '--state', 'lost')).toMatchObject({ code: 2, stderr: expect.stringContaining('--state: must be one of pending, sent, failed, skipped') });

    const serve = await startServe(dir, { LEVQOR_DATABASE_URL: '' });
    try {
      await expect.poll(async () => JSON.parse((await run('notify', 'outbox', '--state', 'sent', '--json')).stdout).rows.map((r: { id: string }) => r.id), { timeout: 10_000 }).toEqual([row.id]);

      const controller = new AbortController();
      const events = await fetch(`${serve.base}api/events`, { headers: { authorization: `Bearer ${serve.token}` }, signal: controller.signal });
      const notice = nextEvent(events.body!, 'notify.notice');
      healthy = true;
      const checked = await fetch(`${serve.base}api/guardian.check`, { method: 'POST', headers: { authorization: `Bearer ${serve.token}`, 'content-type': 'application/json' }, body: '{}' });
      expect(checked.status).toBe(200);
      expect(await notice).toEqual({ id: expect.any(String), title: 'Monitor back UP: shop', body: expect.stringContaining('UP again'), area: 'guardian', severity: 'info', at: expect.any(Number) });
      controller.abort();
    } finally {
      await serve.stop();
    }
  });
});
