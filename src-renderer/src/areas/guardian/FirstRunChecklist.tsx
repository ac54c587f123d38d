import { useState } from 'react';
import { getApi } from '../../api/client';
import { useLoad } from '../../hooks/use-load';
import { hrefFor } from '../../routing/use-hash-route';
import { useApp } from '../../store/store-context';
import { setupChecklist } from './checklist';

const hiddenKey = 'levqor.guardian.checklistHidden';

/**
 * The first steps of a new install, each ticked from real state (monitors, products,
 * workflows, the remote, the stage) and pointing where it is done. Shown while one is open,
 * until the founder hides it.
 */
export function FirstRunChecklist({ monitors, remoteConfigured, tick, onAddMonitor }: { monitors: number; remoteConfigured: boolean; tick: number; onAddMonitor(): void }) {
  const stage = useApp((s) => s.stage);
  const counts = useLoad(async () => {
    const api = getApi();
    const [products, workflows] = await Promise.all([api.products.list({}), api.workflows.list({})]);
    return { products: products.products.length, workflows: workflows.workflows.length };
  }, [tick]);
  const [hidden, setHidden] = useState(() => localStorage.getItem(hiddenKey) === '1');
  if (!counts.data || !stage || hidden) return null;
  const items = setupChecklist({ monitors, ...counts.data, remoteConfigured, stageChosen: stage.source !== 'default' });
  const done = items.filter((i) => i.done).length;
  if (done === items.length) return null;
  const hide = () => {
    localStorage.setItem(hiddenKey, '1');
    setHidden(true);
  };

  return (
    <section className="card gsetup" aria-labelledby="gsetup-title" data-testid="guardian-checklist">
      <div className="section-head">
        <h2 id="gsetup-title">Get started</h2>
        <span className="muted">
          {done} of {items.length} done
        </span>
        <button type="button" className="button button--ghost button--small" onClick={hide}>
          Hide this list
        </button>
      </div>
      <ol className="plain-list gsetup__list">
        {items.map((i) => (
          <li key={i.id} className={`gsetup__item${i.done ? ' gsetup__item--done' : ''}`} data-testid={`checklist-${i.id}`} data-done={i.done}>
            <span className="gsetup__tick" aria-hidden="true">
              {i.done ? '\u2713' : ''}
            </span>
            <span className="gsetup__text">
              <strong>{i.label}</strong>
              <span className="muted">{i.detail}</span>
              <span className="sr-only">{i.done ? 'done' : 'not done yet'}</span>
              {i.done ? null : 'form' in i.where ? (
                <button type="button" className="gsetup__link bare" onClick={onAddMonitor}>
                  {i.where.label}
                </button>
              ) : (
                <a className="gsetup__link" href={hrefFor(i.where.area)}>
                  {i.where.label}
                </a>
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
