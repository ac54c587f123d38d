import { z } from 'zod';
import { stripeLookupKinds } from '../../stripe-lookup-port';
import { defineStep, nonRetriable, stepParams } from '../step';

const params = stepParams({
  kind: z.enum(stripeLookupKinds, { error: () => `must be one of ${stripeLookupKinds.join(', ')}` }),
  id: z.string({ error: () => 'is required: a Stripe id (e.g. {{ trigger.payload.customer }})' }).min(1, 'is required').max(200, 'must be at most 200 characters'),
});

/**
 * Reads a Stripe customer, subscription or invoice from the local tables the revenue sync keeps:
 * Class A, since it reads only what is already on this machine and calls no one.
 */
export const stripeLookupStep = defineStep({
  type: 'stripe.lookup',
  title: 'Stripe lookup',
  description: 'Reads a Stripe customer, subscription or invoice as last synced (the local tables: works offline). Outputs { kind, id, object }; an id the tables do not have fails saying so.',
  class: 'A',
  classNote: 'reads the local copy of your Stripe data; nothing leaves the app',
  ui: { kind: { label: 'What to read' }, id: { label: 'Stripe id', placeholder: '{{ trigger.payload.customer }}' } },
  params,
  execute(ctx) {
    const stripe = ctx.services.stripeObjects;
    if (!stripe) throw nonRetriable('REVENUE_UNAVAILABLE', 'the synced Stripe tables are not available in this process');
    const { kind, id } = ctx.params;
    const object = stripe.find(kind, id);
    // a retry reads the same tables: only a sync (not a retry) can change the answer
    if (!object) throw nonRetriable('NOT_FOUND', `params.id: no ${kind} "${id}" in the synced Stripe data (levqor revenue sync brings it up to date)`);
    return { output: { kind, id, object } };
  },
});
