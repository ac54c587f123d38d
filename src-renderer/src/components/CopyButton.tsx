import { useEffect, useState } from 'react';
import { copyText, type CopyOutcome } from './copy-text';

/** Copies a value (copy-text.ts) and remembers how that went for a moment, for the button to say. */
export function useCopy(): [CopyOutcome | undefined, (value: string, input: HTMLInputElement | null) => void] {
  const [outcome, setOutcome] = useState<CopyOutcome | undefined>(undefined);
  useEffect(() => {
    if (!outcome) return;
    const timer = window.setTimeout(() => setOutcome(undefined), 2500);
    return () => window.clearTimeout(timer);
  }, [outcome]);
  return [outcome, (value, input) => void copyText(value, input).then(setOutcome)];
}

/** A "Copy" button for a value shown beside it; says "Copied" (or how to copy by hand) for a moment. */
export function CopyButton({ value, what, testId }: { value: string; what: string; testId?: string }) {
  const [outcome, copy] = useCopy();
  return (
    <button type="button" className="button button--ghost" aria-label={`Copy ${what}`} title={outcome === 'selected' ? 'The clipboard refused: select the text and press Ctrl/Cmd+C' : `Copy ${what}`} disabled={value === ''} data-testid={testId} onClick={() => copy(value, null)}>
      <span aria-live="polite">{outcome === 'copied' ? 'Copied' : outcome === 'selected' ? 'Copy by hand' : 'Copy'}</span>
    </button>
  );
}
