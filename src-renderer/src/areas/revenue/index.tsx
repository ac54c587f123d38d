/** Revenue: the leads and DFY boards with their stats and sync; the Stripe money part is not connected yet. */
export { default } from './RevenuePage';
