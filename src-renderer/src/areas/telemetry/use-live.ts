import { useEffect, useState } from 'react';
import { getApi } from '../../api/client';

/**
 * A counter that goes up when telemetry arrives (telemetry.ingested / telemetry.anomaly),
 * at most once per `throttleMs`: views put it in their effect deps to refresh their counts.
 */
export function useTelemetryTick(throttleMs = 3000): number {
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
    const offs = [api.on('telemetry.ingested', bump), api.on('telemetry.anomaly', bump)];
    return () => {
      for (const off of offs) off();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [throttleMs]);
  return tick;
}

/** The width of an element, kept current with a ResizeObserver. */
export function useWidth<E extends HTMLElement>(): [(el: E | null) => void, number] {
  const [el, setEl] = useState<E | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(([entry]) => setWidth(Math.round(entry?.contentRect.width ?? 0)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [setEl, width];
}
