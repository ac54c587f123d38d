import { useSyncExternalStore } from 'react';
import type { AreaId } from '../../../shared/areas';

/**
 * A view's filters carried in the location hash after the area (`#/telemetry?source=app&levels=error`),
 * so one page can link to exactly what to look at on another.
 */
export function hrefWith(area: AreaId, params: Readonly<Record<string, string>> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `#/${area}${query ? `?${query}` : ''}`;
}

/** A link to the Telemetry page with its filters (`source`, `levels`, `endpoint`, `range`, `tab`, `kind`). */
export function telemetryHref(params: Readonly<Record<string, string>>): string {
  return hrefWith('telemetry', params);
}

/** The hash's query as key → value (empty without one). */
export function paramsFromHash(hash: string): Record<string, string> {
  const at = hash.indexOf('?');
  return at < 0 ? {} : Object.fromEntries(new URLSearchParams(hash.slice(at + 1)));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The location hash's query, as text (stable between renders); parse it with paramsFromHash. */
export function useHashQuery(): string {
  return useSyncExternalStore(subscribe, () => {
    const hash = window.location.hash;
    const at = hash.indexOf('?');
    return at < 0 ? '' : hash.slice(at);
  });
}
