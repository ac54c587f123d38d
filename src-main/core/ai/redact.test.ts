import { describe, expect, it } from 'vitest';
import { redact } from './redact';

describe('redact', () => {
  it('replaces stored secret values, bearer tokens, API-key shapes, emails and phone numbers', () => {
    const text = [
      'db is postgres://app:hunter2-very-secret@db.example/prod',
      'Authorization: Bearer abcdefghijklmnop.qrstuv',
      'key sk-proj-AbCdEfGhIjKlMnOpQrStUv and sk_live_51HxYzAbCdEfGhIjKlMn',
      'bot 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
      'write to founder+ops@levqor.example or call +44 20 7946 0958 or (555) 123-4567',
    ].join('\n');
    const out = redact(text, ['hunter2-very-secret']);
    for (const planted of ['hunter2-very-secret', 'abcdefghijklmnop', 'AbCdEfGhIjKlMnOpQrStUv', '51HxYzAbCdEfGhIjKlMn', 'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', 'founder+ops@levqor.example', '7946', '123-4567']) {
      expect(out).not.toContain(planted);
    }
    expect(out).toContain('[secret]');
    expect(out).toContain('Bearer [token]');
    expect(out).toContain('[email]');
    expect(out).toContain('[phone]');
  });

  it('leaves dates, times, amounts, counts and short words alone', () => {
    const text = 'On 2026-12-07 at 12:52, MRR was 12500 cents from 42 customers; p95 380 ms; run 1733580000000.';
    expect(redact(text, ['42', 'abc'])).toBe(text);
  });
});
