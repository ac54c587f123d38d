import type { EventPayload } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { TriggerPayloadPort } from '../../trigger-payload-port';
import type { StripeLookupKind, StripeLookupPort } from '../../stripe-lookup-port';
import type { StripeJson } from './json';
import { objectKinds } from './kinds';

type StripeEvent = EventPayload<'stripe.event'>;

/**
 * The whole Stripe object of a `stripe.event`, for the workflows it triggers: the object exactly
 * as the event sent it while that event is being emitted (triggers start synchronously), else
 * the stored object of that id (its newest state), else an empty object for kinds not kept.
 */
export class StripeEventObjects implements TriggerPayloadPort, StripeLookupPort {
  private emitting: { eventId: string; object: StripeJson } | undefined;

  constructor(private readonly db: Db) {}

  /** Runs `emit` with the event's object at hand for payloadFor. */
  during(eventId: string, object: StripeJson, emit: () => void): void {
    this.emitting = { eventId, object };
    try {
      emit();
    } finally {
      this.emitting = undefined;
    }
  }

  payloadFor(event: string, payload: unknown): unknown {
    if (event !== 'stripe.event') return payload;
    const e = payload as StripeEvent;
    return { ...e, object: this.objectOf(e) };
  }

  private objectOf(e: StripeEvent): StripeJson {
    if (this.emitting?.eventId === e.eventId) return this.emitting.object;
    return (e.objectType && e.objectId ? this.stored(e.objectType, e.objectId) : undefined) ?? {};
  }

  /** The step stripe.lookup: a customer, subscription or invoice as last synced. */
  find(kind: StripeLookupKind, id: string): Record<string, unknown> | undefined {
    return this.stored(kind, id);
  }

  private stored(objectType: string, id: string): StripeJson | undefined {
    const kind = objectKinds[objectType];
    if (!kind) return undefined;
    const data = this.db.prepare(`SELECT data FROM ${kind.table} WHERE id = ?`).pluck().get(id) as string | undefined;
    return data ? (JSON.parse(data) as StripeJson) : undefined;
  }
}
