import type { ExecutiveSummary } from '../../../../shared/contract/guardian';
import { formatCount } from '../../format/number';

/** The executive summary's top issues, by points. */
export function TopIssues({ summary }: { summary: ExecutiveSummary }) {
  return (
    <section className="card gissues" aria-labelledby="gissues-title" data-testid="guardian-top-issues">
      <div className="section-head">
        <h2 id="gissues-title">Top issues</h2>
        <span className="muted">{summary.failedRuns24h ? `${formatCount(summary.failedRuns24h)} failed runs in 24 h` : 'no failed runs in 24 h'}</span>
      </div>
      {summary.topIssues.length === 0 ? (
        <p className="muted">No issues: every assessed rule is at full marks.</p>
      ) : (
        <ol className="plain-list gissues__list">
          {summary.topIssues.map((t, i) => (
            <li key={`${t.cause}-${i}`}>
              <span className="gissues__points">−{t.points}</span>
              <span>{t.cause}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
