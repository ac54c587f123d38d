import { fieldLabel } from '../../format/json';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Parts an edit may not change: the kind, and the link (the product's page with this asset's UTM tags). */
const fixed = new Set(['kind', 'link', 'url']);

/** The rules broken at this field, shown under it. */
function Rules({ id, rules }: { id: string; rules: string[] | undefined }) {
  if (!rules?.length) return null;
  return (
    <div id={id}>
      {rules.map((r) => (
        <p key={r} className="field-error" role="alert">
          {r}
        </p>
      ))}
    </div>
  );
}

/**
 * An asset's parts as fields, walked from its value: a text is a text box, a number a number
 * field, a list or an object its parts in turn. `path` is the part's place in the asset
 * (`posts.1`), the name content.saveAsset's rules use.
 */
export function AssetFields({ idPrefix, value, path, rules, onChange }: { idPrefix: string; value: Json; path: string[]; rules: Map<string, string[]>; onChange(path: string[], value: Json): void }) {
  const key = path.join('.');
  const id = `${idPrefix}-${key.replace(/\./g, '-')}`;
  const label = path.length === 0 ? '' : fieldLabel(path[path.length - 1]!).replace(/^\d+$/, (n) => `#${Number(n) + 1}`);
  if (Array.isArray(value) || (value !== null && typeof value === 'object')) {
    const entries: Array<[string, Json]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
    const shown = entries.filter(([k]) => !fixed.has(k));
    return (
      <fieldset className="content-fields" data-path={key}>
        {label ? <legend>{label}</legend> : null}
        <Rules id={`${id}-rules`} rules={rules.get(key)} />
        {shown.map(([k, v]) => (
          <AssetFields key={k} idPrefix={idPrefix} value={v} path={[...path, k]} rules={rules} onChange={onChange} />
        ))}
      </fieldset>
    );
  }
  const broken = rules.get(key);
  const common = { id, 'aria-invalid': broken ? true : undefined, 'aria-describedby': broken ? `${id}-rules` : undefined };
  return (
    <div className="field content-field">
      <label htmlFor={id}>{label}</label>
      {typeof value === 'number' ? (
        <input {...common} className="input" type="number" value={value} onChange={(e) => onChange(path, e.target.value === '' ? '' : Number(e.target.value))} />
      ) : (
        <textarea {...common} className="input" rows={Math.min(8, Math.ceil(String(value ?? '').length / 80) + 1)} value={String(value ?? '')} onChange={(e) => onChange(path, e.target.value)} />
      )}
      <Rules id={`${id}-rules`} rules={broken} />
    </div>
  );
}

/** `value` with the part at `path` replaced, every object and list on the way copied. */
export function withPart(value: Json, path: readonly string[], part: Json): Json {
  if (path.length === 0) return part;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? withPart(v, rest, part) : v));
  const record = (value ?? {}) as { [key: string]: Json };
  return { ...record, [head]: withPart(record[head] ?? null, rest, part) };
}

export type { Json };
