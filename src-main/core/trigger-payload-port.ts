import type { EventName } from '../../shared/contract';

/**
 * An event's payload as a workflow trigger gets it, where the event stream carries a leaner one
 * (`stripe.event` streams no Stripe object; a workflow still reads `trigger.payload.object`).
 * Called while the event is being emitted. createCore hands it over, so the engine never
 * imports the capability that owns the event; without it a trigger gets the streamed payload.
 */
export interface TriggerPayloadPort {
  payloadFor(event: EventName, payload: unknown): unknown;
}
