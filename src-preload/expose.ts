import { buildApi, rendererProcedureNames } from '../shared/contract';
import { installLevqorApi } from './main-world';
import { resultTransport, throwingTransport, type IpcRendererLike } from './transport';

/** The part of contextBridge used here; executeInMainWorld is Electron 35+ and marked experimental. */
export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void;
  executeInMainWorld?(script: { func: (...args: never[]) => unknown; args?: unknown[] }): unknown;
}

export const apiKey = 'levqor';

export type ExposeMode = 'main-world' | 'bridge';

/**
 * Gives the page `window.levqor`, a RendererApi built from the contract: one method per
 * procedure the renderer calls (shared/contract/renderer-procedures.ts) plus
 * `on(event, listener)`. Nothing else (no other procedure, no ipcRenderer, no channel names)
 * is reachable from the page.
 *
 * Errors: methods reject with an Error whose message is the API's message. Preferred path
 * ('main-world'): installLevqorApi builds that Error inside the page's realm, so it also has
 * `name` 'LevqorError', `code` and `field`. If executeInMainWorld is missing or fails, the
 * fallback ('bridge') exposes the API with contextBridge.exposeInMainWorld; Electron then
 * copies a rejection as `new Error(message)` only, so `code` and `field` are lost (the message
 * still names the field, e.g. "key: unknown setting").
 */
export function exposeLevqorApi(bridge: ContextBridgeLike, ipc: IpcRendererLike): ExposeMode {
  if (typeof bridge.executeInMainWorld === 'function') {
    try {
      const installed = bridge.executeInMainWorld({
        func: installLevqorApi as (...args: never[]) => unknown,
        args: [buildApi(resultTransport(ipc), rendererProcedureNames), apiKey],
      });
      if (installed === true) return 'main-world';
    } catch {
      // fall through to the plain bridge below
    }
  }
  bridge.exposeInMainWorld(apiKey, buildApi(throwingTransport(ipc), rendererProcedureNames));
  return 'bridge';
}
