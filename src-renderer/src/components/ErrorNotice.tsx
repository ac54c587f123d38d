import { blamedField } from './FieldError';

export type NoticeError = string | { message: string; field?: string | undefined };

/**
 * A failed load or action, announced to screen readers; nothing when there is none. A box by
 * default; `inline` makes it a red line under the control that failed. `onRetry` adds
 * "Try again". An API error that blames a field names it.
 */
export function ErrorNotice({ message, onRetry, inline = false, testId }: { message: NoticeError | undefined; onRetry?: () => void; inline?: boolean; testId?: string }) {
  if (!message) return null;
  const error = typeof message === 'string' ? { message } : message;
  const field = blamedField(error);
  return (
    <div className={inline ? 'toolbar error-notice error-notice--inline' : 'toolbar error-notice'} role="alert" data-testid={testId} data-field={error.field}>
      <p>
        {field ? <strong>{field}: </strong> : null}
        {error.message}
      </p>
      {onRetry ? (
        <button type="button" className="button button--ghost" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
