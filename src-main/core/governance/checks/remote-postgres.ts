import { block, definePreflightCheck, pass, warn } from '../check';
import { looksUnreachable, unreachableReason } from '../offline';

/** The shared Postgres the customers' site writes: reachable, and on the schema this app expects. */
export const remotePostgres = definePreflightCheck({ id: 'remote.postgres', label: 'Remote database', fix: '#/settings', unreachable: 'block' }, async ({ sources }) => {
  const { remote } = sources;
  if (!remote.configured()) return warn('No remote database is set (secret database.url): leads, DFY requests and telemetry from your site will not reach the app.');
  let version: number | undefined;
  try {
    version = await remote.schemaVersion();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return block(looksUnreachable(message) ? unreachableReason('the remote database', message) : `The remote database refused the app: ${message}`);
  }
  if ((version ?? 0) < remote.latestVersion) return block(`The remote database is at schema version ${version ?? 0}, not ${remote.latestVersion}: the app could not migrate it.`);
  return pass(`Reachable and migrated (schema version ${version}).`);
});
