import { memo, useMemo, useState, type DragEvent } from 'react';
import type { StepTypeInfo } from '../../../../../shared/contract/workflows';
import { ClassBadge } from '../../../components/ClassBadge';
import { PALETTE_MIME } from '../canvas/FlowCanvas';
import { newStepClass, paletteGroups } from './palette-groups';

/** The step library: drag a step onto the canvas (or press Enter on it to add it). */
function PaletteView({ stepTypes, onAdd }: { stepTypes: StepTypeInfo[]; onAdd: (type: string) => void }) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteGroups(stepTypes, query), [stepTypes, query]);
  const onDragStart = (e: DragEvent, type: string) => {
    e.dataTransfer.setData(PALETTE_MIME, type);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <aside className="wfe-palette" aria-label="Step library">
      <input
        className="wfe-input wfe-palette__search"
        type="search"
        placeholder="Search steps…"
        aria-label="Search steps"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {groups.length === 0 ? <p className="muted wfe-palette__empty">No step matches “{query}”.</p> : null}
      {groups.map((g) => (
        <section key={g.cls} className="wfe-palette__group">
          <h3 className="eyebrow" title={g.note}>{g.title}</h3>
          <ul className="plain-list">
            {g.items.map((t) => (
              <li
                key={t.type}
                className={`tile wfe-palette__item wfe-palette__item--${g.cls}`}
                draggable
                tabIndex={0}
                data-testid={`palette-${t.type}`}
                onDragStart={(e) => onDragStart(e, t.type)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') onAdd(t.type);
                }}
                onDoubleClick={() => onAdd(t.type)}
                title={`${t.description}${t.classNote ? `\n${t.classNote}` : ''}\nDrag onto the canvas, or double-click to add.`}
              >
                <ClassBadge cls={g.cls} small testId={`palette-class-${t.type}`} />
                <span className="wfe-palette__text">
                  <span className="wfe-palette__title">{t.title}</span>
                  <span className="wfe-palette__type">{t.type}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}

export const Palette = memo(PaletteView);
