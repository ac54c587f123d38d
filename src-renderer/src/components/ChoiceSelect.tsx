/** A select of labelled choices, with a first entry for "none chosen" (`empty`, e.g. "Any status") when one may choose none. */
export function ChoiceSelect({ value, choices, empty, testId, onChange }: { value: string; choices: ReadonlyArray<{ value: string; label: string }>; empty?: string; testId?: string; onChange(value: string): void }) {
  return (
    <select className="select" value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
      {(empty === undefined ? choices : [{ value: '', label: empty }, ...choices]).map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
