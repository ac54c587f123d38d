import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const revenueSyncHandlers = (core: Core) =>
  ({
    'revenue.sync': ({ full }) => core.revenue.stripe.sync({ full }),
    'revenue.syncStatus': () => core.revenue.stripe.status(),
    'revenue.stripeWebhook': ({ payload, signature }) => core.revenue.stripe.applyWebhook(payload, signature),
  }) satisfies HandlerMap<'revenue.sync' | 'revenue.syncStatus' | 'revenue.stripeWebhook'>;
