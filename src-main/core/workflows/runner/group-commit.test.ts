import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { doubleAndLog, wf } from '../../../../tests/helpers/workflows/documents';
import { serverPerTest } from '../../../../tests/helpers/workflows/server-per-test';
import { answer, until } from '../../../../tests/helpers/workflows/wait';

/** The write pattern of ../README.md "Persistence points": group commit and internal steps. */

let t: TestCore;
let other: Database.Database | undefined;
const http = serverPerTest(() => {
  other?.close();
  other = undefined;
  t?.cleanup();
});

/** A second connection to the same file: it sees committed rows only, like another process. */
function otherProcess(): Database.Database {
  other = new Database(join(t.dir, 'levqor.db'), { readonly: true });
  return other;
}

const stepsOf = (db: Database.Database, runId: string) =>
  (db.prepare('SELECT node_id, status FROM run_steps WHERE run_id = ? ORDER BY seq').all(runId) as { node_id: string; status: string }[]).map((r) => [r.node_id, r.status]);

describe('group commit', () => {
  it('commits a step’s running row, and the internal steps before it, before its request leaves', async () => {
    t = testCore();
    const seen: unknown[] = [];
    http.server.route('/look', (_hit, res) => {
      // read from another connection while the request is in flight
      const runId = (otherProcess().prepare('SELECT id FROM runs').get() as { id: string }).id;
      seen.push(stepsOf(other as Database.Database, runId));
      answer(res, { ok: true });
    });
    const doc = wf(
      [
        { id: 'pre', type: 'transform', params: { expression: '1 + 1' } },
        { id: 'call', type: 'http.request', params: { method: 'POST', url: `${http.server.url}/look`, body: { n: '{{ steps.pre.output }}' } } },
        { id: 'post', type: 'log', params: { message: 'done' } },
      ],
      [
        { from: 'pre', to: 'call' },
        { from: 'call', to: 'post' },
      ],
    );
    const result = await t.core.workflows.run({ workflow: doc, wait: true });
    expect(result.status).toBe('succeeded');
    expect(seen).toEqual([
      [
        ['pre', 'succeeded'],
        ['call', 'running'],
      ],
    ]);
  });

  it('a run whose lease was taken writes nothing more, while the runs committed with it go on', async () => {
    t = testCore();
    const { id } = t.core.workflows.import(
      wf(
        [
          { id: 'call', type: 'http.request', params: { method: 'POST', url: `${http.server.url}/slow`, body: {} } },
          { id: 'post', type: 'log', params: { message: 'after' } },
        ],
        [{ from: 'call', to: 'post' }],
      ),
    );
    const runIds: string[] = [];
    for (let i = 0; i < 3; i++) runIds.push((await t.core.workflows.run({ id })).runId);
    await until(() => http.parked.length === 3);

    // another process takes the second run over (its lease as if it had run out)
    const thief = new Database(join(t.dir, 'levqor.db'));
    thief.prepare(`UPDATE runs SET owner = 'elsewhere/1/x', lease_until = ? WHERE id = ?`).run(t.clock.now() + 600_000, runIds[1]);
    thief.close();
    for (const res of http.parked) answer(res, { ok: true });
    await t.core.engine.drain();

    const db = otherProcess();
    const status = (runId: string) => (db.prepare('SELECT status, owner FROM runs WHERE id = ?').get(runId) as { status: string; owner: string | null });
    expect(status(runIds[0]!)).toEqual({ status: 'succeeded', owner: null });
    expect(status(runIds[2]!)).toEqual({ status: 'succeeded', owner: null });
    expect(status(runIds[1]!)).toEqual({ status: 'running', owner: 'elsewhere/1/x' });
    // the stolen run's result was not written: its new owner will re-run the step
    expect(stepsOf(db, runIds[1]!)).toEqual([['call', 'running']]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM run_logs WHERE run_id = ?').get(runIds[1])).toEqual({ n: 0 });
  });

  it('concurrent runs answered from memory agree with what was committed', async () => {
    t = testCore();
    const { id } = t.core.workflows.import(doubleAndLog);
    const results = await Promise.all(Array.from({ length: 16 }, (_, n) => t.core.workflows.run({ id, input: { n }, wait: true })));
    const db = otherProcess();
    for (const [n, r] of results.entries()) {
      expect(r).toEqual({
        runId: r.runId,
        status: 'succeeded',
        steps: [
          { id: 'calc', status: 'succeeded', attempts: 1 },
          { id: 'say', status: 'succeeded', attempts: 1 },
        ],
        output: { message: `n is ${n * 2}` },
      });
      // the same, read back by another connection
      expect(t.core.runs.get(r.runId)).toMatchObject({ status: 'succeeded', output: r.output, steps: r.steps });
      expect(db.prepare('SELECT message FROM run_logs WHERE run_id = ?').all(r.runId)).toEqual([{ message: `n is ${n * 2}` }]);
      // written once, as it ended: nobody holds it, and it has its times
      const now = t.clock.now();
      expect(db.prepare('SELECT owner, lease_until, wake_at, created_at, started_at, finished_at FROM runs WHERE id = ?').get(r.runId)).toEqual({
        owner: null,
        lease_until: null,
        wake_at: null,
        created_at: now,
        started_at: now,
        finished_at: now,
      });
    }
  });
});
