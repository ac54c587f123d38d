/// <reference types="vite/client" />
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { areas, type AreaId } from '../../../shared/areas';

// every area folder's index.tsx, found by the bundler: adding an area adds no line here. Each is a
// chunk of its own, loaded when the founder first opens it, so the first screen does not carry
// the editor, the charts and every other page.
const loaders = import.meta.glob<ComponentType>('./*/index.tsx', { import: 'default' });

function pageOf(id: AreaId): LazyExoticComponent<ComponentType> {
  const load = loaders[`./${id}/index.tsx`];
  if (!load) throw new Error(`src-renderer/src/areas/${id}/index.tsx is missing: every area of shared/areas.ts needs its folder`);
  return lazy(async () => ({ default: await load() }));
}

/** One page component per area id of shared/areas.ts: the default export of areas/<id>/index.tsx, loaded on first use. */
export const areaPages = Object.fromEntries(areas.map((a) => [a.id, pageOf(a.id)])) as Record<AreaId, LazyExoticComponent<ComponentType>>;
