import { LevqorError, isEventName, type ApiError, type EventName, type Transport } from '../shared/contract';
import { callChannel, eventChannel } from './channels';

/** The part of ipcRenderer the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** The main process's reply to `levqor:call`, as plain data. */
export type WireResult = { ok: true; value: unknown } | { ok: false; error: ApiError };

const malformed: ApiError = { code: 'INTERNAL', message: 'The app sent a reply the window could not read' };
const unreachable: ApiError = { code: 'UNAVAILABLE', message: 'The app did not answer the window (is it shutting down?)' };

/**
 * Calls resolve to a WireResult and never reject: the main process already turns every
 * failure into `{ ok: false, error }`, and an IPC failure is turned into one here.
 */
export function resultTransport(ipc: IpcRendererLike): Transport {
  return {
    async call(name, input) {
      let reply: unknown;
      try {
        reply = await ipc.invoke(callChannel, name, input);
      } catch {
        return { ok: false, error: unreachable } satisfies WireResult;
      }
      return isWireResult(reply) ? reply : ({ ok: false, error: malformed } satisfies WireResult);
    },
    subscribe(listener) {
      const onEvent = (_event: unknown, name: unknown, payload: unknown) => {
        // the IPC event object (which holds ipcRenderer) is dropped here and never reaches the page
        if (typeof name === 'string' && isEventName(name)) listener(name as EventName, payload);
      };
      ipc.on(eventChannel, onEvent);
      return () => {
        ipc.removeListener(eventChannel, onEvent);
      };
    },
  };
}

/** The same transport with results unwrapped: values resolve, failures reject with a LevqorError. */
export function throwingTransport(ipc: IpcRendererLike): Transport {
  const inner = resultTransport(ipc);
  return {
    call: async (name, input) => unwrapResult(await inner.call(name, input)),
    subscribe: (listener) => inner.subscribe(listener),
  };
}

export function unwrapResult(result: unknown): unknown {
  if (!isWireResult(result)) throw new LevqorError(malformed);
  if (result.ok) return result.value;
  throw new LevqorError(result.error);
}

function isWireResult(value: unknown): value is WireResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: unknown };
  if (v.ok === true) return true;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}
