import type Stripe from 'stripe';
import { lazyPackage } from '../../lazy-package';

/** The official package, loaded with the first client or webhook: starting the app does not need it. */
export const loadStripe = lazyPackage<typeof Stripe>('stripe');
