import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoad } from '../../hooks/use-load';

const loadEngine = () => getApi().backup.pageEngine({});

/** The restic in use and its version, or why there is none and how to install it. */
export function EnginePanel() {
  const engine = useLoad(loadEngine, []);
  if (engine.error) return <ErrorNotice message={`Could not ask for restic: ${engine.error}`} onRetry={engine.reload} />;
  const e = engine.data;
  if (!e) return null;
  return (
    <section className="card bk-engine" aria-label="Backup engine" data-testid="backup-engine" data-found={e.found}>
      {e.found ? (
        <p>
          <span className="pill tone--good">restic {e.version}</span> <span className="muted">from {e.from === 'setting' ? 'the setting backup.resticPath' : e.from === 'bundled' ? 'the copy bundled with the app' : 'PATH'}; the app needs {e.minimum} or newer.</span>
        </p>
      ) : (
        <div className="toned tone--bad" role="alert">
          <p>
            <strong>restic is not usable:</strong> {e.problem}
          </p>
          <p className="muted">Install restic {e.minimum} or newer (Debian/Ubuntu: sudo apt install restic), or point the setting backup.resticPath at it.</p>
        </div>
      )}
    </section>
  );
}
