import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { list, parseForm, type FormValue } from './form';
import { createObjects } from './create';
import { payInvoice } from './pay-invoice';

/** Any Stripe object as the API sends it. */
export type StripeObject = { id: string; object: string; created?: number } & Record<string, unknown>;

/** The list endpoints the sync reads, and the object each one lists. */
export const listPaths: Record<string, string> = {
  customers: 'customer',
  products: 'product',
  prices: 'price',
  coupons: 'coupon',
  subscriptions: 'subscription',
  invoices: 'invoice',
  charges: 'charge',
  refunds: 'refund',
  balance_transactions: 'balance_transaction',
  payment_links: 'payment_link',
  'checkout/sessions': 'checkout.session',
  events: 'event',
};

export interface Fault {
  status: number;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** Only requests whose path starts with this (e.g. /v1/invoices); any request when absent. */
  path?: string;
  /** How many requests fail before the fault is used up. */
  times: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, FormValue>;
  idempotencyKey?: string;
}

export interface FakeStripe {
  /** http://127.0.0.1:PORT/, the value for the setting stripe.apiBase. */
  url: string;
  requests: RecordedRequest[];
  /** Adds or replaces objects (oldest first) without events. */
  put(...objects: StripeObject[]): void;
  get(id: string): StripeObject | undefined;
  /** Stores `object` and records the event Stripe would send for it; returns the event. */
  emit(type: string, object: StripeObject, created?: number): StripeObject;
  /** The next matching requests fail this way. */
  inject(fault: Fault): void;
  /** Keys Stripe knows; `revoked` ones answer as expired. */
  keys: { valid: Set<string>; revoked: Set<string> };
  /** Stripe's clock in epoch seconds (settable for tests of the 30-day window). */
  now: () => number;
  setNow(seconds: number): void;
  close(): Promise<void>;
}

const apiVersion = '2026-11-18.endive';

/**
 * A local server speaking Stripe's wire format for the endpoints the sync and the DFY packages
 * use: lists (newest first, limit/starting_after/has_more, created ranges, expand[]), GET by id,
 * /v1/events with created ranges and types[], POST creation with form bodies and idempotency keys,
 * an invoice paid with a declined card (pay-invoice.ts),
 * Stripe's error objects, and injectable 429/5xx.
 */
