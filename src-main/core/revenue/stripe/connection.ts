import { CoreError } from '../../errors';
import type { SecretStore } from '../../secrets';
import type { SettingsService } from '../../settings';
import { parseApiBase } from './api-base';
import { createStripeClient, type Stripe } from './client';
import { modeOfKey, type StripeMode } from './mode';

export interface StripeConnection {
  client: Stripe;
  mode: StripeMode;
}

/**
 * The client for the stored key, checked before any call: a key is set, its prefix names a mode,
 * and that mode is the setting stripe.mode (test data and real money never land in one table).
 * Whether Stripe accepts the key shows at the first call (stripeFailure words a 401).
 */
export function connectStripe(secrets: Pick<SecretStore, 'reveal'>, settings: Pick<SettingsService, 'get'>): StripeConnection {
  const key = secrets.reveal('stripe.secretKey');
  if (!key) throw new CoreError('BAD_INPUT', 'stripe.secretKey: is not set; add the secret key from the Stripe dashboard (Developers → API keys)', 'stripe.secretKey');
  const mode = modeOfKey(key);
  if (!mode) throw new CoreError('BAD_INPUT', 'stripe.secretKey: must start with sk_test_, sk_live_, rk_test_ or rk_live_', 'stripe.secretKey');
  const wanted = settings.get('stripe.mode');
  if (mode !== wanted) {
    throw new CoreError('BAD_INPUT', `stripe.secretKey: is a ${mode}-mode key but the setting stripe.mode is ${wanted}; set a ${wanted}-mode key, or change stripe.mode to ${mode}`, 'stripe.secretKey');
  }
  return { client: createStripeClient(key, parseApiBase(settings.get('stripe.apiBase'))), mode };
}

/** The mode the stored key would open, for the badge, without connecting. */
export function storedKeyMode(secrets: Pick<SecretStore, 'reveal'>): StripeMode | null {
  const key = secrets.reveal('stripe.secretKey');
  return key ? (modeOfKey(key) ?? null) : null;
}
