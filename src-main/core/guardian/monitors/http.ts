import type { MonitorCheck } from './types';
import { errorMessage } from './types';

/** Bytes of body searched for the keyword (Uptime Kuma reads the whole body; we cap it). */
const maxKeywordBodyBytes = 2 * 1024 * 1024;

/**
 * HTTP(S), as Uptime Kuma's "HTTP(s) - Keyword": UP when the status is the expected one
 * (default any 2xx) and, if a keyword is set, the body contains it (case-sensitive).
 * The timeout covers the whole exchange, body included.
 */
export const httpCheck: MonitorCheck = async (def, ctx) => {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(def.url!, { method: 'GET', redirect: 'follow', signal: ctx.signal, headers: { 'user-agent': 'LevqorX-Guardian/1', accept: '*/*' } });
    const statusOk = def.expectedStatus === null ? res.status >= 200 && res.status < 300 : res.status === def.expectedStatus;
    if (!statusOk) {
      await res.body?.cancel().catch(() => undefined);
      const expected = def.expectedStatus === null ? '2xx' : String(def.expectedStatus);
      return { status: 'down', message: `HTTP ${res.status} (expected ${expected})`, ms: elapsed() };
    }
    if (def.keyword !== null) {
      const body = await readCapped(res, maxKeywordBodyBytes);
      if (!body.includes(def.keyword)) return { status: 'down', message: `HTTP ${res.status} but keyword "${def.keyword}" not found`, ms: elapsed() };
      return { status: 'up', message: `HTTP ${res.status}, keyword found`, ms: elapsed() };
    }
    await res.body?.cancel().catch(() => undefined);
    return { status: 'up', message: `HTTP ${res.status}`, ms: elapsed() };
  } catch (err) {
    if (ctx.signal.aborted) return { status: 'down', message: `timed out after ${def.timeoutSeconds} s`, ms: elapsed() };
    return { status: 'down', message: errorMessage(err), ms: elapsed() };
  }
};

async function readCapped(res: Response, limit: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size >= limit) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}
