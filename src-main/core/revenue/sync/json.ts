/** A Stripe object as JSON, read field by field without trusting its shape. */
export type StripeJson = Record<string, unknown>;

export const str = (o: StripeJson, key: string): string | null => (typeof o[key] === 'string' ? (o[key] as string) : null);
export const num = (o: StripeJson, key: string): number | null => (typeof o[key] === 'number' ? (o[key] as number) : null);
export const flag = (o: StripeJson, key: string): number | null => (typeof o[key] === 'boolean' ? (o[key] ? 1 : 0) : null);
export const obj = (o: StripeJson, key: string): StripeJson => (o[key] && typeof o[key] === 'object' && !Array.isArray(o[key]) ? (o[key] as StripeJson) : {});
/** An expandable field: its id whether Stripe sent the id or the expanded object. */
export const ref = (o: StripeJson, key: string): string | null => {
  const v = o[key];
  if (typeof v === 'string') return v;
  return v && typeof v === 'object' && typeof (v as StripeJson).id === 'string' ? ((v as StripeJson).id as string) : null;
};
/** The `data` of an embedded list (`items`, `lines`). */
export const listData = (o: StripeJson, key: string): StripeJson[] => {
  const data = obj(o, key).data;
  return Array.isArray(data) ? (data.filter((x) => x && typeof x === 'object') as StripeJson[]) : [];
};
