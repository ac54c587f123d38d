import { eventNames, events, LevqorError, type ProcedureName, type Transport } from '../../../shared/contract';
import { errorFromResponse } from './to-levqor-error';

/**
 * The transport of a browser served by `levqor serve`: `POST /api/<procedure>` with a JSON
 * body, and Server-Sent Events from `GET /api/events`. The session cookie set by the tokened
 * link authenticates both (same origin).
 */
export function createHttpTransport(base = '/api'): Transport {
  return {
    async call(name: ProcedureName, input: unknown) {
      let res: Response;
      try {
        res = await fetch(`${base}/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
      } catch {
        throw new LevqorError({ code: 'UNAVAILABLE', message: 'Cannot reach the Levqor X server. Is `levqor serve` still running?' });
      }
      const body = await readJson(res);
      if (!res.ok) throw errorFromResponse(res.status, body);
      return body;
    },

    subscribe(listener) {
      const source = new EventSource(`${base}/events`);
      for (const name of eventNames) {
        source.addEventListener(name, (message: MessageEvent<string>) => {
          let data: unknown;
          try {
            data = JSON.parse(message.data);
          } catch {
            return;
          }
          const payload = events[name].payload.safeParse(data);
          if (payload.success) listener(name, payload.data);
        });
      }
      return () => source.close();
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
