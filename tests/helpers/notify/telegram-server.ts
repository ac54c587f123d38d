import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small Telegram Bot API on 127.0.0.1 that speaks the real wire format (POST
 * /bot<token>/<method>, JSON in, `{ ok, result }` or `{ ok: false, error_code, description,
 * parameters }` out) for what the Telegram channel uses: sendMessage (checks the chat, the
 * 4,096-character limit and that the HTML parses), getUpdates (a real long poll: the test
 * pushes button presses), answerCallbackQuery, editMessageText, editMessageReplyMarkup, getMe.
 * It records every call; the test scripts refusals (429 with retry_after, 401, 503, slow).
 */
export interface BotCall {
  method: string;
  /** The token the call's URL carried. */
  token: string;
  body: Record<string, any>;
}

export interface SentMessage {
  message_id: number;
  chat_id: number;
  text: string;
  reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
}

export interface PressedBy {
  id: number;
  first_name?: string;
}

export interface TelegramServer {
  /** The setting notify.telegram.apiBase for this server. */
  url: string;
  calls: BotCall[];
  messages: SentMessage[];
  callsTo(method: string): BotCall[];
  /** After `skip` calls of `method` answered as usual, the next `times` get this answer instead (status, Telegram's body), after `delayMs`. */
  scriptNext(method: string, answer: { status: number; body?: Record<string, unknown>; delayMs?: number }, times?: number, skip?: number): void;
  /** Someone presses a button: an update with a callback_query, handed to the current or next getUpdates. */
  press(p: { data: string; messageId: number; chatId: number; from?: PressedBy }): number;
  /** Update ids getUpdates handed out, in order (a repeat shows an offset that went backwards). */
  delivered: number[];
  close(): Promise<void>;
}

export const goodBotToken = '123456789:AAtest-token_abcdefghijklmnop';

interface Update {
  update_id: number;
  callback_query: { id: string; from: PressedBy & { is_bot: false }; message: { message_id: number; chat: { id: number; type: string }; date: number }; chat_instance: string; data: string };
}

const allowedTags = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'tg-spoiler', 'blockquote', 'span']);

