import type { InsightsBrief } from '../../../../shared/contract/insights';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Section } from '../../components/Section';
import type { Loaded } from '../../hooks/use-load';
import { severityTone } from './format';

/** Scrolls to the insight's card below, where its evidence and action are. */
const showCard = (id: string) => document.getElementById(`insight-${id}`)?.scrollIntoView({ behavior: 'smooth' });

/** Whose ranking it is, said plainly: the model's, or the rules' with why there is no model answer. */
function Source({ brief }: { brief: InsightsBrief }) {
  if (brief.source === 'model') return <span className="pill toned tone--plan" data-testid="brief-source">Ranked by the model</span>;
  return (
    <p className="muted" data-testid="brief-source">
      <span className="pill toned tone--muted">Ranked by the rules</span> {brief.reason ?? ''}
    </p>
  );
}

/** The AI CEO's brief on top of the cards: the "this week" list and, with a model, its narrative; every number in them is the rules' own. */
export function ThisWeek({ brief }: { brief: Loaded<InsightsBrief> }) {
  const b = brief.data;
  if (b && b.insights.length === 0) return null;
  return (
    <Section id="insights-this-week" title="This week" description="What to deal with first; the numbers come from the rules below.">
      <ErrorNotice message={brief.error} onRetry={brief.reload} />
      {b === undefined && !brief.error ? <p className="muted">Reading the insights…</p> : null}
      {b ? (
        <div data-testid="this-week" data-source={b.source}>
          <Source brief={b} />
          {b.narrative ? (
            <p className="insights-narrative" data-testid="brief-narrative">
              {b.narrative}
            </p>
          ) : null}
          <ol className="insights-this-week">
            {b.thisWeek.map((t) => (
              <li key={t.id} data-testid="this-week-item">
                <button type="button" className="bare" onClick={() => showCard(t.id)}>
                  {t.finding}
                </button>{' '}
                <span className={`pill toned ${severityTone[t.severity]}`}>{t.severity}</span>
                <span className="muted"> · {t.area}</span>
                <div className="muted">{t.why}</div>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </Section>
  );
}
