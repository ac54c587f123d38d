import { describe, expect, it } from 'vitest';
import { LevqorError } from '../../../shared/contract';
import { errorFromResponse, toLevqorError } from './to-levqor-error';

describe('toLevqorError', () => {
  it('keeps a LevqorError as it is', () => {
    const err = new LevqorError({ code: 'NOT_FOUND', message: 'gone' });
    expect(toLevqorError(err)).toBe(err);
  });

  it('rebuilds the contract error from a plain object or an { error } wrapper (IPC loses classes)', () => {
    expect(toLevqorError({ code: 'BAD_INPUT', message: 'value: bad', field: 'value' }).toJSON()).toEqual({ code: 'BAD_INPUT', message: 'value: bad', field: 'value' });
    expect(toLevqorError({ error: { code: 'CONFLICT', message: 'busy' } }).code).toBe('CONFLICT');
  });

  it('turns anything else into INTERNAL with its message', () => {
    const err = toLevqorError(new Error('boom'));
    expect(err).toBeInstanceOf(LevqorError);
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toBe('boom');
  });
});

describe('errorFromResponse', () => {
  it('uses the body error with its field', () => {
    const err = errorFromResponse(400, { error: { code: 'BAD_INPUT', message: 'key: unknown', field: 'key' } });
    expect(err.toJSON()).toEqual({ code: 'BAD_INPUT', message: 'key: unknown', field: 'key' });
  });

  it('falls back to the status when the body has no contract error', () => {
    expect(errorFromResponse(401, undefined).code).toBe('UNAUTHORIZED');
    expect(errorFromResponse(400, 'nope').code).toBe('BAD_INPUT');
    expect(errorFromResponse(503, {}).code).toBe('UNAVAILABLE');
    expect(errorFromResponse(502, {}).code).toBe('INTERNAL');
  });
});
