import { eventNames, type ProcedureName, type RendererApi, type Transport } from '../../../shared/contract';
import { toLevqorError } from './to-levqor-error';

type AnyCall = (input: unknown) => Promise<unknown>;

/**
 * Wraps the preload's `window.levqor` so every failure reaches the UI as a LevqorError
 * (errors crossing Electron IPC lose their class on the way).
 */
export function createPreloadTransport(bridge: RendererApi): Transport {
  return {
    async call(name: ProcedureName, input: unknown) {
      const [ns, method] = name.split('.') as [string, string];
      const group = (bridge as unknown as Record<string, Record<string, AnyCall> | undefined>)[ns];
      const fn = group?.[method];
      if (typeof fn !== 'function') throw toLevqorError({ code: 'UNKNOWN_PROCEDURE', message: `Unknown procedure "${name}"` });
      try {
        return await fn(input);
      } catch (err) {
        throw toLevqorError(err);
      }
    },

    subscribe(listener) {
      const offs = eventNames.map((name) => bridge.on(name, (payload) => listener(name, payload)));
      return () => {
        for (const off of offs) off();
      };
    },
  };
}
