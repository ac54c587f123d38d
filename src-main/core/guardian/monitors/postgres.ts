import { z } from 'zod';
import { defineMonitor, errorMessage } from './define-monitor';

/**
 * Postgres connectivity of the configured remote (secret database.url): `SELECT 1` through
 * the app's own pool. No remote configured is DOWN with that reason: the founder asked to
 * watch a database that the app cannot reach.
 */
export const postgresMonitor = defineMonitor({
  type: 'postgres',
  label: 'Remote Postgres',
  description: 'Connects to the remote database (secret database.url) and runs SELECT 1.',
  settings: z.object({}).strict(),
  ui: {},
  defaultName: () => 'remote Postgres',
  healing: () => [{ action: 'recheck_credential', title: 'Re-check the database.url credential and reconnect', class: 'A', expectedEffect: 'A corrected URL or password reconnects the remote; sync and the monitor recover.', proposal: { procedure: 'remote.connect', input: {} } }],
  async check(_s, ctx) {
    const { remote } = ctx.services;
    if (!remote.configured) return { status: 'down', message: 'no remote Postgres is configured (secret database.url)', ms: null };
    const started = performance.now();
    try {
      await remote.run('guardian monitor', (pool) => pool.query('SELECT 1'), ctx.signal);
      const ms = Math.round(performance.now() - started);
      return { status: 'up', message: 'connected', ms };
    } catch (err) {
      const ms = Math.round(performance.now() - started);
      if (ctx.signal.aborted) return { status: 'down', message: `timed out after ${ctx.timeoutSeconds} s`, ms };
      return { status: 'down', message: errorMessage(err), ms };
    }
  },
});
