/** Revenue: Stripe KPIs, MRR movements and customers; the leads and DFY boards with their stats and sync. */
export { default } from './RevenuePage';
