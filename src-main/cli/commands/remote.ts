import type { RemoteStatus } from '../../../shared/contract/remote';
import type { Command } from '../command';
import { formatRows } from '../format';
import { procedureCommand } from '../procedure-command';

function show(s: RemoteStatus): string {
  if (!s.configured) return 'No remote Postgres configured (set it with: levqor secrets set database.url, or LEVQOR_DATABASE_URL).';
  const rows: Array<[string, string]> = [['State', s.state]];
  if (s.schemaVersion !== undefined) rows.push(['Schema version', String(s.schemaVersion)]);
  if (s.lastError) rows.push(['Last error', `${s.lastError.message} (${new Date(s.lastError.at).toISOString()})`]);
  rows.push(['Waiting to push', `${s.lag.pushPending} rows`]);
  if (s.lag.pullPending !== undefined) rows.push(['Waiting to pull', `${s.lag.pullPending} rows`]);
  rows.push(['Last sync', s.lastSyncAt ? new Date(s.lastSyncAt).toISOString() : 'never']);
  return formatRows(rows);
}

export const remoteCommands: Command[] = [
  procedureCommand('remote.status', {
    usage: 'remote status',
    summary: 'The remote Postgres: configured, connected, last error, sync lag.',
    show,
  }),
  procedureCommand('remote.connect', {
    usage: 'remote connect',
    summary: 'Connect to the remote Postgres now and apply its schema; a wrong URL or password is a clear error.',
    show,
  }),
];
