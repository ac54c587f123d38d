import type { AnomalyKind, AnomalySeverity } from '../../../../shared/telemetry';

/** What a detector reports; the anomaly store turns it into a stored, deduplicated anomaly. */
export interface Finding {
  kind: AnomalyKind;
  severity: AnomalySeverity;
  subject: string;
  summary: string;
  windowStart: number;
  windowEnd: number;
  numbers: Record<string, number | string | null>;
}

export interface DetectorConfig {
  /** Availability objective, e.g. 0.999. */
  slo: number;
  /** A p95 over this is slow (when also well over the endpoint's baseline). */
  slowP95Ms: number;
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function median(sorted: number[]): number {
  if (sorted.length === 0) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
