import { goodBotToken, startTelegramServer, type TelegramServer } from '../helpers/notify/telegram-server';
import { callAsPage, expect, keepScreenshot, openApp, test } from './fixtures';
import { startTargets } from './guardian-data';
import { levqorJson, ruleFromOlderVersion } from './alerts-data';

/** Telegram against the local Bot API: its token and address from the environment, as a founder's own Bot API server would be set. */
const telegramEnv = (telegram: TelegramServer) => ({ TELEGRAM_BOT_TOKEN: goodBotToken, LEVQOR_TELEGRAM_API_BASE: telegram.url });

test('the Alerts outbox: empty says so, a real DOWN alert lands once per channel, the failed one is retried from the page once fixed', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const targets = await startTargets();
  const telegram = await startTelegramServer({ chats: [4242] });
  try {
    // the founder sends DOWN alerts to Telegram too, but typed a chat id the bot does not know
    levqorJson(levqor.dataDir, 'notify', 'rules', 'set', 'monitor.down', '--channels', 'os,telegram');
    levqorJson(levqor.dataDir, 'settings', 'set', 'notify.telegram.chatId', '999');
    const server = await levqor.start({ env: telegramEnv(telegram) });
    await openApp(page, server, 'alerts');
    const outbox = page.getByTestId('alerts-outbox');
    await expect(outbox.getByTestId('outbox-empty')).toContainText('No notices yet');

    // a monitor that answers 500: its first check is DOWN, and the rule writes one row per channel
    expect((await callAsPage(page, server, 'guardian.addMonitor', { type: 'http', name: 'shop', url: targets.url('/down'), intervalSeconds: 3600, retries: 0 })).status()).toBe(200);
    expect((await callAsPage(page, server, 'guardian.check', {})).status()).toBe(200);
    const failed = outbox.locator('[data-testid="outbox-row"][data-channel="telegram"]');
    const sent = outbox.locator('[data-testid="outbox-row"][data-channel="os"]');
    await expect(failed.getByTestId('outbox-state')).toHaveText('failed', { timeout: 15_000 });
    await expect(failed).toContainText('Monitor DOWN: shop');
    await expect(failed.getByTestId('outbox-error')).toContainText('notify.telegram.chatId');
    await expect(failed.getByTestId('outbox-attempts')).toHaveText('1');
    await expect(sent.getByTestId('outbox-state')).toHaveText('sent');
    await expect(sent.getByTestId('outbox-retry')).toHaveCount(0);
    await keepScreenshot(page, 'alerts-outbox');

    // the state filter asks the server for that state only
    await outbox.getByTestId('outbox-state-filter').selectOption('failed');
    await expect(outbox.getByTestId('outbox-row')).toHaveCount(1);
    await expect(outbox.getByTestId('outbox-row')).toHaveAttribute('data-channel', 'telegram');
    await outbox.getByTestId('outbox-state-filter').selectOption('pending');
    await expect(outbox.getByTestId('outbox-empty')).toHaveText('No pending notices.');
    await outbox.getByTestId('outbox-state-filter').selectOption('');

    // the right chat id, then Retry: the server puts the row back to its first attempt and Telegram takes it
    expect((await callAsPage(page, server, 'settings.set', { key: 'notify.telegram.chatId', value: '4242' })).status()).toBe(200);
    const retried = page.waitForResponse((r) => r.url().endsWith('/api/notify.retry'));
    await failed.getByTestId('outbox-retry').click();
    const answer = await (await retried).json();
    expect(answer).toMatchObject({ channel: 'telegram', state: 'pending', attempts: 0 });
    await expect(failed.getByTestId('outbox-state')).toHaveText('sent', { timeout: 15_000 });
    await expect(failed.getByTestId('outbox-retry')).toHaveCount(0);
    await expect(failed.getByTestId('outbox-answer')).toContainText('message_id');

    // its history: the refused attempt, then the one Telegram took, each with the provider's words
    await failed.getByTestId('outbox-history-toggle').click();
    const history = outbox.getByTestId('outbox-history');
    await expect(history.getByTestId('outbox-attempt')).toHaveCount(2);
    const [refused, taken] = [history.getByTestId('outbox-attempt').first(), history.getByTestId('outbox-attempt').last()];
    await expect(refused).toHaveAttribute('data-outcome', 'failed');
    await expect(refused.getByTestId('outbox-attempt-answer')).toHaveText('Telegram answered 400: Bad Request: chat not found');
    await expect(refused.getByTestId('outbox-attempt-error')).toContainText('notify.telegram.chatId');
    await expect(taken).toHaveAttribute('data-outcome', 'sent');
    await expect(taken.getByTestId('outbox-attempt-answer')).toContainText('Telegram accepted message_id');
    await keepScreenshot(page, 'alerts-outbox-history');
    expect(telegram.messages.map((m) => [m.chat_id, m.text.includes('shop')])).toEqual([[4242, true]]);
    const rows = (levqorJson(levqor.dataDir, 'notify', 'outbox') as { rows: Array<{ channel: string; state: string }> }).rows;
    expect(rows.map((r) => [r.channel, r.state]).sort()).toEqual([
      ['os', 'sent'],
      ['telegram', 'sent'],
    ]);
  } finally {
    await telegram.close();
    await targets.close();
  }
});

