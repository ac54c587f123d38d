/** Any value as readable JSON (two-space indent); a string stays as it is. */
export function formatJson(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

const acronyms: Record<string, string> = { id: 'ID', url: 'URL', ip: 'IP', api: 'API', http: 'HTTP', ms: 'ms' };

/**
 * A JSON key as a label a person reads: `supportsAllDrives` → "Supports all drives",
 * `retry_count` → "Retry count", `url` → "URL". Keys that are names already
 * (`Idempotency-Key`, `content-type`) stay as written.
 */
export function fieldLabel(key: string): string {
  if (key.includes('-') || !/[a-z]/.test(key) || !/^[A-Za-z0-9_]+$/.test(key)) return key;
  const words = key
    .replace(/_+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .split(/\s+/)
    .map((w) => acronyms[w.toLowerCase()] ?? (/^[A-Z][a-z]/.test(w) ? w.toLowerCase() : w));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
