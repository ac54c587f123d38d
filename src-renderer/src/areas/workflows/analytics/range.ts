import { localDayStart } from '../history/filters';

export type RangeChoice = { kind: 'preset'; days: 7 | 30 | 90 } | { kind: 'custom'; fromDay: string; toDay: string };

export const presets = [7, 30, 90] as const;

/** Whole local days: the last N days up to today, or the days typed (both inclusive). */
export function resolveRange(choice: RangeChoice, now: number): { ok: true; from: number; to: number } | { ok: false; field: 'from' | 'to'; message: string } {
  if (choice.kind === 'preset') {
    const today = new Date(now);
    const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (choice.days - 1)).getTime();
    const to = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1).getTime();
    return { ok: true, from, to };
  }
  const from = localDayStart(choice.fromDay);
  if (from === undefined) return { ok: false, field: 'from', message: 'from: must be a date (YYYY-MM-DD)' };
  const last = localDayStart(choice.toDay);
  if (last === undefined) return { ok: false, field: 'to', message: 'to: must be a date (YYYY-MM-DD)' };
  const end = new Date(last);
  const to = new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1).getTime();
  if (from >= to) return { ok: false, field: 'from', message: 'from: must be on or before to' };
  return { ok: true, from, to };
}
