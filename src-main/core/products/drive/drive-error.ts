/**
 * Why a Drive call failed, in the terms the upload queue acts on:
 * `offline` and `transient` are retried with backoff, `credentials` waits for the founder
 * (retried too, since a new secret may be set meanwhile), `expired` restarts a resumable
 * session, `rejected` is final until the founder retries by hand.
 */
export type DriveFailure = 'offline' | 'transient' | 'credentials' | 'expired' | 'rejected';

export class DriveError extends Error {
  constructor(
    readonly kind: DriveFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DriveError';
  }
}

const offlineCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);

export function failureForStatus(status: number): DriveFailure {
  if (status === 401) return 'credentials';
  if (status === 404 || status === 410) return 'expired';
  if (status === 408 || status === 429 || status >= 500) return 'transient';
  return 'rejected';
}

/** Turns whatever the client threw (gaxios, fetch, our own) into a DriveError; abort passes through. */
export function toDriveError(err: unknown, what: string): unknown {
  if (err instanceof DriveError) return err;
  if (err instanceof Error && (err.name === 'AbortError' || (err as { code?: unknown }).code === 'ABORT_ERR')) return err;
  const e = err as { status?: number; response?: { status?: number; data?: unknown }; code?: unknown; cause?: { code?: unknown }; message?: string };
  const status = e.status ?? e.response?.status;
  if (typeof status === 'number') return new DriveError(failureForStatus(status), `${what}: Drive answered ${status}${apiMessage(e.response?.data)}`, status);
  const code = String(e.code ?? e.cause?.code ?? '');
  if (offlineCodes.has(code) || /fetch failed|socket hang up|network|ECONN|ENOTFOUND|EAI_AGAIN/i.test(e.message ?? '')) {
    return new DriveError('offline', `${what}: Drive could not be reached (${code || e.message})`);
  }
  return new DriveError('transient', `${what}: ${e.message ?? String(err)}`);
}

function apiMessage(data: unknown): string {
  const message = (data as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' ? ` (${message.slice(0, 200)})` : '';
}
