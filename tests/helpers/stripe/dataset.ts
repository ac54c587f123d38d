import { rng } from '../traffic';
import type { StripeObject } from './server';

/** Seeded randomness: one seed, one dataset, on every machine. */
export const seededRandom = rng;

export interface DatasetOptions {
  seed: number;
  customers: number;
  /** Stripe's clock at the end of the history (epoch seconds). */
  now: number;
  /** How far back customers start (days). */
  historyDays?: number;
  livemode?: boolean;
}

export interface Dataset {
  /** Every object, oldest first, as the server stores them. */
  objects: StripeObject[];
  /** Events of the last 30 days (what Stripe still lists), oldest first. */
  events: Array<{ type: string; object: StripeObject; created: number }>;
  counts: Record<string, number>;
}

const day = 86_400;
const intervalSeconds = { day, week: 7 * day, month: 30 * day, year: 365 * day } as const;
type Interval = keyof typeof intervalSeconds;

/**
 * Customers, products, prices (monthly, yearly, weekly), coupons, subscriptions with items,
 * quantities, discounts, trials, cancel_at_period_end and cancellations, their invoices with lines,
 * discounts and payments, charges, refunds, balance transactions with fees, payment links and
 * checkout sessions, and the events of the last 30 days, in Stripe's documented shapes.
 */
