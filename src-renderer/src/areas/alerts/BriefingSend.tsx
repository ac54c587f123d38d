import { useState } from 'react';
import type { BriefingSend as Sent } from '../../../../shared/contract/briefing';
import { getApi } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useAction } from '../../hooks/use-action';

const statusText: Record<Sent['status'], string> = {
  queued: 'queued in the outbox',
  'already-queued': 'already in the outbox',
  'needs-approval': 'waits for your approval (pre-launch, an outside channel asks first)',
  'unknown-channel': 'left out: no such channel in this version of the app',
};

/** Send now (notify.briefing { send: true }) behind a confirm; then where it went, per channel. */
export function BriefingSend() {
  const [asking, setAsking] = useState(false);
  const [sent, setSent] = useState<Sent[] | undefined>(undefined);
  const action = useAction();
  const send = () =>
    void action
      .run(async () => {
        const answer = await getApi().notify.briefing({ send: true });
        setSent(answer.sent ?? []);
      })
      .then((ok) => ok && setAsking(false));
  return (
    <div className="section">
      <div className="actions">
        <button type="button" className="button" onClick={() => setAsking(true)} data-testid="briefing-send">
          Send now
        </button>
      </div>
      {sent ? (
        <ul className="plain-list" data-testid="briefing-sent">
          {sent.length === 0 ? <li className="muted">No channel is set: nothing was sent.</li> : null}
          {sent.map((s) => (
            <li key={s.channel} data-testid="briefing-sent-channel" data-channel={s.channel} data-status={s.status}>
              <strong>{s.channel}</strong>: {statusText[s.status]}
              {s.approvalId ? (
                <>
                  {' '}
                  <a href={`#/approvals?id=${encodeURIComponent(s.approvalId)}`}>Open the approval</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {asking ? (
        <ConfirmDialog title="Send the briefing now?" confirmLabel="Send now" busy={action.pending} error={action.error?.message} onConfirm={send} onCancel={() => setAsking(false)}>
          <p>Today’s briefing goes to the channels of notify.briefing.channels now, besides the scheduled one. Before launch, an outside channel first asks for your approval with this preview.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
