import { useRef } from 'react';
import { useCopy } from '../../components/CopyButton';

/** One Gumroad field: its value in a readonly input and a copy button with honest feedback. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [outcome, copy] = useCopy();
  const id = `copy-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

  return (
    <li className="field" data-testid={id}>
      <label htmlFor={id} className="lx-copy__label">
        {label}
      </label>
      <div className="actions">
        <input ref={input} id={id} className="input lx-copy__value" readOnly value={value} placeholder="not set yet" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button button--ghost" aria-label={`Copy ${label}`} disabled={value === ''} onClick={() => copy(value, input.current)}>
          Copy
        </button>
      </div>
      <span className={`lx-copy__status${outcome === 'selected' ? ' lx-copy__status--warn' : ''}`} role="status" aria-live="polite">
        {outcome === 'copied' ? 'Copied' : outcome === 'selected' ? 'Select and copy (Ctrl/Cmd+C)' : ''}
      </span>
    </li>
  );
}
