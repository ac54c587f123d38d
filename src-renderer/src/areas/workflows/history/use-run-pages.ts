import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunSummary } from '../../../../../shared/contract/workflows';
import { getApi } from '../../../api/client';
import { toLevqorError } from '../../../api/to-levqor-error';
import type { RunQuery } from './filters';

const pageSize = 25;

export interface RunPages {
  runs: RunSummary[] | undefined;
  more: boolean;
  error: string | undefined;
  loadingMore: boolean;
  older(): Promise<void>;
}

/**
 * Runs matching a query (one workflow's, or every workflow's when it names none), newest
 * first, a page at a time; refreshed live as runs start and end.
 */
export function useRunPages(query: RunQuery): RunPages {
  const [runs, setRuns] = useState<RunSummary[] | undefined>(undefined);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const ticket = useRef(0);
  const shown = useRef(pageSize);

  /** Loads the newest `count` runs matching the query (a live refresh keeps what was paged in). */
  const load = useCallback(
    async (count: number) => {
      const mine = ++ticket.current;
      try {
        const limit = Math.min(500, count);
        const out = await getApi().runs.list({ limit: limit + 1, ...query });
        if (mine !== ticket.current) return;
        setRuns(out.runs.slice(0, limit));
        setMore(out.runs.length > limit);
        setError(undefined);
      } catch (err) {
        if (mine === ticket.current) setError(toLevqorError(err).message);
      }
    },
    [query],
  );

  useEffect(() => {
    shown.current = pageSize;
    setRuns(undefined);
    void load(pageSize);
  }, [load]);

  useEffect(() => {
    const api = getApi();
    let timer: number | undefined;
    const soon = (p: { workflowId: string | null }) => {
      if ((query.workflowId !== undefined && p.workflowId !== query.workflowId) || timer !== undefined) return;
      timer = window.setTimeout(() => {
        timer = undefined;
        void load(shown.current);
      }, 300);
    };
    const offs = [api.on('run.started', soon), api.on('run.finished', soon)];
    return () => {
      offs.forEach((off) => off());
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [query.workflowId, load]);

  const older = async () => {
    const last = runs?.at(-1);
    if (!runs || !last) return;
    setLoadingMore(true);
    try {
      // `before` is a time: runs created in the same millisecond as the last one shown would
      // fall between pages, so ask from that millisecond on and drop the ones already listed
      const shownIds = new Set(runs.map((r) => r.id));
      const sameMs = runs.filter((r) => r.createdAt === last.createdAt).length;
      const out = await getApi().runs.list({ limit: Math.min(500, pageSize + 1 + sameMs), ...query, before: last.createdAt + 1 });
      const fresh = out.runs.filter((r) => !shownIds.has(r.id));
      setRuns((r) => [...(r ?? []), ...fresh.slice(0, pageSize)]);
      setMore(fresh.length > pageSize);
      shown.current += pageSize;
    } catch (err) {
      setError(toLevqorError(err).message);
    } finally {
      setLoadingMore(false);
    }
  };

  return { runs, more, error, loadingMore, older };
}
