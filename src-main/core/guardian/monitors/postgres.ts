import type { RemoteDb } from '../../remote';
import type { MonitorCheck } from './types';
import { errorMessage } from './types';

/**
 * Postgres connectivity of the configured remote (secret database.url): `SELECT 1` through
 * the app's own pool. No remote configured is DOWN with that reason: the founder asked to
 * watch a database that the app cannot reach.
 */
export function postgresCheck(remote: RemoteDb): MonitorCheck {
  return async (def, ctx) => {
    if (!remote.configured) return { status: 'down', message: 'no remote Postgres is configured (secret database.url)', ms: null };
    const started = performance.now();
    try {
      await remote.run('guardian monitor', (pool) => pool.query('SELECT 1'), ctx.signal);
      const ms = Math.round(performance.now() - started);
      return { status: 'up', message: 'connected', ms };
    } catch (err) {
      const ms = Math.round(performance.now() - started);
      if (ctx.signal.aborted) return { status: 'down', message: `timed out after ${def.timeoutSeconds} s`, ms };
      return { status: 'down', message: errorMessage(err), ms };
    }
  };
}
