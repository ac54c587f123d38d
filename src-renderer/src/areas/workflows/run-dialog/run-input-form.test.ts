import { describe, expect, it } from 'vitest';
import { initialValues, inputFromFields, inputFromJson, triggerFields } from './run-input-form';

const trigger = {
  type: 'manual',
  input: { order: { type: 'text', label: 'Order id', required: true }, amount: { type: 'number', default: 5 }, vip: { type: 'boolean' }, meta: { type: 'json' } },
};

describe('the Run dialog’s input', () => {
  it('draws the manual trigger’s fields with their defaults; none for other triggers', () => {
    const fields = triggerFields(trigger)!;
    expect(Object.keys(fields)).toEqual(['order', 'amount', 'vip', 'meta']);
    expect(initialValues(fields)).toEqual({ order: '', amount: '5', vip: false, meta: '' });
    expect(triggerFields({ type: 'manual' })).toBeUndefined();
    expect(triggerFields({ type: 'cron', expr: '* * * * *' })).toBeUndefined();
  });

  it('turns typed text into the run’s input, or names each field’s rule', () => {
    const fields = triggerFields(trigger)!;
    expect(inputFromFields(fields, { order: 'A-1', amount: '12.5', vip: true, meta: '{"a":1}' })).toEqual({ ok: true, input: { order: 'A-1', amount: 12.5, vip: true, meta: { a: 1 } } });
    expect(inputFromFields(fields, { order: '', amount: 'lots', vip: false, meta: '{' })).toEqual({
      ok: false,
      errors: { order: 'is required', amount: 'must be a number', meta: expect.stringMatching(/^is not valid JSON: /) },
    });
    // an empty optional number is left out, so its default applies in the engine
    expect(inputFromFields(fields, { order: 'A-1', amount: '', vip: false, meta: '' })).toEqual({ ok: true, input: { order: 'A-1', vip: false } });
  });

  it('takes JSON when the trigger has no fields; empty is {}', () => {
    expect(inputFromJson('')).toEqual({ ok: true, input: {} });
    expect(inputFromJson('{ "order": 7 }')).toEqual({ ok: true, input: { order: 7 } });
    expect(inputFromJson('{ order: 7')).toMatchObject({ ok: false, errors: { input: expect.stringMatching(/^is not valid JSON: /) } });
  });
});
