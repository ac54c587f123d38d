import { describe, expect, it } from 'vitest';
import type { NotifyRule } from '../../../../shared/contract/notify-rules';
import { channelChoices, draftOf, filterOf, filterText } from './rule-draft';

const defaults = { enabled: true, channels: ['os'], severity: 'critical' as const, filter: {} };
const rule: NotifyRule = { id: 'monitor.down', label: 'Monitor DOWN', event: 'guardian.alert', about: 'kind is down', fields: ['monitor', 'message'], ...defaults, filter: { monitor: 'shop' }, defaults, changed: true, updatedAt: 1 };

describe('the rule editor draft', () => {
  it('holds every declared field, and gives back only the filled ones as the filter', () => {
    const draft = draftOf(rule);
    expect(draft.filter).toEqual({ monitor: { text: 'shop', contains: false }, message: { text: '', contains: false } });
    draft.filter.message = { text: 'timeout', contains: true };
    expect(filterOf(draft)).toEqual({ monitor: 'shop', message: { contains: 'timeout' } });
  });

  it('words the filter for the table', () => {
    expect(filterText({})).toBe('every event');
    expect(filterText({ monitor: 'shop', message: { contains: 'timeout' } })).toBe('monitor = shop, message contains timeout');
  });

  it('offers the app’s channels and any a rule names, each once', () => {
    expect(channelChoices(['os', 'email', 'telegram'], [{ ...rule, channels: ['os', 'pigeon'] }])).toEqual(['os', 'email', 'telegram', 'pigeon']);
  });
});
