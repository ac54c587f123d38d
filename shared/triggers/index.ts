import { leadCreatedTrigger } from './lead-created';
import { stripeEventTrigger } from './stripe-event';

/**
 * Trigger types that fire on one contract event under a name of their own. Adding one = a
 * file beside this one (defineEventTrigger) and one entry here: the schema (shared/workflow.ts),
 * the event triggers (core/workflows/event-triggers.ts) and the editor all read this list.
 */
export const eventTriggerTypes = [leadCreatedTrigger, stripeEventTrigger] as const;

export type EventTriggerTypeName = (typeof eventTriggerTypes)[number]['type'];

export function eventTriggerType(type: string): (typeof eventTriggerTypes)[number] | undefined {
  return eventTriggerTypes.find((t) => t.type === type);
}
