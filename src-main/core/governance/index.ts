/** Governance's public entry: other capabilities import from here only (tests/unit/layering.test.ts). */
export { GovernanceService, type GovernanceDeps } from './governance-service';
export type { GovernanceSources, RuntimeFacts, WindowFacts } from './sources';
export { preflightChecks } from './checks';
export { hardeningItems } from './hardening';
