/**
 * One call to the Telegram Bot API: POST {apiBase}bot<token>/<method> with a JSON body.
 * The token is part of the URL path, so nothing here ever puts the URL in an error: a
 * failure is described by Telegram's own answer, an HTTP status or a network error code, and
 * any text that still holds the token has it replaced.
 */
export interface BotApiCall {
  apiBase: string;
  token: string;
  method: string;
  body: Record<string, unknown>;
  timeoutMs: number;
  /** Stops the call early (the app closing); the answer is then `aborted`. */
  signal?: AbortSignal;
}

export type BotAnswer<T> =
  | { ok: true; result: T }
  | {
      ok: false;
      /** Telegram's error_code (its HTTP status), or 0 when no answer came. */
      code: number;
      /** Telegram's description, or what went wrong on the way; never the token or the URL. */
      description: string;
      /** 429: parameters.retry_after (or a Retry-After header), in ms. */
      retryAfterMs?: number;
      /** true: the app asked to stop (signal), not a failure. */
      aborted?: boolean;
    };

interface WireAnswer {
  ok?: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

export async function callBotApi<T>(call: BotApiCall): Promise<BotAnswer<T>> {
  const base = call.apiBase.endsWith('/') ? call.apiBase : `${call.apiBase}/`;
  // "./" first: "bot123:AA…" alone would read as a URL scheme
  const url = new URL(`./bot${call.token}/${call.method}`, base);
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(call.body), signal });
    text = await res.text();
  } catch (err) {
    if (call.signal?.aborted) return { ok: false, code: 0, description: 'stopped', aborted: true };
    if (timeout.aborted) return { ok: false, code: 0, description: `Telegram did not answer within ${Math.round(call.timeoutMs / 1000)} s` };
    return { ok: false, code: 0, description: `could not reach Telegram (${networkCode(err)})` };
  }
  const wire = parse(text);
  if (res.ok && wire?.ok === true) return { ok: true, result: wire.result as T };
  const retryAfterS = wire?.parameters?.retry_after ?? Number(res.headers.get('retry-after') ?? NaN);
  const description = wire?.description ?? `HTTP ${res.status}${res.ok ? ' without ok: true' : ''}`;
  return {
    ok: false,
    code: wire?.error_code ?? res.status,
    description: withoutToken(description, call.token),
    ...(Number.isFinite(retryAfterS) && retryAfterS >= 0 ? { retryAfterMs: retryAfterS * 1000 } : {}),
  };
}

function parse(text: string): WireAnswer | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as WireAnswer) : undefined;
  } catch {
    return undefined;
  }
}

/** ECONNREFUSED, ENOTFOUND…: what failed, without the address it failed on. */
function networkCode(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : 'network error';
}

/** Belt and braces: the token never leaves in a text, whoever wrote it. */
export function withoutToken(text: string, token: string): string {
  return token ? text.split(token).join('***') : text;
}
