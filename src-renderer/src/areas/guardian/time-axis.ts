/** Ticks at round times across [from, to]: every chart on the Guardian page puts its labels at the same places. */
export function timeTicks(from: number, to: number, count = 6): number[] {
  const span = to - from;
  if (!(span > 0)) return [];
  const steps = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10_080].map((m) => m * 60_000);
  const step = steps.find((s) => span / s <= count) ?? Math.ceil(span / count);
  // round in local time, so 00:00 and 12:00 land where the labels say
  const offset = new Date(from).getTimezoneOffset() * 60_000;
  const first = Math.ceil((from - offset) / step) * step + offset;
  const ticks: number[] = [];
  for (let t = first; t <= to; t += step) ticks.push(t);
  return ticks;
}
