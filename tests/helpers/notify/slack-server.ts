import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RateLimit } from './rate-limit';

/** One request the server received, and what it answered. */
export interface SlackHit {
  at: number;
  path: string;
  body: { text?: string; blocks?: unknown[] } & Record<string, unknown>;
  status: number;
}

/** A scripted answer: status and body as Slack sends them, an optional Retry-After (seconds) and a delay before answering. */
export interface SlackAnswer {
  status: number;
  body?: string;
  retryAfter?: string;
  delayMs?: number;
}

/**
 * A local Slack incoming webhook speaking Slack's wire format: POST JSON to /services/…; 200 "ok";
 * 400 "invalid_payload" for a body without text or blocks; 404 "no_service" on another path.
 * `script` answers the next requests in order (429 with Retry-After, 503, slow); `answer` answers
 * every request while set; `minIntervalMs` makes it enforce a rate as Slack does (429 with
 * Retry-After in whole seconds for a message that comes ahead of the rate; rate-limit.ts).
 */
export class SlackServer {
  readonly hits: SlackHit[] = [];
  /** The messages it took (200), in the order it took them. */
  readonly accepted: SlackHit[] = [];
  readonly script: SlackAnswer[] = [];
  answer: ((hit: SlackHit) => SlackAnswer | undefined) | undefined;
  minIntervalMs = 0;
  /** How far ahead of the rate a message may come and still be taken (the short burst Slack allows). */
  toleranceMs = 1;
  private readonly pace = new RateLimit();
  private server: Server | undefined;
  url = '';
  /** The webhook URL a founder would paste (https://hooks.slack.com/services/T…/B…/…), here. */
  webhookUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = (req.url ?? '/').split('?')[0]!;
        let body: SlackHit['body'] = {};
        let parsed = true;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SlackHit['body'];
        } catch {
          parsed = false;
        }
        const hit: SlackHit = { at: Date.now(), path, body, status: 0 };
        this.hits.push(hit);
        const a = this.decide(hit, req.method === 'POST' && parsed);
        hit.status = a.status;
        if (a.status === 200) this.accepted.push(hit);
        const send = () => {
          res.writeHead(a.status, { 'content-type': 'text/html', ...(a.retryAfter ? { 'retry-after': a.retryAfter } : {}) });
          res.end(a.body ?? (a.status === 200 ? 'ok' : ''));
        };
        if (a.delayMs) setTimeout(send, a.delayMs);
        else send();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    this.webhookUrl = `${this.url}services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX`;
    return this;
  }

  private decide(hit: SlackHit, wellFormed: boolean): SlackAnswer {
    if (!hit.path.startsWith('/services/')) return { status: 404, body: 'no_service' };
    const scripted = this.script.shift() ?? this.answer?.(hit);
    if (scripted) return scripted;
    if (!wellFormed || (typeof hit.body.text !== 'string' && !Array.isArray(hit.body.blocks))) return { status: 400, body: 'invalid_payload' };
    if (this.minIntervalMs > 0) {
      const wait = this.pace.wait(hit.at, this.minIntervalMs, this.toleranceMs);
      if (wait > 0) return { status: 429, body: 'rate_limited', retryAfter: String(Math.max(1, Math.ceil(wait / 1000))) };
    }
    return { status: 200, body: 'ok' };
  }

  /** The titles of the messages it took (the header block's text), in order. */
  titles(): string[] {
    return this.accepted.map((h) => ((h.body.blocks?.[0] as { text?: { text?: string } } | undefined)?.text?.text ?? ''));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }
}
