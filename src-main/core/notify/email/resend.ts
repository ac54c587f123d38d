import type { ChannelContext, DeliveryResult } from '../channel';
import { providerTimeoutMs, resultOfAnswer, resultOfNetworkError } from '../http-delivery';
import type { EmailMessage } from '../render-email';

/** Resend's default rate: two requests a second per team (its API reference, "Rate limit"). */
export const resendMinIntervalMs = 500;

/** A path on the Resend API, from the setting notify.resend.apiBase (a test server's address in tests). */
function resendUrl(ctx: ChannelContext, path: string): URL {
  const base = ctx.setting('notify.resend.apiBase');
  return new URL(path, base.endsWith('/') ? base : `${base}/`);
}

/** Resend's error body, `{ statusCode, name, message }`, as one line; any other body as it came. */
export function resendErrorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { name?: unknown; message?: unknown };
    if (typeof parsed.message === 'string') return typeof parsed.name === 'string' ? `${parsed.name}: ${parsed.message}` : parsed.message;
  } catch {
    // not JSON: a proxy's page, an empty body
  }
  return body;
}

/**
 * Resend's answer to POST /emails as a delivery result: 200 `{ id }` sent (the id is the
 * answer kept in the history); 409 concurrent_idempotent_requests (the first request with this
 * key is still being handled) may pass, so it is retried; every other 4xx (422 validation,
 * 403 a bad key or an unverified domain, 409 a key reused with another body) is not; 429 waits
 * for its Retry-After; 5xx is retried.
 */
export function resendResult(status: number, body: string, retryAfter: string | null, now: number): DeliveryResult {
  if (status >= 200 && status < 300) {
    let id: unknown;
    try {
      id = (JSON.parse(body) as { id?: unknown }).id;
    } catch {
      id = undefined;
    }
    return { status: 'sent', answer: typeof id === 'string' ? `Resend accepted it as email ${id}` : `Resend answered ${status}` };
  }
  const text = resendErrorText(body);
  const result = resultOfAnswer('Resend', { status, text, retryAfter }, now);
  if (status === 409 && text.startsWith('concurrent_idempotent_requests') && result.status === 'failed') return { ...result, retryable: true };
  return result;
}

/**
 * One email through Resend's HTTP API. The Idempotency-Key is the outbox row's, the same for
 * every attempt: a repeat after a crash between sending and recording returns the first
 * email's id and sends nothing (Resend keeps keys 24 hours).
 */
export async function sendViaResend(message: EmailMessage, addresses: { from: string; to: string }, ctx: ChannelContext): Promise<DeliveryResult> {
  try {
    const res = await fetch(resendUrl(ctx, 'emails'), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ctx.secret('resend.apiKey') ?? ''}`,
        'content-type': 'application/json',
        'idempotency-key': ctx.idempotencyKey,
      },
      body: JSON.stringify({ from: addresses.from, to: [addresses.to], subject: message.subject, html: message.html, text: message.text }),
      signal: AbortSignal.timeout(providerTimeoutMs),
    });
    return resendResult(res.status, await res.text(), res.headers.get('retry-after'), Date.now());
  } catch (err) {
    return resultOfNetworkError('Resend', err);
  }
}

/**
 * The Test of resend.apiKey, which sends nothing: GET /domains. A full-access key lists the
 * team's domains (and whether the sender's is verified); a sending-only key is refused there
 * with restricted_api_key, which still proves Resend knows it. Anything else is a failure.
 */
export async function checkResendKey(ctx: ChannelContext, signal: AbortSignal): Promise<string> {
  const res = await fetch(resendUrl(ctx, 'domains'), { headers: { authorization: `Bearer ${ctx.secret('resend.apiKey') ?? ''}` }, signal });
  const body = await res.text();
  if (res.status === 401 && resendErrorText(body).startsWith('restricted_api_key')) return 'Resend knows this key; it may only send email, so its domains cannot be listed';
  if (!res.ok) throw new Error(`Resend refused the key (${res.status}): ${resendErrorText(body).slice(0, 300)}`);
  const domains = ((JSON.parse(body) as { data?: Array<{ name?: string; status?: string }> }).data ?? []).filter((d) => typeof d.name === 'string');
  const verified = domains.filter((d) => d.status === 'verified').map((d) => d.name!);
  const listed = `Resend accepts the key: ${domains.length} domain${domains.length === 1 ? '' : 's'}${verified.length ? `, verified: ${verified.join(', ')}` : ', none verified'}`;
  const senderDomain = /@([^>\s]+)>?\s*$/.exec(ctx.setting('notify.email.from'))?.[1]?.toLowerCase();
  if (senderDomain && !verified.some((d) => d.toLowerCase() === senderDomain)) return `${listed}; the sender's domain ${senderDomain} (notify.email.from) is not verified there, so Resend will refuse to send as it`;
  return listed;
}
