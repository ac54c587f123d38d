/**
 * Runs IN THE PAGE's world (contextBridge.executeInMainWorld serialises it with toString), so
 * it must stay self-contained: no imports, no outer variables, no helpers a bundler could hoist.
 *
 * Why it exists: an Error crossing the contextBridge arrives as a bare `new Error(message)`,
 * losing `code` and `field`. Here the preload's methods resolve to plain `{ ok, value | error }`
 * objects (which cross intact) and this wrapper, living in the page's own realm, turns a
 * failure into a real Error of that realm with `name`, `code` and `field` attached. The
 * result-returning methods stay inside this closure: the page sees only the wrapped API.
 */
export function installLevqorApi(inner: Record<string, unknown>, key: string): boolean {
  type Failure = { code: string; message: string; field?: string };
  const unwrap = (result: unknown): unknown => {
    const r = result as { ok?: unknown; value?: unknown; error?: Failure } | null;
    if (r !== null && typeof r === 'object' && r.ok === true) return r.value;
    const failure: Failure =
      r !== null && typeof r === 'object' && r.error && typeof r.error.message === 'string'
        ? r.error
        : { code: 'INTERNAL', message: 'The app sent a reply the window could not read' };
    const error = new Error(failure.message) as Error & { code?: string; field?: string };
    error.name = 'LevqorError';
    error.code = failure.code;
    if (typeof failure.field === 'string') error.field = failure.field;
    throw error;
  };
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(inner)) {
    const member = inner[name];
    if (typeof member === 'function') {
      api[name] = member;
      continue;
    }
    const group: Record<string, unknown> = {};
    const methods = member as Record<string, (input?: unknown) => unknown>;
    for (const method of Object.keys(methods)) {
      const call = methods[method] as (input?: unknown) => unknown;
      group[method] = (input?: unknown) => Promise.resolve(call(input)).then(unwrap);
    }
    api[name] = Object.freeze(group);
  }
  Object.defineProperty(globalThis, key, { value: Object.freeze(api), enumerable: true, configurable: false, writable: false });
  return true;
}
