import type { ExecutiveSummary, ScoreVerdict } from '../../../../shared/contract/guardian';
import { verdictLabel } from '../../../../shared/health';
import { formatAgo } from '../../format/time';
import { Evidence } from '../../components/Evidence';
import { deductionLabel, gaugeArc, verdictTone } from './format';

const r = 78;

/** The 0–100 score as a 270° SVG gauge; with not enough to assess, an empty gauge that says so. */
export function ScoreGauge({ score, verdict }: { score: number; verdict: ScoreVerdict }) {
  const tone = verdictTone[verdict];
  const assessed = verdict !== 'not_enough_data';
  const arc = gaugeArc(assessed ? score : 0, r);
  const dash = (len: number) => `${len} ${arc.circumference}`;
  const label = assessed ? `Health score ${score} out of 100: ${verdictLabel[verdict]}` : `Health score: ${verdictLabel[verdict]}`;
  return (
    <svg className={`gauge gauge--${tone}`} viewBox="0 0 200 200" role="img" aria-label={label} data-testid="guardian-gauge" data-verdict={verdict}>
      <defs>
        <linearGradient id="gauge-grad" x1="0" y1="1" x2="1" y2="0">
          <stop offset="0%" className="gauge__stop-a" />
          <stop offset="100%" className="gauge__stop-b" />
        </linearGradient>
      </defs>
      {/* start at 135° (bottom left), sweep 270° clockwise */}
      <g transform="rotate(135 100 100)">
        <circle className="gauge__track" cx="100" cy="100" r={r} strokeDasharray={dash(arc.track)} />
        {assessed ? <circle className="gauge__value" cx="100" cy="100" r={r} strokeDasharray={dash(arc.value)} /> : null}
      </g>
      <text className="gauge__score" x="100" y="104" textAnchor="middle" data-testid="guardian-score">
        {assessed ? score : '\u2014'}
      </text>
      <text className="gauge__of" x="100" y="130" textAnchor="middle">
        {assessed ? 'of 100' : 'no score yet'}
      </text>
      <text className="gauge__tone" x="100" y="176" textAnchor="middle" data-testid="guardian-verdict">
        {verdictLabel[verdict]}
      </text>
    </svg>
  );
}

/** Gauge, verdict, trend and the breakdown: every deduction with its points, and what could not be assessed. */
export function ScoreCard({ summary }: { summary: ExecutiveSummary }) {
  const { trend } = summary;
  const trendText =
    trend.direction === 'new' || trend.delta === null
      ? 'No earlier stored score: no trend yet'
      : trend.direction === 'flat'
        ? `Unchanged since ${trend.previousAt ? formatAgo(Date.now() - trend.previousAt) : 'the last stored score'}`
        : `${trend.delta > 0 ? '+' : ''}${trend.delta} since ${trend.previousAt ? formatAgo(Date.now() - trend.previousAt) : 'the last stored score'} (was ${trend.previous})`;
  const assessed = summary.verdict !== 'not_enough_data';
  return (
    <section className="card gscore" aria-labelledby="gscore-title">
      <div className="gscore__gauge">
        <h2 id="gscore-title" className="sr-only">
          Health score
        </h2>
        <ScoreGauge score={summary.score} verdict={summary.verdict} />
        <p className={`gscore__trend gscore__trend--${trend.direction}`} data-testid="guardian-trend">
          {assessed ? trendText : summary.verdictReason}
        </p>
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
      <div className="gscore__breakdown">
        <h3>Breakdown</h3>
        <p className="muted gscore__hint">100 minus each deduction below, from your monitors, telemetry, runs and approvals.</p>
        {summary.breakdown.length === 0 ? (
          <p className={assessed ? 'gscore__clean' : 'muted'} data-testid="guardian-breakdown-empty">
            {assessed ? 'Nothing is costing points right now.' : 'Nothing is costing points, but nothing is watched yet either.'}
          </p>
        ) : (
          <ul className="plain-list gbreak" data-testid="guardian-breakdown">
            {summary.breakdown.map((d, i) => (
              <li key={`${d.kind}-${d.subject}-${i}`} className="gbreak__row" data-kind={d.kind}>
                <span className="gbreak__points">−{d.points}</span>
                <span className="gbreak__body">
                  <span className="gbreak__cause" title={d.cause}>
                    <span className="eyebrow gbreak__kind">{deductionLabel[d.kind]}</span> {d.cause}
                  </span>
                  <span className="gbreak__evidence muted" title={d.evidence} data-testid="deduction-evidence">
                    <Evidence text={d.evidence} time={d.evidenceTime} />
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
