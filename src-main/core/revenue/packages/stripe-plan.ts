import type { PackageFields } from '../../../../shared/contract/revenue-packages';
import type { StoredPackage } from './package-store';

/** The Stripe calls a package approval makes, in order. */
export type PlannedOp = 'createProduct' | 'updateProduct' | 'createPrice' | 'archivePrice' | 'createLink' | 'archiveLink' | 'archiveProduct';

/** A value filled in from an earlier call's answer: the id of the product or price it created, or the package's own. */
export const createdProduct = '<id of the product created above>';
export const createdPrice = '<id of the price created above>';

export type FormParams = { [key: string]: string | number | boolean | FormParams | FormParams[] };

export interface PlannedCall {
  op: PlannedOp;
  method: 'POST';
  path: string;
  /** The parameters as the client sends them (nested; `form` is their form encoding). */
  params: FormParams;
  /** The form fields exactly as they go on the wire (an id made by an earlier call shown as a placeholder). */
  form: Record<string, string>;
}

export type PackageAction = 'create' | 'change' | 'archive';

/** The approval's preview: the package after the change and every call, as the founder reads it. */
export interface PackagePlan {
  action: PackageAction;
  packageId: string;
  package: PackageFields;
  calls: PlannedCall[];
}

/** Stripe's bracket form encoding: `{ line_items: [{ price: p }] }` → `line_items[0][price]=p`. */
export function formFields(params: FormParams, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const name = prefix ? `${prefix}[${key}]` : key;
    if (value !== null && typeof value === 'object') Object.assign(out, formFields(value as FormParams, name));
    else out[name] = String(value);
  }
  return out;
}

export const call = (op: PlannedOp, path: string, params: FormParams): PlannedCall => ({ op, method: 'POST', path, params, form: formFields(params) });

const metadata = (id: string, fields: PackageFields) => ({ levqor_package: id, tier: fields.tier });

const productParams = (id: string, f: PackageFields): FormParams => ({ name: f.name, ...(f.description ? { description: f.description } : {}), metadata: metadata(id, f) });

/** A payment link for `quantity` of one price. */
export const linkCall = (price: string, quantity: number, packageId: string | null): PlannedCall =>
  call('createLink', '/v1/payment_links', { line_items: [{ price, quantity }], ...(packageId ? { metadata: { levqor_package: packageId } } : {}) });

function priceAndLink(id: string, f: PackageFields, product: string): PlannedCall[] {
  return [
    call('createPrice', '/v1/prices', { product, unit_amount: f.priceMinor, currency: f.currency, metadata: { levqor_package: id } }),
    // a payment link's line item cannot change its price (Stripe's update takes only id and
    // quantity), so a new price always comes with a new link
    linkCall(createdPrice, 1, id),
  ];
}

/** A stored package's founder fields. */
export function fieldsOf(p: StoredPackage): PackageFields {
  return { name: p.name, tier: p.tier, priceMinor: p.priceMinor, currency: p.currency, ...(p.description ? { description: p.description } : {}) };
}

/** A new package: its product, its one-off price, a payment link for one of it. */
export function planCreate(id: string, f: PackageFields): PackagePlan {
  return { action: 'create', packageId: id, package: f, calls: [call('createProduct', '/v1/products', productParams(id, f)), ...priceAndLink(id, f, createdProduct)] };
}

/**
 * A change: name, tier or description update the product in place; a new amount or currency is
 * a new Price and a new link (Stripe prices are immutable), the old link and price deactivated.
 */
export function planChange(current: StoredPackage, f: PackageFields): PackagePlan {
  const calls: PlannedCall[] = [];
  const was = fieldsOf(current);
  if (f.name !== was.name || f.tier !== was.tier || (f.description ?? '') !== (was.description ?? '')) {
    calls.push(call('updateProduct', `/v1/products/${current.stripeProductId}`, { name: f.name, description: f.description ?? '', metadata: metadata(current.id, f) }));
  }
  if (f.priceMinor !== was.priceMinor || f.currency !== was.currency) {
    calls.push(...priceAndLink(current.id, f, current.stripeProductId));
    calls.push(call('archiveLink', `/v1/payment_links/${current.paymentLinkId}`, { active: false }));
    calls.push(call('archivePrice', `/v1/prices/${current.stripePriceId}`, { active: false }));
  }
  return { action: 'change', packageId: current.id, package: f, calls };
}

/** Off sale: the link, the price and the product deactivated (Stripe keeps them for past payments). */
export function planArchive(current: StoredPackage): PackagePlan {
  const f = fieldsOf(current);
  return {
    action: 'archive',
    packageId: current.id,
    package: f,
    calls: [
      call('archiveLink', `/v1/payment_links/${current.paymentLinkId}`, { active: false }),
      call('archivePrice', `/v1/prices/${current.stripePriceId}`, { active: false }),
      call('archiveProduct', `/v1/products/${current.stripeProductId}`, { active: false }),
    ],
  };
}
