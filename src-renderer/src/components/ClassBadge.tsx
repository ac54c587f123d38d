/** A step's or action's risk class (A, B or C) in its colour; `hint` says what the class means where it is shown. */
export function ClassBadge({ cls, hint, testId }: { cls: 'A' | 'B' | 'C'; hint: string; testId?: string }) {
  return (
    <span className={`class-badge class-badge--${cls}`} title={hint} data-testid={testId}>
      <span className="sr-only">Class </span>
      {cls}
    </span>
  );
}
