import { useState } from 'react';
import type { BackupProgress } from '../../../../shared/contract/backup';
import type { PagePlan, PageSnapshot } from '../../../../shared/contract/backup-page';
import { getApi } from '../../api/client';
import { DataTable, numberColumn } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Section } from '../../components/Section';
import { When } from '../../components/When';
import { useAction } from '../../hooks/use-action';
import { useLoad } from '../../hooks/use-load';
import { formatCount } from '../../format/number';
import { BackupProgressBar } from './BackupProgressBar';
import { OperationHistory } from './OperationHistory';
import { RestoreDialog } from './RestoreDialog';
import { RestoreAppAction } from './RestoreAppAction';
import { RetentionPreview } from './RetentionPreview';
import { SnapshotTree } from './SnapshotTree';
import { formatBytes, ownerText, retentionText } from './format';

const snapshotColumns = ['Snapshot', 'Time', numberColumn('Size'), numberColumn('Files'), numberColumn('Added'), 'Tags', { label: 'Browse', hidden: true }];

/** One plan: run now with progress and cancel, its snapshots (browse, restore), the retention preview, its history. */
export function PlanDetail({ plan, progress, tick, onChanged, onEdit }: { plan: PagePlan; progress: ReadonlyMap<string, BackupProgress>; tick: string; onChanged(): void; onEdit(): void }) {
  const run = useAction();
  const snapshots = useLoad(() => getApi().backup.pageSnapshots({ plan: plan.name }), [plan.name, tick]);
  const history = useLoad(() => getApi().backup.pageHistory({ plan: plan.name, limit: 50 }), [plan.name, tick]);
  const [browsing, setBrowsing] = useState<PageSnapshot | undefined>(undefined);
  const [restoring, setRestoring] = useState<{ path: string | undefined } | undefined>(undefined);
  const running = plan.running;
  const start = () =>
    void run.run(async () => {
      await getApi().backup.run({ plan: plan.name, wait: false });
      onChanged();
    }, 'run');
  const cancel = () =>
    void run.run(async () => {
      if (!running) return;
      await getApi().backup.cancel({ id: running.id });
      onChanged();
    }, 'cancel');

  return (
    <div className="stack" data-testid="plan-detail" data-plan={plan.name}>
      <Section id="bk-plan" title={plan.name} description={`${ownerText(plan)} · the app’s data${plan.sources.includes('folder') ? ' and folders' : ''} · repository ${plan.repository} · keeps ${retentionText(plan.retention)}`}>
        <div className="toolbar">
          {running ? (
            <button type="button" className="button button--ghost button--danger" onClick={cancel} disabled={run.pending} data-testid="backup-cancel">
              {run.running === 'cancel' ? 'Cancelling…' : 'Cancel'}
            </button>
          ) : (
            <button type="button" className="button" onClick={start} disabled={run.pending} data-testid="backup-run">
              Run now
            </button>
          )}
          <button type="button" className="button button--ghost" onClick={onEdit} data-testid="plan-edit-open">
            Edit plan
          </button>
          <span className="muted" data-testid="plan-schedule">
            {plan.schedule ? (
              <>
                Schedule {plan.schedule.cron} ({plan.schedule.timezone}){plan.nextRun !== null ? <> · next <When at={plan.nextRun} /></> : null}
              </>
            ) : (
              'By hand only'
            )}
          </span>
        </div>
        {running ? <BackupProgressBar plan={plan.name} progress={progress.get(running.id)} /> : null}
        <ErrorNotice message={run.error} inline />
      </Section>

      <Section id="bk-snapshots" title="Snapshots" description="Newest first; size and files as the backup that made each read them, added what it stored after deduplication.">
        {snapshots.error ? <ErrorNotice message={snapshots.error} inline onRetry={snapshots.reload} /> : null}
        {snapshots.data && snapshots.data.snapshots.length === 0 ? <p className="muted">No snapshots yet: run a backup.</p> : null}
        {snapshots.data && snapshots.data.snapshots.length > 0 ? (
          <DataTable columns={snapshotColumns} label="Snapshots" testId="snapshot-list">
            {snapshots.data.snapshots.map((s) => (
              <tr key={s.id} data-testid="snapshot-row" aria-selected={browsing?.id === s.id}>
                <td className="mono">{s.shortId}</td>
                <td>
                  <When at={s.time} />
                </td>
                <td className="num">{s.bytes !== null ? formatBytes(s.bytes) : '—'}</td>
                <td className="num">{s.files !== null ? formatCount(s.files) : '—'}</td>
                <td className="num">{s.bytesAdded !== null ? formatBytes(s.bytesAdded) : '—'}</td>
                <td className="muted bk-tags">{s.tags.join(', ')}</td>
                <td>
                  <button type="button" className="button button--ghost button--small" onClick={() => setBrowsing(browsing?.id === s.id ? undefined : s)} data-testid="snapshot-browse">
                    {browsing?.id === s.id ? 'Close' : 'Browse'}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        {browsing ? (
          <div className="stack bk-browse">
            <div className="section-head">
              <h3>Snapshot {browsing.shortId}</h3>
              <button type="button" className="button button--ghost button--small" onClick={() => setRestoring({ path: undefined })} data-testid="snapshot-restore-all">
                Restore all…
              </button>
              {plan.sources.includes('app') ? <RestoreAppAction plan={plan.name} snapshot={browsing.id} shortId={browsing.shortId} /> : null}
            </div>
            <SnapshotTree plan={plan.name} snapshot={browsing.id} onRestore={(path) => setRestoring({ path })} />
          </div>
        ) : null}
      </Section>

      <Section id="bk-retention" title="Retention preview" description={`What keeping ${retentionText(plan.retention)} would do now (restic forget --dry-run).`}>
        <RetentionPreview plan={plan.name} tick={tick} onApplied={onChanged} />
      </Section>

      <Section id="bk-history" title="History" description="Every operation on this plan’s repository.">
        {history.error ? <ErrorNotice message={history.error} inline onRetry={history.reload} /> : null}
        {history.data ? <OperationHistory operations={history.data.operations} /> : null}
      </Section>

      {restoring && browsing ? <RestoreDialog plan={plan.name} snapshot={browsing.id} shortId={browsing.shortId} path={restoring.path} onClose={() => setRestoring(undefined)} /> : null}
    </div>
  );
}
