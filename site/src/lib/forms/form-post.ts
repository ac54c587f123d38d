import type { z } from 'zod';
import { formBodyLimitBytes, formFieldErrors, honeypotField, type FormErrorCode, type FormFieldError } from '../../../../shared/site-forms';
import { createRateLimiter } from './rate-limit';

/** What a form post answers: `{ ok: true }`, or the refused fields as codes the page words in the visitor's language. */
export type FormReply = { ok: true } | { ok: false; errors: FormFieldError[] };

const limiter = createRateLimiter();

const refuse = (status: number, errors: FormFieldError[]) => Response.json({ ok: false, errors } satisfies FormReply, { status });
const refuseForm = (status: number, code: FormErrorCode) => refuse(status, [{ field: 'form', code }]);
const sent = () => Response.json({ ok: true } satisfies FormReply);

/** The visitor's address as the host's proxy reports it (Vercel and most proxies set X-Forwarded-For). */
function clientAddress(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || 'unknown';
}

/** The body as text, or undefined past the limit: read chunk by chunk, so a huge body is never held whole. */
async function readLimitedBody(request: Request): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? '0') > formBodyLimitBytes) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > formBodyLimitBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * One form post, in the order that keeps the tables clean: the address's rate limit, the body's
 * size, JSON, the honeypot (filled: answered as sent, nothing stored), the form's schema (the
 * one the browser checked), then `store`. Nothing is written unless every check passed; a
 * database that is missing or down is answered as "could not be sent", with the reason logged
 * but never the visitor's data.
 */
export async function handleFormPost<S extends z.ZodType>(request: Request, schema: S, store: (form: z.output<S>) => Promise<boolean>, label: string): Promise<Response> {
  if (!limiter.allow(clientAddress(request))) return refuseForm(429, 'rateLimited');
  const text = await readLimitedBody(request);
  if (text === undefined) return refuseForm(413, 'tooLarge');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuseForm(400, 'invalid');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuseForm(400, 'invalid');
  const { [honeypotField]: trap, ...fields } = body as Record<string, unknown>;
  if (typeof trap === 'string' && trap !== '') return sent();
  const parsed = schema.safeParse(fields);
  if (!parsed.success) return refuse(400, formFieldErrors(parsed.error));
  try {
    return (await store(parsed.data)) ? sent() : refuseForm(503, 'unavailable');
  } catch (err) {
    console.error(`${label} could not be stored: ${err instanceof Error ? err.message : String(err)}`);
    return refuseForm(503, 'unavailable');
  }
}
