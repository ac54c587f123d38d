import type { ReactNode } from 'react';
import type { AreaId } from '../../../shared/areas';
import { areas } from '../../../shared/areas';
import { StageBadge } from './StageBadge';
import { UpdateBadge } from './UpdateBadge';

/** `end`: what the shell adds at the bar's end (the assistant's toggle). */
export function Header({ current, end }: { current: AreaId; end?: ReactNode }) {
  const area = areas.find((a) => a.id === current);
  return (
    <header className="topbar">
      <p className="topbar__crumb">
        <span>Control Center</span>
        <span aria-hidden="true" className="topbar__sep">/</span>
        <span className="topbar__here">{area?.title}</span>
      </p>
      <div className="topbar__end">
        {end}
        <UpdateBadge />
        <StageBadge />
      </div>
    </header>
  );
}
