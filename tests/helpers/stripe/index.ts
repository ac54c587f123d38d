/** The local Stripe for tests and the bench: a server of Stripe's wire format and a seeded dataset. */
export { startFakeStripe, type FakeStripe, type StripeObject, type Fault } from './server';
export { generateDataset, seededRandom, type Dataset, type DatasetOptions } from './dataset';
import type { FakeStripe } from './server';
import type { Dataset } from './dataset';

/** Stores a dataset's objects and records its events (they stay listable 30 days, as Stripe's do). */
export function loadDataset(stripe: FakeStripe, dataset: Dataset): void {
  for (const o of dataset.objects) stripe.put(o); // one by one: a spread of a large dataset overflows the call stack
  for (const e of dataset.events) {
    const current = stripe.get(e.object.id)!;
    stripe.emit(e.type, e.object, e.created);
    stripe.put(current);
  }
}
