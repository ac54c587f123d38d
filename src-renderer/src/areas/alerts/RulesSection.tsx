import { getApi } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoad } from '../../hooks/use-load';
import { RuleRow } from './RuleRow';
import { channelChoices } from './rule-draft';

const columns = ['Rule and its event', 'Channels', 'Severity', 'Filter', 'On', { label: 'Actions', hidden: true }];

/** The alert rules (notify.rules): which events reach the founder, where, and how much they matter. */
export function RulesSection() {
  const rules = useLoad(() => getApi().notify.rules({}), []);
  const known = useLoad(() => getApi().notify.channels({}), []);
  const list = rules.data?.rules ?? [];
  const channels = channelChoices(known.data?.channels.map((c) => c.id) ?? [], list);
  return (
    <section className="card section" aria-labelledby="al-rules-title" data-testid="alerts-rules">
      <div className="section-head">
        <h2 id="al-rules-title">Rules</h2>
      </div>
      <p className="muted">Each rule turns one kind of event into a notice. A change counts from the next event on; Reset puts a rule back to the app’s defaults.</p>
      <ErrorNotice message={rules.error ? `Could not read the rules: ${rules.error}` : undefined} onRetry={rules.reload} />
      <ErrorNotice message={known.error ? `Could not read the channels a rule can use: ${known.error}` : undefined} onRetry={known.reload} />
      {rules.data === undefined && !rules.error ? <p className="muted">Loading…</p> : null}
      {list.length > 0 ? (
        <DataTable columns={columns} label="Alert rules" testId="rules-table">
          {list.map((rule) => (
            <RuleRow key={rule.id} rule={rule} channels={channels} columns={columns.length} onChanged={rules.reload} />
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
