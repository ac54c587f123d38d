import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../tests/helpers/workflows/core';
import { CronSchedule } from './cron';
import { planFires } from './catch-up';
import { decideOverlap } from './overlap';

const H = 3_600_000;
let t: TestCore;
afterEach(() => t?.cleanup());

const iso = (ms: number) => new Date(ms).toISOString();

function cronWorkflow(trigger: Record<string, unknown>, nodes: unknown[] = [{ id: 'say', type: 'log', params: { message: 'tick {{ trigger.scheduledFor }}' } }]) {
  return { name: 'Scheduled', trigger: { type: 'cron', ...trigger }, nodes, edges: [] };
}

function fired(workflowId: string): string[] {
  return t.core.runs
    .list({ workflowId, limit: 500 })
    .map((r) => iso(r.scheduledFor as number))
    .sort();
}

describe('cron schedule (croner, timezones)', () => {
  it('previews the next fire times in the workflow’s timezone', () => {
    t = testCore({ start: Date.UTC(2026, 5, 1, 12) }); // Monday 1 June 2026, BST
    const { id } = t.core.workflows.import(cronWorkflow({ expr: '0 9 * * 1-5', timezone: 'Europe/London' }));
    const p = t.core.workflows.schedulePreview({ id, count: 6 });
    expect(p.times.map((x) => x.iso)).toEqual([
      '2026-06-02T08:00:00.000Z',
      '2026-06-03T08:00:00.000Z',
      '2026-06-04T08:00:00.000Z',
      '2026-06-05T08:00:00.000Z',
      '2026-06-08T08:00:00.000Z',
      '2026-06-09T08:00:00.000Z',
    ]);
    expect(p.times[0]?.local).toMatch(/02\/06\/2026, 09:00:00 BST/);
    expect(t.core.workflows.list()[0]?.nextFireAt).toBe(Date.UTC(2026, 5, 2, 8));
  });

  it('handles DST in Europe/London: a fixed time in the spring gap runs once after it; in the autumn overlap once', () => {
    const s = new CronSchedule('30 1 * * *', 'Europe/London');
    expect(s.upcoming(Date.UTC(2026, 2, 27, 12), 4).map(iso)).toEqual([
      '2026-03-28T01:30:00.000Z', // 01:30 GMT
      '2026-03-29T01:00:00.000Z', // 01:30 does not exist: 02:00 BST
      '2026-03-30T00:30:00.000Z', // 01:30 BST
      '2026-03-31T00:30:00.000Z',
    ]);
    expect(s.upcoming(Date.UTC(2026, 9, 23, 12), 4).map(iso)).toEqual([
      '2026-10-24T00:30:00.000Z', // 01:30 BST
      '2026-10-25T00:30:00.000Z', // the first 01:30; the second (01:30 GMT) does not fire again
      '2026-10-26T01:30:00.000Z', // 01:30 GMT
      '2026-10-27T01:30:00.000Z',
    ]);
    // an interval job runs on both repeated times and skips the gap
    const every30 = new CronSchedule('*/30 1 * * *', 'Europe/London');
    expect(every30.between(Date.UTC(2026, 9, 24, 23), Date.UTC(2026, 9, 25, 3)).map(iso)).toEqual([
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T01:30:00.000Z',
    ]);
    expect(every30.between(Date.UTC(2026, 2, 28, 23), Date.UTC(2026, 2, 29, 3)).map(iso)).toEqual([]);
  });

  it('fires across the DST changes at the right instants with the injected clock', async () => {
    t = testCore({ start: Date.UTC(2026, 2, 27, 12) });
    const spring = t.core.workflows.import(cronWorkflow({ expr: '30 1 * * *', timezone: 'Europe/London' }));
    t.core.scheduler.start();
    await t.timer.advance(4 * 24 * H);
    await t.core.engine.drain();
    expect(fired(spring.id)).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z', '2026-03-31T00:30:00.000Z']);
    expect(t.core.runs.list({ workflowId: spring.id, limit: 10 }).every((r) => r.status === 'succeeded' && r.trigger === 'cron')).toBe(true);

    t.clock.set(Date.UTC(2026, 9, 23, 12));
    t.core.workflows.delete(spring.id);
    const autumn = t.core.workflows.import(cronWorkflow({ expr: '30 1 * * *', timezone: 'Europe/London' }));
    await t.timer.advance(4 * 24 * H);
    await t.core.engine.drain();
    expect(fired(autumn.id)).toEqual(['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z', '2026-10-27T01:30:00.000Z']);
  }, 60_000);
});

