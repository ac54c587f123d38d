import type { AiFeature } from '../../../shared/ai-settings';

/**
 * The features that still answer when the AI money budget (budget `ai`, docs/costs.md) is used
 * up: each is an answer the founder asked for and is waiting on (a chat turn, a workflow from a
 * sentence, a failure explained, the getting-started guide). The others run in the background
 * or make material in bulk (the AI CEO's brief, the ai.generate step, the content engine) and
 * stop until the next month or a higher budget.
 */
export const essentialAiFeatures: ReadonlySet<AiFeature> = new Set<AiFeature>(['chat', 'workflow', 'explain', 'onboarding']);

/**
 * Why a non-essential call is refused (the budget named), or undefined while the AI budget has
 * room; the cost autopilot answers it (createCore connects it).
 */
export type AiMoneyBudget = (feature: AiFeature) => string | undefined;
