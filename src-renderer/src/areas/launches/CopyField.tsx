import { useEffect, useRef, useState } from 'react';
import { copyText, type CopyOutcome } from './copy-text';

/** One Gumroad field: its value in a readonly input and a copy button with honest feedback. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<CopyOutcome | undefined>(undefined);
  const id = `copy-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

  useEffect(() => {
    if (!outcome) return;
    const timer = window.setTimeout(() => setOutcome(undefined), 2500);
    return () => window.clearTimeout(timer);
  }, [outcome]);

  return (
    <li className="field" data-testid={id}>
      <label htmlFor={id} className="lx-copy__label">
        {label}
      </label>
      <div className="actions">
        <input ref={input} id={id} className="input lx-copy__value" readOnly value={value} placeholder="not set yet" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button button--ghost" aria-label={`Copy ${label}`} disabled={value === ''} onClick={() => void copyText(value, input.current).then(setOutcome)}>
          Copy
        </button>
      </div>
      <span className={`lx-copy__status${outcome === 'selected' ? ' lx-copy__status--warn' : ''}`} role="status" aria-live="polite">
        {outcome === 'copied' ? 'Copied' : outcome === 'selected' ? 'Select and copy (Ctrl/Cmd+C)' : ''}
      </span>
    </li>
  );
}
