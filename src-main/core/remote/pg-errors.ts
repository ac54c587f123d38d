import { scrubConnectionUrl } from './connection-url';

/**
 * What a pg failure means for us: retry it (the server restarts, drops us, or is full) or
 * stop and say clearly what is wrong (password, database name, host).
 */
const transientCodes = new Set([
  '57P01', // admin_shutdown: the server is shutting down or killed our backend
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

const transientNodeCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);

const transientMessages = /Connection terminated|connection timeout|timeout expired|not queryable|Connection ended|socket hang up|terminating connection/i;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

function codeOf(err: unknown): string | undefined {
  const code = (err as ErrorLike | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(err: unknown): string {
  const m = (err as ErrorLike | null)?.message;
  return typeof m === 'string' ? m : String(err);
}

export function isTransientPgError(err: unknown): boolean {
  // Node may wrap several attempts (IPv4 and IPv6) in an AggregateError
  const inner = (err as ErrorLike | null)?.errors;
  if (Array.isArray(inner) && inner.length > 0) return inner.every(isTransientPgError);
  const code = codeOf(err);
  if (code && (transientCodes.has(code) || transientNodeCodes.has(code))) return true;
  return transientMessages.test(messageOf(err));
}

/**
 * One sentence the founder can act on. It names no piece of the connection URL: our words
 * point at database.url, and the driver's or server's own words are scrubbed of it.
 */
export function describePgError(err: unknown, url: string | undefined): { code?: string; message: string } {
  const inner = (err as ErrorLike | null)?.errors;
  const first = Array.isArray(inner) && inner.length > 0 ? inner[0] : err;
  const code = codeOf(first);
  const theirs = scrubConnectionUrl(messageOf(first), url);
  const base = (message: string) => ({ ...(code ? { code } : {}), message });
  switch (code) {
    case '28P01':
      return base('The remote Postgres refused the password for the user in database.url: check database.url (levqor secrets set database.url).');
    case '28000':
      return base(`The remote Postgres does not let the user in database.url connect (pg_hba.conf or role): ${theirs}`);
    case '3D000':
      return base('The remote Postgres has no database by the name in database.url.');
    case '42501':
      return base(`The user in database.url may not connect to its database, or create or change the app's tables there: ${theirs}`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return base('The remote Postgres host in database.url could not be found (DNS).');
    case 'ECONNREFUSED':
      return base('Nothing is accepting connections at the host and port in database.url (connection refused): is Postgres running, and is the port right?');
    case 'ETIMEDOUT':
      return base('The remote Postgres did not answer in time.');
    case '53300':
      return base('The remote Postgres has too many connections; will retry.');
    case '57P03':
      return base('The remote Postgres is starting up; will retry.');
    default:
      return base(`Remote Postgres: ${theirs}`);
  }
}
