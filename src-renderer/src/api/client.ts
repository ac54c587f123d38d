import { buildApi, type LevqorApi } from '../../../shared/contract';
import { createHttpTransport } from './http-transport';
import { createPreloadTransport } from './preload-transport';

let api: LevqorApi | undefined;

/**
 * The renderer's one way to the app: the Electron preload's `window.levqor` when it exists,
 * otherwise the same typed API over HTTP to `levqor serve`. Failures throw LevqorError.
 */
export function getApi(): LevqorApi {
  api ??= buildApi(window.levqor ? createPreloadTransport(window.levqor) : createHttpTransport());
  return api;
}
