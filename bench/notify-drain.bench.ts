import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelDef } from '../src-main/core/notify';
import type { ChannelId } from '../src-main/core/notify/channels';
import { postJson } from '../src-main/core/notify/http-delivery';
import { builtCore } from './built-core';
import type { Report } from './measure';

// 1 message a second per webhook and per chat would make 10,000 messages take hours: the servers
// enforce one per intervalMs instead, and the app's published rates are scaled to match
const intervalMs = Number(process.env.LEVQOR_BENCH_NOTIFY_INTERVAL_MS ?? 50);
const messages = Number(process.env.LEVQOR_BENCH_NOTIFY_MESSAGES ?? 10_000);

interface Taken {
  accepted: number;
  refused: number;
  /** When the server took its first and last message. */
  first: number | null;
  last: number | null;
}
interface Stats {
  slack: Taken;
  botApi: Taken;
}

/**
 * Drains `messages` queued outbox rows, half to Slack and half to a Bot-API-like channel, through
 * local servers that answer 429 to anything faster than their limit; reports each channel's rate
 * against that limit and the app's CPU, while draining and while it waits (alerts paused).
 */
export async function notifyDrainBench(report: Report): Promise<void> {
  const servers = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/notify/serve-rate-limited.ts', String(intervalMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: servers.stdout }), 'line')) as [string];
  const urls = JSON.parse(line) as { slack: string; botApi: string; stats: string };
  const stats = async () => (await (await fetch(urls.stats)).json()) as Stats;
  const botApi: ChannelDef = {
    id: 'bot-api',
    label: 'Bot-API-like (bench)',
    minIntervalMs: 1000,
    configured: () => true,
    deliver: (notice) => postJson('Bot API', `${urls.botApi}/bot123:bench/sendMessage`, { chat_id: 4242, text: notice.title }),
  };
  const { createCore } = await builtCore();
  const dataDir = mkdtempSync(join(tmpdir(), 'levqor-bench-notify-'));
  const core = createCore({ dataDir, logToFile: false, env: { LEVQOR_SECRET_KEY: 'e'.repeat(64) }, notifyTuning: { intervalScale: intervalMs / 1000, extraChannels: [botApi] } });
  try {
    core.secrets.set('slack.webhookUrl', urls.slack);
    const channels = ['slack', 'bot-api'] as unknown as ChannelId[];
    for (let i = 0; i < messages / 2; i++) core.notify.send({ key: `bench:${i}`, title: `bench message ${i}`, body: 'queued before the drain', area: 'guardian', at: Date.now() }, channels);
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    core.background.start();
    while (core.notify.outbox({ state: 'pending', limit: 1 }).length > 0) await sleep(250);
    const seconds = (Date.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const s = await stats();
    const limit = 1000 / intervalMs;
    console.log(`${messages} messages in ${seconds.toFixed(1)} s; Slack took ${s.slack.accepted} (${s.slack.refused} refused 429), Bot API took ${s.botApi.accepted} (${s.botApi.refused} refused 429); limit one per ${intervalMs} ms per channel`);
    for (const [name, took] of [['Slack', s.slack], ['Bot-API-like', s.botApi]] as const) {
      // measured at the server, from its first message to its last: the rate the provider saw
      const rate = (took.accepted - 1) / (((took.last ?? 0) - (took.first ?? 0)) / 1000);
      report({ name: `${name} drain rate`, value: rate, unit: 'msg/s', reference: { name: 'the server\u2019s limit', value: limit }, target: '≥ 0.95× the limit', higherIsBetter: true });
    }
    report({ name: 'app CPU while draining', value: (100 * (cpu.user + cpu.system)) / 1000 / (seconds * 1000), unit: '% of a core' });

    // waiting: alerts paused with 1,000 rows held
    core.notify.pause(60);
    for (let i = 0; i < 500; i++) core.notify.send({ key: `held:${i}`, title: `held ${i}`, body: '', area: 'guardian', at: Date.now() }, channels);
    await sleep(500);
    const idle0 = process.cpuUsage();
    const w0 = Date.now();
    await sleep(10_000);
    const idle = process.cpuUsage(idle0);
    report({ name: 'app CPU while 1,000 messages wait (paused)', value: (100 * (idle.user + idle.system)) / 1000 / (Date.now() - w0), unit: '% of a core', target: '< 5%' });
  } finally {
    core.close();
    servers.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
