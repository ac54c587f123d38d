import { defineEventTrigger } from './event-trigger';

/** A Stripe event the sync or a webhook applied (each event id once). */
export const stripeEventTrigger = defineEventTrigger({
  type: 'stripe.event',
  event: 'stripe.event',
  title: 'Stripe event',
  description: 'Runs when the Stripe sync or a webhook applies a Stripe event for the first time; filter by its type (invoice.paid, charge.failed, …); trigger.payload is { eventId, type, created, livemode, via, applied, objectId, objectType, amount, currency, status, customer, object } (object: the whole Stripe object).',
  filterExample: { type: 'invoice.paid' },
});
