import type { Core, ManualClock } from '../../../src-main/core';

/** A heartbeat monitor goes DOWN (late by more than its grace), is checked again, and comes back UP: two alerts. */
export async function heartbeatDownAndUp(core: Core, clock: ManualClock): Promise<void> {
  const m = core.guardian.add({ type: 'push', name: 'nightly backup job', intervalSeconds: 60, graceSeconds: 30 });
  const token = m.pushPath!.slice('/heartbeat/'.length);
  await core.guardian.ping(token);
  clock.advance(91_000);
  await core.guardian.checkOne(m.id);
  await core.guardian.checkOne(m.id); // still DOWN, before the resend interval: no second alert
  await core.guardian.ping(token);
}

/** A workflow that tells the founder something, then waits at its approval; returns its id. */
export async function refundDeskWaiting(core: Core): Promise<string> {
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
  if (run.status !== 'waiting') throw new Error(`the Refund desk run should wait at its approval, it is ${run.status}`);
  return id;
}
