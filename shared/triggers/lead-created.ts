import { defineEventTrigger } from './event-trigger';

/** A new sales lead arrived from the site (the pipeline's pull saw it; not on the first import). */
export const leadCreatedTrigger = defineEventTrigger({
  type: 'lead.created',
  event: 'lead.created',
  title: 'New lead',
  description: 'Runs when the pull from the shared Postgres finds a new sales lead; trigger.payload is the lead (id, email, name, company, product, source, utm, value…).',
  filterExample: { product: 'crm-kit' },
});
