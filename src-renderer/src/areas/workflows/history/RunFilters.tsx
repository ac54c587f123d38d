import { useState } from 'react';
import { runStatuses } from '../../../../../shared/workflow';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { FieldError } from '../../../components/FieldError';
import { runStatusLabel } from '../format';
import { emptyFilters, toRunQuery, type HistoryFilters, type RunQuery } from './filters';

const statusChoices = runStatuses.map((s) => ({ value: s, label: runStatusLabel[s] }));

/** The filter form and the query it makes; `apply` checks what was typed and names a bad field. */
export function useRunFilters(initial: HistoryFilters = emptyFilters) {
  const [filters, setFilters] = useState<HistoryFilters>(initial);
  const [query, setQuery] = useState<RunQuery>(() => {
    const parsed = toRunQuery(initial);
    return parsed.ok ? parsed.query : {};
  });
  const [error, setError] = useState<{ field: string; message: string } | undefined>(undefined);
  const apply = (next: HistoryFilters) => {
    setFilters(next);
    const parsed = toRunQuery(next);
    if (!parsed.ok) return setError({ field: parsed.field, message: parsed.message });
    setError(undefined);
    setQuery(parsed.query);
  };
  const filtered = query.status !== undefined || query.from !== undefined || query.to !== undefined || query.workflowId !== undefined;
  return { filters, query, error, apply, filtered };
}

/**
 * Status, date range and (with `workflows`) workflow. `testPrefix` names the controls
 * (`history-status`, `runs-workflow`…).
 */
export function RunFilters({
  state,
  testPrefix,
  workflows,
}: {
  state: ReturnType<typeof useRunFilters>;
  testPrefix: string;
  workflows?: ReadonlyArray<{ id: string; name: string }>;
}) {
  const { filters, error, apply, filtered } = state;
  return (
    <form className="card wfx-filters" aria-label="Filter runs" onSubmit={(e) => e.preventDefault()}>
      {workflows ? (
        <label>
          <span>Workflow</span>
          <ChoiceSelect
            value={filters.workflowId ?? ''}
            choices={workflows.map((w) => ({ value: w.id, label: w.name }))}
            empty="Any workflow"
            testId={`${testPrefix}-workflow`}
            onChange={(workflowId) => apply({ ...filters, workflowId })}
          />
        </label>
      ) : null}
      <label>
        <span>Status</span>
        <ChoiceSelect value={filters.status} choices={statusChoices} empty="Any status" testId={`${testPrefix}-status`} onChange={(status) => apply({ ...filters, status: status as HistoryFilters['status'] })} />
      </label>
      <DayField label="From" value={filters.fromDay} testId={`${testPrefix}-from`} invalid={error?.field === 'from'} onChange={(fromDay) => apply({ ...filters, fromDay })} />
      <DayField label="To" value={filters.toDay} testId={`${testPrefix}-to`} invalid={error?.field === 'to'} onChange={(toDay) => apply({ ...filters, toDay })} />
      {filtered || error ? (
        <button type="button" className="button button--ghost" onClick={() => apply(emptyFilters)}>
          Clear filters
        </button>
      ) : null}
      <FieldError id={`${testPrefix}-filter-error`} error={error} />
    </form>
  );
}

/** One end of the date range: a day input, marked invalid when the filter blames it. */
function DayField({ label, value, testId, invalid, onChange }: { label: string; value: string; testId: string; invalid: boolean; onChange(day: string): void }) {
  return (
    <label>
      <span>{label}</span>
      <input type="date" className="input" value={value} data-testid={testId} aria-invalid={invalid} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
