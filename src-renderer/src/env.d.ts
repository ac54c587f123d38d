import type { RendererApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in a browser served by `levqor serve`. */
    levqor?: RendererApi;
  }
}

export {};
