import type { ReactNode } from 'react';
import { toneClass } from '../../components/tone';

export type Tone = 'good' | 'warn' | 'bad' | 'muted';

export type TileProps = { id: string; label: string; value: ReactNode; sub: ReactNode; tone: Tone };

/** One figure of the executive summary, coloured by how it stands. */
export function Tile({ id, label, value, sub, tone }: TileProps) {
  return (
    <div className={`gtile ${toneClass(tone)}`} data-testid={`tile-${id}`}>
      <span className="eyebrow">{label}</span>
      <span className="gtile__value">{value}</span>
      <span className="gtile__sub">{sub}</span>
    </div>
  );
}
