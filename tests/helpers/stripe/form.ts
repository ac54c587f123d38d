/**
 * Stripe's bracket encoding (`expand[0]=a`, `created[gt]=5`, `metadata[k]=v`,
 * `line_items[0][price]=p`), as both query strings and form-encoded POST bodies use it.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };

export function parseForm(text: string): Record<string, FormValue> {
  const root: Record<string, FormValue> = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const path = rawKey.replace(/\]/g, '').split('[');
    let node: Record<string, FormValue> = root;
    path.forEach((part, i) => {
      const key = part === '' ? String(Object.keys(node).length) : part;
      if (i === path.length - 1) node[key] = value;
      else node = (node[key] ??= {}) as Record<string, FormValue>;
    });
  }
  return arraysFromIndices(root) as Record<string, FormValue>;
}

/** `{ 0: a, 1: b }` → `[a, b]`, as Stripe reads indexed keys. */
function arraysFromIndices(v: FormValue): FormValue {
  if (typeof v === 'string' || Array.isArray(v)) return v;
  const keys = Object.keys(v);
  const mapped = Object.fromEntries(keys.map((k) => [k, arraysFromIndices(v[k]!)]));
  return keys.length > 0 && keys.every((k, i) => k === String(i)) ? keys.map((k) => mapped[k]!) : mapped;
}

export function list(v: FormValue | undefined): string[] {
  if (v === undefined) return [];
  if (typeof v === 'string') return [v];
  return (Array.isArray(v) ? v : Object.values(v)).filter((x): x is string => typeof x === 'string');
}
