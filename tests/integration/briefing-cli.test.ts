import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { assertBuilt, levqorAsync, startServe } from '../helpers/cli';

beforeAll(assertBuilt);

const title = /^Founder briefing, [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}$/;

describe('levqor briefing', () => {
  it('prints the briefing (text or --json), refuses bad settings, and --send queues it for levqor serve to deliver', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const run = (...args: string[]) => levqorAsync(['--data-dir', dir, ...args], { LEVQOR_DATABASE_URL: '' });

    const text = await run('briefing');
    expect(text.code).toBe(0);
    const [first, ...rest] = text.stdout.trim().split('\n\n');
    expect(first).toMatch(title);
    expect(rest).toEqual(expect.arrayContaining(['Monitors: no monitors yet', 'Runs: no runs in the last 24 h', 'Approvals: no approvals waiting', 'Revenue: Stripe not connected', 'Backups: no backup plans yet']));

    const doc = JSON.parse((await run('briefing', '--json')).stdout);
    expect(doc).toMatchObject({ title: expect.stringMatching(title), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), severity: expect.any(String) });
    expect(doc.sections.map((s: { id: string }) => s.id)).toEqual(['health', 'monitors', 'anomalies', 'runs', 'approvals', 'launches', 'revenue', 'pipeline', 'backups']);

    expect(await run('settings', 'set', 'notify.briefing.time', '25:00')).toMatchObject({ code: 2, stderr: expect.stringContaining('must be a time of day written HH:MM on the 24-hour clock') });
    expect(await run('settings', 'set', 'notify.briefing.timezone', 'Mars/Olympus')).toMatchObject({ code: 2, stderr: expect.stringContaining('must be an IANA timezone') });
    expect(await run('settings', 'get', 'notify.briefing.time')).toMatchObject({ code: 0, stdout: expect.stringContaining('08:00') });
    expect((await run('settings', 'set', 'notify.briefing.channels', 'os,pigeon')).code).toBe(0);

    const sent = await run('briefing', '--send');
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain('pigeon: no such channel; fix notify.briefing.channels');
    expect(sent.stdout).toContain('os: queued');
    const [row] = JSON.parse((await run('notify', 'outbox', '--json')).stdout).rows;
    expect(row).toMatchObject({ channel: 'os', state: 'pending', notice: { title: expect.stringMatching(title), area: 'alerts', briefing: { sections: expect.any(Array) } } });

    const serve = await startServe(dir, { LEVQOR_DATABASE_URL: '' });
    try {
      await expect.poll(async () => JSON.parse((await run('notify', 'outbox', '--state', 'sent', '--json')).stdout).rows.map((r: { id: string }) => r.id), { timeout: 10_000 }).toEqual([row.id]);
      const again = await fetch(`${serve.base}api/notify.briefing`, { method: 'POST', headers: { authorization: `Bearer ${serve.token}`, 'content-type': 'application/json' }, body: '{"send":"yes"}' });
      expect(again.status).toBe(400);
      expect(await again.json()).toMatchObject({ error: { message: expect.stringContaining('send: must be true or false') } });
    } finally {
      await serve.stop();
    }
  });
});
