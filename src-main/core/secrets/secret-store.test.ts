import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { createCore } from '..';
import { AesGcmCipher } from './aes-gcm-cipher';

const secretValue = 'sk-live-THIS-MUST-NEVER-LEAK-1234567890';
const stripeKey = 'sk_live_THISMUSTNEVERLEAK1234567890';

describe('secrets', () => {
  it('stores ciphertext only: the plaintext is nowhere in the database files', () => {
    const dataDir = tempDir();
    const core = createCore({ dataDir, env: {}, logToFile: false });
    core.secrets.set('openai.apiKey', secretValue);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
    const raw = readFileSync(join(dataDir, 'levqor.db'));
    expect(raw.includes(Buffer.from(secretValue))).toBe(false);
    const again = createCore({ dataDir, env: {}, logToFile: false });
    expect(again.secrets.reveal('openai.apiKey')).toBe(secretValue);
    again.close();
  });

  it('keeps the headless key in a 0600 file', () => {
    const dataDir = tempDir();
    createCore({ dataDir, env: {}, logToFile: false }).close();
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('uses LEVQOR_SECRET_KEY when given, and rejects a malformed one', () => {
    const key = 'ab'.repeat(32);
    const dataDir = tempDir();
    const core = createCore({ dataDir, env: { LEVQOR_SECRET_KEY: key }, logToFile: false });
    core.secrets.set('stripe.secretKey', stripeKey);
    core.close();
    // another key cannot read it
    const other = createCore({ dataDir, env: { LEVQOR_SECRET_KEY: 'cd'.repeat(32) }, logToFile: false });
    expect(() => other.secrets.reveal('stripe.secretKey')).toThrow(/cannot be decrypted/);
    other.close();
    expect(() => createCore({ dataDir: tempDir(), env: { LEVQOR_SECRET_KEY: 'short' }, logToFile: false })).toThrow(
      expect.objectContaining({ field: 'LEVQOR_SECRET_KEY' }),
    );
  });

  it('reports set / not set, with the environment taking precedence', () => {
    const core = createCore({ dataDir: tempDir(), env: { SLACK_WEBHOOK_URL: 'https://hooks.example/x' }, logToFile: false });
    const byName = Object.fromEntries(core.secrets.status().map((s) => [s.name, s]));
    expect(byName['slack.webhookUrl']).toMatchObject({ set: true, source: 'env' });
    expect(byName['openai.apiKey']).toMatchObject({ set: false, source: 'none' });
    core.secrets.set('openai.apiKey', secretValue);
    expect(core.secrets.statusOf('openai.apiKey')).toMatchObject({ set: true, source: 'stored' });
    expect(JSON.stringify(core.secrets.status())).not.toContain(secretValue);
    core.secrets.clear('openai.apiKey');
    expect(core.secrets.statusOf('openai.apiKey').set).toBe(false);
    core.close();
  });

  it('rejects unknown names without storing anything', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, logToFile: false });
    expect(() => core.secrets.set('nope', 'x')).toThrow(expect.objectContaining({ field: 'name' }));
    expect(core.db.prepare('SELECT count(*) AS n FROM secrets').get()).toEqual({ n: 0 });
    core.close();
  });

  it('checks the format before storing: a wrong one stores nothing and the error names the secret and the rule, never the value', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, logToFile: false });
    const seen: string[] = [];
    core.events.subscribe((name) => seen.push(name));
    let error: unknown;
    try {
      core.secrets.set('slack.webhookUrl', 'not a url');
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'BAD_INPUT', field: 'value', message: 'Slack incoming webhook URL must be an https:// URL on hooks.slack.com (https://hooks.slack.com/services/…)' });
    expect(() => core.secrets.set('google.driveCredentials', '{"access_token": "LEAKY-TOKEN-VALUE"')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('LEAKY') }));
    expect(core.db.prepare('SELECT count(*) AS n FROM secrets').get()).toEqual({ n: 0 });
    expect(seen).toEqual([]);
    core.close();
  });

  it('drops the spaces and line break a paste brings around a value', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, logToFile: false });
    core.secrets.set('telegram.botToken', '  123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\n');
    expect(core.secrets.reveal('telegram.botToken')).toBe('123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
    expect(() => core.secrets.set('telegram.botToken', ' \n ')).toThrow(expect.objectContaining({ field: 'value', message: 'value: must not be empty' }));
    core.close();
  });

  it('AES-GCM detects tampering', () => {
    const cipher = new AesGcmCipher(Buffer.alloc(32, 7));
    const sealed = cipher.encrypt('hello');
    expect(cipher.decrypt(sealed)).toBe('hello');
    sealed[sealed.length - 1]! ^= 1;
    expect(() => cipher.decrypt(sealed)).toThrow();
  });
});
