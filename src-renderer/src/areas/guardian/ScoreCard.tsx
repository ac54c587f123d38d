import type { ExecutiveSummary } from '../../../../shared/contract/guardian';
import { formatAgo } from '../../format/time';
import { deductionLabel, gaugeArc, scoreTone, scoreToneLabel } from './format';

const r = 78;

/** The 0–100 score as a 270° SVG gauge. */
export function ScoreGauge({ score }: { score: number }) {
  const tone = scoreTone(score);
  const arc = gaugeArc(score, r);
  const dash = (len: number) => `${len} ${arc.circumference}`;
  return (
    <svg className={`gauge gauge--${tone}`} viewBox="0 0 200 200" role="img" aria-label={`Health score ${score} out of 100`} data-testid="guardian-gauge">
      <defs>
        <linearGradient id="gauge-grad" x1="0" y1="1" x2="1" y2="0">
          <stop offset="0%" className="gauge__stop-a" />
          <stop offset="100%" className="gauge__stop-b" />
        </linearGradient>
      </defs>
      {/* start at 135° (bottom left), sweep 270° clockwise */}
      <g transform="rotate(135 100 100)">
        <circle className="gauge__track" cx="100" cy="100" r={r} strokeDasharray={dash(arc.track)} />
        <circle className="gauge__value" cx="100" cy="100" r={r} strokeDasharray={dash(arc.value)} />
      </g>
      <text className="gauge__score" x="100" y="104" textAnchor="middle" data-testid="guardian-score">
        {score}
      </text>
      <text className="gauge__of" x="100" y="130" textAnchor="middle">
        of 100
      </text>
      <text className="gauge__tone" x="100" y="176" textAnchor="middle">
        {scoreToneLabel[tone]}
      </text>
    </svg>
  );
}

/** Gauge, trend and the breakdown: every deduction with its points, and what could not be assessed. */
export function ScoreCard({ summary }: { summary: ExecutiveSummary }) {
  const { trend } = summary;
  const trendText =
    trend.direction === 'new' || trend.delta === null
      ? 'No earlier stored score: no trend yet'
      : trend.direction === 'flat'
        ? `Unchanged since ${trend.previousAt ? formatAgo(Date.now() - trend.previousAt) : 'the last stored score'}`
        : `${trend.delta > 0 ? '+' : ''}${trend.delta} since ${trend.previousAt ? formatAgo(Date.now() - trend.previousAt) : 'the last stored score'} (was ${trend.previous})`;
  return (
    <section className="card gscore" aria-labelledby="gscore-title">
      <div className="gscore__gauge">
        <h2 id="gscore-title" className="sr-only">
          Health score
        </h2>
        <ScoreGauge score={summary.score} />
        <p className={`gscore__trend gscore__trend--${trend.direction}`} data-testid="guardian-trend">
          {trendText}
        </p>
      </div>
      <div className="gscore__breakdown">
        <h3>Breakdown</h3>
        <p className="muted gscore__hint">100 minus each deduction below. Numbers come from your monitors, telemetry, runs and approvals.</p>
        {summary.breakdown.length === 0 ? (
          <p className="gscore__clean" data-testid="guardian-breakdown-empty">
            Nothing is costing points right now.
          </p>
        ) : (
          <ul className="plain-list gbreak" data-testid="guardian-breakdown">
            {summary.breakdown.map((d, i) => (
              <li key={`${d.kind}-${d.subject}-${i}`} className="gbreak__row" data-kind={d.kind}>
                <span className="gbreak__points">−{d.points}</span>
                <span className="gbreak__body">
                  <span className="eyebrow gbreak__kind">{deductionLabel[d.kind]}</span>
                  <span className="gbreak__cause">{d.cause}</span>
                  <span className="gbreak__evidence muted">{d.evidence}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
        {summary.notAssessed.length > 0 ? (
          <div className="gscore__na" data-testid="guardian-not-assessed">
            <h4 className="eyebrow">Not assessed</h4>
            <ul className="plain-list">
              {summary.notAssessed.map((n) => (
                <li key={n.kind}>
                  <span className="pill pill--muted">{deductionLabel[n.kind]}</span> <span className="muted">{n.reason}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
