/** A figure of this month beside last month's. */
export interface Kpi {
  value: number | null;
  previous: number | null;
  /** value − previous; null when either is missing */
  change: number | null;
  /** change ÷ |previous| (0.1 = up 10%); null when previous is 0 or missing */
  changeRatio: number | null;
}

/** Month-over-month change of one figure. */
export function kpi(value: number | null, previous: number | null): Kpi {
  const change = value === null || previous === null ? null : value - previous;
  return { value, previous, change, changeRatio: change === null || previous === 0 || previous === null ? null : change / Math.abs(previous) };
}
