import { block, definePreflightCheck, pass } from '../check';

/**
 * The finding kinds whose alerts are critical (core/notify/rules.ts: monitor.down,
 * check.failed, payment.failed; a page-level error-budget burn): the others lower the score
 * but do not stop a launch.
 */
const criticalKinds = new Set(['monitor_down', 'failed_check', 'failed_payments', 'error_burn']);

export const guardianCritical = definePreflightCheck({ id: 'guardian.critical', label: 'No critical Guardian finding', fix: '#/guardian', unreachable: 'block' }, ({ sources }) => {
  const critical = sources.findings().filter((f) => criticalKinds.has(f.kind));
  if (critical.length === 0) return pass('Guardian finds nothing critical.');
  return block(`Guardian finds ${critical.length} critical problem(s): ${critical.map((f) => f.cause).join('; ')}.`);
});
