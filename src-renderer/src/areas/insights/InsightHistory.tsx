import { useState } from 'react';
import { insightActedFilters, type InsightHistoryItem } from '../../../../shared/contract/insights';
import { getApi } from '../../api/client';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Section } from '../../components/Section';
import { When } from '../../components/When';
import { useLoad } from '../../hooks/use-load';
import { actedChoices, actedLink, actedWords, severityTone, sinceChoices } from './format';

type Acted = (typeof insightActedFilters)[number];

/** What was done and when, with a link to what it made. */
function Done({ acted }: { acted: NonNullable<InsightHistoryItem['acted']> }) {
  const link = actedLink(acted);
  return (
    <>
      {actedWords[acted.kind]} <When at={acted.at} />
      {link ? (
        <>
          : <a href={link.href}>{link.text}</a>
        </>
      ) : null}
    </>
  );
}

function Row({ item }: { item: InsightHistoryItem }) {
  return (
    <li className="insight-history__row" data-testid="insight-history-item" data-rule={item.rule} data-acted={item.acted?.kind ?? 'none'}>
      <div className="toolbar">
        <When at={item.lastShownAt} />
        <span className={`pill toned ${severityTone[item.severity]}`}>{item.severity}</span>
        <span className="eyebrow">{item.rule}</span>
      </div>
      <p className="insight-history__finding">{item.finding}</p>
      <p className="muted">
        {item.acted ? <Done acted={item.acted} /> : 'Not acted on.'}
        {' · '}first shown <When at={item.firstShownAt} />
      </p>
    </li>
  );
}

/** Past insights and what was done about each, filtered by when they were last shown, their rule, and what was done. `version` changes after an action so it shows here. */
export function InsightHistory({ rules, version }: { rules: readonly string[]; version: number }) {
  const [since, setSince] = useState('');
  const [rule, setRule] = useState('');
  const [acted, setActed] = useState('');
  const history = useLoad(
    () =>
      getApi().insights.history({
        limit: 200,
        ...(since ? { since: Date.now() - Number(since) } : {}),
        ...(rule ? { rule } : {}),
        ...(acted ? { acted: acted as Acted } : {}),
      }),
    [since, rule, acted, version],
  );
  const items = history.data?.items ?? [];
  const ruleChoices = [...new Set([...rules, ...items.map((i) => i.rule)])].sort().map((r) => ({ value: r, label: r }));
  return (
    <Section id="insights-history" title="History" description="Past insights and what was done about them.">
      <div className="toolbar insight-history__filters" data-testid="insight-history-filters">
        <ChoiceSelect value={since} choices={sinceChoices} empty="Any time" testId="insight-history-since" onChange={setSince} />
        <ChoiceSelect value={rule} choices={ruleChoices} empty="Any rule" testId="insight-history-rule" onChange={setRule} />
        <ChoiceSelect value={acted} choices={actedChoices} empty="Anything done" testId="insight-history-acted" onChange={setActed} />
      </div>
      <ErrorNotice message={history.error} onRetry={history.reload} />
      {history.data && items.length === 0 ? <p className="empty">No past insights match.</p> : null}
      <ol className="plain-list insight-history" data-testid="insight-history">
        {items.map((i) => (
          <Row key={i.id} item={i} />
        ))}
      </ol>
    </Section>
  );
}
