import { buildApi, rendererProcedureNames, type RendererApi } from '../../../shared/contract';
import { createHttpTransport } from './http-transport';
import { createPreloadTransport } from './preload-transport';

let api: RendererApi | undefined;

/**
 * The renderer's one way to the app: the Electron preload's `window.levqor` when it exists,
 * otherwise the same typed API over HTTP to `levqor serve`. Failures throw LevqorError.
 * Only the procedures on shared/contract/renderer-procedures.ts: the desktop window can
 * reach no others, so calling one is a type error here rather than a refusal at run time.
 */
export function getApi(): RendererApi {
  api ??= buildApi(window.levqor ? createPreloadTransport(window.levqor) : createHttpTransport(), rendererProcedureNames);
  return api;
}
