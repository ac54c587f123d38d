import { areas, type AreaId } from '../../../shared/areas';
import { hrefFor, homeArea } from '../routing/use-hash-route';
import { useApp } from '../store/store-context';
import { usePendingCount } from '../hooks/use-pending-count';
import { AreaIcon } from './AreaIcon';

export function Sidebar({ current }: { current: AreaId }) {
  const version = useApp((s) => s.info?.version);
  const pending = usePendingCount();
  return (
    <div className="sidebar">
      <nav className="sidebar__inner" aria-label="Areas">
        <div className="sidebar__brand">
          <span className="sidebar__mark" aria-hidden="true" />
          <span className="sidebar__name">
            Levqor X<small>Control Center</small>
          </span>
        </div>
        <ul className="sidebar__list">
          {areas.map((area) => (
            <li key={area.id}>
              <a className={`sidebar__link${area.built ? '' : ' sidebar__link--planned'}`} href={hrefFor(area.id)} aria-current={area.id === current ? 'page' : undefined}>
                <AreaIcon id={area.id} />
                <span className="sidebar__label">{area.title}</span>
                {area.id === homeArea ? <span className="sidebar__hint">Home</span> : null}
                {area.id === 'approvals' && pending ? (
                  <span className="sidebar__count" data-testid="approvals-badge" aria-label={`${pending} pending`}>
                    {pending}
                  </span>
                ) : null}
                {!area.built ? (
                  <>
                    <span className="sr-only">, </span>
                    <span className="sidebar__planned" data-testid="not-built-badge" title={`${area.title} is planned: its page says what it will do and shows no data yet`}>
                      Not built yet
                    </span>
                  </>
                ) : null}
              </a>
            </li>
          ))}
        </ul>
        <p className="sidebar__footer">{version ? `Version ${version}` : '\u00a0'}</p>
      </nav>
    </div>
  );
}
