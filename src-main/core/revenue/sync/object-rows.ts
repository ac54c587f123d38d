import { objectKinds } from './kinds';
import { flag, listData, num, obj, ref, str, type StripeJson } from './json';

export type Value = string | number | null;

/**
 * An object's rows, worked out from the object alone (no database): what `ObjectStore.write`
 * stores. Plain strings and numbers, so a full pass works them out on the thread that fetched the
 * page and posts them to the store thread cheaply.
 */
export interface ObjectRows {
  /** Stripe's `object`; `discount` for a discount on its own. */
  object: string;
  id: string;
  /** The upsert's values in its column order (object-store.ts); a lone discount's own row. */
  values: Value[];
  /** A subscription's items, to replace the stored ones; null for other kinds. */
  items: Value[][] | null;
  /** An invoice's lines, to replace the stored ones; null for other kinds. */
  lines: Value[][] | null;
  /** The discounts Stripe sent expanded with it. */
  discounts: Value[][];
}

// `data` is the upsert's sixth value (id, livemode, created, state_at, deleted, data, columns…)
const dataAt = 5;

/** The object a parent's rows were worked out from, as Stripe sent it. */
export const dataOf = (rows: ObjectRows): StripeJson => JSON.parse(rows.values[dataAt] as string) as StripeJson;

/** `o`'s rows as it was at `stateAt` (epoch seconds); undefined for a kind not kept. `moreLines`: see invoice-lines.ts. */
export function objectRows(o: StripeJson, stateAt: number, deleted = false, moreLines?: ReadonlyMap<string, StripeJson[]>): ObjectRows | undefined {
  const object = str(o, 'object') ?? '';
  if (object === 'discount') return { object, id: str(o, 'id')!, values: discountRow(o, stateAt, deleted), items: null, lines: null, discounts: [] };
  const kind = objectKinds[object];
  if (!kind) return undefined;
  const id = str(o, 'id')!;
  return {
    object,
    id,
    values: [id, o.livemode === true ? 1 : 0, num(o, 'created'), stateAt, deleted || o.deleted === true ? 1 : 0, JSON.stringify(o), ...Object.values(kind.columns(o))],
    items: object === 'subscription' ? listData(o, 'items').map((item) => [str(item, 'id'), id, ref(item, 'price'), num(item, 'quantity'), num(item, 'created'), JSON.stringify(item)]) : null,
    lines: object === 'invoice' ? [...listData(o, 'lines'), ...(moreLines?.get(id) ?? [])].map((line) => lineRow(id, line)) : null,
    discounts: expandedDiscounts(o).map((d) => discountRow(d, stateAt, false)),
  };
}

function lineRow(invoice: string, line: StripeJson): Value[] {
  const parent = obj(line, 'parent');
  const subscription = str(obj(parent, 'subscription_item_details'), 'subscription') ?? str(obj(parent, 'invoice_item_details'), 'subscription');
  const period = obj(line, 'period');
  const price = str(obj(obj(line, 'pricing'), 'price_details'), 'price');
  return [str(line, 'id'), invoice, num(line, 'amount'), str(line, 'currency'), subscription, price, num(line, 'quantity'), num(period, 'start'), num(period, 'end'), JSON.stringify(line)];
}

function discountRow(d: StripeJson, stateAt: number, deleted: boolean): Value[] {
  const coupon = ref(obj(d, 'source'), 'coupon');
  return [str(d, 'id'), flag(d, 'livemode') ?? 0, ref(d, 'customer'), str(d, 'subscription'), str(d, 'invoice'), coupon, num(d, 'start'), num(d, 'end'), stateAt, deleted || d.deleted === true ? 1 : 0, JSON.stringify(d)];
}

/** Discounts Stripe sent expanded (`expand[]=data.discounts`); ids alone stay in the parent's data. */
function expandedDiscounts(o: StripeJson): StripeJson[] {
  const list = Array.isArray(o.discounts) ? o.discounts : [];
  return list.filter((d): d is StripeJson => !!d && typeof d === 'object' && (d as StripeJson).object === 'discount');
}
