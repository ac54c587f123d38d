import { useEffect, useState } from 'react';
import { getApi } from '../api/client';

/** The app's own log lines are stored every few seconds; they refresh the page less often. */
const appThrottleMs = 30_000;

/**
 * A counter that goes up when telemetry arrives (telemetry.ingested / telemetry.anomaly),
 * at most once per `throttleMs` (once per 30 s for the app's own log lines, so the page's
 * own refreshes cannot keep it busy): views put it in their effect deps to refresh counts.
 */
export function useTelemetryTick(throttleMs = 3000): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const api = getApi();
    let last = 0;
    let lastApp = 0;
    let timer: number | undefined;
    let timerDue = 0;
    const bump = (fromApp: boolean) => {
      const due = Math.max(last + throttleMs, fromApp ? lastApp + appThrottleMs : 0);
      // a pending refresh that comes as soon or sooner covers this one
      if (timer !== undefined && timerDue <= due) return;
      if (timer !== undefined) window.clearTimeout(timer);
      timerDue = due;
      timer = window.setTimeout(() => {
        timer = undefined;
        last = Date.now();
        lastApp = last;
        setTick((t) => t + 1);
      }, Math.max(0, due - Date.now()));
    };
    const offs = [api.on('telemetry.ingested', (e) => bump(e.via === 'app')), api.on('telemetry.anomaly', () => bump(false))];
    return () => {
      for (const off of offs) off();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [throttleMs]);
  return tick;
}
