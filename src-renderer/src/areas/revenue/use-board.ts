import { useCallback, useEffect, useState } from 'react';
import type { PipelineKind } from '../../../../shared/pipeline-stages';
import { toLevqorError } from '../../api/to-levqor-error';
import { useLoad } from '../../hooks/use-load';
import { loadItem, loadItems, moveItem, type Item } from './pipeline-api';

/** A move is written back right after it (when a shared Postgres is set up): look again then. */
const writeBackLookMs = 1_500;

export interface Board {
  items: Item[];
  loading: boolean;
  error: string | undefined;
  /** The last refused move of each card, shown on the card until it moves again. */
  refusals: Readonly<Record<string, string>>;
  /** Moves a card at once; a refused move puts it back and keeps the rule's error on it. */
  move(id: string, stage: string, note?: string): Promise<boolean>;
  /** Puts an item as the API answered it in place (after an edit). */
  replace(item: Item): void;
}

/** One board's items (reloaded when `tick` changes) and its moves. */
export function useBoard(kind: PipelineKind, tick: number, onMoved: () => void): Board {
  const loaded = useLoad(() => loadItems(kind), [kind, tick]);
  const [items, setItems] = useState<Item[]>([]);
  const [refusals, setRefusals] = useState<Record<string, string>>({});

  useEffect(() => {
    if (loaded.data) setItems(loaded.data);
  }, [loaded.data]);

  const replace = useCallback((item: Item) => setItems((list) => list.map((i) => (i.id === item.id ? item : i))), []);

  const move = useCallback(
    async (id: string, stage: string, note?: string) => {
      const before = items.find((i) => i.id === id);
      if (!before || before.stage === stage) return false;
      setRefusals(({ [id]: _dropped, ...rest }) => rest);
      setItems((list) => list.map((i) => (i.id === id ? ({ ...i, stage } as Item) : i)));
      try {
        const after = await moveItem(kind, id, stage, note);
        replace(after);
        onMoved();
        if (after.pendingChanges > 0) {
          window.setTimeout(() => {
            loadItem(kind, id).then(({ changes: _log, ...fresh }) => {
              replace(fresh);
              onMoved();
            }, () => undefined);
          }, writeBackLookMs);
        }
        return true;
      } catch (err) {
        replace(before);
        setRefusals((r) => ({ ...r, [id]: toLevqorError(err).message }));
        return false;
      }
    },
    [items, kind, onMoved, replace],
  );

  return { items, loading: loaded.loading && !loaded.data, error: loaded.error, refusals, move, replace };
}
