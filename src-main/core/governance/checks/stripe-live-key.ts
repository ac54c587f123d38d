import { block, definePreflightCheck } from '../check';
import { secretVerdict } from '../secret-verdict';

/** Post-launch takes real money: a live-mode key Stripe accepts, read through the official client on stripe.apiBase. */
export const stripeLiveKey = definePreflightCheck({
  id: 'stripe.liveKey',
  label: 'Stripe live key',
  fix: '#/settings',
  unreachable: 'block',
  run(ctx) {
    const { sources } = ctx;
    if (!sources.secrets.isSet('stripe.secretKey')) return block('No Stripe key is set: set the secret stripe.secretKey to your live secret key (sk_live_…).');
    if (sources.settings.get('stripe.mode') !== 'live') return block('Stripe is in test mode: set stripe.mode to live and store your live secret key, so real payments are read.');
    return secretVerdict(ctx, 'stripe.secretKey', 'Stripe', 'block');
  },
});
