import type { Dispatcher } from '../api/dispatcher';
import type { ExtraRoute } from './http-server';
import { maxBodyBytes, readTextBody } from './body';
import { sendError, sendJson } from './respond';

export const stripeWebhookPath = '/webhooks/stripe';

/**
 * POST /webhooks/stripe: Stripe's deliveries. No access token (Stripe cannot have it): the
 * Stripe-Signature over the raw body, checked with stripe.webhookSecret, is the credential.
 * Forged, unsigned or older than 300 s: 400, nothing stored; a body over 1 MB: 413.
 */
export function stripeWebhookRoute(dispatcher: Dispatcher): ExtraRoute {
  const handle: ExtraRoute['handle'] = async (req, res, url) => {
    if (url.pathname !== stripeWebhookPath) return sendError(res, { code: 'NOT_FOUND', message: `No route ${url.pathname}` });
    const payload = await readTextBody(req, maxBodyBytes);
    if (payload === undefined) return sendError(res, { code: 'TOO_LARGE', message: 'body: is larger than 1 MB' });
    const header = req.headers['stripe-signature'];
    const signature = (Array.isArray(header) ? header[0] : header) ?? '';
    const result = await dispatcher.call('revenue.stripeWebhook', { payload, signature }, { transport: 'http' });
    if (!result.ok) return sendError(res, result.error);
    return sendJson(res, 200, result.value);
  };
  return { method: 'POST', prefix: stripeWebhookPath, requiresToken: false, handle };
}
