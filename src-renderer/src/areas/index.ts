/// <reference types="vite/client" />
import type { ComponentType } from 'react';
import { areas, type AreaId } from '../../../shared/areas';

// every area folder's index.tsx, found by the bundler: adding an area adds no line here
const pages = import.meta.glob<ComponentType>('./*/index.tsx', { eager: true, import: 'default' });

function pageOf(id: AreaId): ComponentType {
  const page = pages[`./${id}/index.tsx`];
  if (!page) throw new Error(`src-renderer/src/areas/${id}/index.tsx is missing: every area of shared/areas.ts needs its folder`);
  return page;
}

/** One page component per area id of shared/areas.ts: the default export of areas/<id>/index.tsx. */
export const areaPages = Object.fromEntries(areas.map((a) => [a.id, pageOf(a.id)])) as Record<AreaId, ComponentType>;