type RuleView = { id: string; enabled: boolean; channels: string[]; severity: string; filter: Record<string, unknown>; changed: boolean };
const ruleOf = (dataDir: string, id: string) => (levqorJson(dataDir, 'notify', 'rules', 'list') as { rules: RuleView[] }).rules.find((r) => r.id === id)!;

test('the Alerts rules: turned off, edited and reset from the page as levqor sees them; a refused edit says why and changes nothing', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  ruleFromOlderVersion(levqor.dataDir, 'backup.failed', ['os', 'pigeon']);
  const server = await levqor.start();
  await openApp(page, server, 'alerts');
  const rules = page.getByTestId('alerts-rules');
  // one row per rule levqor itself lists
  const listed = (levqorJson(levqor.dataDir, 'notify', 'rules', 'list') as { rules: unknown[] }).rules;
  await expect(rules.getByTestId('rule-row')).toHaveCount(listed.length);

  // on/off at once
  const up = rules.locator('[data-testid="rule-row"][data-rule="monitor.up"]');
  await up.getByTestId('rule-enabled').click();
  await expect(up).toHaveAttribute('data-enabled', 'false');
  expect(ruleOf(levqor.dataDir, 'monitor.up')).toMatchObject({ enabled: false, changed: true });

  // severity and a filter field the rule declares
  const failed = rules.locator('[data-testid="rule-row"][data-rule="run.failed"]');
  await failed.getByTestId('rule-edit').click();
  const editor = rules.getByTestId('rule-editor');
  await editor.getByTestId('rule-severity').selectOption('critical');
  await editor.getByTestId('rule-filter-error').fill('timeout');
  await editor.getByTestId('rule-filter-error-contains').check();
  await editor.getByTestId('rule-save').click();
  await expect(editor).toBeHidden();
  await expect(failed.getByTestId('rule-filter')).toHaveText('error contains timeout');
  await expect(failed.getByTestId('rule-severity-shown')).toHaveText('critical');
  expect(ruleOf(levqor.dataDir, 'run.failed')).toMatchObject({ severity: 'critical', filter: { error: { contains: 'timeout' } }, channels: ['os'] });

  // the editor offers the app's channels
  await failed.getByTestId('rule-edit').click();
  for (const id of ['os', 'email', 'telegram']) await expect(editor.getByTestId(`rule-channel-${id}`)).toBeVisible();
  await editor.getByRole('button', { name: 'Cancel' }).click();

  // a rule a data folder kept naming a channel that no longer exists: saving it as it is is refused, the server's words, the field named, nothing stored
  const kept = rules.locator('[data-testid="rule-row"][data-rule="backup.failed"]');
  await kept.getByTestId('rule-edit').click();
  await expect(editor.getByTestId('rule-channel-pigeon')).toBeChecked();
  await editor.getByTestId('rule-severity').selectOption('info');
  await editor.getByTestId('rule-save').click();
  await expect(editor.getByTestId('rule-error')).toHaveAttribute('data-field', 'channels');
  await expect(editor.getByTestId('rule-error')).toContainText('there is no channel "pigeon"');
  // no channel at all is refused too
  await editor.getByTestId('rule-channel-pigeon').uncheck();
  await editor.getByTestId('rule-channel-os').uncheck();
  await editor.getByTestId('rule-save').click();
  await expect(editor.getByTestId('rule-error')).toContainText('must name at least one channel');
  await keepScreenshot(page, 'alerts-rule-refused');
  expect(ruleOf(levqor.dataDir, 'backup.failed')).toMatchObject({ channels: ['os', 'pigeon'] });
  await editor.getByRole('button', { name: 'Cancel' }).click();

  // Reset: the defaults again
  await failed.getByTestId('rule-reset').click();
  await expect(failed.getByTestId('rule-filter')).toHaveText('every event');
  await expect(failed.getByTestId('rule-reset')).toHaveCount(0);
  expect(ruleOf(levqor.dataDir, 'run.failed')).toMatchObject({ severity: 'warning', filter: {}, changed: false });
});

