import { useCallback, useEffect, useState } from 'react';
import type { EventName, LevqorError } from '../../../shared/contract';
import { getApi } from '../api/client';
import { toLevqorError } from '../api/to-levqor-error';

export interface LiveResource<T> {
  status: 'loading' | 'ready' | 'error';
  data: T | undefined;
  error: LevqorError | undefined;
  reload(): Promise<void>;
}

/**
 * Loads once, then again on each of `events` (the CLI, other windows, the engine). A failed
 * reload keeps what is on screen and reports the error; only a first load that fails is an
 * error state. `load` must be stable (module-level or memoised).
 */
export function useLiveResource<T>(load: () => Promise<T>, events: readonly EventName[]): LiveResource<T> {
  const [state, setState] = useState<Omit<LiveResource<T>, 'reload'>>({ status: 'loading', data: undefined, error: undefined });
  const reload = useCallback(async () => {
    try {
      const data = await load();
      setState({ status: 'ready', data, error: undefined });
    } catch (err) {
      setState((s) => ({ ...s, status: s.status === 'ready' ? 'ready' : 'error', error: toLevqorError(err) }));
    }
  }, [load]);
  const eventKey = events.join(',');

  useEffect(() => {
    void reload();
    const api = getApi();
    const refresh = () => void reload();
    const offs = (eventKey.split(',') as EventName[]).map((name) => api.on(name, refresh));
    return () => offs.forEach((off) => off());
  }, [reload, eventKey]);

  return { ...state, reload };
}
