import { useCallback, useEffect, useRef, useState } from 'react';
import type { TelemetryRowOut } from '../../../../shared/contract/telemetry';
import { getApi } from '../../api/client';
import { toLevqorError } from '../../api/to-levqor-error';
import { toQuery, type ExplorerFilters } from './filters';

const firstPage = 200;
const nextPage = 1000;
/** Load the next page when the rendered rows come this close to the end of what is loaded. */
const prefetchRows = 150;

export interface RowsState {
  rows: TelemetryRowOut[];
  /** More rows match than are loaded. */
  more: boolean;
  /** Rows matching the filters (from the first page); a floor when `totalCapped`. */
  total: number | undefined;
  totalCapped: boolean;
  loading: boolean;
  error: string | undefined;
  /** Set once the first page for the current filters has answered. */
  loaded: boolean;
  onRangeEnd(end: number): void;
  reload(): void;
}

/** The explorer's rows for a set of filters, paged on with the query cursor as the list scrolls. */
export function useRows(filters: ExplorerFilters): RowsState {
  const [rows, setRows] = useState<TelemetryRowOut[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [total, setTotal] = useState<{ n: number; capped: boolean } | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [nonce, setNonce] = useState(0);
  const gen = useRef(0);
  const busy = useRef(false);
  const now = useRef(Date.now());

  const fetchPage = useCallback(
    async (g: number, limit: number, after?: string) => {
      busy.current = true;
      setLoading(true);
      try {
        const page = await getApi().telemetry.query(toQuery(filters, now.current, limit, after));
        if (g !== gen.current) return;
        setRows((prev) => (after ? prev.concat(page.rows) : page.rows));
        setCursor(page.nextCursor);
        if (page.total !== undefined) setTotal({ n: page.total, capped: page.totalCapped ?? false });
        setError(undefined);
        setLoaded(true);
      } catch (err) {
        if (g !== gen.current) return;
        setError(toLevqorError(err).message);
        setLoaded(true);
      } finally {
        if (g === gen.current) {
          busy.current = false;
          setLoading(false);
        }
      }
    },
    [filters],
  );

  useEffect(() => {
    const g = ++gen.current;
    now.current = Date.now();
    busy.current = false;
    setRows([]);
    setCursor(undefined);
    setTotal(undefined);
    setLoaded(false);
    void fetchPage(g, firstPage);
  }, [fetchPage, nonce]);

  const onRangeEnd = useCallback(
    (end: number) => {
      if (!cursor || busy.current || error) return;
      if (end < rows.length - prefetchRows) return;
      void fetchPage(gen.current, nextPage, cursor);
    },
    [cursor, error, rows.length, fetchPage],
  );

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { rows, more: cursor !== undefined, total: total?.n, totalCapped: total?.capped ?? false, loading, error, loaded, onRangeEnd, reload };
}
