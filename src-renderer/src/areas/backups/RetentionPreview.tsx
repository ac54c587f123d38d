import { useState } from 'react';
import { getApi } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { When } from '../../components/When';
import { useAction } from '../../hooks/use-action';
import { useLoad } from '../../hooks/use-load';
import { RetentionApplied, type Applied } from './RetentionApplied';

interface Decision {
  shortId: string;
  time: number;
  keep: boolean;
  why: string;
}

/**
 * What the plan's retention policy would keep (with restic's reasons) and remove, from
 * `restic forget --dry-run`, and Apply: pre-launch it asks the founder's approval (linked in
 * the Approvals inbox); post-launch it forgets and prunes at once, a row of the history.
 */
export function RetentionPreview({ plan, tick, onApplied }: { plan: string; tick: string; onApplied(): void }) {
  const preview = useLoad(() => getApi().backup.pageRetention({ plan }), [plan, tick]);
  const action = useAction();
  const [applied, setApplied] = useState<Applied | undefined>(undefined);
  const apply = () =>
    void action.run(async () => {
      setApplied(await getApi().backup.pageApplyRetention({ plan }));
      onApplied();
    });
  const decisions: Decision[] = preview.data
    ? [...preview.data.keep.map((k) => ({ ...k, keep: true, why: k.reasons.join(', ') })), ...preview.data.remove.map((r) => ({ ...r, keep: false, why: 'no rule keeps it' }))]
    : [];
  return (
    <div className="stack bk-retention" data-testid="retention-preview">
      {preview.error ? <ErrorNotice message={preview.error} inline onRetry={preview.reload} /> : null}
      {preview.data ? (
        <>
          <DataTable columns={['Snapshot', 'Time', 'Decision', 'Why']} label="Retention preview">
            {decisions.map((d) => (
              <tr key={d.shortId} data-testid={d.keep ? 'retention-keep' : 'retention-remove'}>
                <td className="mono">{d.shortId}</td>
                <td>
                  <When at={d.time} />
                </td>
                <td>
                  <span className={`pill ${d.keep ? 'tone--good' : 'tone--warn'}`}>{d.keep ? 'keep' : 'would remove'}</span>
                </td>
                <td className={d.keep ? undefined : 'muted'} data-testid="retention-reasons">
                  {d.why}
                </td>
              </tr>
            ))}
          </DataTable>
          <div className="toolbar">
            <button type="button" className="button button--ghost" onClick={apply} disabled={action.pending} data-testid="retention-apply">
              {action.pending ? 'Applying…' : 'Apply retention'}
            </button>
            <span className="muted">What the policy would do now; the preview removes nothing. Before launch, Apply asks for your approval first; after launch it removes at once.</span>
          </div>
          <ErrorNotice message={action.error} inline />
          {applied ? <RetentionApplied applied={applied} /> : null}
        </>
      ) : !preview.error ? (
        <p className="muted">Asking restic…</p>
      ) : null}
    </div>
  );
}
