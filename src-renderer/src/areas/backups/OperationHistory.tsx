import { Fragment, useState } from 'react';
import type { BackupOperation } from '../../../../shared/contract/backup';
import { getApi } from '../../api/client';
import { DataTable, numberColumn } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { When } from '../../components/When';
import { useLoad } from '../../hooks/use-load';
import { bytesOf, durationText, statusTone } from './format';

const columns = ['Started', 'Kind', 'Status', 'Finished', numberColumn('Duration'), numberColumn('Bytes'), 'Error', 'restic', { label: 'Log', hidden: true }];

/** restic's standard error of one operation, as it was kept. */
function KeptLog({ id }: { id: string }) {
  const log = useLoad(() => getApi().backup.pageOperation({ id }), [id]);
  if (log.error) return <ErrorNotice message={log.error} inline />;
  return <pre className="code-block bk-log" data-testid="operation-log">{log.data ? log.data.log || 'restic wrote nothing.' : 'Loading…'}</pre>;
}

/** Every operation on the plan's repository, newest first; each one's log behind a toggle. */
export function OperationHistory({ operations }: { operations: BackupOperation[] }) {
  const [open, setOpen] = useState<string | undefined>(undefined);
  if (operations.length === 0) return <p className="muted">No operations yet.</p>;
  return (
    <DataTable columns={columns} label="Operation history" testId="operation-history">
      {operations.map((op) => (
        <Fragment key={op.id}>
          <tr data-testid="operation-row" data-kind={op.kind} data-status={op.status}>
            <td>
              <When at={op.startedAt} />
            </td>
            <td>{op.kind}</td>
            <td>
              <span className={`pill tone--${statusTone[op.status]}`}>{op.status}</span>
            </td>
            <td>{op.finishedAt !== null ? <When at={op.finishedAt} /> : '—'}</td>
            <td className="num">{durationText(op.durationMs)}</td>
            <td className="num">{bytesOf(op)}</td>
            <td className="bk-error">{op.error ?? ''}</td>
            <td className="muted">{op.resticVersion ?? ''}</td>
            <td>
              <button type="button" className="button button--ghost button--small" aria-expanded={open === op.id} onClick={() => setOpen(open === op.id ? undefined : op.id)} data-testid="operation-log-toggle">
                {open === op.id ? 'Hide log' : 'Log'}
              </button>
            </td>
          </tr>
          {open === op.id ? (
            <tr>
              <td colSpan={columns.length}>
                <KeptLog id={op.id} />
              </td>
            </tr>
          ) : null}
        </Fragment>
      ))}
    </DataTable>
  );
}