/** Telegram's "can't parse entities" check, as far as the channel can get it wrong: unknown or unbalanced tags, bad entities, a bare < or &. */
function htmlError(text: string): string | undefined {
  const open: string[] = [];
  const pattern = /<(\/?)([a-z-]+)[^>]*>|&(#\d+|#x[0-9a-f]+|lt|gt|amp|quot);|[<>&]/giu;
  for (const m of text.matchAll(pattern)) {
    if (m[2]) {
      const name = m[2].toLowerCase();
      if (!allowedTags.has(name)) return `Unsupported start tag "${name}"`;
      if (m[1] !== '/') open.push(name);
      else if (open.pop() !== name) return `Unexpected end tag "${name}"`;
    } else if (m[3] === undefined && m[0] !== '>') return `Unexpected character "${m[0]}"`;
  }
  return open.length > 0 ? `Can't find end tag corresponding to start tag "${open.at(-1)}"` : undefined;
}

/**
 * chats: the chat ids sendMessage knows (others: 400 chat not found). perChatIntervalMs: as
 * Telegram does, a second message to one chat sooner than this after the last gets 429 with
 * retry_after (for the drain bench); absent, no limit.
 */
export async function startTelegramServer(options: { token?: string; chats?: number[]; perChatIntervalMs?: number } = {}): Promise<TelegramServer> {
  const token = options.token ?? goodBotToken;
  const chats = new Set(options.chats ?? [4242]);
  const calls: BotCall[] = [];
  const messages: SentMessage[] = [];
  const scripts = new Map<string, Array<{ status: number; body?: Record<string, unknown>; delayMs?: number } | 'real'>>();
  const updates: Update[] = [];
  const delivered: number[] = [];
  const waiting = new Set<() => void>();
  let nextMessageId = 100;
  let nextUpdateId = 5000;

  const bad = (code: number, description: string, parameters?: Record<string, unknown>) => ({ status: code, body: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) } });
  const ok = (result: unknown) => ({ status: 200, body: { ok: true, result } });

  const lastSendAt = new Map<number, number>();

  function sendMessage(body: Record<string, any>) {
    if (!chats.has(body.chat_id)) return bad(400, 'Bad Request: chat not found');
    const since = Date.now() - (lastSendAt.get(body.chat_id) ?? -Infinity);
    if (options.perChatIntervalMs !== undefined && since < options.perChatIntervalMs) {
      const wait = Math.ceil((options.perChatIntervalMs - since) / 1000);
      return bad(429, `Too Many Requests: retry after ${wait}`, { retry_after: wait });
    }
    const text = String(body.text ?? '');
    if (text.length === 0) return bad(400, 'Bad Request: message text is empty');
    if (text.length > 4096) return bad(400, 'Bad Request: message is too long');
    const parseError = body.parse_mode === 'HTML' ? htmlError(text) : undefined;
    if (parseError) return bad(400, `Bad Request: can't parse entities: ${parseError}`);
    for (const row of body.reply_markup?.inline_keyboard ?? []) {
      for (const b of row) if (Buffer.byteLength(b.callback_data ?? '') > 64) return bad(400, 'Bad Request: BUTTON_DATA_INVALID');
    }
    const message: SentMessage = { message_id: nextMessageId++, chat_id: body.chat_id, text, ...(body.reply_markup ? { reply_markup: body.reply_markup } : {}) };
    messages.push(message);
    lastSendAt.set(body.chat_id, Date.now());
    return ok({ message_id: message.message_id, chat: { id: body.chat_id, type: body.chat_id < 0 ? 'supergroup' : 'private' }, date: Math.floor(Date.now() / 1000), text });
  }

  async function getUpdates(body: Record<string, any>, req: IncomingMessage) {
    const offset = Number(body.offset ?? 0);
    // Telegram forgets every update below the offset: they are confirmed
    if (offset > 0) updates.splice(0, updates.length, ...updates.filter((u) => u.update_id >= offset));
    if (updates.length === 0 && Number(body.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          waiting.delete(done);
          clearTimeout(timeout);
          resolve();
        };
        const timeout = setTimeout(done, Number(body.timeout) * 1000);
        waiting.add(done);
        req.socket.once('close', done);
      });
    }
    const batch = updates.slice(0, 100);
    delivered.push(...batch.map((u) => u.update_id));
    return ok(batch);
  }

  function edit(body: Record<string, any>) {
    const message = messages.find((m) => m.message_id === body.message_id && m.chat_id === body.chat_id);
    if (!message) return bad(400, 'Bad Request: message to edit not found');
    if (body.text !== undefined) {
      const parseError = body.parse_mode === 'HTML' ? htmlError(body.text) : undefined;
      if (parseError) return bad(400, `Bad Request: can't parse entities: ${parseError}`);
      if (String(body.text).length > 4096) return bad(400, 'Bad Request: MESSAGE_TOO_LONG');
      message.text = body.text;
    }
    if (body.reply_markup?.inline_keyboard?.length) message.reply_markup = body.reply_markup;
    else delete message.reply_markup;
    return ok({ message_id: message.message_id, chat: { id: message.chat_id }, text: message.text });
  }

  async function answerFor(method: string, body: Record<string, any>, req: IncomingMessage): Promise<{ status: number; body?: Record<string, unknown> }> {
    switch (method) {
      case 'getMe':
        return ok({ id: Number(token.split(':')[0]), is_bot: true, first_name: 'Levqor test bot', username: 'levqor_test_bot' });
      case 'sendMessage':
        return sendMessage(body);
      case 'getUpdates':
        return getUpdates(body, req);
      case 'answerCallbackQuery':
        return ok(true);
      case 'editMessageText':
      case 'editMessageReplyMarkup':
        return edit(body);
      default:
        return bad(404, 'Not Found');
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    const reply = (a: { status: number; body?: Record<string, unknown> }) => {
      if (res.destroyed) return;
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.body ?? {}));
    };
    if (!match || req.method !== 'POST') return reply(bad(404, 'Not Found'));
    const [, callToken, method] = match as unknown as [string, string, string];
    const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, any>) : {};
    calls.push({ method, token: callToken, body });
    if (callToken !== token) return reply(bad(401, 'Unauthorized'));
    const scripted = scripts.get(method)?.shift();
    if (scripted && scripted !== 'real') {
      if (scripted.delayMs) await new Promise((r) => setTimeout(r, scripted.delayMs));
      return reply(scripted);
    }
    reply(await answerFor(method, body, req));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    messages,
    delivered,
    callsTo: (method) => calls.filter((c) => c.method === method),
    scriptNext(method, answer, times = 1, skip = 0) {
      const list = scripts.get(method) ?? [];
      for (let i = 0; i < skip; i++) list.push('real');
      for (let i = 0; i < times; i++) list.push(answer);
      scripts.set(method, list);
    },
    press({ data, messageId, chatId, from = { id: 777, first_name: 'Ada' } }) {
      const id = nextUpdateId++;
      updates.push({
        update_id: id,
        callback_query: { id: `cq${id}`, from: { ...from, is_bot: false }, message: { message_id: messageId, chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' }, date: 0 }, chat_instance: 'ci', data },
      });
      for (const wake of [...waiting]) wake();
      return id;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const wake of [...waiting]) wake();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Telegram's 429, with the wait in parameters.retry_after (seconds). */
export function tooManyRequests(retryAfterS: number) {
  return { status: 429, body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfterS}`, parameters: { retry_after: retryAfterS } } };
}
