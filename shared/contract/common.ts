import { z } from 'zod';

// The pieces many namespaces' procedures are built from, so the same thing is checked,
// refused and documented the same way wherever it appears.

/** A moment as it crosses the contract: milliseconds since the Unix epoch. */
export const epochMs = z.number().int();

/** The input of a procedure that takes nothing: `{}`, and any field is refused. */
export const noInput = z.object({}).strict();

/** A workflow's, run's or approval's id as a caller sends it. */
export const recordId = z.string().min(1, 'is required').max(200, 'is too long');

/** The input of a procedure that acts on one thing named by `id`, and takes nothing else. */
export function byId(id: z.ZodString) {
  return z.object({ id }).strict();
}

/** A count a caller may ask for (a page size, how many to list): a whole number from 1 to `max`, `fallback` when not given. */
export function howMany(max: number, fallback: number) {
  return z.number().int().min(1).max(max).default(fallback);
}

/**
 * For an input that takes exactly one of some fields: `.refine(...exactlyOneOf(['slug', 'file', 'spec']))`
 * refuses none or several with "give exactly one of slug, file or spec", on the field `at` when given.
 */
export function exactlyOneOf<K extends string>(keys: readonly [K, K, ...K[]], at?: K) {
  const message = `give exactly one of ${keys.slice(0, -1).join(', ')} or ${keys[keys.length - 1]}`;
  const oneGiven = (v: Partial<Record<K, unknown>>) => keys.filter((k) => v[k] !== undefined).length === 1;
  return [oneGiven, at === undefined ? message : { message, path: [at] }] as const;
}

/** An answer that is one list under its plural name: `listOf('monitors', monitorSchema)` is `{ monitors: Monitor[] }`. */
export function listOf<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.object({ [key]: z.array(item) } as Record<K, z.ZodArray<T>>);
}
