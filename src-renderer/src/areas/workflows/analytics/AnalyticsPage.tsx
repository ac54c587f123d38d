import { useEffect, useState } from 'react';
import { getApi } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { FieldError } from '../../../components/FieldError';
import { formatDuration, formatRate } from '../format';
import { useLoad } from '../../../hooks/use-load';
import { useWidth } from '../../../hooks/use-width';
import { WorkflowHeader } from '../WorkflowHeader';
import { presets, resolveRange, type RangeChoice } from './range';
import { RunsPerDayChart } from './RunsPerDayChart';

const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function Tile({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="card stat wfx-tile" data-testid={testId}>
      <span className="eyebrow">{label}</span>
      <strong className="stat__value">{value}</strong>
      {hint ? <span className="muted wfx-tile__hint">{hint}</span> : null}
    </div>
  );
}

/** One workflow over a date range: runs per day by status, duration percentiles, failures, approval wait. */
export function AnalyticsPage({ workflowId }: { workflowId: string }) {
  const workflow = useLoad(() => getApi().workflows.get({ id: workflowId }), [workflowId]);
  const [choice, setChoice] = useState<RangeChoice>({ kind: 'preset', days: 30 });
  const [custom, setCustom] = useState({ fromDay: '', toDay: '' });
  const range = resolveRange(choice, Date.now());
  const rangeKey = range.ok ? `${range.from}-${range.to}` : 'invalid';
  const stats = useLoad(async () => (range.ok ? getApi().workflows.stats({ id: workflowId, from: range.from, to: range.to, timezone }) : undefined), [workflowId, rangeKey]);
  const [chartRef, width] = useWidth<HTMLDivElement>();
  const s = stats.data;
  const reloadStats = stats.reload;

  // a run of this workflow ending changes every number here
  useEffect(() => {
    let timer: number | undefined;
    const off = getApi().on('run.finished', (p) => {
      if (p.workflowId !== workflowId || timer !== undefined) return;
      timer = window.setTimeout(() => {
        timer = undefined;
        reloadStats();
      }, 500);
    });
    return () => {
      off();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [workflowId, reloadStats]);

  return (
    <div className="stack wfx" data-testid="workflow-analytics">
      <WorkflowHeader workflowId={workflowId} workflow={workflow.data} current="analytics" />
      <div className="card wfx-filters" role="group" aria-label="Date range">
        <div className="wfx-seg" role="group" aria-label="Last days">
          {presets.map((days) => (
            <button key={days} type="button" className="wfx-seg__btn" aria-pressed={choice.kind === 'preset' && choice.days === days} onClick={() => setChoice({ kind: 'preset', days })}>
              {days} d
            </button>
          ))}
        </div>
        <label>
          <span>From</span>
          <input type="date" className="input" value={custom.fromDay} data-testid="analytics-from" onChange={(e) => setCustom((c) => ({ ...c, fromDay: e.target.value }))} />
        </label>
        <label>
          <span>To</span>
          <input type="date" className="input" value={custom.toDay} data-testid="analytics-to" onChange={(e) => setCustom((c) => ({ ...c, toDay: e.target.value }))} />
        </label>
        <button type="button" className="button button--ghost" data-testid="analytics-apply" onClick={() => setChoice({ kind: 'custom', ...custom })}>
          Show these days
        </button>
        <FieldError id="analytics-range-error" error={range.ok ? undefined : range} />
      </div>
      <ErrorNotice message={stats.error && `Could not load the numbers: ${stats.error}`} />
      {range.ok && !s && !stats.error ? <p className="muted">Loading…</p> : null}
      {s ? (
        <>
          <div className="wfx-tiles">
            <Tile label="Runs" value={String(s.runs)} hint={`${s.succeeded} succeeded · ${s.failed} failed · ${s.rejected} rejected · ${s.cancelled} cancelled`} testId="analytics-runs" />
            <Tile label="Success rate" value={formatRate(s.successRate)} hint="of finished runs; rejected ones are left out" testId="analytics-success" />
            <Tile label="Duration p50 / p95" value={`${formatDuration(s.p50DurationMs)} / ${formatDuration(s.p95DurationMs)}`} hint="succeeded and failed runs" testId="analytics-duration" />
            <Tile
              label="Mean approval wait"
              value={formatDuration(s.meanApprovalWaitMs)}
              hint={s.approvalsDecided === 0 ? 'no approval decided in this range' : `${s.approvalsDecided} decided`}
              testId="analytics-approval-wait"
            />
          </div>
          <section className="card section" aria-labelledby="wfx-daily-title">
            <div className="section__head">
              <h2 id="wfx-daily-title">Runs per day</h2>
              <p className="muted">By the day each run started, in {s.timezone}.</p>
            </div>
            <div ref={chartRef} className="wfx-chart" data-testid="analytics-daily-chart">
              {s.runs === 0 ? <p className="muted" data-testid="analytics-empty">No runs in this range.</p> : <RunsPerDayChart daily={s.daily} width={width} />}
            </div>
          </section>
          <section className="card section" aria-labelledby="wfx-failures-title">
            <div className="section__head">
              <h2 id="wfx-failures-title">Top failure reasons</h2>
            </div>
            {s.topFailureReasons.length === 0 ? (
              <p className="muted">No failed runs in this range.</p>
            ) : (
              <ol className="wfx-failures" data-testid="analytics-failures">
                {s.topFailureReasons.map((f) => (
                  <li key={f.reason}>
                    <span className="wfx-failures__count">{f.count}×</span> <code>{f.reason}</code>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
