import { loadOpenAI } from './openai-package';
import { CoreError } from '../errors';

/** A failure worth another try: the server is busy (429) or broken (5xx), or the connection dropped. */
export function isTransientModelError(err: unknown): boolean {
  if (err instanceof loadOpenAI().APIUserAbortError) return false;
  if (err instanceof loadOpenAI().APIConnectionError) return true;
  return err instanceof loadOpenAI().APIError && err.status !== undefined && (err.status === 429 || err.status >= 500);
}

/** The Retry-After header of a 429 / 503, if the server sent one. */
export function retryAfterHeader(err: unknown): string | null {
  return err instanceof loadOpenAI().APIError && err.headers instanceof Headers ? err.headers.get('retry-after') : null;
}

/**
 * A model call's failure as one line the founder can act on, naming the setting or secret to
 * look at. `cancelled` and `timedOut` say why the call's signal fired.
 */
export function modelFailure(err: unknown, context: { host: string; cancelled: boolean; timedOut: boolean; timeoutMs: number }): CoreError {
  if (err instanceof CoreError) return err;
  if (context.cancelled) return new CoreError('CANCELLED', 'The AI call was cancelled.');
  if (context.timedOut) return new CoreError('UNAVAILABLE', `The AI model at ${context.host} gave no answer within ${context.timeoutMs / 1000} s.`);
  if (err instanceof loadOpenAI().APIConnectionError) {
    return new CoreError('UNAVAILABLE', `The AI model at ${context.host} does not answer (setting ai.baseUrl): ${err.message}`, 'ai.baseUrl');
  }
  if (err instanceof loadOpenAI().APIError && (err.status === 401 || err.status === 403)) {
    return new CoreError('UNAVAILABLE', `The AI model at ${context.host} refused the key (secret openai.apiKey): ${err.status} ${err.message}`, 'openai.apiKey');
  }
  if (err instanceof loadOpenAI().APIError) return new CoreError('UNAVAILABLE', `The AI model at ${context.host} failed: ${err.message}`);
  return new CoreError('UNAVAILABLE', `The AI call failed: ${err instanceof Error ? err.message : String(err)}`);
}
