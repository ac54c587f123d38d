import { useEffect, useState } from 'react';
import { getApi } from '../../../api/client';
import { toLevqorError } from '../../../api/to-levqor-error';

export interface SchedulePreview {
  times: { at: number; iso: string; local: string }[];
  timezone: string | undefined;
  error: string | undefined;
  loading: boolean;
}

/**
 * The next 5 fire times of a cron trigger, from the engine's own scheduler, refreshed as the
 * trigger is typed. Only the trigger is sent (with a one-step stand-in graph), so a problem
 * elsewhere in an unfinished graph does not hide the schedule.
 */
export function useSchedulePreview(trigger: unknown, name: unknown): SchedulePreview {
  const [state, setState] = useState<SchedulePreview>({ times: [], timezone: undefined, error: undefined, loading: true });
  const key = JSON.stringify(trigger);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      const workflow = { name: typeof name === 'string' && name.trim() ? name : 'Schedule preview', trigger, nodes: [{ id: 'preview', type: 'log', params: { message: 'preview' } }] };
      getApi()
        .schedule.preview({ workflow, count: 5 })
        .then(
          (r) => live && setState({ times: r.times, timezone: r.timezone, error: undefined, loading: false }),
          (err: unknown) => live && setState({ times: [], timezone: undefined, error: toLevqorError(err).message.replace(/^workflow\.trigger\./, ''), loading: false }),
        );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return state;
}
