import { events, isEventName, LevqorError, type ProcedureName, type Transport } from '../../../shared/contract';
import { forgetSession, sessionHeaders } from './browser-session';
import { EventStreamParser } from './event-stream-reader';
import { errorFromResponse } from './to-levqor-error';

const retryStartMs = 1_000;
const retryMaxMs = 15_000;

/**
 * The transport of a browser served by `levqor serve`: `POST /api/<procedure>` with a JSON
 * body, and Server-Sent Events from `GET /api/events`, both carrying the browser's session
 * header (see browser-session.ts).
 */
export function createHttpTransport(base = '/api'): Transport {
  return {
    async call(name: ProcedureName, input: unknown) {
      let res: Response;
      try {
        res = await fetch(`${base}/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...sessionHeaders() },
          body: JSON.stringify(input ?? {}),
          credentials: 'omit',
        });
      } catch {
        throw new LevqorError({ code: 'UNAVAILABLE', message: 'Cannot reach the Levqor X server. Is `levqor serve` still running?' });
      }
      const body = await readJson(res);
      if (res.status === 401) forgetSession();
      if (!res.ok) throw errorFromResponse(res.status, body);
      return body;
    },

    subscribe(listener) {
      const controller = new AbortController();
      let wait = retryStartMs;
      const deliver = (name: string, text: string) => {
        if (!isEventName(name)) return;
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch {
          return;
        }
        const payload = events[name].payload.safeParse(data);
        if (payload.success) listener(name, payload.data);
      };
      const connect = async (): Promise<void> => {
        const res = await fetch(`${base}/events`, { headers: { accept: 'text/event-stream', ...sessionHeaders() }, credentials: 'omit', signal: controller.signal });
        // a refused stream (signed out) is not retried: the next call shows the locked screen
        if (res.status === 401 || res.status === 403) return;
        if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
        wait = retryStartMs;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        const parser = new EventStreamParser();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const e of parser.push(value)) deliver(e.event, e.data);
        }
        throw new Error('events: the stream ended');
      };
      const loop = async () => {
        while (!controller.signal.aborted) {
          try {
            await connect();
            return;
          } catch {
            if (controller.signal.aborted) return;
            // like EventSource: come back after a pause when the server restarts
            await new Promise((resolve) => setTimeout(resolve, wait));
            wait = Math.min(wait * 2, retryMaxMs);
          }
        }
      };
      void loop();
      return () => controller.abort();
    },
  };
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
