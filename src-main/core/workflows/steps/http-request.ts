import { z } from 'zod';
import { readBodyUpTo } from '../../read-body';
import { defineStep, stepParams, StepError, nonRetriable } from '../step';

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const maxResponseBytes = 5 * 1024 * 1024;

const params = stepParams({
  method: z.enum(methods, { error: () => `must be one of ${methods.join(', ')}` }).default('GET'),
  url: z
    .string({ error: () => 'is required' })
    .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), { message: 'must be an http:// or https:// URL' }),
  headers: z.record(z.string(), z.string({ error: () => 'header values must be text' })).default({}),
  /** Objects and arrays are sent as JSON; text as is. */
  body: z.unknown().optional(),
  timeoutMs: z.number().int().min(1, 'must be at least 1').max(300_000, 'must be at most 300000').default(30_000),
  /** true: a 4xx/5xx answer fails the step (5xx, 408 and 429 may be retried); false: the status is just output. */
  failOnStatus: z.boolean().default(true),
});
export type HttpRequestParams = z.infer<typeof params>;

function requestBody(body: unknown, headers: Record<string, string>): { body?: string; headers: Record<string, string> } {
  if (body === undefined || body === null) return { headers };
  if (typeof body === 'string') return { body, headers };
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  return { body: JSON.stringify(body), headers: hasType ? headers : { ...headers, 'content-type': 'application/json' } };
}

async function readCapped(res: Response): Promise<string> {
  const { text, cut } = await readBodyUpTo(res, maxResponseBytes);
  if (cut) throw nonRetriable('HTTP_TOO_LARGE', `the response is larger than ${maxResponseBytes} bytes`);
  return text;
}

export const httpRequestStep = defineStep({
  type: 'http.request',
  title: 'HTTP request',
  description: 'Calls a URL and outputs status, headers and body (parsed when JSON). Sends Idempotency-Key so retries are safe.',
  class: 'B',
  classNote: 'A for GET and HEAD (read-only), B otherwise',
  classBy: { param: 'method', classes: { GET: 'A', HEAD: 'A' } },
  params,
  defaultTimeoutMs: 310_000,
  ui: {
    method: { label: 'Method' },
    url: { label: 'URL', placeholder: 'https://api.example.com/orders/{{ trigger.id }}' },
    headers: { label: 'Headers' },
    body: { label: 'Body', help: 'Objects are sent as JSON.' },
    timeoutMs: { label: 'Timeout (ms)' },
    failOnStatus: { label: 'Fail on 4xx/5xx' },
  },
  preview: ({ params: p, idempotencyKey }) => {
    const req = requestBody(p.body, p.headers);
    return { method: p.method, url: p.url, headers: { ...req.headers, 'Idempotency-Key': idempotencyKey }, body: p.body ?? null };
  },
  async execute({ params: p, idempotencyKey, signal }) {
    const req = requestBody(p.body, p.headers);
    const timeout = AbortSignal.timeout(p.timeoutMs);
    let res: Response;
    try {
      res = await fetch(p.url, {
        method: p.method,
        headers: { ...req.headers, 'Idempotency-Key': idempotencyKey },
        ...(req.body !== undefined && p.method !== 'GET' && p.method !== 'HEAD' ? { body: req.body } : {}),
        signal: AbortSignal.any([signal, timeout]),
        redirect: 'follow',
      });
    } catch (err) {
      if (timeout.aborted) throw new StepError('TIMEOUT', `${p.method} ${p.url} took longer than ${p.timeoutMs} ms`);
      if (signal.aborted) throw err;
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new StepError('HTTP_NETWORK', `${p.method} ${p.url} failed: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
    }
    const text = await readCapped(res);
    const type = res.headers.get('content-type') ?? '';
    let body: unknown = text;
    if (/\bjson\b/i.test(type) && text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const headers = Object.fromEntries(res.headers.entries());
    if (p.failOnStatus && res.status >= 400) {
      const retriable = res.status >= 500 || res.status === 408 || res.status === 429;
      const snippet = text.length > 200 ? `${text.slice(0, 200)}...` : text;
      throw new StepError('HTTP_STATUS', `${p.method} ${p.url} answered ${res.status}${snippet ? `: ${snippet}` : ''}`, { retriable });
    }
    return { output: { status: res.status, headers, body } };
  },
});
