import type { SecretTest } from '../../../shared/contract/secrets';
import type { SecretName } from '../../../shared/secrets';
import { block, pass, type CheckContext, type CheckVerdict } from './check';
import { looksUnreachable, unreachableReason } from './offline';

/**
 * A secret's own "Test" as a preflight verdict: a pass in the provider's words; a refusal
 * blocks; not reaching the provider gives `offline` (the check's choice) naming it.
 */
export async function secretVerdict(ctx: CheckContext, name: SecretName, what: string, offline: 'warn' | 'block'): Promise<CheckVerdict> {
  const tested: SecretTest = await ctx.sources.secrets.test(name);
  if (tested.outcome === 'ok') return pass(tested.message);
  if (looksUnreachable(tested.message)) return { status: offline, reason: unreachableReason(what, tested.message) };
  return block(`${what} refused ${name}: ${tested.message}`);
}
