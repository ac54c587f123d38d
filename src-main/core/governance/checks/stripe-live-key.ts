import { block, definePreflightCheck, warn } from '../check';
import { secretVerdict } from '../secret-verdict';

/**
 * Post-launch takes real money: a live-mode key Stripe accepts, read through the official client
 * on stripe.apiBase. No key at all warns (not every founder sells through Stripe); a test-mode
 * setup or a refused key blocks.
 */
export const stripeLiveKey = definePreflightCheck({ id: 'stripe.liveKey', label: 'Stripe live key', fix: '#/settings', unreachable: 'block' }, (ctx) => {
  const { sources } = ctx;
  if (!sources.secrets.isSet('stripe.secretKey')) return warn('No Stripe key is set: the app will see no payments. Set the secret stripe.secretKey to your live secret key (sk_live_…) if you sell through Stripe.');
  if (sources.settings.get('stripe.mode') !== 'live') return block('Stripe is in test mode: set stripe.mode to live and store your live secret key, so real payments are read.');
  return secretVerdict(ctx, 'stripe.secretKey', 'Stripe', 'block');
});
