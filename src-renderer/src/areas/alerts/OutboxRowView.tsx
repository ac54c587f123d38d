import { Fragment, useState } from 'react';
import type { OutboxRow } from '../../../../shared/contract/notify';
import { ErrorNotice } from '../../components/ErrorNotice';
import { When } from '../../components/When';
import { useAction } from '../../hooks/use-action';
import { DeliveryHistory } from './DeliveryHistory';
import { retryable, severityTone, stateTone } from './format';

/** One notice for one channel: what it said, how delivery went, its attempts (History), and Retry once it gave up or was skipped. */
export function OutboxRowView({ row, columns, onRetry }: { row: OutboxRow; columns: number; onRetry(id: string): Promise<void> }) {
  const action = useAction();
  const [showHistory, setShowHistory] = useState(false);
  const severity = row.notice.severity ?? 'info';
  return (
    <Fragment>
      <tr data-testid="outbox-row" data-id={row.id} data-state={row.state} data-channel={row.channel}>
        <td>
          <When at={row.createdAt} />
        </td>
        <td>{row.channel}</td>
        <td className="al-notice al-notice--narrow">
          <strong>{row.notice.title}</strong>
          {row.notice.body ? <span className="muted">{row.notice.body}</span> : null}
          <span className={`pill tone--${severityTone[severity]} al-pill-start`}>{severity}</span>
        </td>
        <td>
          <div className="al-answer">
            <span className={`pill tone--${stateTone[row.state]} al-pill-start`} data-testid="outbox-state">
              {row.state}
            </span>
            <span className="muted">
              <span data-testid="outbox-attempts">{row.attempts}</span> {row.attempts === 1 ? 'attempt' : 'attempts'}
            </span>
          </div>
        </td>
        <td>{row.nextAttemptAt !== null ? <When at={row.nextAttemptAt} /> : row.sentAt !== null ? <>sent <When at={row.sentAt} /></> : '—'}</td>
        <td>
          <div className="al-answer">
            {row.lastAnswer ? <span data-testid="outbox-answer">{row.lastAnswer}</span> : null}
            <span className="al-error" data-testid="outbox-error">
              {row.lastError ?? ''}
            </span>
          </div>
        </td>
        <td>
          <div className="al-row-buttons">
            <button type="button" className="button button--ghost button--small" aria-expanded={showHistory} onClick={() => setShowHistory((v) => !v)} data-testid="outbox-history-toggle">
              History
            </button>
            {retryable(row.state) ? (
              <button type="button" className="button button--ghost button--small" disabled={action.pending} onClick={() => void action.run(() => onRetry(row.id))} data-testid="outbox-retry">
                {action.pending ? 'Retrying…' : 'Retry'}
              </button>
            ) : null}
            <ErrorNotice message={action.error} inline />
          </div>
        </td>
      </tr>
      {showHistory ? (
        <tr data-testid="outbox-history-row" data-id={row.id}>
          <td colSpan={columns}>
            <DeliveryHistory id={row.id} version={`${row.state}:${row.attempts}`} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
