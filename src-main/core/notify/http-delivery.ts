import { retryAfterMs } from '../retry-after';
import type { DeliveryResult } from './channel';

/** How long a network channel waits for its provider's answer before the attempt counts as a network failure. */
export const providerTimeoutMs = 15_000;

/** What a provider answered over HTTP, as the channel read it. */
export interface ProviderAnswer {
  status: number;
  /** The body, or the provider's own error text taken from it. */
  text: string;
  retryAfter: string | null;
}

/**
 * A provider's HTTP answer as a delivery result: 2xx sent (with its answer for the history),
 * 429 retryable after its Retry-After, 5xx retryable, any other 4xx not (the request itself is
 * wrong: a bad payload, a revoked webhook). `provider` names it in the error; the text is the
 * provider's, never the URL, token or key the request carried.
 */
export function resultOfAnswer(provider: string, a: ProviderAnswer, now: number): DeliveryResult {
  const answer = clip(a.text);
  if (a.status >= 200 && a.status < 300) return { status: 'sent', answer: answer || String(a.status) };
  const error = `${provider} answered ${a.status}${answer ? `: ${answer}` : ''}`;
  if (a.status === 429) {
    const wait = retryAfterMs(a.retryAfter, now);
    return { status: 'failed', retryable: true, error, answer, ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
  }
  return { status: 'failed', retryable: a.status >= 500, error, answer };
}

/** A request that got no answer (refused, reset, timed out) may pass: retryable, with the cause but never the URL. */
export function resultOfNetworkError(provider: string, err: unknown): DeliveryResult {
  const e = err as { name?: string; cause?: { code?: string } };
  const why = e.name === 'TimeoutError' ? `no answer within ${providerTimeoutMs / 1000} s` : (e.cause?.code ?? e.name ?? 'network error');
  return { status: 'failed', retryable: true, error: `${provider} could not be reached: ${why}` };
}

/**
 * POSTs a JSON body to a provider and reads its answer as a delivery result, within
 * providerTimeoutMs. The URL may carry the credential (a Slack webhook): it never reaches the result.
 */
export async function postJson(provider: string, url: string, body: unknown, headers: Record<string, string> = {}): Promise<DeliveryResult> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(providerTimeoutMs),
    });
    return resultOfAnswer(provider, { status: res.status, text: await res.text(), retryAfter: res.headers.get('retry-after') }, Date.now());
  } catch (err) {
    return resultOfNetworkError(provider, err);
  }
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 300 ? `${one.slice(0, 299)}…` : one;
}
