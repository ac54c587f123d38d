import { useState } from 'react';
import type { Monitor, MonitorStats, MonitorTypeInfo } from '../../../../shared/contract/guardian';
import { certificateWarning, monitorTarget } from '../../../../shared/monitors';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { toneClass } from '../../components/tone';
import { useAction } from '../../hooks/use-action';
import { formatLatency, formatTime } from '../../format/time';
import { When } from '../../components/When';
import { stateTone, uptimeText } from './format';
import { HeartbeatBar } from './HeartbeatBar';
import { MaintenanceWindows } from './MaintenanceWindows';
import { MonitorForm } from './MonitorForm';
import { Sparkline } from './Sparkline';

type Panel = 'edit' | 'maintenance' | 'delete';

/**
 * One monitor, as Uptime Kuma shows it: state, heartbeat bar, uptime over 24 h and 30 days, its
 * response times on the page's time axis, a certificate about to expire; and its actions:
 * edit, pause or resume, maintenance windows, delete (after a confirm).
 */
export function MonitorRow({ monitor: m, info, types, stats, span, onChanged }: { monitor: Monitor; info: MonitorTypeInfo | undefined; types: MonitorTypeInfo[] | undefined; stats: MonitorStats | undefined; span: { from: number; to: number }; onChanged(): void }) {
  const [panel, setPanel] = useState<Panel | undefined>(undefined);
  const act = useAction();
  const certificate = certificateWarning(m.certificate, Date.now());
  const [menuOpen, setMenuOpen] = useState(false);
  const toggle = (p: Panel) => {
    act.clearError();
    setMenuOpen(false);
    setPanel(panel === p ? undefined : p);
  };
  const pause = () =>
    void act.run(async () => {
      setMenuOpen(false);
      await getApi().guardian.updateMonitor({ id: m.id, paused: !m.paused });
      onChanged();
    });
  const remove = () =>
    void act.run(async () => {
      await getApi().guardian.removeMonitor({ id: m.id });
      setPanel(undefined);
      onChanged();
    });
  const saved = () => {
    setPanel(undefined);
    onChanged();
  };

  return (
    <li className="gmon" data-testid={`monitor-${m.name}`} data-state={m.state}>
      <div className="gmon__row">
        <span className={`pill pill--outlined gstate ${toneClass(stateTone[m.state])}`} data-testid="monitor-state">
          {m.state}
        </span>
        <div className="row-text gmon__main">
          <span className="gmon__name">
            {m.name} <span className="gmon__type muted">{m.type}</span>
            {m.paused ? <span className="pill pill--muted">paused</span> : null}
          </span>
          <code className="gmon__target">{monitorTarget(m, info)}</code>
          {m.lastMessage ? <span className="gmon__msg muted">{m.lastMessage}</span> : null}
          {certificate ? (
            <span className="gmon__cert tone--warn" data-testid="monitor-certificate" title={m.certificate ? `valid to ${formatTime(m.certificate.validTo)}${m.certificate.issuer ? `, issued by ${m.certificate.issuer}` : ''}` : undefined}>
              ⚠ {certificate[0]!.toUpperCase() + certificate.slice(1)}
            </span>
          ) : null}
        </div>
        <HeartbeatBar beats={stats?.recent ?? []} />
        <div className="gmon__uptime">
          <span data-testid="monitor-uptime-24h">
            <span className="muted">24 h</span> {stats ? uptimeText(stats.uptime24h.ratio) : '…'}
          </span>
          <span data-testid="monitor-uptime-30d">
            <span className="muted">30 d</span> {stats ? uptimeText(stats.uptime30d.ratio) : '…'}
          </span>
        </div>
        <Sparkline points={stats?.responseTimes ?? []} from={span.from} to={span.to} />
        <div className="gmon__meta muted">
          <span>{m.lastMs !== null ? formatLatency(m.lastMs) : '—'}</span>
          <span data-testid="monitor-checked">{m.lastCheckAt !== null ? <>checked <When at={m.lastCheckAt} show="relative" /></> : 'not checked yet'}</span>
          <span>every {m.intervalSeconds} s</span>
        </div>
        <details className="gmon__menu" open={menuOpen} onToggle={(e) => setMenuOpen(e.currentTarget.open)}>
          <summary className="button button--ghost button--small" aria-label={`Actions for ${m.name}`}>
            Actions
          </summary>
          <div className="gmon__actions" role="group" aria-label={`${m.name} actions`}>
            <button type="button" className="button button--ghost button--small" aria-expanded={panel === 'edit'} disabled={!types} onClick={() => toggle('edit')}>
              Edit
            </button>
            <button type="button" className="button button--ghost button--small" disabled={act.pending} onClick={pause}>
              {m.paused ? 'Resume' : 'Pause'}
            </button>
            <button type="button" className="button button--ghost button--small" aria-expanded={panel === 'maintenance'} onClick={() => toggle('maintenance')}>
              Maintenance
            </button>
            <button type="button" className="button button--ghost button--small button--danger" aria-expanded={panel === 'delete'} onClick={() => toggle('delete')}>
              Delete
            </button>
          </div>
        </details>
      </div>
      {m.pushPath ? (
        <p className="gmon__push muted">
          Ping URL for your cron job (GET or POST, on <code>levqor serve</code>): <code>{`${window.location.origin}${m.pushPath}`}</code>
        </p>
      ) : null}
      {panel === 'edit' && types ? <MonitorForm types={types} monitor={m} onClose={() => setPanel(undefined)} onSaved={saved} /> : null}
      {panel === 'maintenance' ? <MaintenanceWindows monitor={m} onSaved={onChanged} /> : null}
      {panel === 'delete' ? (
        <div className="gmon__confirm" role="alertdialog" aria-label={`Delete ${m.name}?`} data-testid="monitor-delete-confirm">
          <p>
            Delete <strong>{m.name}</strong> and its heartbeat history? Its checks stop at once; this cannot be undone.
          </p>
          <button type="button" className="button button--danger" disabled={act.pending} onClick={remove}>
            {act.pending ? 'Deleting…' : 'Delete monitor'}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setPanel(undefined)}>
            Keep it
          </button>
        </div>
      ) : null}
      <ErrorNotice message={act.error} inline />
    </li>
  );
}
