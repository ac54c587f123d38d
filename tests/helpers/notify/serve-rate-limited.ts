/**
 * The drain bench's providers, in a process of their own (so the app's CPU is the app's): a Slack
 * webhook and a Bot-API-like server that both enforce one message per argv[2] ms (per webhook, per
 * chat). Prints one line of JSON { slack, botApi, stats } with their URLs; GET <stats> answers
 * what each took and refused so far.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotApiLikeServer } from './bot-api-like-server';
import { SlackServer } from './slack-server';

const intervalMs = Number(process.argv[2] ?? 1000);
// the real services allow short bursts; this allows one message ahead of the pace
const toleranceMs = Number(process.argv[3] ?? intervalMs);
const slack = await new SlackServer().start();
slack.minIntervalMs = intervalMs;
slack.toleranceMs = toleranceMs;
const bot = await new BotApiLikeServer(intervalMs).start();
bot.toleranceMs = toleranceMs;
const stats = createServer((_req, res) => {
  const slackTimes = slack.accepted.map((h) => h.at);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      slack: { accepted: slack.accepted.length, refused: slack.hits.filter((h) => h.status === 429).length, first: slackTimes[0] ?? null, last: slackTimes.at(-1) ?? null },
      botApi: { accepted: bot.accepted, refused: bot.refused, first: bot.firstAt, last: bot.lastAt },
    }),
  );
});
await new Promise<void>((resolve) => stats.listen(0, '127.0.0.1', resolve));
process.stdout.write(`${JSON.stringify({ slack: slack.webhookUrl, botApi: bot.url, stats: `http://127.0.0.1:${(stats.address() as AddressInfo).port}/` })}\n`);
