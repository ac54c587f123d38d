import { areas, type AreaId } from '../../../shared/areas';

const paths = Object.fromEntries(areas.map((a) => [a.id, a.icon])) as Record<AreaId, string>;

/** An area's line icon, from its entry in shared/areas.ts. */
export function AreaIcon({ id }: { id: AreaId }) {
  return (
    <svg className="area-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={paths[id]} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
