import { useSyncExternalStore } from 'react';
import { areas, type AreaId } from '../../../shared/areas';

export const homeArea: AreaId = 'guardian';

/** `#/settings` -> `settings`; empty or unknown hashes lead home. */
export function areaFromHash(hash: string): AreaId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return areas.find((a) => a.id === id)?.id ?? homeArea;
}

export function hrefFor(id: AreaId): string {
  return `#/${id}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The area named by the location hash; re-renders on back/forward and link clicks. */
export function useHashRoute(): AreaId {
  return useSyncExternalStore(subscribe, () => areaFromHash(window.location.hash));
}
