import { describe, expect, it } from 'vitest';
import { changedFields, changeText, packageDraft, packageInput } from './package-input';

const draft = { name: 'Launch kit', tier: 'starter', price: '499', currency: 'usd', description: '' };

describe('packageInput', () => {
  it('turns the typed price into minor units of its currency', () => {
    expect(packageInput(draft)).toEqual({ ok: true, fields: { name: 'Launch kit', tier: 'starter', priceMinor: 49_900, currency: 'usd' } });
    expect(packageInput({ ...draft, price: '1,200.50', description: 'Pages' })).toMatchObject({ fields: { priceMinor: 120_050, description: 'Pages' } });
  });

  it('leaves zero and an empty price for the API to refuse by name', () => {
    expect(packageInput({ ...draft, price: '0' })).toMatchObject({ ok: true, fields: { priceMinor: 0 } });
    const empty = packageInput({ ...draft, price: '' });
    expect(empty.ok && 'priceMinor' in empty.fields).toBe(false);
  });

  it('refuses more decimals than the currency has, naming the price', () => {
    expect(packageInput({ ...draft, price: '4.999' })).toEqual({ ok: false, field: 'priceMinor', message: 'has more than 2 decimal places for USD' });
    expect(packageInput({ ...draft, currency: 'dollars' })).toMatchObject({ ok: false, field: 'currency' });
  });
});

describe('changedFields and packageDraft', () => {
  it('asks only for what changed', () => {
    const stored = { name: 'Launch kit', tier: 'starter', priceMinor: 49_900, currency: 'usd', description: null };
    const was = { name: 'Launch kit', tier: 'starter', priceMinor: 49_900, currency: 'usd' };
    expect(packageDraft(stored)).toEqual({ ...draft, price: '499.00' });
    expect(changedFields(was, { ...was, priceMinor: 59_900, currency: 'USD' })).toEqual({ priceMinor: 59_900 });
    expect(changedFields({ ...was, description: 'Pages' }, { ...was, name: 'Launch' })).toEqual({ name: 'Launch', description: '' });
  });
});

describe('changeText', () => {
  it('says what a change changes', () => {
    const was = { name: 'Launch kit', tier: 'starter', priceMinor: 49_900, currency: 'usd' };
    expect(changeText(was, { priceMinor: 59_900, name: 'Launch' })).toBe('price $499.00 → $599.00; name Launch kit → Launch');
    expect(changeText(was, { description: 'Pages' })).toBe('description (none) → Pages');
    expect(changeText(was, {})).toBe('nothing (every field is as it is now)');
  });
});
