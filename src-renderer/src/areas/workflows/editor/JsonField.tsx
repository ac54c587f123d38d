import { useEffect, useState } from 'react';

/**
 * A JSON value typed as text. Until the text parses, the document keeps its previous value
 * and the parse error is shown here; an empty box removes the value.
 */
export function JsonField({ id, value, onChange, placeholder, rows = 4 }: { id: string; value: unknown; onChange: (v: unknown) => void; placeholder?: string; rows?: number }) {
  const [text, setText] = useState(() => show(value));
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    // follow undo/redo and outside edits, but not while the box holds text that does not parse
    setText((t) => (error === undefined && !sameJson(t, value) ? show(value) : t));
  }, [value]);
  return (
    <>
      <textarea
        id={id}
        className={`wfe-input wfe-input--mono${error ? ' wfe-input--bad' : ''}`}
        rows={rows}
        spellCheck={false}
        value={text}
        placeholder={placeholder ?? '{ }'}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          if (t.trim() === '') {
            setError(undefined);
            onChange(undefined);
            return;
          }
          try {
            const parsed = JSON.parse(t) as unknown;
            setError(undefined);
            onChange(parsed);
          } catch (err) {
            setError(`Not valid JSON: ${(err as Error).message}`);
          }
        }}
      />
      {error ? (
        <p className="wfe-field__parse" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

function show(v: unknown): string {
  return v === undefined ? '' : JSON.stringify(v, null, 2);
}

function sameJson(text: string, v: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(v);
  } catch {
    return text.trim() === '' && v === undefined;
  }
}