test('the Alerts briefing: a preview of today’s real parts, the settings it uses, and Send now saying where it went', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const targets = await startTargets();
  try {
    levqorJson(levqor.dataDir, 'settings', 'set', 'notify.briefing.channels', 'os,pigeon');
    const server = await levqor.start();
    await openApp(page, server, 'alerts');
    const briefing = page.getByTestId('alerts-briefing');
    await expect(briefing.getByTestId('briefing-section')).toHaveCount(9);
    const monitors = briefing.locator('[data-testid="briefing-section"][data-section="monitors"]');
    await expect(monitors.getByTestId('briefing-headline')).toHaveText('no monitors yet');
    await expect(briefing.locator('[data-testid="briefing-section"][data-section="backups"]')).toContainText('no backup plans yet');
    await expect(briefing.locator('[data-testid="briefing-setting"][data-key="notify.briefing.time"]')).toContainText('08:00');
    await expect(briefing.locator('[data-testid="briefing-setting"][data-key="notify.briefing.channels"]')).toContainText('os, pigeon');

    // a monitor goes DOWN: composed again, the part says so and is critical
    expect((await callAsPage(page, server, 'guardian.addMonitor', { type: 'http', name: 'checkout', url: targets.url('/down'), intervalSeconds: 3600, retries: 0 })).status()).toBe(200);
    expect((await callAsPage(page, server, 'guardian.check', {})).status()).toBe(200);
    await briefing.getByTestId('briefing-refresh').click();
    await expect(monitors).toHaveAttribute('data-severity', 'critical');
    await expect(monitors).toContainText('checkout');
    await keepScreenshot(page, 'alerts-briefing');

    // Send now asks first; Cancel sends nothing
    await briefing.getByTestId('briefing-send').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(briefing.getByTestId('briefing-sent')).toHaveCount(0);
    await briefing.getByTestId('briefing-send').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Send now' }).click();
    await expect(briefing.locator('[data-testid="briefing-sent-channel"][data-channel="os"]')).toHaveAttribute('data-status', 'queued');
    await expect(briefing.locator('[data-testid="briefing-sent-channel"][data-channel="pigeon"]')).toHaveAttribute('data-status', 'unknown-channel');
    await expect(briefing.getByTestId('briefing-sent')).toContainText('left out: no such channel');

    // the outbox shows it delivered on the system notification
    const row = page.getByTestId('alerts-outbox').getByTestId('outbox-row').filter({ hasText: 'Founder briefing' });
    await expect(row.getByTestId('outbox-state')).toHaveText('sent', { timeout: 15_000 });
    await expect(row).toHaveAttribute('data-channel', 'os');
  } finally {
    await targets.close();
  }
});

test('the Alerts channels: each one set up or what to set, and Send test with the provider’s answer', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const telegram = await startTelegramServer({ chats: [4242] });
  try {
    levqorJson(levqor.dataDir, 'settings', 'set', 'notify.telegram.chatId', '4242');
    const server = await levqor.start({ env: telegramEnv(telegram) });
    await openApp(page, server, 'alerts');
    const channels = page.getByTestId('alerts-channels');
    const row = (id: string) => channels.locator(`[data-testid="channel-row"][data-channel="${id}"]`);
    await expect(row('os')).toHaveAttribute('data-configured', 'true');
    await expect(row('telegram')).toHaveAttribute('data-configured', 'true');
    await expect(row('telegram').getByTestId('channel-last-delivery')).toHaveText('none yet');

    // the system notification: sent
    await row('os').getByTestId('channel-test').click();
    await expect(row('os').getByTestId('channel-test-outcome')).toHaveText('sent');

    // Telegram through the local Bot API: sent, with Telegram's answer
    await row('telegram').getByTestId('channel-test').click();
    await expect(row('telegram').getByTestId('channel-test-outcome')).toHaveText('sent');
    await expect(row('telegram').getByTestId('channel-test-answer')).not.toBeEmpty();
    expect(telegram.messages).toHaveLength(1);
    expect(telegram.messages[0]!.chat_id).toBe(4242);

    // email is not set up: the row and its test say what to set, with a way to Settings
    await expect(row('email')).toHaveAttribute('data-configured', 'false');
    await expect(row('email').getByTestId('channel-reason')).toContainText('resend.apiKey');
    await expect(row('email').getByRole('link', { name: 'Open Settings' })).toHaveAttribute('href', '#/settings');
    await row('email').getByTestId('channel-test').click();
    await expect(row('email').getByTestId('channel-test-outcome')).toHaveText('not-configured');
    await expect(row('email').getByTestId('channel-test-error')).toContainText('resend.apiKey');
    await keepScreenshot(page, 'alerts-channels');

    // a test is not a delivery: the outbox stays empty
    await expect(page.getByTestId('alerts-outbox').getByTestId('outbox-empty')).toContainText('No notices yet');
  } finally {
    await telegram.close();
  }
});

test('the Alerts pause: paused for an hour from the page as levqor sees it, and resumed', async ({ page, levqor }) => {
  const server = await levqor.start();
  await openApp(page, server, 'alerts');
  const pause = page.getByTestId('alerts-pause');
  await expect(pause).toContainText('Alerts are going out.');
  const before = Date.now();
  await pause.getByTestId('alerts-pause-minutes').selectOption('60');
  await pause.getByTestId('alerts-pause-button').click();
  await expect(pause).toHaveAttribute('data-paused', 'true');
  await expect(pause.getByTestId('alerts-paused-until')).toContainText('paused until');
  const paused = levqorJson(levqor.dataDir, 'notify', 'status') as { pausedUntil: number | null };
  expect(paused.pausedUntil).toBeGreaterThanOrEqual(before + 59 * 60_000);
  expect(paused.pausedUntil).toBeLessThanOrEqual(Date.now() + 61 * 60_000);
  await pause.getByTestId('alerts-resume').click();
  await expect(pause).toHaveAttribute('data-paused', 'false');
  expect(levqorJson(levqor.dataDir, 'notify', 'status')).toMatchObject({ pausedUntil: null });
});
