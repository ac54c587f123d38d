import type { StageModel } from '../../../../shared/pipeline-stages';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoad } from '../../hooks/use-load';
import { whoText } from './format';
import { ItemEditForm } from './ItemEditForm';
import { ItemFacts } from './ItemFacts';
import { loadItem, type Item } from './pipeline-api';

/** The chosen card in full, with its notes and value to edit. Reloads when the card changes. */
export function ItemDetail({ model, id, version, onSaved, onClose }: { model: StageModel; id: string; version: string; onSaved(item: Item): void; onClose(): void }) {
  const loaded = useLoad(() => loadItem(model.kind, id), [model.kind, id, version]);
  const item = loaded.data;
  return (
    <aside className="card rv-detail" aria-label="Details" data-testid="item-detail">
      <div className="section-head">
        <h3>{item ? whoText(item) : 'Loading…'}</h3>
        <button type="button" className="button button--ghost" onClick={onClose}>
          Close
        </button>
      </div>
      <ErrorNotice message={loaded.error} onRetry={loaded.reload} />
      {item ? (
        <>
          <ItemFacts item={item} model={model} />
          <ItemEditForm key={item.id} kind={model.kind} item={item} onSaved={onSaved} />
        </>
      ) : null}
    </aside>
  );
}
