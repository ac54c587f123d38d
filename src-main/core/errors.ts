import type { ApiError, ErrorCode } from '../../shared/contract/errors';

/** A failure core means to report to the caller as-is (code, message, field). */
export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
  toApiError(): ApiError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export function badInput(field: string, reason: string): CoreError {
  return new CoreError('BAD_INPUT', `${field}: ${reason}`, field);
}
