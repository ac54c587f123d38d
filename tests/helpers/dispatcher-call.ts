import type { Dispatcher } from '../../src-main/api/dispatcher';

/** A procedure's answer as a test reads it: any field, unchecked. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Answer = Record<string, unknown> & { [field: string]: any };

/**
 * Calls procedures through the dispatcher as a client would: the value, or a thrown Error whose
 * message starts with the procedure's name and which carries the error's code.
 */
export function dispatcherCall(dispatcher: Dispatcher): (name: string, input: unknown) => Promise<Answer> {
  return async (name, input) => {
    const r = await dispatcher.call(name, input);
    if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.message}`), { code: r.error.code });
    return r.value as Answer;
  };
}
