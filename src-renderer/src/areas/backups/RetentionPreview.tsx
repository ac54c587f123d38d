import { getApi } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { When } from '../../components/When';
import { useLoad } from '../../hooks/use-load';

interface Decision {
  shortId: string;
  time: number;
  keep: boolean;
  why: string;
}

/**
 * What the plan's retention policy would keep (with restic's reasons) and remove, from
 * `restic forget --dry-run`: shown only. Applying it is for the command line for now.
 */
export function RetentionPreview({ plan, tick }: { plan: string; tick: string }) {
  const preview = useLoad(() => getApi().backup.pageRetention({ plan }), [plan, tick]);
  const apply = `levqor backup forget ${plan}`;
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
          <p className="muted">
            A preview: nothing was removed. Apply with <code>{apply}</code>.
          </p>
        </>
      ) : !preview.error ? (
        <p className="muted">Asking restic…</p>
      ) : null}
    </div>
  );
}
