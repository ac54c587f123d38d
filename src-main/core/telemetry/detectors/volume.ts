import type { Db } from '../../db/open';
import { firstBucket, levelTotals, minute } from '../rollup-read';
import { floorTo } from '../row';
import { median, round, type Finding } from './finding';

export const volumeDefaults = { windowMinutes: 10, minBaselineMinutes: 60, spikeZ: 6, dropZ: -4, minDropMedian: 20 };

/**
 * Volume spikes and drops on per-minute row counts: each of the last complete minutes is
 * compared with the median of the day before it, scaled by the MAD (robust to the spikes
 * themselves), floored at √median so a quiet, Poisson-noisy stream does not cry wolf.
 */
export function detectVolume(db: Db, now: number, o = volumeDefaults): Finding[] {
  const end = floorTo(now, minute); // the current minute is still filling: not judged
  const windowStart = end - o.windowMinutes * minute;
  const first = firstBucket(db, 'minute', 'founder');
  if (first === undefined) return [];
  const baseStart = Math.max(end - 1440 * minute, first);
  if ((windowStart - baseStart) / minute < o.minBaselineMinutes) return [];
  const totals = levelTotals(db, 'minute', baseStart, end, 'founder');

  const baseline: number[] = [];
  for (let t = baseStart; t < windowStart; t += minute) baseline.push(totals.get(t) ?? 0);
  baseline.sort((a, b) => a - b);
  const med = median(baseline);
  const mad = median(baseline.map((x) => Math.abs(x - med)).sort((a, b) => a - b));
  const scale = Math.max(1.4826 * mad, Math.sqrt(Math.max(med, 1)), 1);

  const findings: Finding[] = [];
  let run: { kind: 'volume_spike' | 'volume_drop'; start: number; end: number; extreme: number; z: number } | undefined;
  const close = () => {
    if (!run) return;
    const spike = run.kind === 'volume_spike';
    findings.push({
      kind: run.kind,
      severity: spike ? (run.extreme >= 10 * Math.max(med, 1) ? 'ticket' : 'warning') : run.extreme === 0 && med >= 100 ? 'ticket' : 'warning',
      subject: 'all',
      summary: `Traffic ${spike ? 'spike' : 'drop'}: ${run.extreme} rows a minute against a usual ${round(med, 1)}, ${round(Math.abs(run.z), 1)}× the usual minute-to-minute variation ${spike ? 'above' : 'below'} it`,
      windowStart: run.start,
      windowEnd: run.end,
      numbers: { [spike ? 'peakPerMinute' : 'lowestPerMinute']: run.extreme, medianPerMinute: round(med, 2), mad: round(mad, 2), scale: round(scale, 2), z: round(run.z, 2), minutes: (run.end - run.start) / minute, baselineMinutes: baseline.length, threshold: spike ? o.spikeZ : o.dropZ },
    });
    run = undefined;
  };
  for (let t = windowStart; t < end; t += minute) {
    const x = totals.get(t) ?? 0;
    const z = (x - med) / scale;
    const kind = z >= o.spikeZ && x >= 2 * med + 10 ? 'volume_spike' : z <= o.dropZ && med >= o.minDropMedian && x <= med / 4 ? 'volume_drop' : undefined;
    if (run && run.kind !== kind) close();
    if (!kind) continue;
    if (!run) run = { kind, start: t, end: t + minute, extreme: x, z };
    else {
      run.end = t + minute;
      if (kind === 'volume_spike' ? x > run.extreme : x < run.extreme) {
        run.extreme = x;
        run.z = z;
      }
    }
  }
  close();
  return findings;
}
