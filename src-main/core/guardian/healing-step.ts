import type { HealingStep } from '../../../shared/contract/guardian';

/** A suggested step before the service gives it its id and says whether it can be applied here. */
export type Step = Omit<HealingStep, 'id' | 'applicable' | 'refusal' | 'pendingApprovalId'>;
