import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp-dir';
import { createCore, ManualClock, ManualTimer, type Core } from '../core';
import { followDesktopNotices, type DesktopNotice } from './desktop-notices';

const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

function setup() {
  const clock = new ManualClock(Date.UTC(2026, 5, 1, 12));
  const core = createCore({ dataDir: tempDir(), env: { LEVQOR_SECRET_KEY: 'd'.repeat(64), LEVQOR_LAUNCH_STAGE: 'pre-launch' }, clock, timer: new ManualTimer(clock), logToFile: false });
  cores.push(core);
  const shown: DesktopNotice[] = [];
  const stop = followDesktopNotices(core.events, (n) => shown.push(n));
  return { core, clock, shown, stop };
}

describe('desktop notices', () => {
  it('a heartbeat monitor going DOWN and back UP shows one notice per transition, opening the Guardian', async () => {
    const { core, clock, shown } = setup();
    const m = core.guardian.add({ type: 'push', name: 'nightly backup job', intervalSeconds: 60, graceSeconds: 30 });
    const token = m.pushPath!.slice('/heartbeat/'.length);
    await core.guardian.ping(token);
    clock.advance(91_000);
    await core.guardian.checkOne(m.id);
    await core.guardian.checkOne(m.id); // still DOWN, before the resend interval: no second notice
    await core.guardian.ping(token);
    expect(shown.map((n) => [n.title, n.area])).toEqual([
      ['Monitor DOWN: nightly backup job', 'guardian'],
      ['Monitor back UP: nightly backup job', 'guardian'],
    ]);
    expect(shown[0]?.body).toMatch(/late by/);
  });

  it('a workflow waiting at its approval and a notify.founder step show notices; unsubscribing stops them', async () => {
    const { core, shown, stop } = setup();
    const { id } = core.workflows.import({
      name: 'Refund desk',
      trigger: { type: 'manual' },
      nodes: [
        { id: 'tell', type: 'notify.founder', params: { title: 'Refund asked', body: 'Order 42 wants a refund' } },
        { id: 'gate', type: 'approval', params: { message: 'Refund order 42?' } },
      ],
      edges: [{ from: 'tell', to: 'gate' }],
    });
    const run = await core.workflows.run({ id, wait: true });
    expect(run.status).toBe('waiting');
    expect(shown).toEqual([
      { title: 'Refund asked', body: 'Order 42 wants a refund', area: 'workflows' },
      { title: 'Approval needed (Class C)', body: 'Refund desk › gate: Refund order 42?', area: 'approvals' },
    ]);
    stop();
    await core.workflows.run({ id, wait: true });
    expect(shown).toHaveLength(2);
  });
});
