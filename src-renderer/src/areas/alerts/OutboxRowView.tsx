import type { OutboxRow } from '../../../../shared/contract/notify';
import { ErrorNotice } from '../../components/ErrorNotice';
import { When } from '../../components/When';
import { useAction } from '../../hooks/use-action';
import { retryable, severityTone, stateTone } from './format';

/** One notice for one channel: what it said, how delivery went, and Retry once it gave up or was skipped. */
export function OutboxRowView({ row, onRetry }: { row: OutboxRow; onRetry(id: string): Promise<void> }) {
  const action = useAction();
  const severity = row.notice.severity ?? 'info';
  return (
    <tr data-testid="outbox-row" data-id={row.id} data-state={row.state} data-channel={row.channel}>
      <td>
        <When at={row.createdAt} />
      </td>
      <td>{row.channel}</td>
      <td className="al-notice">
        <strong>{row.notice.title}</strong>
        {row.notice.body ? <span className="muted">{row.notice.body}</span> : null}
      </td>
      <td>
        <span className={`pill tone--${severityTone[severity]}`}>{severity}</span>
      </td>
      <td>
        <span className={`pill tone--${stateTone[row.state]}`} data-testid="outbox-state">
          {row.state}
        </span>
      </td>
      <td className="num" data-testid="outbox-attempts">
        {row.attempts}
      </td>
      <td>{row.nextAttemptAt !== null ? <When at={row.nextAttemptAt} /> : row.sentAt !== null ? <>sent <When at={row.sentAt} /></> : '—'}</td>
      <td className="al-error" data-testid="outbox-error">
        {row.lastError ?? ''}
      </td>
      <td>
        {retryable(row.state) ? (
          <button type="button" className="button button--ghost button--small" disabled={action.pending} onClick={() => void action.run(() => onRetry(row.id))} data-testid="outbox-retry">
            {action.pending ? 'Retrying…' : 'Retry'}
          </button>
        ) : null}
        <ErrorNotice message={action.error} inline />
      </td>
    </tr>
  );
}
