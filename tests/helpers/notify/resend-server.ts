import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

/** One request as the server received it. */
export interface ResendRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** An answer the test scripts for the next POST /emails: a status with Resend's error body, extra headers, a delay. */
export interface ScriptedAnswer {
  status: number;
  name?: string;
  message?: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

/**
 * A local server speaking Resend's wire format (https://resend.com/docs/api-reference):
 * POST /emails answers 200 `{ id }`; errors are `{ statusCode, name, message }` (401
 * missing_api_key, 403 invalid_api_key, 422 validation_error, 409 on idempotency, 429 with
 * retry-after). A repeat with the same Idempotency-Key and body answers the first id and
 * sends nothing; the same key with another body is 409 invalid_idempotent_request. GET
 * /domains lists `domains` for a full-access key and refuses a sending-only key with 401
 * restricted_api_key. `sent` holds each email actually sent.
 */
export class ResendServer {
  readonly requests: ResendRequest[] = [];
  readonly sent: Array<Record<string, unknown> & { id: string }> = [];
  /** Answers for the next POST /emails, first in first out; afterwards the server answers for real. */
  readonly script: ScriptedAnswer[] = [];
  /** Keys Resend knows, with their access. */
  readonly keys = new Map<string, 'full_access' | 'sending_access'>([['re_test_full', 'full_access']]);
  domains: Array<{ name: string; status: 'verified' | 'pending' | 'failed' }> = [{ name: 'example.com', status: 'verified' }];
  private readonly byKey = new Map<string, { body: string; id: string }>();
  private readonly server = createServer((req, res) => void this.handle(req, res));

  static async start(): Promise<ResendServer> {
    const s = new ResendServer();
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    return s;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const path = (req.url ?? '/').split('?')[0]!;
    this.requests.push({ method: req.method ?? '', path, headers: req.headers, body });
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!auth) return error(res, 401, 'missing_api_key', 'Missing API key in the authorization header.');
    const access = this.keys.get(auth);
    if (!access) return error(res, 403, 'invalid_api_key', 'API key is invalid.');
    if (req.method === 'GET' && path === '/domains') {
      if (access !== 'full_access') return error(res, 401, 'restricted_api_key', 'This API key is restricted to only send emails.');
      return json(res, 200, { object: 'list', data: this.domains.map((d, i) => ({ id: `d${i}`, name: d.name, status: d.status, created_at: '2026-01-01 00:00:00+00', region: 'us-east-1' })) });
    }
    if (req.method === 'POST' && path === '/emails') return this.sendEmail(req, res, body);
    return error(res, 404, 'not_found', 'The requested endpoint does not exist.');
  }

  private async sendEmail(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const scripted = this.script.shift();
    if (scripted) {
      if (scripted.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
      if (scripted.status !== 200) return error(res, scripted.status, scripted.name ?? 'application_error', scripted.message ?? 'Scripted failure.', scripted.headers);
    }
    const key = req.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' ? key : undefined;
    const earlier = idempotencyKey ? this.byKey.get(idempotencyKey) : undefined;
    if (earlier) {
      if (earlier.body !== body) return error(res, 409, 'invalid_idempotent_request', 'Same idempotency key used with a different request payload.');
      return json(res, 200, { id: earlier.id });
    }
    let email: Record<string, unknown>;
    try {
      email = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return error(res, 422, 'validation_error', 'Invalid JSON body.');
    }
    for (const field of ['from', 'to', 'subject']) if (!email[field]) return error(res, 422, 'missing_required_field', `Missing \`${field}\` field.`);
    const id = randomUUID();
    if (idempotencyKey) this.byKey.set(idempotencyKey, { body, id });
    this.sent.push({ ...email, id });
    return json(res, 200, { id });
  }
}

function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

function error(res: ServerResponse, status: number, name: string, message: string, headers: Record<string, string> = {}): void {
  json(res, status, { statusCode: status, name, message }, headers);
}
