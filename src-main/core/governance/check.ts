import type { PreflightStatus } from '../../../shared/contract/governance';
import type { GovernanceSources } from './sources';

export interface CheckContext {
  sources: GovernanceSources;
  now: number;
  /** Aborted when the check's time is up: a check that calls out gives up then. */
  signal: AbortSignal;
}

export interface CheckVerdict {
  status: PreflightStatus;
  /** In the founder's words: what was found and, when not passing, what to do. */
  reason: string;
}

/**
 * One item of the preflight before post-launch: one file in checks/ and one entry in
 * `preflightChecks` (checks/index.ts). The house rule: a part not set up at all warns (the
 * founder may launch without it, knowingly); a part set up but failing blocks. `fix` is the app route (shared/app-routes.ts) where the
 * founder puts it right; `unreachable` is the status when the check cannot reach what it
 * checks (offline, timed out), never a silent pass.
 */
export interface PreflightCheckDef {
  id: string;
  label: string;
  fix: string;
  unreachable: Exclude<PreflightStatus, 'pass'>;
  run(ctx: CheckContext): CheckVerdict | Promise<CheckVerdict>;
}

/** `definePreflightCheck({ id, label, fix, unreachable }, run)`: what it is on one line, then how it checks. */
export function definePreflightCheck(about: Omit<PreflightCheckDef, 'run'>, run: PreflightCheckDef['run']): PreflightCheckDef {
  return { ...about, run };
}

export const pass = (reason: string): CheckVerdict => ({ status: 'pass', reason });
export const warn = (reason: string): CheckVerdict => ({ status: 'warn', reason });
export const block = (reason: string): CheckVerdict => ({ status: 'block', reason });
