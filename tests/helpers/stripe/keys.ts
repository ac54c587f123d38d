/** The keys the local Stripe knows, and the webhook secret tests sign with. */
export const testKey = 'sk_test_levqor';
export const liveKey = 'sk_live_levqor';
export const webhookSecret = 'whsec_levqorTestSecret';
