import { useEffect, useState } from 'react';
import { unparsedJson, unparsedJsonText } from '../../../../../shared/workflow';

/**
 * A JSON value typed as text. Text that parses becomes the value; text that does not is kept
 * in the document exactly as typed (`unparsedJson`), so a draft saves it and the validator
 * names it as a problem of this field (shown under it with the other problems); an empty box
 * removes the value.
 */
export function JsonField({ id, value, onChange, placeholder, rows = 4 }: { id: string; value: unknown; onChange: (v: unknown) => void; placeholder?: string; rows?: number }) {
  const kept = unparsedJsonText(value);
  const [text, setText] = useState(() => kept ?? show(value));
  useEffect(() => {
    // follow undo/redo and outside edits; text that means the same value is left as typed
    setText((t) => (kept !== undefined ? kept : sameJson(t, value) ? t : show(value)));
  }, [value, kept]);
  return (
    <textarea
      id={id}
      className={`wfe-input wfe-input--mono${kept !== undefined ? ' wfe-input--bad' : ''}`}
      rows={rows}
      spellCheck={false}
      value={text}
      placeholder={placeholder ?? '{ }'}
      aria-invalid={kept !== undefined}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        onChange(t.trim() === '' ? undefined : parsedOrKept(t));
      }}
    />
  );
}

function parsedOrKept(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return unparsedJson(text);
  }
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
