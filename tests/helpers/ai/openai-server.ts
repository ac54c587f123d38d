import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
}

/**
 * One scripted answer; requests beyond the script get `{ kind: 'text', text: 'ok' }`. A `text` or
 * `tool` reply to a request with `stream: true` is sent as SSE chunks (the text in one delta; the
 * tool call's arguments in two pieces, as real servers split them).
 */
export type FakeReply =
  | { kind: 'text'; text: string; usage?: Usage }
  /** `hold`: the last delta waits for it, so a test can look at an answer while it is still streaming. */
  | { kind: 'stream'; deltas: string[]; usage?: Usage; gapMs?: number; hold?: Promise<unknown> }
  | { kind: 'tool'; name: string; args: unknown; id?: string }
  | { kind: 'json'; value: unknown; usage?: Usage }
  | { kind: 'status'; status: number; retryAfter?: string; message?: string }
  | { kind: 'slow'; ms: number; then: FakeReply }
  /** An answer made from the request it answers (e.g. text quoting the numbers a tool result carried). */
  | { kind: 'from-request'; make: (body: Record<string, unknown>) => FakeReply };

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  at: number;
}

const defaultUsage: Usage = { prompt_tokens: 10, completion_tokens: 5 };

/**
 * A local server speaking the OpenAI Chat Completions wire format (POST /v1/chat/completions,
 * GET /v1/models) that answers from a script: plain text, SSE streaming ending in `data: [DONE]`,
 * tool calls, JSON for json_schema requests, statuses with Retry-After, slow answers. Every
 * request is recorded, so a test can show what left the app.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  url = '';
  /** When the last streamed delta of each request was written (ms, performance.now()). */
  readonly deltaSentAt: number[] = [];
  private readonly script: FakeReply[] = [];
  private server: Server | undefined;

  reply(...replies: FakeReply[]): this {
    this.script.push(...replies);
    return this;
  }

  /** Every byte any request carried, for "this never left the machine" checks. */
  everythingSent(): string {
    return this.requests.map((r) => `${r.authorization ?? ''}\n${JSON.stringify(r.body)}`).join('\n');
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    this.requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body, at: Date.now() });
    if (req.method === 'GET' && req.url === '/v1/models') return send(res, 200, { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 0, owned_by: 'fake' }] });
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return send(res, 404, { error: { message: 'not found' } });
    await this.answer(this.script.shift() ?? { kind: 'text', text: 'ok' }, body, res);
  }

  private async answer(reply: FakeReply, body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const model = String(body.model ?? '');
    switch (reply.kind) {
      case 'from-request':
        return this.answer(reply.make(body), body, res);
      case 'slow':
        await new Promise((r) => setTimeout(r, reply.ms));
        if (res.destroyed) return;
        return this.answer(reply.then, body, res);
      case 'status':
        return send(res, reply.status, { error: { message: reply.message ?? `fake ${reply.status}`, type: 'fake' } }, reply.retryAfter === undefined ? {} : { 'retry-after': reply.retryAfter });
      case 'text':
        if (body.stream === true) return this.stream({ kind: 'stream', deltas: [reply.text], ...(reply.usage ? { usage: reply.usage } : {}) }, model, res);
        return send(res, 200, completion(model, { role: 'assistant', content: reply.text }, reply.usage ?? defaultUsage));
      case 'json':
        return send(res, 200, completion(model, { role: 'assistant', content: typeof reply.value === 'string' ? reply.value : JSON.stringify(reply.value) }, reply.usage ?? defaultUsage));
      case 'tool':
        if (body.stream === true) return this.streamToolCall(reply, model, res);
        return send(res, 200, completion(model, { role: 'assistant', content: null, tool_calls: [{ id: reply.id ?? 'call_1', type: 'function', function: { name: reply.name, arguments: JSON.stringify(reply.args) } }] }, defaultUsage, 'tool_calls'));
      case 'stream':
        return this.stream(reply, model, res);
    }
  }

  private streamToolCall(reply: Extract<FakeReply, { kind: 'tool' }>, model: string, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const args = JSON.stringify(reply.args);
    const half = Math.floor(args.length / 2);
    const piece = (fn: Record<string, string>, first: boolean) => ({ index: 0, ...(first ? { id: reply.id ?? 'call_1', type: 'function' } : {}), function: fn });
    res.write(chunk(model, [{ index: 0, delta: { role: 'assistant', content: null, tool_calls: [piece({ name: reply.name, arguments: args.slice(0, half) }, true)] }, finish_reason: null }]));
    res.write(chunk(model, [{ index: 0, delta: { tool_calls: [piece({ arguments: args.slice(half) }, false)] }, finish_reason: null }]));
    res.write(chunk(model, [{ index: 0, delta: {}, finish_reason: 'tool_calls' }]));
    res.write(chunk(model, [], defaultUsage));
    res.end('data: [DONE]\n\n');
  }

  private async stream(reply: Extract<FakeReply, { kind: 'stream' }>, model: string, res: ServerResponse): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for (const [i, delta] of reply.deltas.entries()) {
      if (reply.gapMs) await new Promise((r) => setTimeout(r, reply.gapMs));
      if (reply.hold && i === reply.deltas.length - 1) await reply.hold;
      if (res.destroyed) return;
      res.write(chunk(model, [{ index: 0, delta: { content: delta }, finish_reason: null }]));
      this.deltaSentAt.push(performance.now());
    }
    res.write(chunk(model, [{ index: 0, delta: {}, finish_reason: 'stop' }]));
    res.write(chunk(model, [], reply.usage ?? defaultUsage));
    res.end('data: [DONE]\n\n');
  }
}

function chunk(model: string, choices: unknown[], usage: Usage | null = null): string {
  return `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model, choices, usage })}\n\n`;
}

function completion(model: string, message: Record<string, unknown>, usage: Usage, finish = 'stop') {
  return { id: 'chatcmpl-fake', object: 'chat.completion', created: 0, model, choices: [{ index: 0, message, finish_reason: finish, logprobs: null }], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeOpenAi(): Promise<FakeOpenAiServer> {
  return new FakeOpenAiServer().start();
}
