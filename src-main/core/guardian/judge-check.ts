import type { MaintenanceWindow, MonitorState } from '../../../shared/contract/guardian';
import type { CheckRecord } from './monitor-store';
import type { CheckOutcome } from './monitors/define-monitor';

export type AlertKind = 'down' | 'up' | 'resend';

/** What the monitor was before this check, as its row says now. */
export interface Before {
  state: MonitorState;
  failures: number;
  lastCheckAt: number | null;
  lastChangeAt: number | null;
  lastAlertAt: number | null;
}

/**
 * Uptime Kuma's states from one check's outcome: UP; PENDING while retries are left (or the
 * check could not judge); DOWN after them; MAINTENANCE inside a window. An alert goes out on
 * the way DOWN, on the way back UP, and again every resend interval while DOWN.
 */
export function judgeCheck(
  outcome: CheckOutcome,
  window: MaintenanceWindow | undefined,
  before: Before,
  rules: { retries: number; resendIntervalSeconds: number },
  now: number,
): { record: CheckRecord; alert: AlertKind | undefined } {
  const previous = before.state;
  let state: MonitorState;
  let failures = before.failures;
  let message = outcome.message;
  if (window) {
    state = 'MAINTENANCE';
    failures = 0;
  } else if (outcome.status === 'up') {
    state = 'UP';
    failures = 0;
  } else if (outcome.status === 'unknown') {
    state = 'PENDING';
    failures = 0;
  } else {
    failures += 1;
    if (failures > rules.retries || previous === 'DOWN') state = 'DOWN';
    else {
      state = 'PENDING';
      message = `retry ${failures} of ${rules.retries}: ${outcome.message}`;
    }
  }
  let alert: AlertKind | undefined;
  if (state === 'DOWN' && previous !== 'DOWN') alert = 'down';
  else if (state === 'DOWN' && rules.resendIntervalSeconds > 0 && before.lastAlertAt !== null && now - before.lastAlertAt >= rules.resendIntervalSeconds * 1000) alert = 'resend';
  else if (state === 'UP' && previous === 'DOWN') alert = 'up';
  return {
    record: {
      at: now,
      state,
      failures,
      message,
      ms: outcome.ms,
      important: state !== previous || before.lastCheckAt === null,
      lastChangeAt: state !== previous ? now : before.lastChangeAt,
      lastAlertAt: alert ? now : before.lastAlertAt,
      ...(outcome.certificate !== undefined ? { certificate: outcome.certificate } : {}),
    },
    alert,
  };
}
