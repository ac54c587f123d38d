import { useEffect, useState } from 'react';
import { getApi } from '../../api/client';
import { useApp } from '../../store/store-context';
import { useLoad } from '../../hooks/use-load';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Section } from '../../components/Section';
import { QueueModeSwitch } from './QueueModeSwitch';
import { SharedRunsTable } from './SharedRunsTable';
import { WorkerTable } from './WorkerTable';

/** Heartbeats and runs move on their own: the view asks again this often. */
const refreshMs = 5_000;

/**
 * Queue mode's control plane (docs/workers.md): the switch and its preflight, the workers the
 * shared Postgres knows and the runs they drove. Without a reachable shared Postgres the view
 * says so and shows nothing else: the app's own runs go on locally.
 */
export function WorkersSection() {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), refreshMs);
    return () => clearInterval(timer);
  }, []);
  const entry = useApp((s) => s.settings.find((e) => e.key === 'queue.mode'));
  const preflight = useLoad(() => getApi().workers.preflight({}), [tick, entry?.value]);
  const reachable = preflight.data?.ready === true;
  const workers = useLoad(() => (reachable ? getApi().workers.list({}) : Promise.resolve(undefined)), [tick, reachable]);
  const runs = useLoad(() => (reachable ? getApi().workers.runs({ limit: 20 }) : Promise.resolve(undefined)), [tick, reachable]);
  const problems = preflight.data?.problems ?? [];
  const now = Date.now();

  return (
    <Section id="workers" title="Workers" description="Queue mode runs workflows on levqor worker processes that share a Postgres (the database.url secret), so they keep running while this computer sleeps.">
      <ErrorNotice message={preflight.error} inline />
      {preflight.data ? <QueueModeSwitch entry={entry} ready={reachable} problems={problems} /> : null}
      {preflight.data && !reachable ? (
        <p className="muted" data-testid="workers-offline">
          {problems.some((p) => p.includes('no shared Postgres is configured'))
            ? 'No shared Postgres is set, so there are no workers to show. Every run stays on this machine.'
            : 'The shared Postgres is not usable right now, so workers and their runs cannot be shown. Runs started here go on locally.'}
        </p>
      ) : null}
      {reachable ? (
        <>
          <h3>Workers the shared Postgres knows</h3>
          <ErrorNotice message={workers.error} inline />
          {workers.data ? <WorkerTable workers={workers.data.workers} now={now} /> : null}
          <h3>Recent runs on the workers</h3>
          <ErrorNotice message={runs.error} inline />
          {runs.data ? <SharedRunsTable runs={runs.data.runs} /> : null}
        </>
      ) : null}
    </Section>
  );
}
