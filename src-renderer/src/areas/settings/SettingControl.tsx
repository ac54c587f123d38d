import { useState, type FormEvent } from 'react';
import { numberFromText } from '../../format/number';
import type { SettingKind } from './setting-kind';

interface ControlProps {
  id: string;
  labelId: string;
  describedBy: string;
  kind: SettingKind;
  value: unknown;
  disabled: boolean;
  invalid: boolean;
  onSave: (value: unknown) => void;
}

/** enum -> select, boolean -> switch, string or number -> text input with Save. */
export function SettingControl(props: ControlProps) {
  const { id, labelId, describedBy, kind, value, disabled, invalid, onSave } = props;
  const common = { id, 'aria-labelledby': labelId, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined, disabled };

  if (kind.kind === 'enum') {
    return (
      <select className="select" {...common} value={String(value)} onChange={(e) => onSave(e.target.value)}>
        {kind.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  }
  if (kind.kind === 'boolean') {
    const on = value === true;
    return (
      <button type="button" role="switch" aria-checked={on} className="switch" {...common} onClick={() => onSave(!on)}>
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        <span className="switch__text">{on ? 'On' : 'Off'}</span>
      </button>
    );
  }
  return <TextControl key={typeof value === 'object' ? JSON.stringify(value) : String(value)} {...props} />;
}

/** A number is typed as text and sent as a number when it reads as one, else as typed, so the API states the rule. */
function TextControl({ id, labelId, describedBy, kind, value, disabled, invalid, onSave }: ControlProps) {
  const numeric = kind.kind === 'number';
  // a map setting (revenue.rates) is edited as its JSON text
  const initial = typeof value === 'string' || typeof value === 'number' ? String(value) : value !== null && typeof value === 'object' ? JSON.stringify(value) : '';
  const [draft, setDraft] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(numeric ? numberFromText(draft) : draft);
  };
  return (
    <form className="actions" onSubmit={submit}>
      <input
        className="input"
        id={id}
        type="text"
        inputMode={numeric ? 'decimal' : undefined}
        spellCheck={false}
        aria-labelledby={labelId}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        disabled={disabled}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="button" disabled={disabled || draft === initial}>
        Save
      </button>
    </form>
  );
}
