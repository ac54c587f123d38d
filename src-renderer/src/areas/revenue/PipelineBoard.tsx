import { useState } from 'react';
import { stageLabel, type StageModel } from '../../../../shared/pipeline-stages';
import { PipelineCard } from './PipelineCard';
import type { Board } from './use-board';

/** Columns by stage, in the stage model's order; a card dropped on a column asks to move there. */
export function PipelineBoard({ label, model, board, selected, onSelect, onMove }: { label: string; model: StageModel; board: Board; selected: string | undefined; onSelect(id: string | undefined): void; onMove(id: string, stage: string): void }) {
  const [over, setOver] = useState<string | undefined>(undefined);
  return (
    <div className="rv-board" role="group" aria-label={label} data-testid={`board-${model.kind}`}>
      {model.all.map((stage) => {
        const cards = board.items.filter((i) => i.stage === stage);
        return (
          <section
            key={stage}
            className={`rv-col${over === stage ? ' rv-col--over' : ''}${model.ends.includes(stage) ? ' rv-col--end' : ''}`}
            aria-label={`${stageLabel(stage)} (${cards.length})`}
            data-testid="board-column"
            data-stage={stage}
            onDragOver={(e) => {
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              setOver(stage);
            }}
            onDragLeave={() => setOver((s) => (s === stage ? undefined : s))}
            onDrop={(e) => {
              e.preventDefault();
              setOver(undefined);
              const id = e.dataTransfer.getData('text/plain');
              if (id) onMove(id, stage);
            }}
          >
            <h3 className="rv-col__title">
              {stageLabel(stage)} <span className="muted num">{cards.length}</span>
            </h3>
            <ul className="plain-list rv-col__cards">
              {cards.map((item) => (
                <PipelineCard
                  key={item.id}
                  item={item}
                  model={model}
                  refusal={board.refusals[item.id]}
                  selected={item.id === selected}
                  onOpen={() => onSelect(item.id === selected ? undefined : item.id)}
                  onMove={(to) => onMove(item.id, to)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
