import type { Tone } from './tone';

/** One judged item: a status word, its colour, what it is about, why, and where to fix it. */
export interface CheckRow {
  id: string;
  label: string;
  status: string;
  reason: string;
  fix: string;
  note?: string | undefined;
}

const toneOf: Record<string, Tone> = { pass: 'good', warn: 'warn', block: 'bad', fail: 'bad', unknown: 'muted' };

/** The preflight's checks and the hardening items alike, each with its reason and a link to fix it. */
export function CheckList({ rows, testId }: { rows: readonly CheckRow[]; testId: string }) {
  return (
    <ul className="plain-list check-list" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.id} className="check-list__row" data-testid={`${testId}-${r.id}`} data-status={r.status}>
          <span className={`pill tone--${toneOf[r.status] ?? 'muted'}`}>{r.status}</span>
          <span className="check-list__text">
            <strong>{r.label}</strong> {r.reason}
            {r.note ? <span className="muted"> ({r.note})</span> : null}
            {r.status !== 'pass' ? (
              <>
                {' '}
                <a href={r.fix}>Fix it</a>
              </>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
