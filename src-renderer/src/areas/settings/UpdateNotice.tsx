import { useAction } from '../../hooks/use-action';
import { useApp } from '../../store/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';

/**
 * The update the desktop app found, in Settings → About. Installing is a Class B action:
 * the button only asks for the founder's approval (Approvals), and approving it downloads the
 * update and quits the app to install it.
 */
export function UpdateNotice() {
  const update = useApp((s) => s.update);
  const installUpdate = useApp((s) => s.installUpdate);
  const { pending, error, run } = useAction();
  const available = update?.available;
  if (!update || !available) return null;
  return (
    <div className="update-notice" data-testid="update-notice">
      <p>
        <strong>Levqor X {available.version} is available.</strong>{' '}
        <span className="muted">Nothing is downloaded or installed until you approve it.</span>
      </p>
      {available.releaseNotes ? (
        <details>
          <summary>Release notes</summary>
          <pre className="update-notice__notes">{available.releaseNotes}</pre>
        </details>
      ) : null}
      {update.pendingApprovalId ? (
        <p data-testid="update-waiting">
          Waiting for your approval: <a href="#/approvals">Open Approvals</a>
        </p>
      ) : update.canInstall ? (
        <button type="button" className="button" disabled={pending} onClick={() => void run(installUpdate)}>
          {pending ? 'Asking…' : 'Ask to install'}
        </button>
      ) : (
        <p className="muted">Updates install from the desktop app.</p>
      )}
      <ErrorNotice message={error} inline />
    </div>
  );
}
