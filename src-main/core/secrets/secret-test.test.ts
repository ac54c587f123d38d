import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { usePostgres } from '../../../tests/helpers/postgres';
import { goodToken, startFakeDrive, type FakeDrive } from '../../../tests/helpers/drive-server';
import { createCore, type Core } from '..';
import { createDispatcher } from '../../api/dispatcher';
import { scrubSecret } from './scrub';
import { goodBotToken, startTelegramServer } from '../../../tests/helpers/notify/telegram-server';

const pgServer = usePostgres();
let drive: FakeDrive;

beforeAll(async () => {
  drive = await startFakeDrive();
});
afterAll(async () => {
  await drive.close();
});

function coreWith(env: Record<string, string> = {}): Core {
  return createCore({ dataDir: tempDir(), env: { LEVQOR_DRIVE_ROOT_URL: drive.url, ...env }, logToFile: false });
}

describe('a secret\'s "Test"', () => {
  it('says there is nothing to test when it is not set, which area brings a test where none exists yet, and why a service allows none', async () => {
    const core = coreWith();
    expect(await core.secrets.test('google.driveCredentials')).toMatchObject({ outcome: 'not-set', source: 'none', message: 'not set: there is nothing to test' });
    core.secrets.set('slack.webhookUrl', 'https://hooks.slack.com/services/T0/B0/abc');
    expect(await core.secrets.test('slack.webhookUrl')).toMatchObject({ outcome: 'untested', source: 'stored', message: 'Slack offers no way to check an incoming webhook without posting to it: send a test message instead (levqor notify test slack)' });
    core.secrets.set('stripe.webhookSecret', 'whsec_abc123');
    expect(await core.secrets.test('stripe.webhookSecret')).toMatchObject({ outcome: 'untested', message: 'no test yet: comes with Revenue' });
    await expect(core.secrets.test('nope')).rejects.toMatchObject({ field: 'name' });
    core.close();
  });

  it('asks Telegram who the bot is (getMe), and says Telegram refused a token it does not know without quoting it', async () => {
    const telegram = await startTelegramServer();
    const core = coreWith({ LEVQOR_TELEGRAM_API_BASE: telegram.url });
    try {
      core.secrets.set('telegram.botToken', goodBotToken);
      expect(await core.secrets.test('telegram.botToken')).toMatchObject({ outcome: 'ok', message: 'Telegram knows this bot: @levqor_test_bot' });
      expect(telegram.callsTo('getMe')).toHaveLength(1);
      const unknown = '987654321:AAother-token_abcdefghijklmnop';
      core.secrets.set('telegram.botToken', unknown);
      const refused = await core.secrets.test('telegram.botToken');
      expect(refused).toMatchObject({ outcome: 'failed', message: expect.stringContaining('Telegram refused the bot token (401)') });
      expect(JSON.stringify(refused)).not.toContain('AAother-token');
    } finally {
      core.close();
      await telegram.close();
    }
  });

  it('lists the Drive folder uploads go to, through the official client with supportsAllDrives', async () => {
    const core = coreWith();
    core.secrets.set('google.driveCredentials', JSON.stringify({ access_token: goodToken }));
    expect(await core.secrets.test('google.driveCredentials')).toMatchObject({ outcome: 'ok', message: 'listed My Drive: 0 items' });

    const folderId = drive.addFolder('Launch archives');
    core.settings.set('drive.folderId', folderId);
    const before = drive.requests.length;
    expect(await core.secrets.test('google.driveCredentials')).toMatchObject({ outcome: 'ok', message: 'listed the folder "Launch archives": 0 items' });
    const calls = drive.requests.slice(before);
    expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /drive/v3/files/${folderId}`, 'GET /drive/v3/files']);
    expect(calls.every((r) => r.query.supportsAllDrives === 'true' && r.authorization === `Bearer ${goodToken}`)).toBe(true);

    core.settings.set('drive.folderId', 'missing_folder');
    expect(await core.secrets.test('google.driveCredentials')).toMatchObject({
      outcome: 'failed',
      message: 'the folder missing_folder (drive.folderId) is not on Drive, or is not shared with these credentials (404)',
    });
    core.close();
  });

  it('says Drive refused credentials it does not take, without quoting them', async () => {
    const core = coreWith();
    const token = 'ya29.WRONG-TOKEN-NEVER-SHOWN';
    core.secrets.set('google.driveCredentials', JSON.stringify({ access_token: token }));
    const result = await core.secrets.test('google.driveCredentials');
    expect(result).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/^Drive refused these credentials \(401\)/) });
    expect(JSON.stringify(result)).not.toContain('WRONG-TOKEN');
    core.close();
  });

  it('connects to Postgres with a connection of its own, and names no piece of the URL when it cannot', async () => {
    const core = coreWith();
    core.secrets.set('database.url', pgServer.url());
    const ok = await core.secrets.test('database.url');
    expect(ok).toMatchObject({ outcome: 'ok', message: expect.stringMatching(/^connected: PostgreSQL \d+/) });
    // a test is not a connection of the app: the remote's status is left as it was
    expect(core.remote.status()).toMatchObject({ state: 'idle', connected: false });

    core.secrets.set('database.url', pgServer.url('postgres', 'wrong-password-xyz'));
    const refused = await core.secrets.test('database.url');
    expect(refused).toMatchObject({ outcome: 'failed', message: 'The remote Postgres refused the password for the user in database.url: check database.url (levqor secrets set database.url).' });
    core.close();
  });

  it('tests the value the app uses: the environment variable wins, and the answer says so', async () => {
    const core = coreWith({ LEVQOR_DATABASE_URL: pgServer.url() });
    expect(await core.secrets.test('database.url')).toMatchObject({ outcome: 'ok', source: 'env' });
    core.close();
  });

  it('is a procedure the page may call, and its answer carries no part of the value', async () => {
    const core = coreWith();
    core.secrets.set('database.url', pgServer.url('no_such_database_here'));
    const answer = await createDispatcher(core).call('secrets.test', { name: 'database.url' }, { transport: 'http' });
    expect(answer).toMatchObject({ ok: true, value: { name: 'database.url', outcome: 'failed', message: 'The remote Postgres has no database by the name in database.url.' } });
    expect(JSON.stringify(answer)).not.toMatch(/no_such_database_here|levqor-test-pw|127\.0\.0\.1/);
    core.close();
  });
});

describe('scrubSecret', () => {
  it('hides the value and each long piece of it, and leaves ordinary words', () => {
    const value = JSON.stringify({ type: 'authorized_user', client_secret: 'GOCSPX-abcdefgh', refresh_token: '1//0gTOKENTOKEN' });
    expect(scrubSecret('refused 1//0gTOKENTOKEN for GOCSPX-abcdefgh (type user)', value)).toBe('refused [secret] for [secret] (type user)');
    expect(scrubSecret(`bad ${value}`, value)).toBe('bad [secret]');
  });
});
