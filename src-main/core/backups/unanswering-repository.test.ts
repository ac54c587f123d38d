import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupTestCore, type BackupTestCore } from '../../../tests/helpers/backups/backup-core';
import { startRestServer, type RestServer } from '../../../tests/helpers/backups/rest-server';
import { redact } from './restic/redact';

let t: BackupTestCore | undefined;
let server: RestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
  t?.cleanup();
  t = undefined;
});

describe('a REST repository with a password in its URL that stops answering', () => {
  it('a check past the plan\u2019s check timeout ends failed saying why; no password reaches an event, the history or the page', async () => {
    const urlPassword = 'url-Pa55word-9f3';
    t = backupTestCore({ config: { backupRetry: { policy: { maxAttempts: 1, initialMs: 0, maxMs: 0, backoff: 'fixed', jitter: false }, unreachableAfterMs: 1_500 } } });
    server = await startRestServer(join(t.root, 'served'), { user: 'levqor', pass: urlPassword });
    const { core } = t;
    await core.backups.add(t.plan('remote', { repo: server.repository('levqor') }));
    expect(await core.backups.run('remote', true)).toMatchObject({ status: 'succeeded' });
    const payloads: unknown[] = [];
    for (const name of ['backup.failed', 'check.failed', 'backup.progress', 'backup.succeeded'] as const) core.events.on(name, (p) => payloads.push(p));

    // the server takes connections and never answers: restic's check waits on it
    server.pause();
    // below what the input takes (1m), so the test does not wait a minute
    core.db.prepare('UPDATE backup_plans SET check_timeout_ms = 2000').run();
    const timedOut = /^restic check did not finish within 2s \(the plan's check timeout\) and was stopped: the repository may be damaged or not answering/;
    await expect(core.backups.check('remote')).rejects.toThrow(timedOut);
    expect(core.backups.history('remote', 1)[0]).toMatchObject({ kind: 'check', status: 'failed', error: expect.stringMatching(timedOut) });

    await server.stop();
    server = undefined;
    expect(await core.backups.run('remote', true)).toMatchObject({ status: 'failed', error: expect.stringContaining('levqor:***@127.0.0.1') });

    const history = core.backups.history('remote', 10);
    const seen = JSON.stringify([payloads, history, history.map((op) => core.backups.operation(op.id)), core.backups.page.history('remote', 10), history.map((op) => core.backups.page.operation(op.id)), core.backups.list()]);
    expect(payloads.length).toBeGreaterThanOrEqual(2);
    expect(seen).toContain('levqor:***@127.0.0.1');
    expect(seen).not.toContain(urlPassword);
    expect(seen).not.toContain(t.password);
  }, 60_000);

  it('redact takes out a URL\u2019s password wherever a message quotes it, typed or decoded', () => {
    const repository = 'rest:https://levqor:p%40ss-word@backup.example.com/levqor';
    const said = `Get "https://levqor:p%40ss-word@backup.example.com/levqor/config": unauthorized (user levqor, password p@ss-word); RESTIC_PASSWORD=repo-secret`;
    expect(redact(said, ['repo-secret'], repository)).toBe('Get "https://levqor:***@backup.example.com/levqor/config": unauthorized (user levqor, password ***); RESTIC_PASSWORD=***');
  });
});
