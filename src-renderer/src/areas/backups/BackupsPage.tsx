import { useState } from 'react';
import { getApi } from '../../api/client';
import { DataTable, numberColumn } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { When } from '../../components/When';
import { useLiveResource } from '../../hooks/use-live-resource';
import { EnginePanel } from './EnginePanel';
import { PlanDetail } from './PlanDetail';
import { PlanEditForm } from './PlanEditForm';
import { PlanForm } from './PlanForm';
import { bytesOf, ownerText, planStatus } from './format';
import { backupEndEvents, useBackupProgress } from './use-backups';
import './backups.css';

const loadPlans = () => getApi().backup.pagePlans({});
const columns = ['Plan', 'Owner', 'Last backup', 'Status', 'Next run', numberColumn('Size'), 'Repository'];

/**
 * Backups: the engine, every plan (last backup, status, next run, size, owner), a new plan of
 * the app's data, and the chosen plan in full. No path of this machine is shown or typed
 * here (docs/backups.md "The Backups area").
 */
export default function BackupsPage() {
  const plans = useLiveResource(loadPlans, backupEndEvents);
  const progress = useBackupProgress();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [tick, setTick] = useState(0);
  const list = plans.data?.plans ?? [];
  const plan = list.find((p) => p.name === chosen) ?? list[0];
  const changed = () => {
    setTick((t) => t + 1);
    void plans.reload();
  };
  const saved = () => {
    setEditing(false);
    changed();
  };
  // a backup's end reloads the plans (useLiveResource); the detail follows the same tick
  const endTick = list.map((p) => `${p.lastBackup?.id}:${p.lastBackup?.status}`).join(',');

  return (
    <div className="stack page-wide backups" data-testid="backups-area">
      <EnginePanel />
      {plans.error ? <ErrorNotice message={`Could not read the backup plans: ${plans.error.message}`} onRetry={() => void plans.reload()} /> : null}
      <section className="card section" aria-labelledby="bk-plans-title">
        <div className="section-head">
          <h2 id="bk-plans-title">Plans</h2>
          <button type="button" className="button" onClick={() => setAdding(true)} data-testid="plan-new">
            New plan
          </button>
        </div>
        {plans.status === 'loading' ? <p className="muted">Loading…</p> : null}
        {plans.status === 'ready' && list.length === 0 ? <p className="empty">No backup plans yet. Add one of this app’s data with “New plan”.</p> : null}
        {list.length > 0 ? (
          <DataTable columns={columns} label="Backup plans" testId="plan-list">
            {list.map((p) => {
              const status = planStatus(p);
              return (
                <tr key={p.id} data-testid="plan-row" data-plan={p.name} aria-selected={p.name === plan?.name}>
                  <td>
                    <button type="button" className="bare bk-plan-link" onClick={() => setChosen(p.name)}>
                      {p.name}
                    </button>
                  </td>
                  <td>{ownerText(p)}</td>
                  <td>{p.lastBackup ? <When at={p.lastBackup.startedAt} /> : '—'}</td>
                  <td>
                    <span className={`pill tone--${status.tone}`} data-testid="plan-status">
                      {status.label}
                    </span>
                  </td>
                  <td>{p.nextRun !== null ? <When at={p.nextRun} /> : 'by hand'}</td>
                  <td className="num">{bytesOf(p.lastSuccess)}</td>
                  <td className="muted">{p.repository}</td>
                </tr>
              );
            })}
          </DataTable>
        ) : null}
      </section>
      {plan ? <PlanDetail key={plan.name} plan={plan} progress={progress} tick={`${tick}:${endTick}`} onChanged={changed} onEdit={() => setEditing(true)} /> : null}
      {editing && plan ? <PlanEditForm plan={plan} onClose={() => setEditing(false)} onSaved={saved} /> : null}
      {adding ? (
        <PlanForm
          onClose={() => setAdding(false)}
          onAdded={(p) => {
            setAdding(false);
            setChosen(p.name);
            changed();
          }}
        />
      ) : null}
    </div>
  );
}
