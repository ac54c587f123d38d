import type { ContentSet } from '../../../../shared/contract/content';
import { AssetCard } from './AssetCard';
import { ExportButton } from './ExportButton';
import { SchedulePosting } from './SchedulePosting';

/** The open set: what it was written from, export and scheduling, then its six assets. */
export function SetView({ set, onSaved }: { set: ContentSet; onSaved(set: ContentSet): void }) {
  return (
    <section className="content-set" aria-label="Content set" data-set-id={set.id}>
      <div className="card section">
        <div className="section-head">
          <h2>{set.seed.seed}</h2>
          <p className="muted">
            {set.seed.product} · {set.engine} engine · {new Date(set.at).toLocaleString()} · set {set.id}
          </p>
        </div>
        <div className="content-set__actions">
          <ExportButton setId={set.id} />
          <SchedulePosting key={set.id} setId={set.id} />
        </div>
      </div>
      <div className="content-assets">
        {set.assets.map((a) => (
          <AssetCard key={`${set.id}-${a.kind}`} set={set} asset={a} onSaved={onSaved} />
        ))}
      </div>
    </section>
  );
}
