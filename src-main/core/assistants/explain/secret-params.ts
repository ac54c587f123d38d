/** A param or field name that holds a secret or a credential: its value never leaves the machine. */
const secretName = /secret|token|passw(or)?d|passphrase|authori[sz]ation|api[-_]?key|credential|cookie|private[-_]?key|signature/i;

/** What stands where a secret's value was. */
export const droppedValue = '[dropped: holds a secret]';

/**
 * A copy of `value` with the value of every field whose name says it holds a secret dropped,
 * at any depth (a header map's Authorization, a body's api_key). core.ai redacts known secret
 * values and token shapes too; this also drops the ones it cannot recognise by their look.
 */
export function dropSecretValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropSecretValues);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, secretName.test(key) ? droppedValue : dropSecretValues(v)]));
}
