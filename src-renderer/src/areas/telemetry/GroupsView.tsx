import { useState } from 'react';
import { telemetryLevels, type TelemetryLevel } from '../../../../shared/telemetry';
import { getApi } from '../../api/client';
import { LevelBadge } from './bits';
import { DataTable, numberColumn } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { rangeMs, rangeOptions, type RangeKey } from './filters';
import { formatCount } from '../../format/number';
import { When } from '../../components/When';
import { useLoad } from '../../hooks/use-load';

const problemLevels: TelemetryLevel[] = ['warn', 'error', 'fatal'];

/** Rows grouped by fingerprint, most frequent first; a click opens them in the explorer. */
export function GroupsView({ tick, onPick }: { tick: number; onPick(fingerprint: string): void }) {
  const [range, setRange] = useState<RangeKey>('all');
  const [problemsOnly, setProblemsOnly] = useState(false);
  const groups = useLoad(() => {
    const span = rangeMs(range);
    return getApi().telemetry.groups({ limit: 200, ...(span !== undefined ? { from: Date.now() - span } : {}), ...(problemsOnly ? { levels: problemLevels } : {}) });
  }, [range, problemsOnly, tick]);

  const list = groups.data?.groups ?? [];
  return (
    <div className="groups">
      <div className="toolbar groups__bar">
        <select className="select groups__range" aria-label="Groups time range" value={range} onChange={(e) => setRange(e.target.value as RangeKey)}>
          {rangeOptions.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
        <label className="check groups__check">
          <input type="checkbox" checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)} /> Warnings and errors only
        </label>
        <span className="muted groups__count" role="status">
          {groups.data ? `${formatCount(list.length)} ${list.length === 1 ? 'group' : 'groups'}${list.length === 200 ? ' (top 200)' : ''}` : groups.loading ? 'Loading…' : ''}
        </span>
      </div>
      {groups.error ? <ErrorNotice message={`Could not load the groups: ${groups.error}`} onRetry={groups.reload} /> : null}
      {groups.data && list.length === 0 ? <p className="muted empty-line">No groups in this range.</p> : null}
      {list.length > 0 ? (
        <DataTable className="data-table--framed ttable" label="Fingerprint groups" wrap={false} columns={['Level', 'Sample message', numberColumn('Count'), 'First seen', 'Last seen', 'Fingerprint']}>
          {list.map((g) => (
            <tr key={g.fingerprint} className="ttable__click" onClick={() => onPick(g.fingerprint)} data-testid="telemetry-group">
              <td>
                <LevelBadge level={telemetryLevels.includes(g.level) ? g.level : 'info'} />
              </td>
              <td className="ttable__msg">
                <button type="button" className="bare linkish" onClick={() => onPick(g.fingerprint)} title="Show these rows in the explorer">
                  {g.sample}
                </button>
                <span className="muted ttable__source"> {g.source}</span>
              </td>
              <td className="num">{formatCount(g.count)}</td>
              <td className="nowrap">
                <When at={g.firstSeen} />
              </td>
              <td className="nowrap">
                <When at={g.lastSeen} show="relative" />
              </td>
              <td>
                <code className="fp">{g.fingerprint}</code>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </div>
  );
}
