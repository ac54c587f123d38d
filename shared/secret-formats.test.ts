import { describe, expect, it } from 'vitest';
import { secretFormatProblem, secretNames, type SecretName } from './secrets';

const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';

const good: Record<SecretName, string[]> = {
  'openai.apiKey': ['sk-proj-abc123', 'ollama', 'no-key-required'],
  'stripe.secretKey': ['sk_test_51Habc', 'sk_live_xyz', 'rk_live_abc'],
  'stripe.webhookSecret': ['whsec_abcDEF123'],
  'google.driveCredentials': [
    JSON.stringify({ type: 'service_account', client_email: 'up@p.iam.gserviceaccount.com', private_key: pem, project_id: 'p' }),
    JSON.stringify({ type: 'authorized_user', client_id: 'id', client_secret: 's', refresh_token: 'r' }),
    JSON.stringify({ access_token: 'ya29.x' }),
  ],
  'slack.webhookUrl': ['https://hooks.slack.com/services/T000/B000/XXXX', 'http://127.0.0.1:9999/hook'],
  'telegram.botToken': ['123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw'],
  'resend.apiKey': ['re_123abc_DEF'],
  'smtp.password': ['correct horse battery staple', 'p@ss:w/rd#1'],
  'database.url': ['postgres://u:p@db.example.com:5432/app', 'postgresql://localhost/app?sslmode=require'],
};

const bad: Array<[SecretName, string, string]> = [
  ['slack.webhookUrl', 'not a url', 'Slack incoming webhook URL must be an https:// URL on hooks.slack.com (https://hooks.slack.com/services/…)'],
  ['slack.webhookUrl', 'http://hooks.slack.com/services/T/B/X', 'must be an https:// URL on hooks.slack.com'],
  ['slack.webhookUrl', 'https://hooks.example.com/services/T/B/X', 'must be an https:// URL on hooks.slack.com'],
  ['google.driveCredentials', '{"type": "service_account", ', 'Google Drive credentials (JSON) must be JSON: a service account key ("type": "service_account"), an OAuth refresh token ("type": "authorized_user") or { "access_token": … }; this is not valid JSON'],
  ['google.driveCredentials', '[1]', 'must be a JSON object'],
  ['google.driveCredentials', JSON.stringify({ type: 'service_account', client_email: 'x@y' }), 'is a service account key missing or with a wrong private_key'],
  ['google.driveCredentials', JSON.stringify({ type: 'service_account', client_email: 'x@y', private_key: 'abc' }), 'wrong private_key (private_key is the PEM key'],
  ['google.driveCredentials', JSON.stringify({ type: 'authorized_user', client_id: 'id' }), 'is an OAuth refresh token missing or with a wrong client_secret, refresh_token'],
  ['google.driveCredentials', JSON.stringify({ token: 'x' }), 'must be a service account key'],
  ['database.url', 'mysql://u:p@h/db', 'Remote Postgres URL must be a postgres:// URL with a host: postgres://user:password@host:5432/database'],
  ['database.url', 'postgres://', 'must be a postgres:// URL with a host'],
  ['telegram.botToken', '123456789', 'Telegram bot token must be digits, a colon, then the token, as BotFather gives it'],
  ['telegram.botToken', 'abc:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', 'as BotFather gives it'],
  ['stripe.secretKey', 'pk_live_abc', 'Stripe secret key must start with sk_live_ or sk_test_'],
  ['stripe.webhookSecret', 'sk_live_abc', 'Stripe webhook signing secret must start with whsec_'],
  ['resend.apiKey', 'sk-abc', 'Resend API key must start with re_'],
  ['smtp.password', 'line one\nline two', 'SMTP password must be one line'],
  ['openai.apiKey', 'sk-abc def', 'OpenAI API key must be one line with no spaces'],
];

describe('secret formats', () => {
  it('knows a format for every secret', () => {
    expect(Object.keys(good).sort()).toEqual([...secretNames].sort());
  });

  it.each(secretNames.flatMap((name) => good[name].map((value) => [name, value] as const)))('accepts a well-formed %s', (name, value) => {
    expect(secretFormatProblem(name, value)).toBeUndefined();
  });

  it.each(bad)('refuses %s = %j, naming the secret and the rule', (name, value, message) => {
    const problem = secretFormatProblem(name, value);
    expect(problem).toContain(message);
  });

  it('never quotes the value it refuses', () => {
    const value = '{"type": "service_account", "private_key": "TOP-SECRET-KEY-MATERIAL"';
    expect(secretFormatProblem('google.driveCredentials', value)).not.toContain('TOP-SECRET');
    expect(secretFormatProblem('stripe.secretKey', 'pk_live_TOPSECRET')).not.toContain('TOPSECRET');
  });
});