export function generateDataset(options: DatasetOptions): Dataset {
  const rnd = seededRandom(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const livemode = options.livemode ?? false;
  const now = options.now;
  const start = now - (options.historyDays ?? 730) * day;
  const objects: StripeObject[] = [];
  const events: Dataset['events'] = [];
  let seq = 0;
  const id = (prefix: string) => `${prefix}_${options.seed.toString(36)}${(++seq).toString(36).padStart(7, '0')}`;
  const add = <T extends StripeObject>(o: T, type?: string): T => {
    objects.push(o);
    if (type && o.created !== undefined && o.created > now - 30 * day) events.push({ type, object: structuredClone(o), created: o.created });
    return o;
  };

  const product = (name: string, created: number) => add({ id: id('prod'), object: 'product', active: true, created, updated: created, default_price: null, description: null, images: [], livemode, marketing_features: [], metadata: {}, name, package_dimensions: null, shippable: null, tax_code: null, type: 'service', unit_label: null, url: null }, 'product.created');
  const price = (prod: string, unitAmount: number, currency: string, interval: Interval | null, created: number) =>
    add({ id: id('price'), object: 'price', active: true, billing_scheme: 'per_unit', created, currency, custom_unit_amount: null, livemode, lookup_key: null, metadata: {}, nickname: null, product: prod, recurring: interval ? { interval, interval_count: 1, meter: null, usage_type: 'licensed' } : null, tax_behavior: 'unspecified', tiers_mode: null, transform_quantity: null, type: interval ? 'recurring' : 'one_time', unit_amount: unitAmount, unit_amount_decimal: String(unitAmount) }, 'price.created');

  const plans = (['Starter', 'Pro', 'Agency'] as const).map((name, i) => {
    const p = product(name, start - day);
    const monthly = 1900 * (i + 1);
    return {
      product: p,
      prices: {
        usd: { month: price(p.id, monthly, 'usd', 'month', start - day), year: price(p.id, monthly * 10, 'usd', 'year', start - day), week: price(p.id, Math.round(monthly / 4), 'usd', 'week', start - day) },
        eur: { month: price(p.id, monthly - 100, 'eur', 'month', start - day), year: price(p.id, (monthly - 100) * 10, 'eur', 'year', start - day), week: price(p.id, Math.round((monthly - 100) / 4), 'eur', 'week', start - day) },
      },
    };
  });
  const dfy = product('Done-for-you setup', start - day);
  const dfyPrice = price(dfy.id, 49_900, 'usd', null, start - day);
  const coupons = [
    add({ id: 'SAVE20', object: 'coupon', amount_off: null, created: start - day, currency: null, duration: 'repeating', duration_in_months: 3, livemode, max_redemptions: null, metadata: {}, name: '20% off 3 months', percent_off: 20, redeem_by: null, times_redeemed: 0, valid: true }),
    add({ id: 'FREEFOREVER', object: 'coupon', amount_off: null, created: start - day, currency: null, duration: 'forever', duration_in_months: null, livemode, max_redemptions: null, metadata: {}, name: '100% off', percent_off: 100, redeem_by: null, times_redeemed: 0, valid: true }),
    add({ id: 'TENOFF', object: 'coupon', amount_off: 1000, created: start - day, currency: 'usd', duration: 'once', duration_in_months: null, livemode, max_redemptions: null, metadata: {}, name: '$10 off', percent_off: null, redeem_by: null, times_redeemed: 0, valid: true }),
  ];
  const links = [add({ id: id('plink'), object: 'payment_link', active: true, after_completion: { type: 'hosted_confirmation', hosted_confirmation: { custom_message: null } }, allow_promotion_codes: false, currency: 'usd', livemode, metadata: { dfy: 'setup' }, url: `https://buy.stripe.com/test_${seq}` })];

  for (let c = 0; c < options.customers; c++) {
    const created = Math.floor(start + rnd() * (now - start - day));
    const currency = rnd() < 0.8 ? 'usd' : 'eur';
    const customer = add({ id: id('cus'), object: 'customer', balance: 0, created, currency, default_source: null, delinquent: false, description: null, discount: null, email: `customer${c}@example.com`, invoice_prefix: `INV${c}`, invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null }, livemode, metadata: {}, name: `Customer ${c}`, next_invoice_sequence: 1, phone: null, preferred_locales: [], shipping: null, tax_exempt: 'none', test_clock: null }, 'customer.created');
    const subs = rnd() < 0.15 ? 2 : 1;
    for (let s = 0; s < subs; s++) subscription(customer, currency, created + s * 40 * day);
    if (rnd() < 0.1) oneOff(customer, created + 5 * day);
    if (c === 0) bundle(customer, created + day);
  }

  /** One invoice of 12 one-off lines: more than the 10 Stripe embeds. */
  function bundle(customer: StripeObject, created: number): void {
    const each = dfyPrice.unit_amount!;
    const inv = invoice(customer, 'usd', 12 * each, 0, null, created, created, { subId: null, item: null, priceObj: dfyPrice, quantity: 1 });
    const lines = inv.lines as { data: StripeObject[]; total_count: number };
    const first = Object.assign(lines.data[0]!, { amount: each, subtotal: each });
    for (let i = 1; i < 12; i++) lines.data.push({ ...structuredClone(first), id: id('il') });
    lines.total_count = 12;
  }

  function subscription(customer: StripeObject, currency: 'usd' | 'eur', startDate: number): void {
    if (startDate >= now - day) return;
    const plan = pick(plans);
    const interval: Interval = pick(['month', 'month', 'month', 'year', 'week'] as const);
    const priceObj = plan.prices[currency][interval];
    const quantity = rnd() < 0.2 ? 2 + Math.floor(rnd() * 4) : 1;
    const trialDays = rnd() < 0.25 ? 14 : 0;
    const trialEnd = trialDays ? startDate + trialDays * day : null;
    const fate = rnd();
    const canceledAt = fate < 0.2 ? Math.min(now - day, startDate + Math.floor((0.2 + rnd()) * 200) * day) : null;
    const cancelAtPeriodEnd = canceledAt === null && fate > 0.92;
    const coupon = currency === 'usd' && rnd() < 0.15 ? pick(coupons) : rnd() < 0.03 ? coupons[1]! : null;
    const subId = id('sub');
    const discount = coupon ? add({ id: id('di'), object: 'discount', checkout_session: null, customer: customer.id, customer_account: null, end: coupon.duration === 'repeating' ? startDate + 90 * day : null, invoice: null, invoice_item: null, promotion_code: null, source: { coupon: coupon.id, type: 'coupon' }, start: startDate, subscription: subId, subscription_item: null }) : null;
    const itemId = id('si');
    const periodSeconds = intervalSeconds[interval];
    const ended = canceledAt !== null ? canceledAt : null;
    const inTrial = trialEnd !== null && trialEnd > now && ended === null;
    const status = ended !== null ? 'canceled' : inTrial ? 'trialing' : rnd() < 0.05 ? 'past_due' : 'active';
    const elapsed = Math.max(0, (ended ?? now) - (trialEnd ?? startDate));
    const periodStart = (trialEnd && inTrial ? startDate : (trialEnd ?? startDate) + Math.floor(elapsed / periodSeconds) * periodSeconds);
    const periodEnd = inTrial ? trialEnd! : periodStart + periodSeconds;
    const item = { id: itemId, object: 'subscription_item', billing_thresholds: null, created: startDate, current_period_end: periodEnd, current_period_start: periodStart, discounts: [], metadata: {}, plan: { id: priceObj.id, object: 'plan', active: true, amount: priceObj.unit_amount, currency, interval, interval_count: 1, product: plan.product.id, usage_type: 'licensed' }, price: priceObj, quantity, subscription: subId, tax_rates: [] };
    const sub = add({
      id: subId, object: 'subscription', application: null, application_fee_percent: null, automatic_tax: { disabled_reason: null, enabled: false, liability: null },
      billing_cycle_anchor: trialEnd ?? startDate, billing_cycle_anchor_config: null, billing_mode: { type: 'flexible' }, cancel_at: cancelAtPeriodEnd ? periodEnd : null, cancel_at_period_end: cancelAtPeriodEnd,
      canceled_at: canceledAt, cancellation_details: { comment: null, feedback: null, reason: canceledAt ? 'cancellation_requested' : null }, collection_method: 'charge_automatically', created: startDate, currency,
      customer: customer.id, days_until_due: null, default_payment_method: null, default_source: null, description: null, discounts: discount ? [discount.id] : [], ended_at: ended,
      invoice_settings: { account_tax_ids: null, issuer: { type: 'self' } }, items: { object: 'list', data: [item], has_more: false, total_count: 1, url: `/v1/subscription_items?subscription=${subId}` },
      latest_invoice: null as string | null, livemode, metadata: {}, next_pending_invoice_item_invoice: null, on_behalf_of: null, pause_collection: null, payment_settings: null, pending_invoice_item_interval: null,
      pending_setup_intent: null, pending_update: null, schedule: null, start_date: startDate, status, test_clock: null, transfer_data: null, trial_end: trialEnd, trial_settings: null, trial_start: trialEnd ? startDate : null,
    }, 'customer.subscription.created');
    for (let at = trialEnd ?? startDate; at < (ended ?? now); at += periodSeconds) {
      const gross = priceObj.unit_amount! * quantity;
      const off = coupon && (coupon.duration === 'forever' || (coupon.duration === 'repeating' && at < startDate + 90 * day) || (coupon.duration === 'once' && at === (trialEnd ?? startDate)))
        ? (coupon.percent_off ? Math.round((gross * (coupon.percent_off as number)) / 100) : Math.min(gross, coupon.amount_off as number)) : 0;
      sub.latest_invoice = invoice(customer, currency, gross, off, discount, at, at + periodSeconds, { subId, item, priceObj, quantity }).id;
    }
  }

  function invoice(customer: StripeObject, currency: string, gross: number, off: number, discount: StripeObject | null, periodStart: number, periodEnd: number, line: { subId: string | null; item: StripeObject | null; priceObj: StripeObject; quantity: number }): StripeObject {
    const invId = id('in');
    const total = gross - off;
    const failed = total > 0 && rnd() < 0.03;
    const paid = !failed;
    const lineId = id('il');
    const inv = add({
      id: invId, object: 'invoice', account_country: 'US', account_name: 'Levqor', amount_due: total, amount_overpaid: 0, amount_paid: paid ? total : 0, amount_remaining: paid ? 0 : total, amount_shipping: 0,
      attempt_count: failed ? 3 : 1, attempted: true, auto_advance: false, automatic_tax: { enabled: false, status: null }, billing_reason: line.subId ? 'subscription_cycle' : 'manual', collection_method: 'charge_automatically',
      created: periodStart, currency, customer: customer.id, customer_email: customer.email, customer_name: customer.name, default_payment_method: null, description: null,
      discounts: discount && off > 0 ? [discount.id] : [], due_date: null, effective_at: periodStart, ending_balance: 0, hosted_invoice_url: null, invoice_pdf: null,
      lines: { object: 'list', data: [{ id: lineId, object: 'line_item', amount: gross, currency, description: `${line.quantity} × ${line.priceObj.id}`, discount_amounts: off > 0 && discount ? [{ amount: off, discount: discount.id }] : [], discountable: true, discounts: off > 0 && discount ? [discount.id] : [], invoice: invId, livemode, metadata: {}, parent: line.subId ? { type: 'subscription_item_details', subscription_item_details: { invoice_item: null, proration: false, proration_details: { credited_items: null }, subscription: line.subId, subscription_item: line.item!.id }, invoice_item_details: null } : { type: 'invoice_item_details', invoice_item_details: { invoice_item: id('ii'), proration: false, proration_details: { credited_items: null }, subscription: null }, subscription_item_details: null }, period: { end: periodEnd, start: periodStart }, pretax_credit_amounts: [], pricing: { price_details: { price: line.priceObj.id, product: line.priceObj.product }, type: 'price_details', unit_amount_decimal: String(line.priceObj.unit_amount) }, quantity: line.quantity, subtotal: gross, taxes: [] }], has_more: false, total_count: 1, url: `/v1/invoices/${invId}/lines` },
      livemode, metadata: {}, next_payment_attempt: null, number: `${customer.invoice_prefix}-${seq}`, on_behalf_of: null,
      parent: line.subId ? { quote_details: null, subscription_details: { metadata: {}, subscription: line.subId }, type: 'subscription_details' } : null,
      period_end: periodEnd, period_start: periodStart, post_payment_credit_notes_amount: 0, pre_payment_credit_notes_amount: 0, receipt_number: null, starting_balance: 0, statement_descriptor: null,
      status: paid ? 'paid' : 'uncollectible', status_transitions: { finalized_at: periodStart, marked_uncollectible_at: paid ? null : periodStart + 3 * day, paid_at: paid ? periodStart : null, voided_at: null },
      subtotal: gross, subtotal_excluding_tax: gross, test_clock: null, total, total_discount_amounts: off > 0 && discount ? [{ amount: off, discount: discount.id }] : [], total_excluding_tax: total, total_pretax_credit_amounts: [], total_taxes: [], webhooks_delivered_at: periodStart,
    }, paid ? 'invoice.paid' : 'invoice.payment_failed');
    if (total > 0) charge(customer, currency, total, periodStart, paid);
    return inv;
  }

  function charge(customer: StripeObject, currency: string, amount: number, created: number, paid: boolean): void {
    const chId = id('ch');
    const refunded = paid && created + 3 * day < now && rnd() < 0.04 ? (rnd() < 0.5 ? amount : Math.round(amount / 2)) : 0;
    const txn = paid ? balance('charge', chId, amount, currency, created) : null;
    add({
      id: chId, object: 'charge', amount, amount_captured: paid ? amount : 0, amount_refunded: refunded, application: null, application_fee: null, application_fee_amount: null,
      balance_transaction: txn?.id ?? null, billing_details: { address: null, email: customer.email, name: customer.name, phone: null }, calculated_statement_descriptor: 'LEVQOR', captured: paid, created, currency, customer: customer.id,
      description: null, disputed: false, failure_balance_transaction: null, failure_code: paid ? null : 'card_declined', failure_message: paid ? null : 'Your card was declined.', fraud_details: {}, livemode, metadata: {},
      on_behalf_of: null, outcome: { network_status: paid ? 'approved_by_network' : 'declined_by_network', reason: paid ? null : 'generic_decline', risk_level: 'normal', seller_message: paid ? 'Payment complete.' : 'The bank did not return any further details with this decline.', type: paid ? 'authorized' : 'issuer_declined' },
      paid, payment_intent: id('pi'), payment_method: id('pm'), payment_method_details: { type: 'card' }, receipt_email: null, receipt_number: null, receipt_url: null, refunded: refunded === amount, review: null, shipping: null, source: null,
      source_transfer: null, statement_descriptor: null, statement_descriptor_suffix: null, status: paid ? 'succeeded' : 'failed', transfer_data: null, transfer_group: null,
    }, paid ? 'charge.succeeded' : 'charge.failed');
    if (refunded > 0) {
      const at = created + 3 * day;
      const rTxn = balance('refund', null, -refunded, currency, at);
      const refund = add({ id: id('re'), object: 'refund', amount: refunded, balance_transaction: rTxn.id, charge: chId, created: at, currency, destination_details: { type: 'card', card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' } }, metadata: {}, payment_intent: null, reason: 'requested_by_customer', receipt_number: null, source_transfer_reversal: null, status: 'succeeded', transfer_reversal: null }, 'refund.created');
      rTxn.source = refund.id;
    }
  }

  function balance(type: 'charge' | 'refund', source: string | null, amount: number, currency: string, created: number): StripeObject {
    const fee = type === 'charge' ? Math.round(amount * 0.029) + 30 : 0;
    return add({ id: id('txn'), object: 'balance_transaction', amount, available_on: created + 2 * day, balance_type: 'payments', created, currency, description: null, exchange_rate: null, fee, fee_details: fee ? [{ amount: fee, application: null, currency, description: 'Stripe processing fees', type: 'stripe_fee' }] : [], net: amount - fee, reporting_category: type, source, status: created + 2 * day < now ? 'available' : 'pending', type });
  }

  function oneOff(customer: StripeObject, created: number): void {
    if (created >= now) return;
    const link = links[0]!;
    const inv = invoice(customer, 'usd', dfyPrice.unit_amount!, 0, null, created, created, { subId: null, item: null, priceObj: dfyPrice, quantity: 1 });
    add({ id: id('cs'), object: 'checkout.session', adaptive_pricing: null, after_expiration: null, allow_promotion_codes: null, amount_subtotal: dfyPrice.unit_amount, amount_total: dfyPrice.unit_amount, automatic_tax: { enabled: false, liability: null, provider: null, status: null }, billing_address_collection: null, cancel_url: null, client_reference_id: null, client_secret: null, created, currency: 'usd', custom_fields: [], custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null }, customer: customer.id, customer_creation: 'if_required', customer_details: { email: customer.email, name: customer.name }, customer_email: null, discounts: [], expires_at: created + day, invoice: inv.id, invoice_creation: null, livemode, locale: null, metadata: {}, mode: 'payment', payment_intent: id('pi'), payment_link: link.id, payment_method_collection: 'always', payment_method_types: ['card'], payment_status: 'paid', setup_intent: null, shipping_address_collection: null, shipping_cost: null, shipping_options: [], status: 'complete', submit_type: null, subscription: null, success_url: null, total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 }, ui_mode: 'hosted', url: null }, 'checkout.session.completed');
  }

  const counts: Record<string, number> = {};
  for (const o of objects) counts[o.object] = (counts[o.object] ?? 0) + 1;
  events.sort((a, b) => a.created - b.created);
  return { objects, events, counts };
}
