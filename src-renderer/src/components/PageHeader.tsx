import { areas, type AreaId } from '../../../shared/areas';

export function PageHeader({ id }: { id: AreaId }) {
  const area = areas.find((a) => a.id === id);
  if (!area) return null;
  return (
    <div className="page-header">
      <h1>{area.title}</h1>
      <p className="muted">{area.summary}</p>
    </div>
  );
}
