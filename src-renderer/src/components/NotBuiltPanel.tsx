import { areas, type AreaId } from '../../../shared/areas';

/** The honest panel of an area that does not exist yet: no sample numbers, no fake charts. */
export function NotBuiltPanel({ id }: { id: AreaId }) {
  const area = areas.find((a) => a.id === id);
  if (!area) return null;
  return (
    <section className="card empty-panel" aria-labelledby={`not-built-${id}`}>
      <span className="pill pill--muted">Planned</span>
      <h2 id={`not-built-${id}`}>Not built yet</h2>
      <p className="not-built__summary">
        {area.title}: {area.summary}
      </p>
      <p className="muted">
        This area is not built yet, so no data is shown here. Nothing on this page is sample or made-up data.
      </p>
    </section>
  );
}
