import { describe, expect, it } from 'vitest';
import { CliUsageError } from './command';
import { choiceOption, countOption, givenOnly, parseChoiceOption, parseCountOption, parseTimeRange } from './options';

describe('command-line options', () => {
  it('a choice is one of its list, named in the description and in the refusal', () => {
    expect(choiceOption('state', ['pending', 'sent']).description).toBe('only this state (pending, sent)');
    expect(parseChoiceOption('sent', 'state', ['pending', 'sent'])).toBe('sent');
    expect(parseChoiceOption(undefined, 'state', ['pending', 'sent'])).toBeUndefined();
    expect(() => parseChoiceOption('lost', 'state', ['pending', 'sent'])).toThrow(new CliUsageError('--state: must be one of pending, sent'));
  });

  it('a count is a whole number from 1 to the most its description names', () => {
    expect(countOption(50).description).toBe('how many (1–500, default 50)');
    expect(parseCountOption('500', 'limit')).toBe(500);
    expect(() => parseCountOption('501', 'limit')).toThrow(new CliUsageError('--limit: must be a whole number from 1 to 500 (got "501")'));
    expect(() => parseCountOption('0', 'limit')).toThrow(CliUsageError);
  });

  it('a time range reads both ends and refuses one the wrong way round', () => {
    expect(parseTimeRange({ from: '2024-01-01', to: '1704153600000' })).toEqual({ from: Date.UTC(2024, 0, 1), to: 1704153600000 });
    expect(parseTimeRange({})).toEqual({ from: undefined, to: undefined });
    expect(() => parseTimeRange({ from: '2024-02-01', to: '2024-01-01' })).toThrow(new CliUsageError('--from: must be before --to'));
  });

  it('an input from options leaves out the ones not given', () => {
    expect(givenOnly({ a: 1, b: undefined, c: '' })).toEqual({ a: 1, c: '' });
    expect(Object.keys(givenOnly({ b: undefined }))).toEqual([]);
  });
});
