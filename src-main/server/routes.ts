import type { Dispatcher } from '../api/dispatcher';
import type { ExtraRoute } from './http-server';
import { telemetryIngestRoute } from './telemetry-ingest-route';
import { webhookRoute } from './webhook-route';
import { heartbeatRoutes } from './heartbeat-route';
import { stripeWebhookRoute } from './stripe-webhook-route';

/** Every route the headless server has beside /api: one line per capability. */
export function appRoutes(dispatcher: Dispatcher): ExtraRoute[] {
  return [telemetryIngestRoute(dispatcher), webhookRoute(dispatcher), stripeWebhookRoute(dispatcher), ...heartbeatRoutes(dispatcher)];
}
