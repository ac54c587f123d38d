import { useEffect, useMemo, useState } from 'react';
import { formatTimeExact } from '../../../format/time';
import { workflowsHref } from '../routes';
import { dataExpression, template, upstreamIds, type DataPath } from './data-paths';
import type { Doc } from './doc-ops';
import { insertAtCaret, targetField, trackFieldFocus } from './insert-field';
import { useLatestRun } from './use-latest-run';
import { useSampleInput } from './sample-input';

type Source = { step: string } | 'trigger';

/** How much of a value the tree shows: deeper levels and longer lists are cut (the whole value is in the run view). */
const MAX_DEPTH = 5;
const MAX_ITEMS = 50;

/**
 * "Data from earlier steps": the output of every step that feeds this one in the workflow's
 * latest run, and its trigger input (or the sample input chosen from a webhook test call), as
 * trees; clicking a field puts its expression into the param field being edited — a template
 * `{{ steps.<id>.output.<path> }}`, or the bare path in an expression field.
 */
export function StepData({ doc, nodeId, workflowId }: { doc: Doc; nodeId: string; workflowId: string | undefined }) {
  const upstream = useMemo(() => upstreamIds(doc, nodeId), [doc, nodeId]);
  const run = useLatestRun(workflowId).data;
  const sample = useSampleInput(workflowId);
  const [note, setNote] = useState<string | undefined>(undefined);
  useEffect(trackFieldFocus, []);

  const insert = (expression: string) => {
    const field = targetField();
    if (!field) {
      setNote('Click in a field of this step first, then on a value here.');
      return;
    }
    const bare = field.dataset.expression === 'bare';
    insertAtCaret(field, bare ? expression : template(expression));
    setNote(undefined);
  };

  const trigger = sample !== undefined ? sample : run?.input;
  const outputs = new Map(run?.steps.map((s) => [s.id, s]) ?? []);
  return (
    <section className="wfe-data" aria-label="Data from earlier steps" data-testid="step-data">
      <h3 className="eyebrow wfe-panel__section">Data from earlier steps</h3>
      {run ? (
        <p className="wfe-field__help">
          From the <a href={workflowsHref.run(run.workflowId ?? workflowId ?? '', run.id)}>last run</a> ({formatTimeExact(run.createdAt)}). Click a value to put its expression into the field you are editing.
        </p>
      ) : (
        <p className="wfe-field__help">{workflowId ? 'No run yet: run the workflow once (a dry run will do) to see what each step outputs.' : 'Save and run the workflow once to see what each step outputs.'}</p>
      )}
      {note ? (
        <p className="wfe-data__note" role="status">
          {note}
        </p>
      ) : null}
      {trigger !== undefined ? <DataBlock title={sample !== undefined ? 'trigger (sample input)' : 'trigger'} source="trigger" value={trigger} onPick={insert} /> : null}
      {run
        ? upstream.map((id) => {
            const step = outputs.get(id);
            return step && step.output !== undefined ? (
              <DataBlock key={id} title={id} source={{ step: id }} value={step.output} onPick={insert} />
            ) : (
              <p key={id} className="muted wfe-data__none">
                <code>{id}</code> {step ? `${step.status}, no output` : 'did not run in the last run'}
              </p>
            );
          })
        : null}
    </section>
  );
}

function DataBlock({ title, source, value, onPick }: { title: string; source: Source; value: unknown; onPick: (expression: string) => void }) {
  return (
    <div className="wfe-data__block">
      <Row label={title} source={source} path={[]} value={value} onPick={onPick} />
      <Children source={source} path={[]} value={value} onPick={onPick} />
    </div>
  );
}

function Children({ source, path, value, onPick }: { source: Source; path: DataPath; value: unknown; onPick: (expression: string) => void }) {
  if (value === null || typeof value !== 'object' || path.length >= MAX_DEPTH) return null;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  if (entries.length === 0) return null;
  return (
    <ul className="wfe-data__tree">
      {entries.slice(0, MAX_ITEMS).map(([key, v]) => {
        const p = [...path, key];
        return (
          <li key={String(key)}>
            <Row label={typeof key === 'number' ? `[${key}]` : key} source={source} path={p} value={v} onPick={onPick} />
            <Children source={source} path={p} value={v} onPick={onPick} />
          </li>
        );
      })}
      {entries.length > MAX_ITEMS ? <li className="muted">… {entries.length - MAX_ITEMS} more</li> : null}
    </ul>
  );
}

function Row({ label, source, path, value, onPick }: { label: string; source: Source; path: DataPath; value: unknown; onPick: (expression: string) => void }) {
  const expression = dataExpression(source, path);
  return (
    <button
      type="button"
      className="bare wfe-data__row"
      data-expression={expression}
      title={`Insert ${expression}`}
      // keep the focus (and the caret) in the field being edited
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onPick(expression)}
    >
      <span className="wfe-data__key">{label}</span>
      <span className="wfe-data__value">{preview(value)}</span>
    </button>
  );
}

function preview(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length}]`;
  if (value !== null && typeof value === 'object') return `{${Object.keys(value).length}}`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}
