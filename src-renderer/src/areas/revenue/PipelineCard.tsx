import { stageLabel, type StageModel } from '../../../../shared/pipeline-stages';
import { moneyText, whoText } from './format';
import type { Item } from './pipeline-api';

/**
 * One lead or DFY request on its board: drag it to another column, or use its "Move to…"
 * menu (the keyboard's way). A refused move shows the rule's error here.
 */
export function PipelineCard({ item, model, refusal, selected, onOpen, onMove }: { item: Item; model: StageModel; refusal: string | undefined; selected: boolean; onOpen(): void; onMove(stage: string): void }) {
  const who = whoText(item);
  return (
    <li
      className={`rv-card${selected ? ' rv-card--selected' : ''}`}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', item.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      data-testid="pipeline-card"
      data-id={item.id}
      data-stage={item.stage}
    >
      <button type="button" className="bare rv-card__open" onClick={onOpen} aria-expanded={selected} aria-label={`${who}: details`}>
        <strong className="rv-card__who">{who}</strong>
        {who !== item.email ? <span className="muted rv-card__email">{item.email}</span> : null}
        <span className="rv-card__meta">
          {item.product ? <span className="pill pill--muted">{item.product}</span> : null}
          <span className="num">{moneyText(item.value)}</span>
        </span>
        {item.pendingChanges > 0 ? <span className="muted rv-card__pending">not written back yet</span> : null}
      </button>
      <select
        className="input rv-card__move"
        aria-label={`Move ${who} to`}
        value=""
        onChange={(e) => {
          if (e.target.value) onMove(e.target.value);
        }}
      >
        <option value="">Move to…</option>
        {model.all
          .filter((s) => s !== item.stage)
          .map((s) => (
            <option key={s} value={s}>
              {stageLabel(s)}
            </option>
          ))}
      </select>
      {refusal ? (
        <p className="rv-card__refusal" role="alert" data-testid="card-refusal">
          {refusal}
        </p>
      ) : null}
    </li>
  );
}
