import { useState } from 'react';
import { outboxStates, type OutboxState } from '../../../../shared/contract/notify';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OutboxRowView } from './OutboxRowView';
import { PauseControl } from './PauseControl';
import { useOutbox } from './use-outbox';

// short headings: the headings, not the cells, set this table's widths, and it must fit the card at 1280 px
const columns = ['Written', 'Channel', 'Notice', 'State', 'Next / sent', 'Answer / error', { label: 'History and Retry', hidden: true }];
const stateChoices = outboxStates.map((s) => ({ value: s, label: s }));

/** The outbox and its history (notify.outbox): every notice for every channel, newest first; Retry (notify.retry). */
export function OutboxSection() {
  const [state, setState] = useState<OutboxState | undefined>(undefined);
  const outbox = useOutbox(state);
  const rows = outbox.data?.rows ?? [];
  return (
    <section className="card section" aria-labelledby="al-outbox-title" data-testid="alerts-outbox">
      <div className="section-head">
        <h2 id="al-outbox-title">Outbox</h2>
        <label className="toolbar">
          <span className="muted">State</span>
          <ChoiceSelect value={state ?? ''} choices={stateChoices} empty="Any state" testId="outbox-state-filter" onChange={(v) => setState(v === '' ? undefined : (v as OutboxState))} />
        </label>
      </div>
      <p className="muted">Every notice the rules wrote, once per channel, newest first. A failed or skipped one can be tried again.</p>
      <PauseControl />
      <ErrorNotice message={outbox.error ? `Could not read the outbox: ${outbox.error}` : undefined} onRetry={outbox.reload} />
      {outbox.data === undefined && !outbox.error ? <p className="muted">Loading…</p> : null}
      {outbox.data !== undefined && rows.length === 0 ? (
        <p className="empty" data-testid="outbox-empty">
          {state ? `No ${state} notices.` : 'No notices yet: the outbox fills when a rule’s event happens (a monitor goes DOWN, a run fails …).'}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <DataTable columns={columns} label="Outbox" testId="outbox-table">
          {rows.map((row) => (
            <OutboxRowView key={row.id} row={row} columns={columns.length} onRetry={outbox.retry} />
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
