import { useCallback, useState } from 'react';
import type { PipelineStats } from '../../../../shared/contract/pipeline';
import { isBackMove, stageModels, type PipelineKind } from '../../../../shared/pipeline-stages';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Section } from '../../components/Section';
import { ItemDetail } from './ItemDetail';
import { MoveBackDialog } from './MoveBackDialog';
import { PipelineBoard } from './PipelineBoard';
import { StageStats } from './StageStats';
import { useBoard } from './use-board';

const titles: Record<PipelineKind, { title: string; description: string }> = {
  lead: { title: 'Sales leads', description: 'new → contacted → qualified → won, or lost. Drag a card to another column, or use its “Move to…” menu.' },
  dfy: { title: 'DFY requests', description: 'new → scoped → quoted → paid → in progress → delivered, or cancelled. A request is marked paid on its own before work starts.' },
};

/** One kind's board, its stats, the chosen card's detail, and the note a move back asks for. */
export function PipelineSection({ kind, tick, stats, onChanged }: { kind: PipelineKind; tick: number; stats: PipelineStats | undefined; onChanged(): void }) {
  const model = stageModels[kind];
  const board = useBoard(kind, tick, onChanged);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [moveBack, setMoveBack] = useState<{ id: string; from: string; to: string } | undefined>(undefined);
  const { title, description } = titles[kind];

  const requestMove = useCallback(
    (id: string, stage: string) => {
      const item = board.items.find((i) => i.id === id);
      if (!item || item.stage === stage) return;
      if (isBackMove(model, item.stage, stage)) setMoveBack({ id, from: item.stage, to: stage });
      else void board.move(id, stage);
    },
    [board, model],
  );
  const chosen = board.items.find((i) => i.id === selected);

  return (
    <Section id={`rv-${kind}`} title={title} description={description}>
      <ErrorNotice message={board.error && `Could not read the ${title.toLowerCase()}: ${board.error}`} />
      {board.loading ? <p className="muted">Loading…</p> : null}
      {!board.loading && !board.error && board.items.length === 0 ? <p className="empty">None yet. They arrive from the site with each sync.</p> : null}
      <PipelineBoard label={`${title} by stage`} model={model} board={board} selected={selected} onSelect={setSelected} onMove={requestMove} />
      {chosen ? (
        <ItemDetail
          model={model}
          id={chosen.id}
          version={`${chosen.stage}:${chosen.pendingChanges}:${chosen.updatedAt}`}
          onSaved={(item) => {
            board.replace(item);
            onChanged();
          }}
          onClose={() => setSelected(undefined)}
        />
      ) : null}
      {stats ? <StageStats label={`${title}: conversion and time in stage`} stats={stats} /> : null}
      {moveBack ? (
        <MoveBackDialog
          from={moveBack.from}
          to={moveBack.to}
          onClose={() => setMoveBack(undefined)}
          onMove={(note) => {
            setMoveBack(undefined);
            void board.move(moveBack.id, moveBack.to, note);
          }}
        />
      ) : null}
    </Section>
  );
}
