import type { PreflightCheck, PreflightReport } from '../../../shared/contract/governance';
import type { Clock } from '../clock';
import type { PreflightCheckDef } from './check';
import { unreachableReason } from './offline';
import type { GovernanceSources } from './sources';

/** How long one check may take before it counts as unreachable: a preflight run offline never hangs. */
export const defaultCheckTimeoutMs = 15_000;

async function runOne(def: PreflightCheckDef, sources: GovernanceSources, clock: Clock, timeoutMs: number): Promise<PreflightCheck> {
  const started = clock.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
  });
  let verdict: { status: PreflightCheck['status']; reason: string };
  try {
    verdict = await Promise.race([Promise.resolve(def.run({ sources, now: started, signal: controller.signal })), timedOut]);
  } catch (err) {
    verdict = { status: def.unreachable, reason: unreachableReason(def.label.toLowerCase(), err instanceof Error ? err.message : String(err)) };
  } finally {
    clearTimeout(timer);
  }
  return { id: def.id, label: def.label, ...verdict, fix: def.fix, tookMs: Math.max(0, clock.now() - started) };
}

/** Every check at once (most wait on the network), in the list's order; blocked when any blocks. */
export async function runPreflight(checks: readonly PreflightCheckDef[], sources: GovernanceSources, clock: Clock, timeoutMs = defaultCheckTimeoutMs): Promise<PreflightReport> {
  const at = clock.now();
  const results = await Promise.all(checks.map((def) => runOne(def, sources, clock, timeoutMs)));
  return { at, checks: results, blocked: results.some((c) => c.status === 'block') };
}