describe('overlap policies', () => {
  // hourly; each run lasts 100 minutes (a durable delay), so each fire finds the previous run going
  const slow = (overlap: string) => cronWorkflow({ expr: '0 * * * *', timezone: 'UTC', overlap, catchUp: 'none' }, [{ id: 'work', type: 'delay', params: { duration: '100m' } }]);

  async function runFor(overlap: string): Promise<{ id: string; starts: string[] }> {
    t = testCore({ start: Date.UTC(2026, 0, 5, 0, 30) });
    const { id } = t.core.workflows.import(slow(overlap));
    t.core.engine.startBackground();
    await t.timer.advance(4 * H + 30 * 60_000); // to 05:00, fires at 01..05
    await t.core.engine.drain();
    return { id, starts: fired(id) };
  }

  it('skip drops a fire while the previous run is going', async () => {
    const { starts } = await runFor('skip');
    expect(starts).toEqual(['2026-01-05T01:00:00.000Z', '2026-01-05T03:00:00.000Z', '2026-01-05T05:00:00.000Z']);
  });

  it('buffer-one keeps one fire and starts it when the previous run ends', async () => {
    const { id, starts } = await runFor('buffer-one');
    // 01:00 runs to 02:40; 02:00 buffered, starts 02:40 (to 04:20); 03:00 buffered, 04:00 dropped, 03:00 starts at 04:20
    expect(starts).toEqual(['2026-01-05T01:00:00.000Z', '2026-01-05T02:00:00.000Z', '2026-01-05T03:00:00.000Z']);
    const started = t.core.runs
      .list({ workflowId: id, limit: 10 })
      .map((r) => iso(r.createdAt))
      .sort();
    expect(started).toEqual(['2026-01-05T01:00:00.000Z', '2026-01-05T02:40:00.000Z', '2026-01-05T04:20:00.000Z']);
  });

  it('allow starts every fire', async () => {
    const { starts } = await runFor('allow');
    expect(starts).toHaveLength(5);
  });

  it('decides as documented', () => {
    expect(decideOverlap('skip', false, false)).toBe('start');
    expect(decideOverlap('skip', true, false)).toBe('skip');
    expect(decideOverlap('buffer-one', true, false)).toBe('buffer');
    expect(decideOverlap('buffer-one', true, true)).toBe('skip');
    expect(decideOverlap('allow', true, true)).toBe('start');
  });
});

describe('catch-up after the machine slept (an 8-hour clock jump)', () => {
  async function jump(catchUp: string, catchUpWindow = '24h'): Promise<string[]> {
    t = testCore({ start: Date.UTC(2026, 0, 5, 0, 30) });
    const { id } = t.core.workflows.import(cronWorkflow({ expr: '0 * * * *', timezone: 'UTC', overlap: 'allow', catchUp, catchUpWindow }));
    t.core.scheduler.start();
    await t.timer.advance(0);
    t.clock.advance(8 * H); // asleep from 00:30 to 08:30: no timer ran
    await t.timer.runDue();
    await t.core.engine.drain();
    return fired(id);
  }

  it('none: the missed fires are dropped', async () => {
    expect(await jump('none')).toEqual([]);
    // the schedule goes on normally afterwards
    await t.timer.advance(30 * 60_000);
    await t.core.engine.drain();
    expect(t.core.runs.list({ limit: 10 }).map((r) => iso(r.scheduledFor as number))).toEqual(['2026-01-05T09:00:00.000Z']);
  });

  it('latest: only the newest missed fire runs', async () => {
    expect(await jump('latest')).toEqual(['2026-01-05T08:00:00.000Z']);
    const run = t.core.runs.list({ limit: 1 })[0]!;
    expect(t.core.runs.get(run.id).input).toMatchObject({ scheduledFor: '2026-01-05T08:00:00.000Z', firedAt: '2026-01-05T08:30:00.000Z', late: true });
  });

  it('all: every missed fire within the window runs, oldest first', async () => {
    expect(await jump('all')).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((h) => iso(Date.UTC(2026, 0, 5, h))));
  });

  it('all, with a 3h window: only the fires of the last 3 hours', async () => {
    expect(await jump('all', '3h')).toEqual([6, 7, 8].map((h) => iso(Date.UTC(2026, 0, 5, h))));
  });

  it('catches up on start after the app was closed (state survives restarts)', async () => {
    t = testCore({ start: Date.UTC(2026, 0, 5, 0, 30) });
    const { id } = t.core.workflows.import(cronWorkflow({ expr: '0 * * * *', timezone: 'UTC', catchUp: 'latest' }));
    t.core.scheduler.start();
    await t.timer.advance(H); // 01:00 fires normally
    await t.core.engine.drain();
    t.core.close();
    t.clock.advance(8 * H); // app closed until 09:30
    const again = t.reopen();
    again.scheduler.start();
    await t.timer.runDue();
    await again.engine.drain();
    const times = again.runs
      .list({ workflowId: id, limit: 50 })
      .map((r) => iso(r.scheduledFor as number))
      .sort();
    expect(times).toEqual(['2026-01-05T01:00:00.000Z', '2026-01-05T09:00:00.000Z']);
  });

  it('never fires the same time twice, even from two processes', async () => {
    t = testCore({ start: Date.UTC(2026, 0, 5, 0, 30) });
    const { id } = t.core.workflows.import(cronWorkflow({ expr: '0 * * * *', timezone: 'UTC', overlap: 'allow', catchUp: 'all' }));
    const other = t.reopen();
    t.core.scheduler.start();
    other.scheduler.start();
    await t.timer.advance(3 * H);
    await t.core.engine.drain();
    await other.engine.drain();
    expect(fired(id)).toEqual([1, 2, 3].map((h) => iso(Date.UTC(2026, 0, 5, h))));
  });

  it('plans as documented', () => {
    const s = new CronSchedule('0 * * * *', 'UTC');
    const now = Date.UTC(2026, 0, 5, 8, 0, 10);
    const last = Date.UTC(2026, 0, 5, 0, 30);
    expect(planFires(s, last, now, 'none', 24 * H, 60_000).fire).toEqual([{ at: Date.UTC(2026, 0, 5, 8), late: false }]);
    expect(planFires(s, last, now, 'latest', 24 * H, 60_000).fire).toEqual([{ at: Date.UTC(2026, 0, 5, 8), late: false }]);
    expect(planFires(s, last, now, 'all', 24 * H, 60_000).fire).toHaveLength(8);
    expect(planFires(s, now, now, 'all', 24 * H, 60_000).fire).toEqual([]);
  });
});
