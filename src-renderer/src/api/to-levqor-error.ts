import { apiErrorSchema, httpStatusFor, LevqorError, type ErrorCode } from '../../../shared/contract';

/** The error code an HTTP status stands for, when the body did not carry one. */
function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'BAD_INPUT';
  const match = (Object.entries(httpStatusFor) as [ErrorCode, number][]).find(([, s]) => s === status);
  if (match) return match[0];
  return status >= 500 ? 'INTERNAL' : 'BAD_INPUT';
}

/** Turns whatever a transport rejected with into the contract's LevqorError. */
export function toLevqorError(err: unknown): LevqorError {
  if (err instanceof LevqorError) return err;
  const direct = apiErrorSchema.safeParse(err);
  if (direct.success) return new LevqorError(direct.data);
  const wrapped = apiErrorSchema.safeParse((err as { error?: unknown } | null)?.error);
  if (wrapped.success) return new LevqorError(wrapped.data);
  const message = err instanceof Error ? err.message : String(err);
  return new LevqorError({ code: 'INTERNAL', message });
}

/** The LevqorError for a failed HTTP response: the body's `{ error }` if it has one, else the status. */
export function errorFromResponse(status: number, body: unknown): LevqorError {
  const parsed = apiErrorSchema.safeParse((body as { error?: unknown } | null)?.error);
  if (parsed.success) return new LevqorError(parsed.data);
  return new LevqorError({ code: codeForStatus(status), message: `The server answered ${status}` });
}
