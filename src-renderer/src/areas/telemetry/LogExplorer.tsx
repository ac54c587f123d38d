import { useCallback, useEffect, useState } from 'react';
import type { TelemetryRowOut } from '../../../../shared/contract/telemetry';
import { LevelBadge } from './bits';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ExplorerFilters } from './ExplorerFilters';
import { emptyFilters, isFiltered, type ExplorerFilters as Filters } from './filters';
import { countLabel } from './count-label';
import { formatClock, formatLatency, formatTimeExact } from '../../format/time';
import { RowDetail } from './RowDetail';
import { useRows } from './use-rows';
import { VirtualList } from './VirtualList';

const rowHeight = 34;
const listHeight = 520;

function Row({ row, selected, onSelect }: { row: TelemetryRowOut; selected: boolean; onSelect(): void }) {
  return (
    <button type="button" className="bare trow" aria-pressed={selected} onClick={onSelect} data-testid="telemetry-row">
      <span className="trow__time" title={formatTimeExact(row.ts, true)}>
        {formatClock(row.ts, true)}
      </span>
      <LevelBadge level={row.level} />
      <span className="trow__source" title={row.source}>
        {row.source}
      </span>
      <span className="trow__req" title={row.endpoint ?? undefined}>
        {row.endpoint ? (
          <>
            {row.method ? <b>{row.method}</b> : null} {row.endpoint}
            {row.status !== null ? <span className={row.status >= 500 ? 'trow__status trow__status--bad' : 'trow__status'}> {row.status}</span> : null}
            {row.duration_ms !== null ? <span className="muted"> · {formatLatency(row.duration_ms)}</span> : null}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </span>
      <span className="trow__msg">{row.message}</span>
    </button>
  );
}

/** The log explorer: filters, a virtualised list paged by cursor, and a row's detail. */
export function LogExplorer({ filters, onFilters, tick }: { filters: Filters; onFilters(f: Filters): void; tick: number }) {
  const state = useRows(filters);
  const [selected, setSelected] = useState<TelemetryRowOut | undefined>(undefined);
  const [seenTick, setSeenTick] = useState(tick);

  useEffect(() => setSelected(undefined), [filters]);
  const reload = useCallback(() => {
    setSeenTick(tick);
    state.reload();
  }, [tick, state]);

  const fresh = tick !== seenTick && state.loaded;

  return (
    <div className="explorer">
      <ExplorerFilters filters={filters} onChange={onFilters} />
      <div className="explorer__bar">
        <p className="explorer__count" role="status" data-testid="telemetry-count">
          {!state.loaded
            ? 'Loading…'
            : countLabel({ loaded: state.rows.length, more: state.more, total: state.total, capped: state.totalCapped, filtered: isFiltered(filters) })}
        </p>
        <div className="actions">
          {fresh ? (
            <button type="button" className="button button--ghost button--small" onClick={reload}>
              New rows arrived · Refresh
            </button>
          ) : null}
          {isFiltered(filters) ? (
            <button type="button" className="button button--ghost button--small" onClick={() => onFilters(emptyFilters)}>
              Clear filters
            </button>
          ) : null}
        </div>
      </div>
      {state.error ? <ErrorNotice message={`Could not load rows: ${state.error}`} onRetry={state.reload} /> : null}
      <div className={selected ? 'explorer__body explorer__body--detail' : 'explorer__body'}>
        <div className="explorer__list">
          <div className="trow trow--head" aria-hidden="true">
            <span>Time</span>
            <span>Level</span>
            <span className="trow__source">Source</span>
            <span>Request</span>
            <span>Message</span>
          </div>
          {state.loaded && state.rows.length === 0 && !state.error ? (
            <div className="explorer__empty" style={{ height: listHeight }}>
              <p>No rows match these filters.</p>
              {isFiltered(filters) ? (
                <button type="button" className="button button--ghost" onClick={() => onFilters(emptyFilters)}>
                  Clear filters
                </button>
              ) : null}
            </div>
          ) : (
            <VirtualList
              items={state.rows}
              rowHeight={rowHeight}
              height={listHeight}
              label="Telemetry rows"
              rowKey={(r) => r.id}
              onRangeEnd={state.onRangeEnd}
              renderRow={(row) => <Row row={row} selected={selected?.id === row.id} onSelect={() => setSelected(row)} />}
            />
          )}
          {state.loading && state.loaded ? <p className="explorer__loading muted">Loading more…</p> : null}
        </div>
        {selected ? (
          <RowDetail row={selected} onClose={() => setSelected(undefined)} onFingerprint={(fp) => onFilters({ ...emptyFilters, fingerprint: fp })} />
        ) : null}
      </div>
    </div>
  );
}
