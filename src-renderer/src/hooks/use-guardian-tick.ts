import { useEffect, useState } from 'react';
import type { EventName } from '../../../shared/contract';
import { getApi } from '../api/client';

/** The events that can move a number on the Guardian home page. */
export const guardianRefreshEvents = [
  'guardian.monitorChanged',
  'guardian.alert',
  'guardian.scoreStored',
  'telemetry.ingested',
  'telemetry.anomaly',
  'approval.requested',
  'approval.decided',
  'approval.applied',
  'remote.changed',
] as const satisfies readonly EventName[];

/**
 * A counter that goes up when a guardian.* / telemetry.* / approval.* / remote.changed event
 * arrives, at most once per `throttleMs` (a burst of events is one refresh, the last one
 * always lands): views put it in their effect deps.
 */
export function useGuardianTick(throttleMs = 2000): number {
  return useEventTick(guardianRefreshEvents, throttleMs);
}

/** The same counter for any events: e.g. guardian.beat, every check, for the heartbeat bars. */
export function useEventTick(events: readonly EventName[], throttleMs: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const api = getApi();
    let last = 0;
    let timer: number | undefined;
    const bump = () => {
      if (timer !== undefined) return;
      const wait = Math.max(0, last + throttleMs - Date.now());
      timer = window.setTimeout(() => {
        timer = undefined;
        last = Date.now();
        setTick((t) => t + 1);
      }, wait);
    };
    const offs = events.map((name) => api.on(name, bump));
    return () => {
      for (const off of offs) off();
      if (timer !== undefined) window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [throttleMs, events.join(',')]);
  return tick;
}
