import { useState, type FormEvent } from 'react';
import type { Approval } from '../../../../shared/contract/approvals';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Modal } from '../../components/Modal';
import { useAction } from '../../hooks/use-action';
import { DialogActions } from './DialogActions';

/**
 * "Restore the app's data from this snapshot": asks the Class C approval (backup.restoreApp).
 * Nothing changes here; the request waits in the Approvals inbox, and approving it there backs
 * up the live data first, swaps the snapshot's data in and restarts the app's core.
 */
export function RestoreAppAction({ plan, snapshot, shortId }: { plan: string; snapshot: string; shortId: string }) {
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState<Approval | undefined>(undefined);
  const request = useAction();
  const close = () => {
    setOpen(false);
    setAsked(undefined);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void request.run(async () => {
      setAsked(await getApi().backup.pageRestoreApp({ plan, snapshot }));
    });
  };
  return (
    <>
      <button type="button" className="button button--ghost button--small button--danger" onClick={() => setOpen(true)} data-testid="snapshot-restore-app">
        Restore the app’s data from this snapshot…
      </button>
      {open ? (
        <Modal title={`Restore the app’s data from snapshot ${shortId}`} testId="restore-app-dialog" busy={request.pending} onClose={close}>
          {asked ? (
            <div className="dialog__body stack" data-testid="restore-app-asked">
              <p className="toned tone--good">Approval requested (Class C). Nothing has changed yet.</p>
              <p>
                Approve it in the <a href="#/approvals">Approvals inbox</a>; the app then restarts on the restored data and this page comes back.
              </p>
              <div className="actions dialog__actions">
                <button type="button" className="button" onClick={close} data-testid="restore-app-close">
                  Close
                </button>
              </div>
            </div>
          ) : (
            <form className="dialog__body stack" onSubmit={submit}>
              <p>This replaces all of the app’s data (workflows, runs, telemetry, settings, approvals) with what it was in snapshot {shortId}. Once you approve it in the Approvals inbox:</p>
              <ol>
                <li>the snapshot’s database is restored beside the live one, verified, checked and brought to this version’s schema;</li>
                <li>background work stops and the data that is live now is backed up with {plan} as its own snapshot (tagged levqor-pre-restore, never removed by retention);</li>
                <li>the restored data is swapped in and the app restarts on it; a failure before the swap leaves the live data as it is.</li>
              </ol>
              <ErrorNotice message={request.error} inline testId="restore-app-error" />
              <DialogActions pending={request.pending} submitLabel="Ask for approval" pendingLabel="Asking…" testId="restore-app-submit" onCancel={close} />
            </form>
          )}
        </Modal>
      ) : null}
    </>
  );
}
