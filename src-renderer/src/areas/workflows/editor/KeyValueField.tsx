import { useEffect, useState } from 'react';

type Row = { key: string; value: string };

/** A header map (or any text → text map) as rows; empty keys are left out of the document. */
export function KeyValueField({ id, value, onChange }: { id: string; value: unknown; onChange: (v: Record<string, string> | undefined) => void }) {
  const [rows, setRows] = useState<Row[]>(() => toRows(value));
  useEffect(() => {
    setRows((r) => (JSON.stringify(toMap(r)) === JSON.stringify(value ?? {}) ? r : toRows(value)));
  }, [value]);
  const commit = (next: Row[]) => {
    setRows(next);
    const map = toMap(next);
    onChange(Object.keys(map).length ? map : undefined);
  };
  return (
    <div className="wfe-kv" id={id}>
      {rows.map((r, i) => (
        <div className="wfe-kv__row" key={i}>
          <input className="wfe-input" aria-label="Name" placeholder="Name" value={r.key} onChange={(e) => commit(rows.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))} />
          <input className="wfe-input" aria-label="Value" placeholder="Value" value={r.value} onChange={(e) => commit(rows.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
          <button type="button" className="button button--ghost wfe-kv__remove" title="Remove this row" onClick={() => commit(rows.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button button--ghost wfe-kv__add" onClick={() => setRows([...rows, { key: '', value: '' }])}>
        + Add
      </button>
    </div>
  );
}

function toRows(v: unknown): Row[] {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [];
  return Object.entries(v as Record<string, unknown>).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
}

function toMap(rows: Row[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) if (r.key.trim()) out[r.key.trim()] = r.value;
  return out;
}
