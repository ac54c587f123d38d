/**
 * How far a long task has got: its label, what is done in words, and the bar (a
 * `progressbar` named `name`, its value in `valueText` for screen readers). Styles: `.progress`
 * in styles/primitives.css.
 */
export function ProgressBar({ label, detail, percent, name, valueText, testId }: { label: string; detail: string; percent: number; name: string; valueText: string; testId?: string }) {
  return (
    <div className="progress" data-testid={testId}>
      <div className="progress__head">
        <span>{label}</span>
        <span className="muted num" data-testid={testId ? `${testId}-text` : undefined}>
          {detail}
        </span>
      </div>
      <div className="progress__track" role="progressbar" aria-label={name} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={valueText}>
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
