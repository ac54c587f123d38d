import type { Core } from '../core';
import type { ExtraRoute } from './extra-routes';
import type { HttpListener } from './http-listener';
import { startInboundServer } from './inbound-server';
import { isWildcard } from './interfaces';

export interface InboundService {
  /** Settles once the server listens, is off, or failed to start (the failure is in core.inbound and the log). */
  ready: Promise<void>;
  close(): Promise<void>;
}

const offReason = 'the desktop app\u2019s inbound server is off (inbound.port is 0): levqor settings set inbound.port 4320 turns it on';

/**
 * Runs the inbound server as the settings `inbound.port` and `inbound.host` say, moves it when
 * they change, and tells core where it listens (core.inbound: the webhook URLs the editor shows).
 * A port another program holds is logged and reported (`onProblem`); the app runs on without it.
 */
export function runInboundService(core: Core, routes: readonly ExtraRoute[], token: string, onProblem: (err: Error) => void = () => {}): InboundService {
  let listener: HttpListener | undefined;
  let bound: { host: string; port: number } | undefined;
  let closed = false;
  let queue: Promise<void> = Promise.resolve();

  const apply = async (): Promise<void> => {
    const want = closed ? undefined : { host: core.settings.get('inbound.host'), port: core.settings.get('inbound.port') };
    if (bound && want && bound.host === want.host && bound.port === want.port) return;
    await listener?.close();
    listener = undefined;
    bound = undefined;
    if (!want || want.port === 0) return core.inbound.notListening(want ? offReason : undefined);
    try {
      listener = await startInboundServer({ core, routes, token, ...want });
      bound = want;
      const shown = isWildcard(want.host) ? `http://127.0.0.1:${listener.port}/` : listener.url;
      core.inbound.listening(shown);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      core.log.warn({ err: error.message }, 'inbound server not started');
      core.inbound.notListening(error.message);
      onProblem(error);
    }
  };
  const schedule = (): Promise<void> => (queue = queue.then(apply));

  const off = core.events.on('settings.changed', (entry) => {
    if (entry.key === 'inbound.port' || entry.key === 'inbound.host') void schedule();
  });
  return {
    ready: schedule(),
    close: () => {
      closed = true;
      off();
      return schedule();
    },
  };
}
