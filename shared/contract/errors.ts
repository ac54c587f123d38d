import { z } from 'zod';

/** Every failure that crosses a boundary (IPC, HTTP, CLI) has this shape; never a stack trace. */
export const errorCodes = [
  'BAD_INPUT',
  'UNKNOWN_PROCEDURE',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'TOO_LARGE',
  'SCHEMA_TOO_NEW',
  'UNAVAILABLE',
  'CANCELLED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const apiErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Codes that mean "the caller sent something wrong" (CLI exit 2, HTTP 4xx). */
export const inputErrorCodes: ReadonlySet<ErrorCode> = new Set([
  'BAD_INPUT',
  'UNKNOWN_PROCEDURE',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_LARGE',
]);

export const httpStatusFor: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  UNKNOWN_PROCEDURE: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  TOO_LARGE: 413,
  SCHEMA_TOO_NEW: 409,
  UNAVAILABLE: 503,
  // the caller asked to stop (products.cancel, Ctrl-C); nginx's "client closed request"
  CANCELLED: 499,
  INTERNAL: 500,
};

/** The error a client throws when a procedure fails. */
export class LevqorError extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly field?: string;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'LevqorError';
    this.code = error.code;
    if (error.field !== undefined) this.field = error.field;
  }
  toJSON(): ApiError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

/** Turns a zod issue path into the dotted field name callers see (`nodes.2.params.url`). */
export function fieldFromPath(path: ReadonlyArray<PropertyKey>): string | undefined {
  return path.length === 0 ? undefined : path.map(String).join('.');
}

/** One readable line from a zod error: the first issue, with its field. */
export function apiErrorFromZod(error: z.ZodError, prefix?: string): ApiError {
  const issue = error.issues[0];
  const inner = issue ? fieldFromPath(issue.path) : undefined;
  const field = prefix && inner ? `${prefix}.${inner}` : (prefix ?? inner);
  const reason = issue?.message ?? 'is invalid';
  return {
    code: 'BAD_INPUT',
    message: field ? `${field}: ${reason}` : reason,
    ...(field ? { field } : {}),
  };
}
