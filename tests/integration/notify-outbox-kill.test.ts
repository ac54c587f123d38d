import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core';
import { SlackServer } from '../helpers/notify/slack-server';
import { tempDir } from '../helpers/temp-dir';

const secretKey = 'd'.repeat(64);
const children: ChildProcess[] = [];
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const f of cleanup.splice(0)) await f();
});

/** The outbox's delivery in a process of its own, with Slack's rate scaled to one message per 2 ms. */
async function deliveryProcess(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../helpers/notify/outbox-child.ts'), dataDir, '0.002', secretKey], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the delivery process exited (${code}) before it started`)));
  });
  return child;
}

function openCore(dataDir: string): Core {
  const core = createCore({ dataDir, logToFile: false, env: { LEVQOR_SECRET_KEY: secretKey } });
  cleanup.push(() => core.close());
  return core;
}

describe('kill -9 of the app with 1,000 messages in the outbox', () => {
  it('delivers every message after the restart, in order, with at most one repeat (the one on the wire at the kill)', async () => {
    const slack = await new SlackServer().start();
    cleanup.push(() => slack.close());
    const dataDir = join(tempDir('levqor-notify-kill-'), 'data');
    const writer = openCore(dataDir);
    writer.secrets.set('slack.webhookUrl', slack.webhookUrl);
    const titles = Array.from({ length: 1000 }, (_, i) => `alert ${String(i).padStart(4, '0')}`);
    for (const title of titles) writer.notify.send({ key: title, title, body: '', area: 'guardian', at: Date.now() }, ['slack']);

    const first = await deliveryProcess(dataDir);
    await expect.poll(() => slack.accepted.length, { timeout: 30_000, interval: 5 }).toBeGreaterThanOrEqual(250);
    const exited = new Promise((r) => first.once('exit', r));
    first.kill('SIGKILL');
    await exited;
    const atKill = slack.accepted.length;
    expect(atKill).toBeLessThan(1000);

    await deliveryProcess(dataDir);
    await expect.poll(() => writer.notify.outbox({ state: 'pending', limit: 1 }).length, { timeout: 60_000, interval: 50 }).toBe(0);
    const got = slack.titles();
    expect(new Set(got)).toEqual(new Set(titles));
    // a message on the wire when the process died is sent again: Slack's webhooks take no idempotency key
    expect(got.length - titles.length).toBeLessThanOrEqual(1);
    const once = got.filter((t, i) => got.indexOf(t) === i);
    expect(once).toEqual(titles);
    expect(writer.notify.outbox({ state: 'sent', limit: 500 })).toHaveLength(500);
  }, 120_000);
});
