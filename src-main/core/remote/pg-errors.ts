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

export interface Target {
  host: string;
  port: string;
  database: string;
  user: string;
}

/** One sentence the founder can act on; never contains the password. */
export function describePgError(err: unknown, target?: Target): { code?: string; message: string } {
  const inner = (err as ErrorLike | null)?.errors;
  const first = Array.isArray(inner) && inner.length > 0 ? inner[0] : err;
  const code = codeOf(first);
  const where = target ? `${target.host}:${target.port}` : 'the remote Postgres';
  const base = (message: string) => ({ ...(code ? { code } : {}), message });
  switch (code) {
    case '28P01':
      return base(`The remote Postgres at ${where} refused the password for user "${target?.user ?? '?'}": check database.url (levqor secrets set database.url).`);
    case '28000':
      return base(`The remote Postgres at ${where} does not let user "${target?.user ?? '?'}" connect (pg_hba.conf or role): ${messageOf(first)}`);
    case '3D000':
      return base(`The remote Postgres at ${where} has no database "${target?.database ?? '?'}".`);
    case '42501':
      return base(`User "${target?.user ?? '?'}" may not create or change the app's tables on ${where}: ${messageOf(first)}`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return base(`The remote Postgres host "${target?.host ?? '?'}" could not be found (DNS).`);
    case 'ECONNREFUSED':
      return base(`Nothing is accepting connections at ${where} (connection refused): is Postgres running, and is the port right?`);
    case 'ETIMEDOUT':
      return base(`The remote Postgres at ${where} did not answer in time.`);
    case '53300':
      return base(`The remote Postgres at ${where} has too many connections; will retry.`);
    case '57P03':
      return base(`The remote Postgres at ${where} is starting up; will retry.`);
    default:
      return base(`Remote Postgres at ${where}: ${scrub(messageOf(first))}`);
  }
}

/** Error messages from drivers may quote the connection string; drop any password in it. */
export function scrub(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/gi, '$1***@');
}
