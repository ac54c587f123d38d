import { z } from 'zod';

/** Text typed on the command line or a page is read as JSON; anything else is checked as it is. */
export function jsonFromText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * A setting that is a JSON map (typed as text or given as an object): every value checked by
 * `values`, every key by `keyProblem` (why it is not allowed, or undefined), each refusal
 * stating `rule` and naming the key.
 */
export function jsonMapSetting<V extends z.ZodType>(values: V, rule: string, keyProblem: (key: string) => string | undefined) {
  return z.preprocess(
    jsonFromText,
    z.record(z.string(), values, { error: () => rule }).superRefine((map, ctx) => {
      for (const key of Object.keys(map)) {
        const problem = keyProblem(key);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `${rule}; "${key}" ${problem}`, path: [key] });
      }
    }),
  );
}
