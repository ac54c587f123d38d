import type { Briefing } from '../../../../shared/contract/briefing';
import { severityTone } from './format';

/** The briefing as the founder reads it: each part's headline, its lines, how much it matters, and the area that explains it. */
export function BriefingDocument({ briefing }: { briefing: Briefing }) {
  return (
    <article className="section" data-testid="briefing-document" data-severity={briefing.severity}>
      <p className="toolbar">
        <strong>{briefing.title}</strong>
        <span className={`pill tone--${severityTone[briefing.severity]}`}>{briefing.severity}</span>
        <span className="muted">
          {briefing.date}, {briefing.timezone}
        </span>
      </p>
      <ul className="plain-list al-briefing">
        {briefing.sections.map((s) => (
          <li key={s.id} data-testid="briefing-section" data-section={s.id} data-severity={s.severity}>
            <p className="toolbar">
              <a href={`#/${s.area}`}>{s.title}</a>
              <span className={`pill tone--${severityTone[s.severity]}`}>{s.severity}</span>
              <span data-testid="briefing-headline">{s.headline}</span>
            </p>
            {s.lines.length > 0 ? (
              <ul className="al-lines">
                {s.lines.map((l, i) => (
                  <li key={i} className={`toned tone--${severityTone[l.severity]}`}>
                    {l.text}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </article>
  );
}
