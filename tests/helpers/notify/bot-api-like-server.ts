import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RateLimit } from './rate-limit';

/**
 * A stand-in for Telegram's Bot API in the drain bench, until the telegram channel's own test
 * server is there: POST /bot<token>/sendMessage with { chat_id, text } answers
 * { ok: true, result: { message_id } }; a message to a chat sooner than one per `minIntervalMs` allows
 * (rate-limit.ts) gets Telegram's 429 ({ ok: false, error_code: 429, parameters: { retry_after } },
 * and a Retry-After header).
 */
export class BotApiLikeServer {
  accepted = 0;
  /** When it took its first and its last message (ms). */
  firstAt: number | null = null;
  lastAt: number | null = null;
  refused = 0;
  url = '';
  toleranceMs = 1;
  private readonly pace = new Map<string, RateLimit>();
  private server: Server | undefined;

  constructor(readonly minIntervalMs: number) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const now = Date.now();
        let chat = '';
        try {
          chat = String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { chat_id?: unknown }).chat_id ?? '');
        } catch {
          chat = '';
        }
        if (!/^\/bot[^/]+\/sendMessage$/.test(req.url ?? '') || chat === '') return answer(res, 400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
        if (!this.pace.has(chat)) this.pace.set(chat, new RateLimit());
        const wait = this.pace.get(chat)!.wait(now, this.minIntervalMs, this.toleranceMs);
        if (wait > 0) {
          this.refused++;
          const retry = Math.max(1, Math.ceil(wait / 1000));
          return answer(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retry}`, parameters: { retry_after: retry } }, retry);
        }
        this.accepted++;
        this.firstAt ??= now;
        this.lastAt = now;
        answer(res, 200, { ok: true, result: { message_id: this.accepted, chat: { id: Number(chat) }, date: Math.floor(now / 1000) } });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }
}

function answer(res: import('node:http').ServerResponse, status: number, body: unknown, retryAfter?: number): void {
  res.writeHead(status, { 'content-type': 'application/json', ...(retryAfter ? { 'retry-after': String(retryAfter) } : {}) });
  res.end(JSON.stringify(body));
}
