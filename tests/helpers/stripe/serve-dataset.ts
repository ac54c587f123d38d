import { generateDataset, loadDataset, startFakeStripe } from '.';

/**
 * `tsx tests/helpers/stripe/serve-dataset.ts SEED CUSTOMERS NOW`: the local Stripe with a seeded
 * dataset in a process of its own (as Stripe is), printing `{ url, counts }` as one JSON line.
 */
const [seed, customers, now] = process.argv.slice(2).map(Number) as [number, number, number];
const stripe = await startFakeStripe({ now });
const dataset = generateDataset({ seed, customers, now });
loadDataset(stripe, dataset);
console.log(JSON.stringify({ url: stripe.url, counts: dataset.counts }));
