import type { SettingEntry } from '../../../../shared/contract/settings';
import { useApp } from '../../store/store-context';
import { useAction } from '../../hooks/use-action';
import { ErrorNotice } from '../../components/ErrorNotice';

/**
 * `queue.mode` with its preflight: turning it on is refused while the preflight fails (its
 * problems say what to fix); turning it off is always allowed, so a founder is never stuck.
 */
export function QueueModeSwitch({ entry, ready, problems }: { entry: SettingEntry | undefined; ready: boolean; problems: string[] }) {
  const setSetting = useApp((s) => s.setSetting);
  const action = useAction();
  const on = entry?.value === 'on';
  const fromEnv = entry?.source === 'env';
  const refused = !on && !ready;
  const flip = () => void action.run(() => setSetting('queue.mode', on ? 'off' : 'on'));
  return (
    <div className="stack" data-testid="queue-mode">
      <p>
        Queue mode is <strong data-testid="queue-mode-value">{on ? 'on' : 'off'}</strong>
        {on ? ': saved workflows are published to the shared Postgres for the workers.' : ': every run stays on this machine.'}
      </p>
      {fromEnv ? (
        <p className="muted">
          Set by <code>{entry?.env}</code>; only the environment can change it.
        </p>
      ) : (
        <div>
          <button type="button" className="button" data-testid="queue-mode-toggle" disabled={action.pending || refused} onClick={flip}>
            {on ? 'Turn queue mode off' : 'Turn queue mode on'}
          </button>
        </div>
      )}
      {refused ? (
        <div data-testid="queue-mode-refused">
          <p>Queue mode cannot be turned on until the preflight passes:</p>
          <ul>
            {problems.map((p) => (
              <li key={p} data-testid="queue-preflight-problem">
                {p}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorNotice message={action.error?.message} inline />
    </div>
  );
}