export async function startFakeStripe(options: { keys?: string[]; now?: number; /** Each answer waits this long (a slow API, for kill tests). */ delayMs?: number } = {}): Promise<FakeStripe> {
  const byId = new Map<string, StripeObject>();
  const order = new Map<string, string[]>(); // object type → ids, oldest first
  const faults: Fault[] = [];
  const idempotent = new Map<string, { fingerprint: string; status: number; body: string }>();
  const requests: RecordedRequest[] = [];
  let clock = options.now ?? Math.floor(Date.now() / 1000);
  let seq = 0;
  const keys = { valid: new Set(options.keys ?? ['sk_test_levqor', 'sk_live_levqor']), revoked: new Set<string>() };

  // sorted, filtered lists by object and filter, so paging a long list costs one sort, not one per page
  const listCache = new Map<string, { items: StripeObject[]; index: Map<string, number> }>();
  const put = (...objects: StripeObject[]) => {
    for (const o of objects) {
      for (const key of listCache.keys()) if (key.startsWith(`${o.object}|`)) listCache.delete(key);
      if (!byId.has(o.id)) {
        const ids = order.get(o.object) ?? [];
        ids.push(o.id);
        order.set(o.object, ids);
      }
      byId.set(o.id, o);
    }
  };
  const emit = (type: string, object: StripeObject, created = clock): StripeObject => {
    put(object);
    const event: StripeObject = {
      id: `evt_${(++seq).toString(36).padStart(8, '0')}${created}`,
      object: 'event',
      api_version: apiVersion,
      created,
      data: { object: structuredClone(embedded(object)) },
      livemode: object.livemode === true,
      pending_webhooks: 0,
      request: { id: null, idempotency_key: null },
      type,
    };
    put(event);
    return event;
  };
  const create = createObjects({ emit, byId, now: () => clock });

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => send(res, 500, { error: { type: 'api_error', message: String(err) } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = parseForm(url.search.slice(1));
    const idempotencyKey = header(req, 'idempotency-key');
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query, ...(idempotencyKey ? { idempotencyKey } : {}) });
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    const fault = faults.find((f) => f.times > 0 && (!f.path || url.pathname.startsWith(f.path)));
    if (fault) {
      fault.times--;
      const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
      const type = fault.status === 429 ? 'invalid_request_error' : 'api_error';
      const code = fault.status === 429 ? 'rate_limit' : undefined;
      return send(res, fault.status, { error: { type, ...(code ? { code } : {}), message: fault.status === 429 ? 'Too many requests hit the API too quickly.' : 'An unknown error occurred' } }, headers);
    }
    const auth = authProblem(header(req, 'authorization'));
    if (auth) return send(res, 401, { error: auth });

    const path = url.pathname.replace(/^\/v1\//, '');
    if (req.method === 'POST') {
      const body = await readBody(req);
      const form = parseForm(body);
      const scope = `${header(req, 'authorization')}:${idempotencyKey}`;
      const fingerprint = `${path}?${body}`;
      const seen = idempotencyKey ? idempotent.get(scope) : undefined;
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          return send(res, 400, { error: { type: 'idempotency_error', message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.` } });
        }
        return sendRaw(res, seen.status, seen.body, { 'idempotent-replayed': 'true' });
      }
      const paid = payInvoice({ emit, byId, now: () => clock }, path, form);
      const made = paid ? paid.body : create(path, form);
      const status = paid ? paid.status : 'error' in made ? 400 : 200;
      const text = JSON.stringify(made);
      if (idempotencyKey) idempotent.set(scope, { fingerprint, status, body: text });
      return sendRaw(res, status, text);
    }
    if (req.method === 'DELETE') return send(res, ...deleteCustomer(path));
    if (req.method !== 'GET') return send(res, 405, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${url.pathname}).` } });
    const expand = list(query.expand);
    if (listPaths[path]) return send(res, 200, listPage(path, listPaths[path]!, query, expand));
    const lines = /^invoices\/([^/]+)\/lines$/.exec(path);
    if (lines) {
      const invoice = byId.get(lines[1]!);
      if (!invoice || invoice.object !== 'invoice') return send(res, 404, { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'invoice', message: `No such invoice: '${lines[1]}'` } });
      return send(res, 200, linesPage(invoice, query));
    }
    const m = /^(.+)\/([^/]+)$/.exec(path);
    const object = m && listPaths[m[1]!] ? byId.get(m[2]!) : undefined;
    if (!m || !listPaths[m[1]!]) return send(res, 404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (GET: ${url.pathname}).` } });
    if (!object || object.object !== listPaths[m[1]!]) {
      return send(res, 404, { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'id', message: `No such ${listPaths[m[1]!]!.replace('checkout.', 'checkout ')}: '${m[2]}'` } });
    }
    return send(res, 200, expanded(object, expand));
  }

  /** DELETE /v1/customers/ID: Stripe marks the customer deleted and answers a stub; a second delete is resource_missing. */
  function deleteCustomer(path: string): [number, unknown] {
    const id = /^customers\/([^/]+)$/.exec(path)?.[1];
    const found = id ? byId.get(id) : undefined;
    if (!id || !found || found.object !== 'customer' || found.deleted === true) {
      return [404, { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'id', message: `No such customer: '${id ?? path}'` } }];
    }
    emit('customer.deleted', { ...found, deleted: true });
    return [200, { id, object: 'customer', deleted: true }];
  }

  function authProblem(authorization: string | undefined): Record<string, string> | undefined {
    const key = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!key) return { type: 'invalid_request_error', message: 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\').' };
    const masked = `${key.slice(0, 8)}****${key.slice(-4)}`;
    if (keys.revoked.has(key)) return { type: 'invalid_request_error', code: 'api_key_expired', doc_url: 'https://stripe.com/docs/error-codes/api-key-expired', message: `Expired API Key provided: ${masked}` };
    if (!keys.valid.has(key)) return { type: 'invalid_request_error', message: `Invalid API Key provided: ${masked}` };
    return undefined;
  }

  function listPage(path: string, object: string, query: Record<string, FormValue>, expand: string[]) {
    const limit = Math.min(100, Math.max(1, Number(query.limit ?? 10)));
    const { starting_after: after, limit: _limit, expand: _expand, ...filters } = query;
    const key = `${object}|${JSON.stringify(filters)}`;
    let listed = listCache.get(key);
    if (!listed) {
      const matching = (order.get(object) ?? []).map((id) => byId.get(id)!).filter((o) => matches(o, query));
      // objects without `created` (payment links) list newest stored first
      const items = matching.every((o) => o.created === undefined) ? matching.reverse() : stableNewestFirst(matching);
      listed = { items, index: new Map(items.map((o, i) => [o.id, i])) };
      listCache.set(key, listed);
    }
    const { items, index } = listed;
    const start = typeof after === 'string' ? (index.get(after) ?? -1) + 1 : 0;
    const page = items.slice(start, start + limit);
    const itemExpand = expand.filter((e) => e.startsWith('data.')).map((e) => e.slice(5));
    return { object: 'list', data: page.map((o) => expanded(o, itemExpand)), has_more: start + limit < items.length, url: `/v1/${path}` };
  }

  /** An invoice's lines in order, `limit` a page after `starting_after`. */
  function linesPage(invoice: StripeObject, query: Record<string, FormValue>) {
    const all = ((invoice.lines as { data: StripeObject[] }).data ?? []);
    const limit = Math.min(100, Math.max(1, Number(query.limit ?? 10)));
    const start = typeof query.starting_after === 'string' ? all.findIndex((l) => l.id === query.starting_after) + 1 : 0;
    return { object: 'list', data: all.slice(start, start + limit), has_more: start + limit < all.length, url: `/v1/invoices/${invoice.id}/lines` };
  }

  /** Newest first; among objects of one second, the one stored later first, as Stripe shows them. */
  function stableNewestFirst(items: StripeObject[]): StripeObject[] {
    const rank = new Map(items.map((o, i) => [o.id, i]));
    return items.sort((a, b) => (b.created ?? 0) - (a.created ?? 0) || rank.get(b.id)! - rank.get(a.id)!);
  }

  function matches(o: StripeObject, query: Record<string, FormValue>): boolean {
    if (o.deleted === true) return false;
    const created = query.created;
    if (typeof created === 'string' && o.created !== Number(created)) return false;
    if (created && typeof created === 'object' && !Array.isArray(created)) {
      const c = o.created ?? 0;
      if (created.gt !== undefined && !(c > Number(created.gt))) return false;
      if (created.gte !== undefined && !(c >= Number(created.gte))) return false;
      if (created.lt !== undefined && !(c < Number(created.lt))) return false;
      if (created.lte !== undefined && !(c <= Number(created.lte))) return false;
    }
    if (o.object === 'event') {
      const types = [...list(query.types), ...list(query.type)];
      if (types.length > 0 && !types.some((t) => (t.endsWith('.*') ? String(o.type).startsWith(t.slice(0, -1)) : o.type === t))) return false;
    }
    if (o.object === 'subscription') {
      const status = typeof query.status === 'string' ? query.status : undefined;
      if (status === undefined && o.status === 'canceled') return false;
      if (status !== undefined && status !== 'all' && o.status !== status) return false;
    }
    if (typeof query.customer === 'string' && o.customer !== query.customer) return false;
    if (o.object === 'customer' && typeof query.email === 'string' && o.email !== query.email) return false;
    return true;
  }

  function expanded(o: StripeObject, paths: string[]): StripeObject {
    if (paths.length === 0) return embedded(o);
    const copy = structuredClone(o) as Record<string, unknown>;
    for (const path of paths) {
      const [field, ...rest] = path.split('.');
      const value = copy[field!];
      const one = (v: unknown) => (typeof v === 'string' && byId.has(v) ? expanded(byId.get(v)!, rest.length ? [rest.join('.')] : []) : v);
      copy[field!] = Array.isArray(value) ? value.map(one) : one(value);
    }
    return embedded(copy as StripeObject);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    put,
    get: (id) => byId.get(id),
    emit,
    inject: (fault) => faults.push({ ...fault }),
    keys,
    now: () => clock,
    setNow: (s) => void (clock = s),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Stripe embeds the first 10 lines of an invoice; the rest are at /v1/invoices/:id/lines. */
const embeddedLines = 10;
function embedded(o: StripeObject): StripeObject {
  const lines = o.object === 'invoice' ? (o.lines as { data: unknown[] } | undefined) : undefined;
  if (!lines || lines.data.length <= embeddedLines) return o;
  return { ...o, lines: { ...lines, data: lines.data.slice(0, embeddedLines), has_more: true } };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

let requestSeq = 0;
function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendRaw(res, status, JSON.stringify(body), headers);
}

function sendRaw(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${(++requestSeq).toString(36)}`, 'stripe-version': apiVersion, ...headers });
  res.end(text);
}
