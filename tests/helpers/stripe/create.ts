import type { FormValue } from './form';
import type { StripeObject } from './server';

interface Deps {
  emit(type: string, object: StripeObject): StripeObject;
  byId: Map<string, StripeObject>;
  now(): number;
}

type Made = StripeObject | { error: Record<string, string> };

const missing = (param: string): Made => ({ error: { type: 'invalid_request_error', code: 'parameter_missing', param, message: `Missing required param: ${param}.` } });
const str = (v: FormValue | undefined) => (typeof v === 'string' ? v : undefined);
const obj = (v: FormValue | undefined) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

const updatable: Record<string, string> = { products: 'product', prices: 'price', payment_links: 'payment_link' };

/** POST /v1/{products,prices,payment_links}/ID: the fields the DFY packages update (active, name, description, metadata). */
function updateObject(deps: Deps, path: string, form: Record<string, FormValue>): Made | undefined {
  const m = /^([a-z_]+)\/([^/]+)$/.exec(path);
  const object = m ? updatable[m[1]!] : undefined;
  if (!m || !object) return undefined;
  const current = deps.byId.get(m[2]!);
  if (!current || current.object !== object) return { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'id', message: `No such ${object}: '${m[2]}'` } };
  if (object === 'price' && form.unit_amount !== undefined) return { error: { type: 'invalid_request_error', code: 'parameter_unknown', param: 'unit_amount', message: 'Received unknown parameter: unit_amount' } };
  const next: StripeObject = { ...current, ...(object === 'product' ? { updated: deps.now() } : {}) };
  const active = str(form.active);
  if (active !== undefined) next.active = active === 'true';
  for (const key of ['name', 'description'] as const) if (object === 'product' && str(form[key]) !== undefined) next[key] = str(form[key]) || null;
  if (form.metadata !== undefined) next.metadata = { ...obj(current.metadata as FormValue), ...obj(form.metadata) };
  return deps.emit(`${object}.updated`, next) && next;
}

/**
 * POST /v1/products, /v1/prices and /v1/payment_links, as the DFY packages create them, and
 * their updates: the form body read as Stripe reads it, a `*.created` or `*.updated` event
 * recorded for each.
 */
export function createObjects(deps: Deps): (path: string, form: Record<string, FormValue>) => Made {
  let seq = 0;
  const id = (prefix: string) => `${prefix}_new${(++seq).toString(36).padStart(6, '0')}`;
  const base = (prefix: string, object: string) => ({ id: id(prefix), object, livemode: false, metadata: obj(undefined) });
  return (path, form) => {
    const updated = updateObject(deps, path, form);
    if (updated) return updated;
    const metadata = obj(form.metadata);
    if (path === 'products') {
      const name = str(form.name);
      if (!name) return missing('name');
      const product = { ...base('prod', 'product'), active: str(form.active) !== 'false', created: deps.now(), updated: deps.now(), default_price: null, description: str(form.description) ?? null, images: [], marketing_features: [], metadata, name, package_dimensions: null, shippable: null, tax_code: null, type: 'service', unit_label: null, url: null };
      deps.emit('product.created', product);
      return product;
    }
    if (path === 'prices') {
      const product = str(form.product);
      if (!product) return missing('product');
      if (!deps.byId.has(product)) return { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'product', message: `No such product: '${product}'` } };
      const currency = str(form.currency);
      if (!currency) return missing('currency');
      const recurringForm = obj(form.recurring);
      const interval = str(recurringForm.interval);
      const unitAmount = Number(str(form.unit_amount) ?? NaN);
      const price = {
        ...base('price', 'price'),
        active: true,
        billing_scheme: 'per_unit',
        created: deps.now(),
        currency,
        custom_unit_amount: null,
        lookup_key: null,
        metadata,
        nickname: str(form.nickname) ?? null,
        product,
        recurring: interval ? { interval, interval_count: Number(str(recurringForm.interval_count) ?? 1), meter: null, usage_type: 'licensed' } : null,
        tax_behavior: 'unspecified',
        tiers_mode: null,
        transform_quantity: null,
        type: interval ? 'recurring' : 'one_time',
        unit_amount: Number.isFinite(unitAmount) ? unitAmount : null,
        unit_amount_decimal: Number.isFinite(unitAmount) ? String(unitAmount) : null,
      };
      deps.emit('price.created', price);
      return price;
    }
    if (path === 'payment_links') {
      const items = Array.isArray(form.line_items) ? form.line_items : [];
      if (items.length === 0) return missing('line_items');
      const link = { ...base('plink', 'payment_link') };
      const made = { ...link, active: true, after_completion: { type: 'hosted_confirmation', hosted_confirmation: { custom_message: null } }, allow_promotion_codes: false, currency: 'usd', metadata, url: `https://buy.stripe.com/test_${link.id.slice(6)}` };
      deps.emit('payment_link.created', made);
      return made;
    }
    return { error: { type: 'invalid_request_error', message: `Unrecognized request URL (POST: /v1/${path}).` } };
  };
}
