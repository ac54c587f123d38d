import type { InternalCheck, MaintenanceWindow, MonitorType } from '../../../../shared/contract/guardian';

/** A monitor's stored definition (the editable fields, defaults filled in). */
export interface MonitorDefinition {
  name: string;
  type: MonitorType;
  url: string | null;
  intervalSeconds: number;
  retries: number;
  timeoutSeconds: number;
  keyword: string | null;
  expectedStatus: number | null;
  graceSeconds: number;
  check: InternalCheck | null;
  maxAgeSeconds: number | null;
  minFreeMb: number | null;
  resendIntervalSeconds: number;
  maintenance: MaintenanceWindow[];
  paused: boolean;
}

/**
 * One check's raw outcome. `unknown` means the check cannot judge (nothing configured to
 * check): the monitor shows PENDING with the reason, and no retries or alerts are spent.
 */
export interface CheckOutcome {
  status: 'up' | 'down' | 'unknown';
  message: string;
  ms: number | null;
}

/** What a check may read besides its definition. */
export interface CheckContext {
  now: number;
  signal: AbortSignal;
  /** push monitors: the last ping and when the monitor was created. */
  lastPingAt: number | null;
  createdAt: number;
}

export type MonitorCheck = (def: MonitorDefinition, ctx: CheckContext) => Promise<CheckOutcome>;

export function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    const inner = cause instanceof Error ? `: ${(cause as { code?: string }).code ?? cause.message}` : '';
    return `${err.message}${inner}`;
  }
  return String(err);
}
